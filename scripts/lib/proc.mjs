// Child processes that never outlive the script that started them.
// Each child gets its own process group (detached), so stopping it also stops what it spawned
// (code-server's extension host, tsx's node child, ...). Groups are killed on exit, Ctrl-C and SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

const groups = new Set();
let handlersInstalled = false;
let shuttingDown = false;

/** True once a signal asked this process to stop (children exiting then is expected, not an error). */
export function isShuttingDown() {
  return shuttingDown;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (shuttingDown) return;
      shuttingDown = true;
      process.stderr.write(`\n[ses] ${signal}: stopping\n`);
      stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

/** Starts a long-running child in its own process group; `stop()` ends the whole group. */
export function startProcess(command, args, options = {}) {
  installHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  groups.add(child.pid);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      groups.delete(child.pid);
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      groups.delete(child.pid);
      resolve({ code: null, signal: null, error });
    });
  });
  let stopping;
  const stop = (timeoutMs = 5000) => {
    stopping ??= (async () => {
      if (!groups.has(child.pid)) return exited;
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      killGroup(child.pid, 'SIGKILL'); // stragglers of the group
      return result;
    })();
    return stopping;
  };
  stoppers.add(stop);
  exited.then(() => stoppers.delete(stop));
  return { child, exited, stop };
}

const stoppers = new Set();

/** Stops every child started with startProcess. */
export async function stopAll() {
  await Promise.all([...stoppers].map((stop) => stop()));
}

/** Runs a command to completion with inherited output; throws on a non-zero exit. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
  return result;
}

/** Runs a command to completion and returns its captured output (never throws on exit code). */
export function capture(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', ...options });
}

/** Resolves with true when something accepts connections on host:port. */
export function isPortInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.once('listening', () => server.close(() => resolve(false)));
    server.listen(port, host);
  });
}

/** The first free port at or after `start`; `start` 0 asks the OS for any free port. */
export async function freePort(start = 0, host = '127.0.0.1') {
  if (start === 0) {
    return new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, host, () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
  }
  for (let port = start; port < start + 100; port++) {
    if (!(await isPortInUse(port, host))) return port;
  }
  throw new Error(`no free port in ${start}..${start + 99}`);
}

/** Polls `check` until it returns a truthy value or the time runs out; an error with `fatal` set stops at once. */
export async function waitFor(check, { timeoutMs = 30000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if (error.fatal) throw error;
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}

export function log(message) {
  process.stdout.write(`[ses] ${message}\n`);
}
