#!/usr/bin/env node
// `npm start`: runs SES Workbench for a person on this machine. Installs what is missing (ensure-env), packages the
// extension, starts the SES emulator with the sample data on its usual ports (API 4590, SMTP 2587 STARTTLS, 2465
// TLS) and VS Code (code-server) on 127.0.0.1:8080 or the next free port, with the .vsix installed and a
// workspace pointed at the emulator. Ctrl-C stops everything.
import path from 'node:path';
import { ensureEnv } from './ensure-env.mjs';
import { ROOT, sampleSeed, startEmulator } from './emulator.mjs';
import { freePort, isShuttingDown, log, run, stopAll } from './lib/proc.mjs';
import { installVsix, prepareRun, startCodeServer } from './lib/workbench.mjs';

const VSIX = path.join(ROOT, 'dist', 'ses-workbench.vsix');

async function main() {
  ensureEnv();
  log('packaging the extension (npm run package: production build + vsce package)');
  run('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

  const ports = { apiPort: await freePort(4590), smtpPort: await freePort(2587), smtpsPort: await freePort(2465) };
  const emulator = await startEmulator({ ...ports, seed: sampleSeed(), logFile: path.join(ROOT, '.run', 'start-emulator.log') });
  const { info } = emulator;

  // Keeps the user-data folder (window state, secrets) across starts; settings, credentials and the extension are
  // written anew each time.
  const runFolder = prepareRun('start', info, { fresh: false });
  installVsix(runFolder, VSIX);
  const server = await startCodeServer(runFolder, info, { port: 8080 });
  const url = `${server.url}/?folder=${encodeURIComponent(runFolder.workspace)}`;
  const region = info.regions.includes('us-east-1') ? 'us-east-1' : info.regions[0];

  console.log(`
SES Workbench is running.

  Open VS Code:        ${url}
  Emulator mailbox:    ${info.mailboxUrl}
  SES API endpoint:    ${info.apiEndpoint}   (profile "ses-emulator", regions ${info.regions.join(', ')})
  SMTP:                ${info.smtpHost}:${info.smtpPort} STARTTLS, ${info.smtpHost}:${info.smtpsPort} TLS${info.dnsServer ? `
  DNS (its zone):      ${info.dnsServer} UDP, asked by "SES: Check Domain DNS"` : ''}

  For "SES: Set SMTP Credentials" in ${region}:
    username  ${info.smtpUsername}
    password  ${info.smtpPasswords[region]}

  Logs: ${path.relative(ROOT, runFolder.logsDir)}/   Press Ctrl-C to stop.
`);

  const ended = await Promise.race([
    server.exited.then((r) => `code-server exited (${r.code ?? r.signal})`),
    emulator.exited.then((r) => `the SES emulator exited (${r.code ?? r.signal})`),
  ]);
  if (isShuttingDown()) return; // Ctrl-C: the signal handler finishes the stop
  console.error(`[ses] ${ended}; stopping`);
  await stopAll();
  process.exit(1);
}

main().catch(async (error) => {
  console.error(`[ses] npm start failed: ${error.message}`);
  await stopAll();
  process.exit(1);
});
