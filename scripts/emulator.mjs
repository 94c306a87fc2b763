// Starts the local SES emulator (src/emulator/cli.ts) as a child process and reads its EmulatorInfo:
// { apiEndpoint, mailboxUrl, smtpHost, smtpPort, smtpsPort, caFile, accessKeyId, secretAccessKey,
//   smtpUsername, smtpPasswords: { region: password }, regions }.
// Ports 0 (the default here) let the OS choose, so parallel runs never collide. The emulator stops when the
// returned `stop()` is called or this process exits.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startProcess } from './lib/proc.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The seed `npm start` and the tests use: one sandbox region with a verified sender and a pending address. */
export function sampleSeed() {
  for (const candidate of ['src/emulator/seeds/sample.json', 'src/emulator/seeds/default.json']) {
    const file = path.join(ROOT, candidate);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/**
 * @param {{ apiPort?: number, smtpPort?: number, smtpsPort?: number, seed?: string, logFile?: string,
 *           cli?: string, timeoutMs?: number }} options
 * @returns {Promise<{ info: any, json: string, stop: () => Promise<unknown>, exited: Promise<any> }>}
 */
export async function startEmulator(options = {}) {
  const { apiPort = 0, smtpPort = 0, smtpsPort = 0, seed, logFile, timeoutMs = 60000 } = options;
  // SES_EMULATOR_CLI lets the harness be exercised with a stand-in; normally it is the product's emulator.
  const cli = options.cli ?? process.env.SES_EMULATOR_CLI ?? path.join(ROOT, 'src/emulator/cli.ts');
  if (!fs.existsSync(cli)) throw new Error(`the SES emulator is missing: ${cli}`);
  const args = [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), cli, '--json',
    '--api-port', String(apiPort), '--smtp-port', String(smtpPort), '--smtps-port', String(smtpsPort)];
  if (seed) args.push('--seed', path.resolve(seed));

  const { child, exited, stop } = startProcess(process.execPath, args, {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' },
  });
  if (logFile) fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logStream = logFile ? fs.createWriteStream(logFile) : undefined;
  const stderr = [];
  child.stderr.on('data', (chunk) => {
    logStream?.write(chunk);
    stderr.push(chunk);
  });

  const lines = readline.createInterface({ input: child.stdout });
  const info = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no EmulatorInfo line within ${timeoutMs} ms`)), timeoutMs);
    function fail(error) {
      clearTimeout(timer);
      stop();
      const output = Buffer.concat(stderr).toString().trim();
      reject(new Error(`the SES emulator did not start: ${error.message}${output ? `\n${output}` : ''}`));
    }
    lines.on('line', (line) => {
      const text = line.trim();
      // The info line carries the emulator's key pair and SMTP passwords: logs get its endpoints only.
      logStream?.write(text.startsWith('{') ? `${redactInfo(text)}\n` : `${line}\n`);
      if (!text.startsWith('{')) return;
      try {
        const parsed = JSON.parse(text);
        if (!parsed.apiEndpoint) return;
        clearTimeout(timer);
        resolve(parsed);
      } catch {
        // not the info line
      }
    });
    exited.then(({ code, signal, error }) => fail(error ?? new Error(`it exited with ${code ?? signal}`)));
  });
  // Keep draining its output after the info line so it never blocks on a full pipe.
  lines.on('line', (line) => logStream?.write(`${line}\n`));
  exited.then(() => logStream?.end());
  return { info, json: JSON.stringify(info), stop, exited };
}

/** The EmulatorInfo line without its credentials, for log files. */
function redactInfo(text) {
  try {
    const { apiEndpoint, mailboxUrl, smtpHost, smtpPort, smtpsPort, regions } = JSON.parse(text);
    return JSON.stringify({ apiEndpoint, mailboxUrl, smtpHost, smtpPort, smtpsPort, regions, credentials: '(omitted)' });
  } catch {
    return '(emulator info line omitted)';
  }
}
