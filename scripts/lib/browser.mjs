// Debian's Chromium driven by playwright-core (never `playwright install`: no browser download here).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-breakpad',
];

/** Launches headless Chromium with a fresh profile under `dir`. */
export async function launchBrowser(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  const config = path.join(dir, 'config');
  fs.mkdirSync(config, { recursive: true });
  const executablePath = process.env.SES_CHROMIUM || '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: path.join(dir, 'cache'), TMPDIR: dir },
  });
}
