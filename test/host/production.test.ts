import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ProductionAccessPanel } from '../../src/panel/productionAccessPanel';
import type { ProductionDraft } from '../../src/production/validate';
import type { SesNode } from '../../src/tree/node';
import { ScriptedUi, children, emulator, extension, label, regionNode, withUi } from './helpers';

// Regions of their own: the emulator treats a region the seed does not name as a fresh sandboxed account, so these
// tests never turn the seeded us-east-1 into production under the other tests.
const GRANTED_REGION = 'ap-southeast-2';
const DENIED_REGION = 'ap-northeast-1';

const request = (region: string): ProductionDraft => ({
  region,
  mailType: 'TRANSACTIONAL',
  websiteUrl: 'https://shop.acme-widgets.com',
  useCaseDescription:
    'Acme Widgets sends order receipts and password resets to customers who create an account, about 2,000 messages per day. ' +
    'Bounce and complaint notifications arrive through SNS; those addresses go on the suppression list. Optional notices carry an unsubscribe link.',
  additionalContacts: 'ops@acme-widgets.com',
  contactLanguage: 'EN',
});

async function control(body: object): Promise<void> {
  const res = await fetch(`${emulator().apiEndpoint}/_emulator/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.strictEqual(res.status, 200, await res.text());
}

async function openForm(region: string): Promise<ProductionAccessPanel> {
  const form = await vscode.commands.executeCommand<ProductionAccessPanel | undefined>('ses.requestProductionAccess', { region });
  assert.ok(form, 'the command opens the form');
  return form;
}

async function accountItem(region: string): Promise<vscode.TreeItem> {
  const ctx = await extension();
  const node = await regionNode(ctx, region);
  const account = (await children(ctx, node)).find((n: SesNode) => n.id === `${region}/account`);
  assert.ok(account, `${region} shows its account node`);
  return account.getTreeItem();
}

/** Polls the tree the way a user watches it: until `done` holds, or fails after `ms`. */
async function until(region: string, done: (item: vscode.TreeItem) => boolean, ms: number): Promise<vscode.TreeItem> {
  const deadline = Date.now() + ms;
  let item = await accountItem(region);
  while (!done(item) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    item = await accountItem(region);
  }
  return item;
}

async function showRegions(regions: string[]): Promise<void> {
  await vscode.workspace.getConfiguration('ses').update('regions', regions, vscode.ConfigurationTarget.Workspace);
}

describe('SES: Request Production Access', () => {
  let originalRegions: string[] = [];
  before(async () => {
    const ctx = await extension();
    originalRegions = ctx.regions();
    await showRegions([...originalRegions, GRANTED_REGION, DENIED_REGION]);
  });
  after(async () => {
    await showRegions(originalRegions);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refuses to send a request SES would reject, says what to change, and keeps the draft', async () => {
    const ctx = await extension();
    const form = await openForm(GRANTED_REGION);
    const draft: ProductionDraft = { ...request(GRANTED_REGION), mailType: '', websiteUrl: 'www.acme-widgets.com', additionalContacts: 'a@acme.com, b@acme.com, c@acme.com, d@acme.com, e@acme.com' };
    const result = await form.submit(draft);
    assert.strictEqual(result.sent, false);
    const byField = new Map(result.problems.map((p) => [p.field, p.message]));
    assert.deepStrictEqual([...byField.keys()].sort(), ['additionalContacts', 'mailType', 'websiteUrl']);
    assert.match(byField.get('websiteUrl') ?? '', /https:\/\/www\.acme-widgets\.com/);
    assert.match(byField.get('additionalContacts') ?? '', /at most 4/);
    assert.deepStrictEqual(form.currentDraft, draft, 'the draft is kept as typed');
    const account = await ctx.api().getAccount(GRANTED_REGION);
    assert.strictEqual(account.reviewStatus, undefined, 'nothing reached SES');
  });

  it('advises on a use case AWS is likely to refuse, without blocking it', async () => {
    const form = await openForm(GRANTED_REGION);
    const check = form.update({ ...request(GRANTED_REGION), useCaseDescription: 'emails' });
    assert.deepStrictEqual(check.problems, []);
    const topics = check.advice.map((a) => a.topic);
    for (const topic of ['too-short', 'bounces', 'complaints', 'unsubscribe']) assert.ok(topics.includes(topic as never), `advice on ${topic}: ${topics.join(', ')}`);
  });

  it('sends PutAccountDetails, shows PENDING with the case id, then turns the region to production when AWS grants it', async function () {
    this.timeout(30_000);
    const ctx = await extension();
    await control({ action: 'setAccount', region: GRANTED_REGION, account: { reviewOutcome: 'GRANTED', reviewDelayMinutes: 1 } });
    const before = await accountItem(GRANTED_REGION);
    assert.strictEqual(before.contextValue, 'account:sandbox');

    const form = await openForm(GRANTED_REGION);
    const ui = new ScriptedUi();
    await withUi(ctx, ui, async () => {
      const result = await form.submit(request(GRANTED_REGION));
      assert.strictEqual(result.sent, true, result.error);
      assert.strictEqual(result.review?.status, 'PENDING');
      const caseId = result.review?.caseId;
      assert.ok(caseId, 'SES answered with a case id');

      const pending = await until(GRANTED_REGION, (i) => String(i.description).includes('PENDING'), 5_000);
      assert.match(String(pending.description), new RegExp(`production access PENDING \\(case ${caseId}\\)`));
      assert.strictEqual(pending.contextValue, 'account:sandbox:pending');

      // A second request while the first is under review: SES refuses it, and the draft stays.
      const again = await form.submit({ ...request(GRANTED_REGION), mailType: 'MARKETING' });
      assert.strictEqual(again.sent, false);
      assert.match(again.error ?? '', /already under review/);
      assert.strictEqual(form.currentDraft.mailType, 'MARKETING');

      // AWS decides after a minute of the emulator's clock; the monitor's next poll sees it.
      await control({ action: 'advanceClock', ms: 61_000 });
      const granted = await until(GRANTED_REGION, (i) => i.contextValue === 'account:production', 15_000);
      assert.strictEqual(granted.contextValue, 'account:production', `still ${granted.contextValue}: ${granted.description}`);
      assert.strictEqual(await label({ id: '', getTreeItem: () => granted }), 'Production');
      const region = await regionNode(ctx, GRANTED_REGION);
      assert.strictEqual((await region.getTreeItem()).contextValue, 'region:production');
      for (let i = 0; i < 20 && !ui.told.some((m) => m.includes('granted')); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(ui.told.some((m) => m.includes(`Production access granted in ${GRANTED_REGION}`)), `told: ${ui.told.join(' | ')}`);
    });
  });

  it('shows a denied review with its case id and leaves the region in the sandbox', async function () {
    this.timeout(30_000);
    const ctx = await extension();
    await control({ action: 'setAccount', region: DENIED_REGION, account: { reviewOutcome: 'DENIED', reviewDelayMinutes: 1 } });
    await accountItem(DENIED_REGION);
    const form = await openForm(DENIED_REGION);
    await withUi(ctx, new ScriptedUi(), async () => {
      const result = await form.submit(request(DENIED_REGION));
      assert.strictEqual(result.sent, true, result.error);
      await control({ action: 'advanceClock', ms: 61_000 });
      const denied = await until(DENIED_REGION, (i) => String(i.description).includes('DENIED'), 15_000);
      assert.match(String(denied.description), new RegExp(`production access DENIED \\(case ${result.review?.caseId}\\)`));
      assert.strictEqual(denied.contextValue, 'account:sandbox:denied');
    });
  });

  it('a production region is told so instead of getting the form', async () => {
    const ctx = await extension();
    await accountItem('eu-west-1');
    const ui = new ScriptedUi();
    const form = await withUi(ctx, ui, async () => vscode.commands.executeCommand('ses.requestProductionAccess', { region: 'eu-west-1' }));
    assert.strictEqual(form, undefined);
    assert.ok(ui.told.some((m) => m.includes('already has production access')), `told: ${ui.told.join(' | ')}`);
  });
});
