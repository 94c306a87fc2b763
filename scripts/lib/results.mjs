// One JSON record per suite in test-results/<suite>.json, read by scripts/test.mjs to print the total.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../emulator.mjs';

export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** Where mocha's counts go while a suite runs (private to this process). */
export function countsFile(suite) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  return path.join(RESULTS_DIR, `.${suite}-counts-${process.pid}.json`);
}

/** The suite's result: test-results/<suite>.json, or SES_TEST_RESULT_FILE when scripts/test.mjs asks for it. */
export function resultFile(suite) {
  return process.env.SES_TEST_RESULT_FILE || path.join(RESULTS_DIR, `${suite}.json`);
}

export function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Writes the suite's result. A suite that could not run or did not finish counts as at least one failure,
 * never as "0 failed".
 */
export function writeResult(suite, { counts, exitCode, error, seconds }) {
  const passed = counts?.passed ?? 0;
  let failed = counts?.failed ?? 0;
  const crashed = Boolean(error) || !counts || counts.finished === false || (exitCode !== 0 && failed === 0);
  if (crashed && failed === 0) failed = 1;
  const result = { suite, passed, failed, pending: counts?.pending ?? 0, crashed, exitCode, seconds,
    error: error ? String(error.message ?? error) : undefined };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(resultFile(suite), `${JSON.stringify(result, null, 2)}\n`);
  if (counts) fs.rmSync(countsFile(suite), { force: true });
  return result;
}
