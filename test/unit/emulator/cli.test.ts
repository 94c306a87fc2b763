import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { EmulatorInfo } from '../../../src/emulator';

const ROOT = path.resolve(__dirname, '../../..');

describe('emulator: command line', () => {
  it('prints its info as one JSON line with --json, serves, and exits 0 on SIGTERM', async function () {
    this.timeout(30_000);
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/emulator/cli.ts'), '--json', '--api-port', '0', '--smtp-port', '0', '--smtps-port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const firstLine = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
      });
      child.on('exit', () => reject(new Error(`exited before printing: ${out}`)));
    });
    const info = JSON.parse(firstLine) as EmulatorInfo;
    assert.match(info.apiEndpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(info.accessKeyId, 'AKIASESEMULATOR00001');
    assert.equal(info.secretAccessKey.length, 40);
    assert.deepEqual(info.regions, ['us-east-1', 'eu-west-1']);
    assert.match(info.smtpPasswords['us-east-1'], /^B[A-Za-z0-9+/]{43}$/);
    assert.ok(existsSync(info.caFile));
    const messages = await fetch(`${info.apiEndpoint}/_emulator/messages`);
    assert.deepEqual(await messages.json(), { messages: [] });

    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.ok(!existsSync(info.caFile), 'the temporary data folder is removed on exit');
  });
});
