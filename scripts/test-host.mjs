#!/usr/bin/env node
// Extension-host tests: mocha inside the real extension host of VS Code, against a fresh SES emulator, through
// @vscode/test-electron's runTests with code-server + Chromium standing in for the VS Code executable
// (scripts/code-test-shim.mjs). Writes test-results/host.json.
//   node scripts/test-host.mjs [--no-build] [--grep PATTERN]
// Env: SES_TEST_GREP (mocha grep), SES_HOST_TIMEOUT_MS (default 600000), SES_TEST_VERBOSE=1 (all console output).
import fs from 'node:fs';
import path from 'node:path';
import { ensureEnv } from './ensure-env.mjs';
import { ROOT, sampleSeed, startEmulator } from './emulator.mjs';
import { buildHostTests, cleanHostTests } from './build-host-tests.mjs';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { log, run, stopAll } from './lib/proc.mjs';
import { countsFile, readJson, writeResult } from './lib/results.mjs';
import { prepareRun, privateRunName, removeRun, runEnv } from './lib/workbench.mjs';

const SUITE = 'host';

export const SHIM = path.join(ROOT, 'scripts', 'code-test-shim.mjs');

export async function runHostTests({ build = true, grep } = {}) {
  const started = Date.now();
  const counts = countsFile(SUITE);
  fs.rmSync(counts, { force: true });
  let exitCode;
  let error;
  let runFolder;
  try {
    ensureEnv();
    if (build) {
      log('building the extension (npm run build)');
      run('npm', ['run', '--silent', 'build'], { cwd: ROOT });
    }
    const { index, tests } = await buildHostTests();
    log(`built ${tests} host test file(s)`);

    const emulator = await startEmulator({ seed: sampleSeed(), logFile: path.join(ROOT, 'test-results', 'host-emulator.log') });
    log(`emulator ${emulator.info.apiEndpoint}`);
    runFolder = prepareRun(privateRunName('host'), emulator.info);
    // The standard runner, handed a stand-in for the VS Code executable (see scripts/code-test-shim.mjs).
    // runTests passes this process's environment on, so the caller's own AWS setup must leave it first.
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
    const { AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, AWS_EC2_METADATA_DISABLED, SES_TEST_EMULATOR } = runEnv(runFolder, emulator.info);
    try {
      exitCode = await runTests({
        vscodeExecutablePath: SHIM,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: index,
        launchArgs: [runFolder.workspace, `--user-data-dir=${runFolder.userDataDir}`, `--extensions-dir=${runFolder.extensionsDir}`],
        extensionTestsEnv: {
          AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, AWS_EC2_METADATA_DISABLED, SES_TEST_EMULATOR,
          SES_TEST_COUNTS_FILE: counts,
          ...(grep ? { SES_TEST_GREP: grep } : {}),
        },
      });
    } catch (e) {
      if (!(e instanceof TestRunFailedError)) throw e;
      exitCode = e.code ?? 1;
    }
  } catch (e) {
    error = e;
    console.error(`[ses] host tests could not run: ${e.message}`);
  } finally {
    await stopAll();
    cleanHostTests();
  }
  const result = writeResult(SUITE, { counts: readJson(counts), exitCode, error, seconds: (Date.now() - started) / 1000 });
  log(`host suite: passed ${result.passed}, failed ${result.failed}${result.crashed ? ' (suite did not complete)' : ''}, ${result.seconds.toFixed(1)} s`);
  if (runFolder) {
    if (result.failed === 0 && !process.env.SES_KEEP_RUN) removeRun(runFolder);
    else log(`run folder kept for its logs: ${path.relative(ROOT, runFolder.dir)}`);
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const grepAt = argv.indexOf('--grep');
  const result = await runHostTests({ build: !argv.includes('--no-build'), grep: grepAt >= 0 ? argv[grepAt + 1] : process.env.SES_TEST_GREP });
  process.exit(result.failed > 0 ? 1 : 0);
}
