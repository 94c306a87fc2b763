#!/usr/bin/env node
// Installs what a new machine lacks to run VS Code here: Debian's Chromium and the libraries code-server builds
// against, and code-server itself in a cache folder outside node_modules (so `npm ci` stays light).
// Idempotent: a warm machine only checks. Importable (`ensureEnv()`) and runnable (`node scripts/ensure-env.mjs`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { capture, log, run } from './lib/proc.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'ripgrep'];
export const CHROMIUM = '/usr/bin/chromium';

// Packages in code-server's tree whose install scripts must run (native modules, rg, code-server's own
// postinstall, which installs VS Code's dependencies in lib/vscode with a nested `npm install`).
const ALLOWED_SCRIPTS = [
  'code-server', 'argon2', '@parcel/watcher', '@vscode/deviceid', '@vscode/ripgrep', '@vscode/spdlog',
  '@vscode/windows-process-tree', '@vscode/windows-registry', 'kerberos', 'native-watchdog', 'node-pty',
];
// @vscode/ripgrep 1.15.11 downloads rg from GitHub unless its cache already holds this file.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export function cacheRoot() {
  if (process.env.SES_WORKBENCH_CACHE) return path.resolve(process.env.SES_WORKBENCH_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ses-workbench');
}

export function codeServerDir() {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerBin() {
  return path.join(codeServerDir(), 'node_modules', '.bin', 'code-server');
}

/** Files that exist only when code-server's install scripts really ran. */
function codeServerProblems(dir) {
  const cs = path.join(dir, 'node_modules', 'code-server');
  const vs = path.join(cs, 'lib', 'vscode', 'node_modules');
  const expected = {
    'code-server launcher': path.join(dir, 'node_modules', '.bin', 'code-server'),
    'node-pty native module (postinstall of lib/vscode)': path.join(vs, 'node-pty', 'build', 'Release', 'pty.node'),
    'spdlog native module': path.join(vs, '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'),
    'ripgrep binary': path.join(vs, '@vscode', 'ripgrep', 'bin', 'rg'),
    'argon2 native module': path.join(dir, 'node_modules', 'argon2', 'lib', 'binding', 'napi-v3', 'argon2.node'),
  };
  return Object.entries(expected).filter(([, file]) => !fs.existsSync(file)).map(([what, file]) => `${what}: ${file}`);
}

function isDebianPackageInstalled(name) {
  const result = capture('dpkg-query', ['-W', '-f=${Status}', name]);
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureDebianPackages() {
  if (process.platform !== 'linux' || capture('dpkg-query', ['--version']).status !== 0) {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`not a Debian system and ${CHROMIUM} is missing`);
    return;
  }
  const missing = DEBIAN_PACKAGES.filter((name) => !isDebianPackageInstalled(name));
  if (missing.length === 0) {
    log(`Debian packages present: ${DEBIAN_PACKAGES.join(' ')}`);
    return;
  }
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  let sudo = [];
  if (process.getuid?.() !== 0) {
    if (capture('sudo', ['-n', 'true']).status === 0) {
      sudo = ['sudo', '-n'];
    } else {
      throw new Error(`missing Debian packages: ${missing.join(' ')}. Run as root:\n  sudo sh -c '${command}'\nthen run this again.`);
    }
  }
  log(`installing Debian packages: ${missing.join(' ')} (apt-get update first)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => run(sudo[0] ?? 'apt-get', sudo.length ? [...sudo.slice(1), 'apt-get', ...args] : args, { env });
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  const still = missing.filter((name) => !isDebianPackageInstalled(name));
  if (still.length) throw new Error(`apt-get did not install: ${still.join(' ')}`);
}

/** A tarball holding Debian's rg, where @vscode/ripgrep looks before downloading. */
function seedRipgrepCache(tmpdir) {
  const dir = path.join(tmpdir, RIPGREP_CACHE);
  const tarball = path.join(dir, RIPGREP_TARBALL);
  if (fs.existsSync(tarball)) return;
  const rg = capture('sh', ['-c', 'command -v rg']).stdout.trim() || '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new Error('ripgrep (rg) is missing; the Debian package ripgrep provides it');
  fs.mkdirSync(dir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(tmpdir, 'rg-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  run('tar', ['-czf', tarball, '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
}

function ensureCodeServer() {
  const dir = codeServerDir();
  const marker = path.join(dir, '.installed');
  if (fs.existsSync(marker) && codeServerProblems(dir).length === 0) {
    log(`code-server ${CODE_SERVER_VERSION} present: ${dir}`);
    return;
  }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (about a minute, 300 MB)`);
  // Install beside the final folder and move it in place only when complete: a half install never looks done.
  const staging = `${dir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const tmpdir = path.join(cacheRoot(), 'tmp');
  fs.mkdirSync(tmpdir, { recursive: true });
  seedRipgrepCache(tmpdir);
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({
    name: 'ses-workbench-code-server',
    private: true,
    description: 'code-server for SES Workbench runs and tests; installed by scripts/ensure-env.mjs',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: Object.fromEntries(ALLOWED_SCRIPTS.map((name) => [name, true])),
  }, null, 2));
  const env = {
    ...process.env,
    TMPDIR: tmpdir,
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_nodedir: '/usr', // node-gyp would download Node headers; Debian's nodejs ships them
    npm_config_yes: 'true', // node-pty's postinstall runs npx
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // npm 11 warns about (and a later npm blocks) install scripts not listed in package.json's allowScripts.
    // The list above covers this package.json, but code-server's postinstall runs a nested `npm install` in
    // lib/vscode whose package.json we cannot annotate, and npm rejects --allow-scripts for project installs.
    // This pinned, known tree is installed in isolation, so allow its scripts; older npm ignores the setting.
    npm_config_dangerously_allow_all_scripts: 'true',
  };
  const logFile = path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-install.log`);
  const out = fs.openSync(logFile, 'w');
  const started = Date.now();
  const result = capture('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--loglevel=warn'], {
    cwd: staging, env, stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  if (result.status !== 0) {
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status}); see ${logFile}`);
  }
  const problems = codeServerProblems(staging);
  if (problems.length) {
    throw new Error(`code-server installed but its install scripts did not complete; missing:\n  ${problems.join('\n  ')}\nsee ${logFile}`);
  }
  fs.writeFileSync(path.join(staging, '.installed'), `${new Date().toISOString()}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s (log: ${logFile})`);
}

/** Makes sure Chromium and code-server are installed; returns their paths. */
export function ensureEnv() {
  const started = Date.now();
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) log(`warning: code-server ${CODE_SERVER_VERSION} is made for Node 20; this is Node ${process.versions.node}`);
  ensureDebianPackages();
  ensureCodeServer();
  log(`environment ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { codeServer: codeServerBin(), chromium: CHROMIUM };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureEnv();
  } catch (error) {
    console.error(`[ses] ensure-env failed: ${error.message}`);
    process.exit(1);
  }
}
