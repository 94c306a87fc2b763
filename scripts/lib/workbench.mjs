// A run of VS Code (code-server) pointed at the emulator: the run folder `.run/<name>` with AWS credentials and
// config files, code-server's user settings, a workspace whose settings point the extension at the emulator,
// and the code-server process itself.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { capture, freePort, log, startProcess, waitFor } from './proc.mjs';
import { codeServerBin } from '../ensure-env.mjs';
import { ROOT } from '../emulator.mjs';

export const EMULATOR_PROFILE = 'ses-emulator';

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  // The emulator's SMTP ports would otherwise pop up as "application running on port …" offers.
  'remote.autoForwardPorts': false,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The folders and files of a run folder; `overrides` replace single entries (e.g. a given user-data dir). */
export function runLayout(dir, overrides = {}) {
  return {
    name: path.basename(dir),
    dir,
    userDataDir: path.join(dir, 'user-data'),
    extensionsDir: path.join(dir, 'extensions'),
    workspace: path.join(dir, 'workspace'),
    credentialsFile: path.join(dir, 'aws', 'credentials'),
    configFile: path.join(dir, 'aws', 'config'),
    logsDir: path.join(dir, 'logs'),
    xdg: path.join(dir, 'xdg'),
    tmp: path.join(dir, 'tmp'),
    ...overrides,
  };
}

/**
 * Lays out `.run/<name>` for the emulator described by `info`.
 * @param {string} name
 * @param {any} info EmulatorInfo
 * @param {{ fresh?: boolean, freshExtensions?: boolean }} options fresh: wipe the whole run folder first
 */
export function prepareRun(name, info, { fresh = true, freshExtensions = true } = {}) {
  const dir = path.join(ROOT, '.run', name);
  if (fresh) fs.rmSync(dir, { recursive: true, force: true });
  const run = runLayout(dir);
  if (freshExtensions) fs.rmSync(run.extensionsDir, { recursive: true, force: true });
  for (const d of [run.extensionsDir, run.workspace, run.logsDir, run.tmp, path.dirname(run.credentialsFile)]) {
    fs.mkdirSync(d, { recursive: true });
  }
  const region = info.regions?.includes('us-east-1') ? 'us-east-1' : (info.regions?.[0] ?? 'us-east-1');
  fs.writeFileSync(run.credentialsFile,
    `[${EMULATOR_PROFILE}]\naws_access_key_id = ${info.accessKeyId}\naws_secret_access_key = ${info.secretAccessKey}\n`,
    { mode: 0o600 });
  fs.writeFileSync(run.configFile, `[profile ${EMULATOR_PROFILE}]\nregion = ${region}\n`);
  writeJson(path.join(run.userDataDir, 'User', 'settings.json'), USER_SETTINGS);
  writeJson(path.join(run.workspace, '.vscode', 'settings.json'), {
    'ses.profile': EMULATOR_PROFILE,
    'ses.regions': info.regions ?? [region],
    'ses.endpoint': info.apiEndpoint,
    'ses.smtp.host': '127.0.0.1',
    'ses.smtp.port': info.smtpPort,
    'ses.smtp.tlsMode': 'starttls',
    'ses.smtp.caFile': info.caFile,
    // Check Domain DNS asks the emulator's own DNS, where records published through its control endpoint live.
    ...(info.dnsServer ? { 'ses.dns.servers': [info.dnsServer] } : {}),
  });
  const readme = path.join(run.workspace, 'README.md');
  if (!fs.existsSync(readme)) {
    fs.writeFileSync(readme, '# SES Workbench sandbox\n\nThis folder is set up by `npm start`: its `.vscode/settings.json` points '
      + 'SES Workbench at the local SES emulator. Open the SES Workbench view in the activity bar.\n');
  }
  return run;
}

/**
 * A run folder name private to this process (`<name>-<pid>`), so runs started at the same time in one checkout
 * never share a folder; folders left by processes that are gone are removed first.
 */
export function privateRunName(name) {
  const base = path.join(ROOT, '.run');
  for (const entry of fs.existsSync(base) ? fs.readdirSync(base) : []) {
    const match = entry.match(new RegExp(`^${name}-(\\d+)$`));
    if (!match) continue;
    try {
      process.kill(Number(match[1]), 0);
    } catch {
      fs.rmSync(path.join(base, entry), { recursive: true, force: true });
    }
  }
  return `${name}-${process.pid}`;
}

/** Removes a run folder (after a run that passed; a failed run keeps its logs). */
export function removeRun(run) {
  fs.rmSync(run.dir, { recursive: true, force: true });
}

/**
 * Environment for code-server (and so the extension host) of a run. With `info`, the run's AWS files and the
 * EmulatorInfo replace whatever AWS setup the caller has; with `info` null the caller's environment is kept
 * (the test-electron shim, whose caller already set them).
 */
export function runEnv(run, info, extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || (info && key.startsWith('AWS_'))) delete env[key];
  }
  const emulatorEnv = info ? {
    AWS_SHARED_CREDENTIALS_FILE: run.credentialsFile,
    AWS_CONFIG_FILE: run.configFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    SES_TEST_EMULATOR: JSON.stringify(info),
  } : {};
  return {
    ...env,
    ...emulatorEnv,
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(run.xdg, 'config'),
    XDG_DATA_HOME: path.join(run.xdg, 'data'),
    XDG_CACHE_HOME: path.join(run.xdg, 'cache'),
    XDG_RUNTIME_DIR: path.join(run.xdg, 'runtime'),
    TMPDIR: run.tmp,
    ...extra,
  };
}

/** Installs a .vsix into the run's extensions folder. */
export function installVsix(run, vsix) {
  const result = capture(codeServerBin(), ['--extensions-dir', run.extensionsDir, '--user-data-dir', run.userDataDir,
    '--install-extension', vsix, '--force'], { env: runEnv(run, {}) });
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
  }
}

/** Installs a .vsix into the run's extensions folder without blocking (so other start-up work can go on). */
export function installVsixAsync(run, vsix) {
  return new Promise((resolve, reject) => {
    const child = spawn(codeServerBin(), ['--extensions-dir', run.extensionsDir, '--user-data-dir', run.userDataDir,
      '--install-extension', vsix, '--force'], { env: runEnv(run, {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`installing ${vsix} failed (${code ?? signal}):\n${output}`));
    });
  });
}

/**
 * Starts code-server for a run on 127.0.0.1, on `port` or the next free one (0: any free port).
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<unknown>, exited: Promise<any> }>}
 */
export async function startCodeServer(run, info, { port = 0, env = {} } = {}) {
  const chosen = await freePort(port);
  for (const d of [run.logsDir, run.tmp, run.userDataDir, run.extensionsDir]) fs.mkdirSync(d, { recursive: true });
  const logFile = path.join(run.logsDir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    '--bind-addr', `127.0.0.1:${chosen}`, '--auth', 'none',
    '--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    ...(run.workspace ? [run.workspace] : []),
  ];
  for (const d of ['config', 'data', 'cache', 'runtime']) fs.mkdirSync(path.join(run.xdg, d), { recursive: true, mode: 0o700 });
  const { stop, exited } = startProcess(codeServerBin(), args, {
    cwd: run.dir, stdio: ['ignore', out, out], env: runEnv(run, info, env),
  });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${chosen}`;
  let gone;
  exited.then((r) => { gone = r; });
  await waitFor(async () => {
    if (gone) throw Object.assign(new Error(`code-server exited with ${gone.code ?? gone.signal}; see ${logFile}`), { fatal: true });
    const response = await fetch(`${url}/healthz`);
    return response.ok;
  }, { timeoutMs: 60000, what: `code-server on ${url} (log: ${logFile})` }).catch(async (error) => {
    await stop();
    throw error;
  });
  log(`code-server ${url} (log: ${path.relative(ROOT, logFile)})`);
  return { url, port: chosen, stop, exited };
}
