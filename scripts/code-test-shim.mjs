#!/usr/bin/env node
// A stand-in for the VS Code executable, for @vscode/test-electron's `runTests({ vscodeExecutablePath })` (or
// @vscode/test-cli's `useInstallation: { fromPath }`): it accepts VS Code's command line
//   --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=D] [--extensions-dir=E] [FOLDER]
// and runs those tests in code-server's extension host, driven by Chromium through the workbench's test payload.
// Exits with the tests' exit code; the extension host's console output goes to stdout.
// On a desktop that can download VS Code, the same runTests call without vscodeExecutablePath runs real VS Code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { launchBrowser } from './lib/browser.mjs';
import { stopAll } from './lib/proc.mjs';
import { runLayout, startCodeServer } from './lib/workbench.mjs';

// test/host/index.ts prints this when mocha starts; before it the workbench's start-up chatter is hidden
// (errors excepted), after it only the known noise below is. SES_TEST_VERBOSE=1 shows everything.
const START_MARKER = '[ses-host-tests] start:';
const NOISE = [
  /Could not identify extension for 'vscode' require call/, /Ignoring fetching additional builtin extensions/,
  /Creating a socket|Resolving connection token|Resolved connection token/, /\[Service Worker\]/,
  /Updating additional builtin extensions cache/, /ChatSessionStore/, /Long running operations during shutdown/,
  /An iframe which has both allow-scripts and allow-same-origin/, /punycode/, /^\s*$/,
];

function parseArgs(argv) {
  const options = { developmentPaths: [], folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--extensionDevelopmentPath': options.developmentPaths.push(path.resolve(value())); break;
      case '--extensionTestsPath': options.testsPath = path.resolve(value()); break;
      case '--user-data-dir': options.userDataDir = path.resolve(value()); break;
      case '--extensions-dir': options.extensionsDir = path.resolve(value()); break;
      default:
        if (!arg.startsWith('-')) options.folder = path.resolve(arg); // other VS Code flags do not apply here
    }
  }
  return options;
}

function clean(text) {
  return text.replace(/%c/g, '').replace(/color: [^;]+;?|font-weight: [^;]+;?|background: [^;]+;?/g, '').trimEnd();
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!options.testsPath || options.developmentPaths.length === 0) {
    console.error('usage: code-test-shim --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=D] [--extensions-dir=E] [FOLDER]');
    return 2;
  }
  const dir = options.userDataDir ? path.dirname(options.userDataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'ses-code-'));
  const run = runLayout(dir, {
    userDataDir: options.userDataDir ?? path.join(dir, 'user-data'),
    extensionsDir: options.extensionsDir ?? path.join(dir, 'extensions'),
    workspace: options.folder,
  });
  const server = await startCodeServer(run, null);
  const browser = await launchBrowser(path.join(run.dir, 'browser'));
  const page = await browser.newPage();
  const verbose = process.env.SES_TEST_VERBOSE === '1';
  const consoleLog = fs.createWriteStream(path.join(run.logsDir, 'host-console.log'));
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
    if (verbose || ((testsStarted || level === 'error') && !NOISE.some((re) => re.test(text)))) process.stdout.write(`${text}\n`);
  });
  page.on('pageerror', (e) => consoleLog.write(`pageerror ${e.message}\n`));

  const authority = `127.0.0.1:${server.port}`;
  const payload = [
    ...options.developmentPaths.map((p) => ['extensionDevelopmentPath', `vscode-remote://${authority}${p}`]),
    ['extensionTestsPath', `vscode-remote://${authority}${options.testsPath}`],
  ];
  const query = `${options.folder ? `folder=${encodeURIComponent(options.folder)}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(`${server.url}/?${query}`);
  const timeoutMs = Number(process.env.SES_HOST_TIMEOUT_MS || 600_000);
  const code = await Promise.race([
    exit,
    server.exited.then((r) => { throw new Error(`code-server exited during the tests (${r.code ?? r.signal})`); }),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`the tests did not finish within ${timeoutMs} ms`)), timeoutMs).unref()),
  ]);
  await browser.close().catch(() => {});
  consoleLog.end();
  return typeof code === 'number' ? code : 1;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`[ses] code-test-shim: ${error.message}`);
} finally {
  await stopAll();
}
process.exit(code);
