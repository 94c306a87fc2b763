#!/usr/bin/env node
// Plain-Node unit tests: mocha with .mocharc.json (test/unit/**/*.test.ts through tsx). Writes test-results/unit.json.
//   node scripts/test-unit.mjs [extra mocha arguments, e.g. --grep PATTERN]
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './emulator.mjs';
import { log, startProcess } from './lib/proc.mjs';
import { countsFile, readJson, writeResult } from './lib/results.mjs';

const SUITE = 'unit';

export async function runUnitTests(extraArgs = []) {
  const started = Date.now();
  const counts = countsFile(SUITE);
  fs.rmSync(counts, { force: true });
  const mocha = startProcess(process.execPath, [
    path.join(ROOT, 'node_modules/mocha/bin/mocha.js'),
    '--reporter', path.join(ROOT, 'scripts/lib/count-reporter.cjs'),
    ...extraArgs,
  ], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, SES_TEST_COUNTS_FILE: counts } });
  const { code, error } = await mocha.exited;
  const result = writeResult(SUITE, { counts: readJson(counts), exitCode: code ?? 1, error, seconds: (Date.now() - started) / 1000 });
  log(`unit suite: passed ${result.passed}, failed ${result.failed}${result.crashed ? ' (suite did not complete)' : ''}, ${result.seconds.toFixed(1)} s`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runUnitTests(process.argv.slice(2));
  process.exit(result.failed > 0 ? 1 : 0);
}
