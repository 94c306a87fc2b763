import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useWorkbench } from './harness';

// The panel takes every colour from the theme: in light, dark and high contrast the page background is the
// editor's, and a finding keeps a visible error border.
describe('Send Test Email panel in each theme', () => {
  const wb = useWorkbench();
  const webview = () => wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const settingsFile = () => path.join(wb.workspace, '.vscode', 'settings.json');
  let original = '';

  before(() => {
    original = fs.readFileSync(settingsFile(), 'utf8');
  });
  after(() => fs.writeFileSync(settingsFile(), original));

  const themes = [
    { name: 'Default Light Modern', slug: 'light' },
    { name: 'Default Dark Modern', slug: 'dark' },
    { name: 'Default High Contrast', slug: 'high-contrast' },
  ];

  for (const theme of themes) {
    it(`is readable in ${theme.name}`, async () => {
      fs.writeFileSync(settingsFile(), JSON.stringify({ ...JSON.parse(original), 'workbench.colorTheme': theme.name }, null, 2));
      if (!(await webview().locator('#to').count())) {
        await wb.openSesView();
        await wb.runCommand('SES: Send Test Email');
      }
      const page = webview();
      await page.locator('#from option[value="sender@example.com"]').waitFor({ state: 'attached' });
      await page.locator('#region').selectOption('us-east-1');
      await page.locator('#from').selectOption('sender@example.com');
      await page.locator('#to').fill('unverified@example.net');
      await page.locator('.finding.error').first().waitFor();
      await wb.page.waitForTimeout(1500); // the theme change reaches the webview's CSS variables
      const colours = await page.locator('body').evaluate((body) => {
        const style = getComputedStyle(body);
        const finding = document.querySelector('.finding.error');
        return { fg: style.color, bg: style.backgroundColor, border: finding ? getComputedStyle(finding).borderLeftColor : '' };
      });
      const editorBg = await wb.page.locator('.monaco-workbench .part.editor > .content').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.notStrictEqual(colours.fg, colours.bg, 'text and background differ');
      assert.ok(colours.border && colours.border !== 'rgba(0, 0, 0, 0)', 'the finding has a visible border');
      assert.ok(editorBg, 'the editor has a background');
      await wb.shot(`theme-${theme.slug}`);
    });
  }
});
