// One isolated VS Code for one browser end-to-end scenario (one `useWorkbench()` call in test/e2e/harness.ts):
// its own SES emulator (fresh state from the seed), its own run folder with user data, extensions folder and
// workspace, the packaged .vsix installed into it, and its own code-server. Nothing a scenario does (stored SMTP
// credentials, production reviews, drafts, workspace state, open editors) can reach another scenario.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, sampleSeed, startEmulator } from '../emulator.mjs';
import { installVsixAsync, prepareRun, runLayout, startCodeServer } from './workbench.mjs';

/**
 * Starts the emulator and installs the .vsix at the same time, then lays out the run folder for that emulator
 * and starts code-server on it.
 * @param {{ dir: string, vsix: string, seed?: string }} options dir: the scenario's own run folder (wiped first)
 * @returns {Promise<{ info: any, json: string, run: any, url: string, timings: Record<string, number>,
 *   stop: () => Promise<void> }>}
 */
export async function startIsolatedWorkbench({ dir, vsix, seed = sampleSeed() }) {
  const t0 = Date.now();
  fs.rmSync(dir, { recursive: true, force: true });
  const layout = runLayout(dir);
  for (const d of [layout.logsDir, layout.tmp, layout.extensionsDir, layout.userDataDir]) fs.mkdirSync(d, { recursive: true });

  const stoppers = [];
  const stop = async () => {
    await Promise.all(stoppers.splice(0).map((s) => s().catch(() => {})));
  };
  try {
    const [emulator] = await Promise.all([
      startEmulator({ seed, logFile: path.join(layout.logsDir, 'emulator.log') }).then((e) => {
        stoppers.push(e.stop);
        return e;
      }),
      installVsixAsync(layout, vsix),
    ]);
    const t1 = Date.now();
    const run = prepareRun(relativeRunName(dir), emulator.info, { fresh: false, freshExtensions: false });
    const server = await startCodeServer(run, emulator.info);
    stoppers.push(server.stop);
    const t2 = Date.now();
    return {
      info: emulator.info,
      json: emulator.json,
      run,
      url: server.url,
      timings: { emulatorAndInstall: (t1 - t0) / 1000, codeServer: (t2 - t1) / 1000 },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `dir` as the name prepareRun expects (relative to the repository's .run folder). */
function relativeRunName(dir) {
  const base = path.join(ROOT, '.run');
  const name = path.relative(base, dir);
  if (name.startsWith('..') || path.isAbsolute(name)) throw new Error(`${dir} is not inside ${base}`);
  return name;
}
