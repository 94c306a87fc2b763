#!/usr/bin/env node
// `npm test`: ensure-env, type check, build, then the unit, extension-host and browser end-to-end suites, each in
// its own process. Ends with exactly one line "N passed, N failed" totalling every suite, counted from mocha's
// runner events (test-results/<suite>.json), and exits non-zero when anything failed or could not run.
//   npm test                  all suites
//   npm test -- unit host     only these suites (unit, host, e2e); the type check and build always run
import fs from 'node:fs';
import path from 'node:path';
import { ensureEnv } from './ensure-env.mjs';
import { ROOT } from './emulator.mjs';
import { capture, log, startProcess } from './lib/proc.mjs';
import { readJson, resultFile, RESULTS_DIR } from './lib/results.mjs';

const SUITES = {
  unit: ['scripts/test-unit.mjs'],
  host: ['scripts/test-host.mjs', '--no-build'],
  e2e: ['scripts/test-e2e.mjs'],
};

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((s) => !(s in SUITES));
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; choose from ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
const chosen = requested.length ? requested : Object.keys(SUITES);

const started = Date.now();
const rows = []; // { name, passed, failed, seconds, note }

function step(name, fn) {
  const t = Date.now();
  log(`── ${name}`);
  try {
    fn();
    rows.push({ name, passed: 0, failed: 0, seconds: (Date.now() - t) / 1000, note: 'ok' });
    return true;
  } catch (error) {
    console.error(`[ses] ${name} failed: ${error.message}`);
    rows.push({ name, passed: 0, failed: 1, seconds: (Date.now() - t) / 1000, note: 'FAILED' });
    return false;
  }
}

function npmRun(script) {
  const result = capture('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} exited with ${result.status ?? result.signal}`);
}

fs.mkdirSync(RESULTS_DIR, { recursive: true });
const envReady = step('environment (scripts/ensure-env.mjs)', () => ensureEnv());
step('type check (tsc --noEmit -p .)', () => npmRun('typecheck'));
const built = step('build (scripts/build.mjs)', () => npmRun('build'));

for (const suite of chosen) {
  const t = Date.now();
  log(`── ${suite} tests`);
  let result;
  if (!envReady && suite !== 'unit') {
    result = { passed: 0, failed: 1, crashed: true, error: 'the environment is not ready' };
  } else if (!built && suite === 'host') {
    result = { passed: 0, failed: 1, crashed: true, error: 'the build failed' };
  } else {
    const [script, ...args] = SUITES[suite];
    const file = path.join(RESULTS_DIR, `.${suite}-result-${process.pid}.json`);
    fs.rmSync(file, { force: true });
    const child = startProcess(process.execPath, [path.join(ROOT, script), ...args], {
      cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, SES_TEST_RESULT_FILE: file },
    });
    const { code, signal } = await child.exited;
    result = readJson(file);
    if (result) fs.copyFileSync(file, resultFile(suite));
    fs.rmSync(file, { force: true });
    if (!result) {
      result = { passed: 0, failed: 1, crashed: true, error: `the runner exited with ${code ?? signal} and left no result` };
    } else if (code !== 0 && result.failed === 0) {
      result = { ...result, failed: 1, crashed: true, error: `the runner exited with ${code ?? signal}` };
    }
  }
  const note = result.crashed ? `DID NOT COMPLETE${result.error ? `: ${result.error}` : ''}` : (result.failed ? 'FAILED' : 'ok');
  rows.push({ name: `${suite} tests`, passed: result.passed, failed: result.failed, seconds: (Date.now() - t) / 1000, note });
}

const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
console.log('');
for (const r of rows) {
  console.log(`[ses] ${r.name.padEnd(38)} passed ${String(r.passed).padStart(4)}  failed ${String(r.failed).padStart(3)}  ${r.seconds.toFixed(1).padStart(6)} s  ${r.note}`);
}
console.log(`[ses] total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`); // the one line CI reads
process.exit(failed > 0 ? 1 : 0);
