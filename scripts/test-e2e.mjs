#!/usr/bin/env node
// Browser end-to-end tests of the packaged extension: packages the .vsix once, then runs test/e2e/*.e2e.ts with
// mocha (tsx). Each scenario file (each `useWorkbench()` call in test/e2e/harness.ts) gets its own fresh SES
// emulator and its own code-server (user data, extensions folder with the .vsix installed, workspace) in
// .run/e2e-<pid>/<scenario>/, so no scenario sees another's state.
// Writes test-results/e2e.json; screenshots go to test-results/screenshots/ (and docs/screenshots/ with
// UPDATE_SCREENSHOTS=1).
//   node scripts/test-e2e.mjs [--no-package] [--grep PATTERN] [scenario files...]
import fs from 'node:fs';
import path from 'node:path';
import { ensureEnv } from './ensure-env.mjs';
import { ROOT, sampleSeed } from './emulator.mjs';
import { log, run, startProcess, stopAll } from './lib/proc.mjs';
import { countsFile, readJson, RESULTS_DIR, writeResult } from './lib/results.mjs';
import { privateRunName } from './lib/workbench.mjs';

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

    runFolder = path.join(ROOT, '.run', privateRunName('e2e'));
    fs.rmSync(runFolder, { recursive: true, force: true });
    fs.mkdirSync(runFolder, { recursive: true });

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
        SES_E2E_VSIX: VSIX,
        SES_E2E_RUN_DIR: runFolder,
        SES_E2E_SEED: sampleSeed() ?? '',
        SES_TEST_COUNTS_FILE: counts,
        ...(process.stdout.isTTY ? {} : { FORCE_COLOR: '0' }), // plain text in CI logs
      },
    });
    const result = await mocha.exited;
    exitCode = result.code ?? 1;
    logIsolationCost(runFolder);
  } catch (e) {
    error = e;
    console.error(`[ses] e2e tests could not run: ${e.message}`);
  } finally {
    await stopAll();
  }
  const result = writeResult(SUITE, { counts: readJson(counts), exitCode, error, seconds: (Date.now() - started) / 1000 });
  log(`e2e suite: passed ${result.passed}, failed ${result.failed}${result.crashed ? ' (suite did not complete)' : ''}, ${result.seconds.toFixed(1)} s; screenshots in ${path.relative(ROOT, path.join(RESULTS_DIR, 'screenshots'))}`);
  if (runFolder) {
    if (result.failed === 0 && !process.env.SES_KEEP_RUN) fs.rmSync(runFolder, { recursive: true, force: true });
    else if (fs.existsSync(runFolder)) log(`run folder kept for its logs: ${path.relative(ROOT, runFolder)}`);
  }
  return result;
}

/** One line: what giving every scenario its own emulator and code-server cost (from the harness's timings). */
function logIsolationCost(runFolder) {
  const file = path.join(runFolder, 'timings.jsonl');
  if (!fs.existsSync(file)) return;
  const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const sum = (key) => rows.reduce((total, row) => total + (row[key] ?? 0), 0);
  log(`isolation: ${rows.length} scenario(s), each with its own emulator and code-server: ${sum('isolation').toFixed(1)} s `
    + `starting them (emulator + .vsix install ${sum('emulatorAndInstall').toFixed(1)} s, code-server ${sum('codeServer').toFixed(1)} s), `
    + `${sum('workbench').toFixed(1)} s opening the workbenches`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const grepAt = argv.indexOf('--grep');
  const files = argv.filter((a, i) => !a.startsWith('--') && (grepAt < 0 || i !== grepAt + 1));
  const result = await runE2eTests({ pack: !argv.includes('--no-package'), grep: grepAt >= 0 ? argv[grepAt + 1] : undefined, files });
  process.exit(result.failed > 0 ? 1 : 0);
}
