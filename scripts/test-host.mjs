#!/usr/bin/env node
// Extension-host tests: mocha inside the real extension host of VS Code (code-server), driven by Chromium through
// the workbench's test payload, against a fresh SES emulator. Writes test-results/host.json.
//   node scripts/test-host.mjs [--no-build] [--grep PATTERN]
// Env: SES_TEST_GREP (mocha grep), SES_HOST_TIMEOUT_MS (default 600000), SES_TEST_VERBOSE=1 (all console output).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { ensureEnv } from './ensure-env.mjs';
import { ROOT, sampleSeed, startEmulator } from './emulator.mjs';
import { buildHostTests } from './build-host-tests.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { log, run, stopAll } from './lib/proc.mjs';
import { countsFile, readJson, writeResult } from './lib/results.mjs';
import { prepareRun, privateRunName, removeRun, startCodeServer } from './lib/workbench.mjs';

const SUITE = 'host';

// test/host/index.ts prints this when mocha starts; before it the workbench's own start-up chatter is hidden
// (errors excepted), after it only the known noise below is.
const START_MARKER = '[ses-host-tests] start:';
const NOISE = [
  /Could not identify extension for 'vscode' require call/, /Ignoring fetching additional builtin extensions/,
  /Creating a socket|Resolving connection token|Resolved connection token/, /\[Service Worker\]/,
  /Updating additional builtin extensions cache/, /ChatSessionStore/, /Long running operations during shutdown/,
  /An iframe which has both allow-scripts and allow-same-origin/, /punycode/, /^\s*$/,
];

function clean(text) {
  return text.replace(/%c/g, '').replace(/color: [^;]+;?|font-weight: [^;]+;?|background: [^;]+;?/g, '').trimEnd();
}

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
    const server = await startCodeServer(runFolder, emulator.info, {
      env: { SES_TEST_COUNTS_FILE: counts, ...(grep ? { SES_TEST_GREP: grep } : {}) },
    });
    const browser = await launchBrowser(path.join(runFolder.dir, 'browser'));
    const page = await browser.newPage();
    const verbose = process.env.SES_TEST_VERBOSE === '1';
    const consoleLog = fs.createWriteStream(path.join(runFolder.logsDir, 'host-console.log'));
    const exit = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    let testsStarted = false;
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = clean(util.format(...(Array.isArray(args) ? args : [args])));
      consoleLog.write(`${level} ${text}\n`);
      if (text.includes(START_MARKER)) {
        testsStarted = true;
        return;
      }
      const shown = verbose || ((testsStarted || level === 'error') && !NOISE.some((re) => re.test(text)));
      if (shown) process.stdout.write(`${text}\n`);
    });
    page.on('pageerror', (e) => consoleLog.write(`pageerror ${e.message}\n`));

    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${authority}${index}`],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(runFolder.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const timeoutMs = Number(process.env.SES_HOST_TIMEOUT_MS || 600_000);
    exitCode = await Promise.race([
      exit,
      server.exited.then((r) => { throw new Error(`code-server exited during the tests (${r.code ?? r.signal})`); }),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`host tests did not finish within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    await browser.close().catch(() => {});
    consoleLog.end();
  } catch (e) {
    error = e;
    console.error(`[ses] host tests could not run: ${e.message}`);
  } finally {
    await stopAll();
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
