// Browser end-to-end harness: each scenario file (test/e2e/*.e2e.ts) calls `useWorkbench()` inside its `describe`
// and gets a Chromium page on its own VS Code (code-server) with the packaged extension installed and a workspace
// pointed at its own fresh SES emulator (scripts/lib/isolated-workbench.mjs), so scenarios never see each other's
// state. scripts/test-e2e.mjs packages the .vsix once and passes it here through SES_E2E_* variables.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { EmulatorInfo } from '../../src/emulator/index';

export type { EmulatorInfo };

const ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS_SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const DOCS_SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-breakpad',
];

export interface Workbench {
  /** The Playwright page showing VS Code with the workspace open. */
  readonly page: Page;
  /** The emulator VS Code is pointed at (API endpoint, mailbox URL, SMTP ports and credentials). */
  readonly emulator: EmulatorInfo;
  /** The workspace folder open in VS Code (its .vscode/settings.json points the extension at the emulator). */
  readonly workspace: string;
  /**
   * Saves a screenshot of the page as test-results/screenshots/<name>.png, and as docs/screenshots/<name>.png
   * when UPDATE_SCREENSHOTS=1. Names are unique across the whole run; use e.g. "verify-01-palette".
   */
  shot(name: string): Promise<string>;
  /** Clicks the "SES Workbench" activity-bar tab and waits for its tree. */
  openSesView(): Promise<void>;
  /** Runs a command from the palette by its title, e.g. "SES: Verify Address". */
  runCommand(title: string): Promise<void>;
  /** The quick-input widget (palette, quick picks and input boxes). */
  quickInput(): Locator;
  /** A notification toast containing `text`. */
  notification(text: string | RegExp): Locator;
  /** A tree row of the SES view whose accessible name matches `name`. */
  treeItem(name: string | RegExp): Locator;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e scenarios through \`node scripts/test-e2e.mjs\``);
  return value;
}

const taken = new Set<string>();
let scenarios = 0;

/** What scripts/lib/isolated-workbench.mjs starts for one scenario. */
interface Isolated {
  info: EmulatorInfo;
  run: { dir: string; workspace: string };
  url: string;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

async function startIsolated(dir: string): Promise<Isolated> {
  // A computed specifier: the module is plain ESM JavaScript shared with the runner scripts.
  const lib = pathToFileURL(path.join(ROOT, 'scripts', 'lib', 'isolated-workbench.mjs')).href;
  const { startIsolatedWorkbench } = (await import(lib)) as {
    startIsolatedWorkbench(options: { dir: string; vsix: string; seed?: string }): Promise<Isolated>;
  };
  return startIsolatedWorkbench({ dir, vsix: env('SES_E2E_VSIX'), seed: process.env.SES_E2E_SEED || undefined });
}

async function launchBrowser(dir: string): Promise<Browser> {
  const profile = path.join(dir, 'browser');
  fs.mkdirSync(path.join(profile, 'config'), { recursive: true });
  return chromium.launch({
    executablePath: process.env.SES_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'config'), XDG_CACHE_HOME: path.join(profile, 'cache') },
  });
}

/** The side-bar container of the SES Workbench activity-bar tab. */
function sesView(page: Page): Locator {
  return page.locator('[id="workbench.view.extension.ses-workbench"]');
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120);
}

/**
 * Call inside a `describe`: before its tests, starts a fresh emulator and a code-server of its own (own user data,
 * extensions and workspace, the packaged .vsix installed), opens Chromium on it and waits for the workbench; after
 * them, closes and stops all of it. A failing test leaves test-results/screenshots/failures/<test>.png; the
 * scenario's folder .run/e2e-<pid>/<nn>-<describe>/ (code-server's and the emulator's logs in logs/) is kept
 * when the run fails.
 */
export function useWorkbench(): Workbench {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let isolated: Isolated | undefined;

  const current = (): Page => {
    if (!page) throw new Error('the workbench page exists only inside tests and hooks of the describe that called useWorkbench()');
    return page;
  };
  const started = (): Isolated => {
    if (!isolated) throw new Error('the emulator and workspace exist only inside tests and hooks of the describe that called useWorkbench()');
    return isolated;
  };

  const workbench: Workbench = {
    get page() {
      return current();
    },
    get emulator() {
      return started().info;
    },
    get workspace() {
      return started().run.workspace;
    },
    async shot(name) {
      const file = `${safeName(name)}.png`;
      if (taken.has(file)) throw new Error(`screenshot name "${name}" is used twice in this run`);
      taken.add(file);
      fs.mkdirSync(RESULTS_SCREENSHOTS, { recursive: true });
      const target = path.join(RESULTS_SCREENSHOTS, file);
      await current().screenshot({ path: target });
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
        fs.copyFileSync(target, path.join(DOCS_SCREENSHOTS, file));
      }
      return target;
    },
    async openSesView() {
      const p = current();
      const tab = p.locator('.activitybar').getByRole('tab', { name: 'SES Workbench' });
      await tab.waitFor();
      // The tab toggles the side bar: click only when the view is not already showing.
      if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
      await p.mouse.move(700, 600); // away from the tab, so its hover label is not in the screenshots
      await sesView(p).waitFor();
    },
    async runCommand(title) {
      const p = current();
      const input = p.locator('.quick-input-widget:visible input');
      // Click the row whose label is exactly the title: fuzzy matching also lists look-alikes
      // ("SES: Send File as Test Email" for "SES: Send Test Email"), and the first row is not always the one.
      const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
      const row = p.locator('.quick-input-widget:visible .monaco-list-row').filter({ has: p.locator('.label-name', { hasText: exact }) });
      for (let attempt = 1; ; attempt++) {
        try {
          // The command center in the title bar: F1 does not reach the workbench while focus is in a webview or
          // on the walkthrough page.
          await p.locator('.command-center .command-center-center').first().click({ timeout: 5_000 });
          await input.waitFor({ timeout: 5_000 });
          await input.fill(`>${title}`, { timeout: 5_000 });
          await row.first().click({ timeout: 10_000 });
          break;
        } catch (error) {
          // A notification or a view that takes focus closes the palette in between: open it again.
          if (attempt === 3) throw error;
          await p.keyboard.press('Escape');
        }
      }
      await p.mouse.move(700, 600); // away from the command center, whose hover would cover the editor tabs
    },
    quickInput() {
      // The one that is showing: a hidden widget (a palette closed a moment ago) must not take the locator.
      return current().locator('.quick-input-widget:visible');
    },
    notification(text) {
      return current().locator('.notification-toast', { hasText: text });
    },
    treeItem(name) {
      return sesView(current()).getByRole('treeitem', { name });
    },
  };

  before(async function () {
    this.timeout(180_000);
    const t0 = Date.now();
    scenarios += 1;
    const title = this.test?.parent?.title ?? 'scenario';
    const dir = path.join(env('SES_E2E_RUN_DIR'), `${String(scenarios).padStart(2, '0')}-${safeName(title).slice(0, 48)}`);
    isolated = await startIsolated(dir);
    const t1 = Date.now();
    browser = await launchBrowser(dir);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await page.goto(`${isolated.url}/?folder=${encodeURIComponent(isolated.run.workspace)}`);
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 90_000 });
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    const line = { title, isolation: (t1 - t0) / 1000, workbench: (Date.now() - t1) / 1000, ...isolated.timings };
    fs.appendFileSync(path.join(env('SES_E2E_RUN_DIR'), 'timings.jsonl'), `${JSON.stringify(line)}\n`);
    process.stdout.write(`    [ses] own emulator + code-server in ${seconds(t1 - t0)} s, workbench open in ${seconds(Date.now() - t1)} s\n`);
  });

  beforeEach(async () => {
    // A prompt a failed test left open would take the next test's clicks and keys: close it.
    if (page && (await page.locator('.quick-input-widget:visible').count())) await page.keyboard.press('Escape');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const dir = path.join(RESULTS_SCREENSHOTS, 'failures');
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `${safeName(this.currentTest.fullTitle())}.png`) }).catch(() => {});
    }
  });

  after(async function () {
    this.timeout(60_000);
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await isolated?.stop();
    // `isolated` stays: the describe's own after hooks may still read wb.workspace (its folder is removed by
    // scripts/test-e2e.mjs with the whole run folder when the run passes).
    browser = undefined;
    context = undefined;
    page = undefined;
  });

  return workbench;
}
