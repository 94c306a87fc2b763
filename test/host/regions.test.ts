import * as assert from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommandContext } from '../../src/commands/context';
import type { WorkbenchApi } from '../../src/extension';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import type { StatusBar } from '../../src/statusbar/statusBar';
import type { SesNode } from '../../src/tree/node';
import { ScriptedUi, children, emulator, extension, messages, regionNode, withUi } from './helpers';

// Regions of their own (the emulator answers any region as a fresh sandbox account), so the account states set
// here never reach the seeded us-east-1 and eu-west-1 the other tests read.
const PAUSED = 'ca-central-1';
const QUOTA = 'eu-north-1';
const REVIEW = 'sa-east-1';
const FAILING = 'ap-south-1';
const EMPTY = 'eu-south-1';
const EXTRA = [PAUSED, QUOTA, REVIEW, FAILING, EMPTY];

async function control(body: object): Promise<void> {
  const res = await fetch(`${emulator().apiEndpoint}/_emulator/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.strictEqual(res.status, 200, await res.text());
}

async function setRegions(regions: string[]): Promise<void> {
  await vscode.workspace.getConfiguration('ses').update('regions', regions, vscode.ConfigurationTarget.Workspace);
}

/** Reloads a region the way the Refresh button does, and returns what the tree then shows under it. */
async function reload(ctx: CommandContext, region: string): Promise<SesNode[]> {
  const node = await regionNode(ctx, region);
  await vscode.commands.executeCommand('ses.refresh', node);
  return children(ctx, node);
}

async function items(nodes: SesNode[]): Promise<vscode.TreeItem[]> {
  return Promise.all(nodes.map((n) => n.getTreeItem()));
}

const statusBar = (ctx: CommandContext) => (ctx as CommandContext & { statusBar: StatusBar }).statusBar;
const iconColor = (item: vscode.TreeItem) => ((item.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor | undefined)?.id;

/** Until `check` passes or `ms` run out; the last failure is the one reported. */
async function eventually<T>(check: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('Regions: account status, errors and empty regions', () => {
  let original: string[] = [];
  before(async () => {
    const ctx = await extension();
    // An open Send Test Email panel reads regions of its own; faults armed here are for the tree alone.
    (ctx as WorkbenchApi).currentPanel()?.dispose();
    original = ctx.regions();
    await setRegions([...original, ...EXTRA]);
    for (const r of EXTRA) await regionNode(ctx, r);
  });
  after(async () => {
    await control({ action: 'clearFaults' });
    await setRegions(original);
  });

  it('shows the sandbox with its quota used in percent and the send rate, and production as production', async () => {
    const ctx = await extension();
    const [sandbox] = await items(await reload(ctx, 'us-east-1'));
    assert.strictEqual(sandbox.label, 'Sandbox');
    assert.match(String(sandbox.description), /^\d+\/200 sent \(\d+%\) · 1 msg\/s$/);
    assert.strictEqual((sandbox.iconPath as vscode.ThemeIcon).id, 'beaker');
    const tooltip = (sandbox.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /to verified identities/);
    assert.match(tooltip, /Enforcement \| HEALTHY/);

    const [production] = await items(await reload(ctx, 'eu-west-1'));
    assert.strictEqual(production.label, 'Production');
    assert.strictEqual(production.contextValue, 'account:production');
    assert.strictEqual((production.iconPath as vscode.ThemeIcon).id, 'rocket');
  });

  it('warns when sending is paused or enforcement is SHUTDOWN, in the tree and in the status bar', async () => {
    const ctx = await extension();
    await control({ action: 'setAccount', region: PAUSED, account: { sendingEnabled: false } });
    const [paused] = await items(await reload(ctx, PAUSED));
    assert.match(String(paused.description), /^sending paused · 0\/200 sent \(0%\)/);
    const bar = statusBar(ctx);
    bar.touch(PAUSED);
    assert.strictEqual(bar.activeRegion(), PAUSED);
    assert.strictEqual(bar.item.text, '$(mail) SES: sandbox · paused');

    await control({ action: 'setAccount', region: PAUSED, account: { sendingEnabled: false, enforcementStatus: 'SHUTDOWN' } });
    const [account] = await items(await reload(ctx, PAUSED));
    assert.match(String(account.description), /^sending suspended · 0\/200 sent \(0%\)/);
    assert.match((account.tooltip as vscode.MarkdownString).value, /Sending enabled \| no[\s\S]*Enforcement \| SHUTDOWN/);
    assert.strictEqual(iconColor(account), 'list.warningForeground');
    assert.strictEqual(bar.item.text, '$(mail) SES: sandbox · suspended');
    assert.strictEqual((bar.item.backgroundColor as vscode.ThemeColor | undefined)?.id, 'statusBarItem.warningBackground');
    assert.match(String(bar.item.tooltip), new RegExp(`^${PAUSED}:`));
  });

  it('counts recipients against the daily quota and warns at 90 %', async function () {
    this.timeout(60_000);
    const ctx = await extension();
    const info = emulator();
    const address = `quota-${Date.now()}@example.com`;
    await control({ action: 'setAccount', region: QUOTA, account: { max24HourSend: 10, maxSendRate: 50 } });
    await ctx.api().createIdentity(QUOTA, address);
    const link = (await messages(info)).find((m) => m.kind === 'verification' && m.to.includes(address))?.verificationLink;
    assert.ok(link, 'verification mail');
    assert.strictEqual((await fetch(link)).status, 200);
    for (let i = 0; i < 9; i++) {
      await ctx.api().sendEmail(QUOTA, {
        FromEmailAddress: address,
        Destination: { ToAddresses: [address] },
        Content: { Simple: { Subject: { Data: `quota ${i}` }, Body: { Text: { Data: 'x' } } } },
      });
    }
    const [account] = await items(await reload(ctx, QUOTA));
    assert.match(String(account.description), /^9\/10 sent \(90%\) · 50 msg\/s$/);
    assert.strictEqual(iconColor(account), 'list.warningForeground');
    const bar = statusBar(ctx);
    bar.touch(QUOTA);
    assert.strictEqual(bar.item.text, '$(mail) SES: sandbox · 9/10');
    assert.strictEqual((bar.item.backgroundColor as vscode.ThemeColor | undefined)?.id, 'statusBarItem.warningBackground');

    bar.touch('eu-west-1');
    await reload(ctx, 'eu-west-1');
    assert.strictEqual(bar.item.text, '$(mail) SES: production', 'the status bar follows the region last touched');
    assert.strictEqual(bar.item.backgroundColor, undefined);
  });

  it('shows a pending production access review with its case id', async () => {
    const ctx = await extension();
    await control({ action: 'setAccount', region: REVIEW, account: { reviewDelayMinutes: 1440 } });
    await ctx.api().putAccountDetails(REVIEW, {
      MailType: 'TRANSACTIONAL',
      WebsiteURL: 'https://shop.example.com',
      UseCaseDescription: 'Order receipts for customers who registered; bounces handled through SNS.',
      ContactLanguage: 'EN',
      ProductionAccessEnabled: true,
    });
    const [account] = await items(await reload(ctx, REVIEW));
    assert.strictEqual(account.label, 'Sandbox');
    assert.match(String(account.description), /production access PENDING \(case [^)]+\)/);
    assert.strictEqual(account.contextValue, 'account:sandbox:pending');
    assert.strictEqual((account.iconPath as vscode.ThemeIcon).id, 'clock');
  });

  it('a region SES cannot answer (5xx after the SDK retries) is an error node; other regions still load; retry recovers', async function () {
    this.timeout(60_000);
    const ctx = await extension();
    // Every ListEmailIdentities of the failing region answers 500 until cleared: the view may load the region too.
    await control({ action: 'setFaults', faults: { serverError: -1, operations: ['ListEmailIdentities'], regions: [FAILING] } });
    const failed = await reload(ctx, FAILING);
    assert.strictEqual(failed.length, 1, 'only the error node');
    const error = await failed[0].getTreeItem();
    assert.strictEqual(error.label, `SES in ${FAILING} answered with an error — click to retry`);
    assert.strictEqual(error.contextValue, 'error:region:service');
    assert.strictEqual(error.command?.command, 'ses.retryRegion');

    const other = await items(await reload(ctx, 'us-east-1'));
    assert.strictEqual(other[0].label, 'Sandbox', 'us-east-1 loads while ap-south-1 shows its error');
    assert.ok(other.some((i) => i.label === 'sender@example.com'));

    // The status bar says the region is unavailable rather than showing its last figures.
    const bar = statusBar(ctx);
    bar.touch(FAILING);
    assert.strictEqual(bar.item.text, `$(warning) SES: ${FAILING} unavailable`);
    assert.strictEqual((bar.item.backgroundColor as vscode.ThemeColor | undefined)?.id, 'statusBarItem.warningBackground');

    // The inline Retry action passes the error node itself: it reloads that region only.
    const errorNode = failed[0];
    const usEast = await regionNode(ctx, 'us-east-1');
    const usEastChildren = await children(ctx, usEast);
    await vscode.commands.executeCommand('ses.retryRegion', errorNode);
    assert.strictEqual((await items(await children(ctx, await regionNode(ctx, FAILING))))[0].contextValue, 'error:region:service');
    assert.strictEqual(await children(ctx, usEast), usEastChildren, 'us-east-1 was not reloaded');
    await control({ action: 'clearFaults' });

    // Clicking the error node runs its command with its arguments: the region reloads.
    await vscode.commands.executeCommand(error.command.command, ...(error.command.arguments ?? []));
    const recovered = await items(await children(ctx, await regionNode(ctx, FAILING)));
    assert.strictEqual(recovered[0].label, 'Sandbox');
  });

  it('refreshing every region while one is down: that one is an error node, every other region loads', async function () {
    this.timeout(60_000);
    const ctx = await extension();
    await control({ action: 'setFaults', faults: { serverError: -1, regions: [FAILING] } });
    try {
      await vscode.commands.executeCommand('ses.refresh');
      const loaded = await Promise.all(ctx.tree.regions().map(async (node) => [node.region, (await items(await children(ctx, node)))[0]] as const));
      const failing = loaded.filter(([, first]) => String(first.contextValue).startsWith('error:region'));
      assert.deepStrictEqual(failing.map(([region]) => region), [FAILING]);
      assert.ok(loaded.length >= 3, `several regions configured: ${loaded.map(([r]) => r).join(', ')}`);
      for (const [region, first] of loaded) if (region !== FAILING) assert.match(String(first.contextValue), /^account:/, region);
    } finally {
      await control({ action: 'clearFaults' });
    }
  });

  it('throttling that outlasts the SDK retries says so, and retry recovers', async function () {
    this.timeout(60_000);
    const ctx = await extension();
    await control({ action: 'setFaults', faults: { throttle: -1, operations: ['ListEmailIdentities'], regions: [FAILING] } });
    const [error] = await items(await reload(ctx, FAILING));
    await control({ action: 'clearFaults' });
    assert.strictEqual(error.label, `SES in ${FAILING} is throttling requests — click to retry`);
    assert.strictEqual(error.contextValue, 'error:region:throttled');
    await vscode.commands.executeCommand(error.command!.command, ...(error.command!.arguments ?? []));
    const [account] = await items(await children(ctx, await regionNode(ctx, FAILING)));
    assert.strictEqual(account.label, 'Sandbox');
  });

  it('an empty region offers Verify Address, which verifies in that region without asking for it', async () => {
    const ctx = await extension();
    const nodes = await reload(ctx, EMPTY);
    const [, empty] = await items(nodes);
    assert.strictEqual(nodes.length, 2);
    assert.strictEqual(empty.label, 'No identities — Verify Address…');
    assert.strictEqual(empty.command?.command, 'ses.verifyAddress');
    const address = `empty-${Date.now()}@example.com`;
    const ui = new ScriptedUi({ input: [address] });
    await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand(empty.command!.command, ...(empty.command!.arguments ?? []))));
    assert.strictEqual(ui.inputs[0]?.title, `Verify Address in ${EMPTY}`, 'no region prompt: the node gave it');
    const after = await items(await children(ctx, await regionNode(ctx, EMPTY)));
    assert.deepStrictEqual(after.map((i) => [i.label, i.description]).slice(1), [[address, 'pending verification']]);
  });
});

describe('Expired SSO session', () => {
  const profile = `ses-test-expired-sso-${process.pid}`;
  const session = `ses-test-session-${process.pid}`;
  let home: string;
  let realHome: string | undefined;
  let configBefore = '';

  before(() => {
    // A profile in the run's own AWS config file (AWS_CONFIG_FILE points into the test run folder), whose SSO
    // session has a cached token that expired; HOME points at a temporary folder holding that token cache.
    const configFile = process.env.AWS_CONFIG_FILE;
    assert.ok(configFile, 'AWS_CONFIG_FILE is set by the test runner');
    configBefore = fs.readFileSync(configFile, 'utf8');
    fs.appendFileSync(configFile, `\n[profile ${profile}]\nsso_session = ${session}\nsso_account_id = 111122223333\nsso_role_name = SESAdmin\nregion = us-east-1\n\n[sso-session ${session}]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-sso-'));
    const cache = path.join(home, '.aws', 'sso', 'cache');
    fs.mkdirSync(cache, { recursive: true });
    const name = createHash('sha1').update(session).digest('hex');
    fs.writeFileSync(path.join(cache, `${name}.json`), JSON.stringify({
      accessToken: 'expired', expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1', startUrl: 'https://example.awsapps.com/start',
    }));
    realHome = process.env.HOME;
    process.env.HOME = home;
  });

  after(async () => {
    process.env.HOME = realHome;
    fs.writeFileSync(process.env.AWS_CONFIG_FILE!, configBefore);
    fs.rmSync(home, { recursive: true, force: true });
    await vscode.workspace.getConfiguration('ses').update('profile', 'ses-emulator', vscode.ConfigurationTarget.Workspace);
    const ctx = await extension();
    await eventually(async () => {
      const nodes = await items(await children(ctx, await regionNode(ctx, 'us-east-1')));
      assert.ok(nodes.some((i) => i.label === 'sender@example.com'), 'the emulator profile is back');
    });
  });

  it('each region shows an error node that names `aws sso login --profile …`, not a stack trace', async () => {
    const ctx = await extension();
    await vscode.workspace.getConfiguration('ses').update('profile', profile, vscode.ConfigurationTarget.Workspace);
    for (const region of ['us-east-1', 'eu-west-1']) {
      const error = await eventually(async () => {
        assert.strictEqual(ctx.api().connection.profile, profile);
        const [item] = await items(await children(ctx, await regionNode(ctx, region)));
        assert.strictEqual(item.contextValue, 'error:region:sso-expired', `${region}: ${item.label} ${item.description}`);
        return item;
      });
      assert.strictEqual(error.label, `SSO session expired for SES in ${region} — log in, then click to retry`);
      assert.strictEqual(error.description, `The SSO session has expired. Run \`aws sso login --profile ${profile}\`, then refresh.`);
      assert.doesNotMatch(String(error.description), /\n\s+at /);
    }
  });
});

describe('Large account: 10,000 identities in a region', () => {
  let large: RunningEmulator;
  let endpoint = '';
  before(async function () {
    this.timeout(60_000);
    large = await startEmulator({ seed: 'large', apiPort: 0, smtpPort: 0, smtpsPort: 0 });
    endpoint = vscode.workspace.getConfiguration('ses').get<string>('endpoint', '');
  });
  after(async function () {
    this.timeout(30_000);
    await vscode.workspace.getConfiguration('ses').update('endpoint', endpoint, vscode.ConfigurationTarget.Workspace);
    const ctx = await extension();
    await eventually(async () => assert.strictEqual(ctx.api().connection.endpoint, endpoint));
    await large?.close();
  });

  it('draws the region with 10 ListEmailIdentities calls and no GetEmailIdentity', async function () {
    this.timeout(60_000);
    const ctx = await extension();
    await vscode.workspace.getConfiguration('ses').update('endpoint', large.info.apiEndpoint, vscode.ConfigurationTarget.Workspace);
    await eventually(async () => assert.strictEqual(ctx.api().connection.endpoint, large.info.apiEndpoint));
    // Count the SDK commands the extension's own client for us-east-1 sends.
    const calls: Record<string, number> = {};
    ctx.api().client('us-east-1').middlewareStack.add(
      (next, context) => (args) => {
        calls[context.commandName ?? '?'] = (calls[context.commandName ?? '?'] ?? 0) + 1;
        return next(args);
      },
      { step: 'initialize', name: 'sesTestCallCounter' },
    );
    const region = await eventually(async () => {
      const node = await regionNode(ctx, 'us-east-1');
      assert.strictEqual((node as { snapshot?: unknown }).snapshot, undefined, 'a fresh region node');
      return node;
    });
    const started = Date.now();
    const nodes = await children(ctx, region);
    const drawn = await items(nodes);
    const ms = Date.now() - started;
    assert.strictEqual(drawn.length, 10_001, 'the account node and 10,000 identities');
    assert.strictEqual(calls.ListEmailIdentitiesCommand, 10);
    assert.strictEqual(calls.GetEmailIdentityCommand, undefined);
    assert.strictEqual(calls.GetAccountCommand, 1);
    assert.strictEqual(drawn[1].label, 'domain-00050.example.net', 'domains first, then addresses, each sorted');
    assert.ok(ms < 10_000, `drawn in ${ms} ms`);
    console.log(`    large account: 10,000 identities drawn in ${ms} ms with ${JSON.stringify(calls)}`);
    // Hovering one identity is the first per-identity call.
    const user = nodes.find((n) => n.id === 'us-east-1/identity/user-00002@example.com');
    assert.ok(user);
    await ctx.tree.resolveTreeItem(await user.getTreeItem(), user);
    assert.strictEqual(calls.GetEmailIdentityCommand, undefined, 'an address tooltip needs no call');
    const domain = nodes.find((n) => n.id === 'us-east-1/identity/domain-00050.example.net')!;
    await ctx.tree.resolveTreeItem(await domain.getTreeItem(), domain);
    assert.strictEqual(calls.GetEmailIdentityCommand, 1, 'a domain tooltip fetches its detail once');
  });
});
