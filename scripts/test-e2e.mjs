#!/usr/bin/env node
// Browser end-to-end tests of the packaged extension: packages the .vsix, installs it into a fresh extensions
// folder, starts the SES emulator and code-server, and runs test/e2e/*.e2e.ts with mocha (tsx) against them.
// Writes test-results/e2e.json; screenshots go to test-results/screenshots/ (and docs/screenshots/ with
// UPDATE_SCREENSHOTS=1).
//   node scripts/test-e2e.mjs [--no-package] [--grep PATTERN] [scenario files...]
import fs from 'node:fs';
import path from 'node:path';
import { ensureEnv } from './ensure-env.mjs';
import { ROOT, sampleSeed, startEmulator } from './emulator.mjs';
import { log, run, startProcess, stopAll } from './lib/proc.mjs';
import { countsFile, readJson, RESULTS_DIR, writeResult } from './lib/results.mjs';
import { installVsix, prepareRun, privateRunName, removeRun, startCodeServer } from './lib/workbench.mjs';

const SUITE = 'e2e';
export const VSIX = path.join(ROOT, 'dist', 'ses-workbench.vsix');

export async function runE2eTests({ pack = true, grep, files = [] } = {}) {
  const started = Date.now();
  const counts = countsFile(SUITE);
  fs.rmSync(counts, { force: true });
  fs.rmSync(path.join(RESULTS_DIR, 'screenshots'), { recursive: true, force: true });
  let exitCode;
  let error;
  let runFolder;
  try {
    ensureEnv();
    if (pack) {
      log('packaging the extension (npm run package)');
      run('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    if (!fs.existsSync(VSIX)) throw new Error(`${path.relative(ROOT, VSIX)} is missing: run npm run package`);

    const emulator = await startEmulator({ seed: sampleSeed(), logFile: path.join(RESULTS_DIR, 'e2e-emulator.log') });
    log(`emulator ${emulator.info.apiEndpoint}`);
    runFolder = prepareRun(privateRunName('e2e'), emulator.info);
    installVsix(runFolder, VSIX);
    log(`installed ${path.relative(ROOT, VSIX)} into ${path.relative(ROOT, runFolder.extensionsDir)}`);
    const server = await startCodeServer(runFolder, emulator.info);

    const specs = files.length ? files : ['test/e2e/**/*.e2e.ts'];
    const args = [
      path.join(ROOT, 'node_modules/mocha/bin/mocha.js'), '--no-config',
      '--require', 'tsx/cjs',
      '--timeout', process.env.SES_E2E_TIMEOUT_MS || '120000',
      '--reporter', path.join(ROOT, 'scripts/lib/count-reporter.cjs'),
      '--exit',
      ...(grep ? ['--grep', grep] : []),
      ...specs,
    ];
    const mocha = startProcess(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        SES_E2E_URL: server.url,
        SES_E2E_WORKSPACE: runFolder.workspace,
        SES_E2E_RUN_DIR: runFolder.dir,
        SES_TEST_EMULATOR: emulator.json,
        SES_TEST_COUNTS_FILE: counts,
        ...(process.stdout.isTTY ? {} : { FORCE_COLOR: '0' }), // plain text in CI logs
      },
    });
    const result = await mocha.exited;
    exitCode = result.code ?? 1;
  } catch (e) {
    error = e;
    console.error(`[ses] e2e tests could not run: ${e.message}`);
  } finally {
    await stopAll();
  }
  const result = writeResult(SUITE, { counts: readJson(counts), exitCode, error, seconds: (Date.now() - started) / 1000 });
  log(`e2e suite: passed ${result.passed}, failed ${result.failed}${result.crashed ? ' (suite did not complete)' : ''}, ${result.seconds.toFixed(1)} s; screenshots in ${path.relative(ROOT, path.join(RESULTS_DIR, 'screenshots'))}`);
  if (runFolder) {
    if (result.failed === 0 && !process.env.SES_KEEP_RUN) removeRun(runFolder);
    else log(`run folder kept for its logs: ${path.relative(ROOT, runFolder.dir)}`);
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const grepAt = argv.indexOf('--grep');
  const files = argv.filter((a, i) => !a.startsWith('--') && (grepAt < 0 || i !== grepAt + 1));
  const result = await runE2eTests({ pack: !argv.includes('--no-package'), grep: grepAt >= 0 ? argv[grepAt + 1] : undefined, files });
  process.exit(result.failed > 0 ? 1 : 0);
}
