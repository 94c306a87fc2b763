import * as assert from 'node:assert';
import { domainToASCII } from 'node:url';
import * as vscode from 'vscode';
import type { CommandContext } from '../../src/commands/context';
import type { RecordCheck } from '../../src/dns/check';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import type { Whereabouts } from '../../src/rules/find';
import { SesApi } from '../../src/ses/client';
import type { SesNode } from '../../src/tree/node';
import { IdentitiesTreeProvider } from '../../src/tree/provider';
import { ScriptedUi, children, emulator, extension, messages, regionNode, withUi } from './helpers';

const stamp = `${Date.now()}`;

async function control(body: object): Promise<{ dns?: { name: string; type: string; value: string }[] }> {
  const res = await fetch(`${emulator().apiEndpoint}/_emulator/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.strictEqual(res.status, 200, await res.clone().text());
  return res.json() as Promise<{ dns?: { name: string; type: string; value: string }[] }>;
}

async function identityNode(ctx: CommandContext, region: string, name: string): Promise<SesNode | undefined> {
  return (await children(ctx, await regionNode(ctx, region))).find((n) => n.id === `${region}/identity/${name}`);
}

async function linkFor(address: string): Promise<string> {
  const mails = (await messages(emulator())).filter((m) => m.kind === 'verification' && m.to.includes(address));
  const link = mails.at(-1)?.verificationLink;
  assert.ok(link, `a verification mail for ${address}`);
  return link;
}

async function eventually<T>(check: () => Promise<T>, ms = 20_000): Promise<T> {
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

describe('Identity states in the tree', () => {
  // An emulator of its own, seeded with one identity in each state SES reports; drawn by the tree's own provider
  // and nodes through the real SES client.
  let own: RunningEmulator;
  let tree: IdentitiesTreeProvider;
  before(async function () {
    this.timeout(30_000);
    own = await startEmulator({
      apiPort: 0, smtpPort: 0, smtpsPort: 0,
      seed: {
        regions: [{
          region: 'us-east-1',
          identities: [
            { name: 'verified@example.com', status: 'SUCCESS' },
            { name: 'pending@example.com', status: 'PENDING' },
            { name: 'failed@example.com', status: 'FAILED' },
            { name: 'temporary@example.com', status: 'TEMPORARY_FAILURE' },
            { name: 'notstarted@example.com', status: 'NOT_STARTED' },
            { name: 'pending-domain.example', status: 'PENDING', dkimTokens: ['tokenaaaa', 'tokenbbbb', 'tokencccc'], mailFromDomain: 'bounce.pending-domain.example' },
          ],
        }],
        dns: [{ name: 'tokenaaaa._domainkey.pending-domain.example', type: 'CNAME', value: 'somewhere.example.net' }],
      },
    });
    const api = new SesApi({ profile: 'ses-emulator', endpoint: own.info.apiEndpoint });
    tree = new IdentitiesTreeProvider(
      {
        load: async (region) => {
          const [account, identities] = await Promise.all([api.getAccount(region), api.listIdentities(region)]);
          return { account, identities };
        },
        detail: (region, name) => api.getIdentity(region, name),
      },
      () => 'US East (N. Virginia)',
    );
    tree.setRegions(['us-east-1']);
  });
  after(async () => {
    tree?.dispose();
    await own?.close();
  });

  it('gives each state its description, icon colour and context value', async () => {
    const [region] = await tree.getChildren();
    const drawn = new Map<string, vscode.TreeItem>();
    for (const node of await tree.getChildren(region)) {
      const item = await node.getTreeItem();
      drawn.set(String(item.label), item);
    }
    const look = (name: string) => {
      const item = drawn.get(name)!;
      return [item.description, ((item.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, item.contextValue];
    };
    assert.deepStrictEqual(look('verified@example.com'), ['verified', 'testing.iconPassed', 'identity:email:verified']);
    assert.deepStrictEqual(look('pending@example.com'), ['pending verification', 'list.warningForeground', 'identity:email:pending']);
    assert.deepStrictEqual(look('failed@example.com'), ['verification failed', 'list.errorForeground', 'identity:email:failed']);
    assert.deepStrictEqual(look('temporary@example.com'), ['temporary failure', 'list.warningForeground', 'identity:email:temporaryFailure']);
    assert.deepStrictEqual(look('notstarted@example.com'), ['not started', 'disabledForeground', 'identity:email:notStarted']);
    assert.deepStrictEqual(look('pending-domain.example'), ['pending verification', 'list.warningForeground', 'identity:domain:pending']);
    assert.strictEqual(drawn.get('pending-domain.example')!.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  it('a domain tooltip shows DKIM, the three CNAMEs, MAIL FROM and the last check; it expands to its records', async () => {
    const [region] = await tree.getChildren();
    const domain = (await tree.getChildren(region)).find((n) => n.id === 'us-east-1/identity/pending-domain.example')!;
    const item = await tree.resolveTreeItem(await domain.getTreeItem(), domain);
    const md = (item.tooltip as vscode.MarkdownString).value;
    assert.match(md, /\| DKIM \| PENDING/);
    for (const token of ['tokenaaaa', 'tokenbbbb', 'tokencccc']) assert.ok(md.includes(`\`${token}._domainkey.pending-domain.example\` → \`${token}.dkim.amazonses.com\``), md);
    assert.match(md, /\| MAIL FROM \| `bounce\.pending-domain\.example`/);
    assert.match(md, /\| Last checked \| \d{4}-/);
    const records = await Promise.all((await tree.getChildren(domain)).map(async (n) => {
      const r = await n.getTreeItem();
      return `${r.label} ${r.description}`;
    }));
    assert.deepStrictEqual(records, [
      'tokenaaaa._domainkey.pending-domain.example CNAME tokenaaaa.dkim.amazonses.com',
      'tokenbbbb._domainkey.pending-domain.example CNAME tokenbbbb.dkim.amazonses.com',
      'tokencccc._domainkey.pending-domain.example CNAME tokencccc.dkim.amazonses.com',
      'bounce.pending-domain.example MX 10 feedback-smtp.us-east-1.amazonses.com',
      'bounce.pending-domain.example TXT "v=spf1 include:amazonses.com ~all"',
    ]);
  });

  it('an address tooltip says the link expires and that addresses are case-sensitive', async () => {
    const [region] = await tree.getChildren();
    const pending = (await tree.getChildren(region)).find((n) => n.id === 'us-east-1/identity/pending@example.com')!;
    const md = ((await tree.resolveTreeItem(await pending.getTreeItem(), pending)).tooltip as vscode.MarkdownString).value;
    assert.match(md, /expires after 24 hours/);
    assert.match(md, /case-sensitive/);
  });
  it('a domain whose records never appear fails after 72 hours, and its tooltip names the DNS error', async () => {
    own.control({ action: 'advanceClock', ms: 73 * 3600_000 });
    tree.refresh('us-east-1');
    const [region] = await tree.getChildren();
    const domain = (await tree.getChildren(region)).find((n) => n.id === 'us-east-1/identity/pending-domain.example')!;
    const item = await tree.resolveTreeItem(await domain.getTreeItem(), domain);
    assert.strictEqual(item.description, 'verification failed');
    assert.strictEqual(item.contextValue, 'identity:domain:failed');
    // The first CNAME exists but points elsewhere: SES's INVALID_VALUE.
    assert.match((item.tooltip as vscode.MarkdownString).value, /\| Error \| INVALID_VALUE \|/);
  });

});

describe('SES: Verify Domain', () => {
  const domain = `verify-${stamp}.example`;

  it('shows the records to publish, then the domain verifies once they exist in DNS', async function () {
    this.timeout(60_000);
    const ctx = await extension();
    const ui = new ScriptedUi({ input: [domain.toUpperCase()] });
    const created = await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand<string>('ses.verifyDomain', { region: 'eu-west-1' })));
    assert.strictEqual(created, domain, 'domain names are lower-cased');
    const doc = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(doc, new RegExp(`# DNS records for ${domain.replace(/\./g, '\\.')} in eu-west-1`));
    const cnames = [...doc.matchAll(/^(\S+)\._domainkey\.\S+\.\s+1800 IN CNAME (\S+)\.$/gm)];
    assert.strictEqual(cnames.length, 3, doc);
    assert.match(doc, /Type,Name,Value\nCNAME,/);
    assert.match(doc, new RegExp(`mail\\.${domain.replace(/\./g, '\\.')}\\.\\s+1800 IN MX\\s+10 feedback-smtp\\.eu-west-1\\.amazonses\\.com\\.`));
    assert.ok(ui.told.some((m) => m.includes(`${domain} is pending until its DKIM records are published`)), ui.told.join(' | '));

    const node = await identityNode(ctx, 'eu-west-1', domain);
    assert.ok(node, 'the domain is in the tree');
    assert.strictEqual((await node.getTreeItem()).description, 'pending verification');
    const records = await Promise.all((await children(ctx, node)).map(async (n) => (await n.getTreeItem()).label));
    assert.deepStrictEqual(records, cnames.map((m) => `${m[1]}._domainkey.${domain}`), 'the tree shows the same three CNAMEs');

    await control({ action: 'setDns', records: cnames.map((m) => ({ name: `${m[1]}._domainkey.${domain}`, type: 'CNAME', value: m[2] })) });
    await vscode.commands.executeCommand('ses.refresh', { region: 'eu-west-1' });
    const verified = await identityNode(ctx, 'eu-west-1', domain);
    assert.strictEqual((await verified!.getTreeItem()).description, 'verified');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('copies one DNS record row as its zone-file line', async () => {
    const ctx = await extension();
    const domainNode = await identityNode(ctx, 'eu-west-1', 'example.org');
    const [first] = await children(ctx, domainNode!);
    await withUi(ctx, new ScriptedUi(), () => Promise.resolve(vscode.commands.executeCommand('ses.copyDnsRecord', first)));
    assert.match(await vscode.env.clipboard.readText(), /^exampleorgdkimtoken1a+\._domainkey\.example\.org\.\s+1800 IN CNAME\s+exampleorgdkimtoken1a+\.dkim\.amazonses\.com\.$/);
  });

  it('a domain that is already verified is said to be so, its records shown for reference', async () => {
    const ctx = await extension();
    const ui = new ScriptedUi({ input: ['EXAMPLE.ORG'] });
    await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand<string>('ses.verifyDomain', { region: 'eu-west-1' })));
    assert.ok(ui.told.includes('example.org is already verified in eu-west-1; its records are shown for reference.'), ui.told.join(' | '));
    const doc = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(doc, /example\.org is already verified in eu-west-1: these three CNAME records are published/);
  });

  it('converts an international domain name to punycode and refuses malformed ones', async () => {
    const ctx = await extension();
    const ui = new ScriptedUi({ input: [`bücher-${stamp}.example`] });
    const created = await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand<string>('ses.verifyDomain', { region: 'eu-west-1' })));
    assert.match(created ?? '', new RegExp(`^xn--bcher-${stamp}-[a-z0-9]+\\.example$`));
    const node = await identityNode(ctx, 'eu-west-1', created!);
    assert.ok(node, 'the punycode name is the identity');
    assert.match(String((await node.getTreeItem()).description), new RegExp(`· bücher-${stamp}\\.example$`), 'the tree also shows the name as typed');
    const validate = ui.inputs[0].validateInput!;
    assert.ok(await validate('not a domain'), 'spaces are refused');
    assert.ok(await validate('someone@example.com'), 'an address is not a domain');
    assert.strictEqual(await validate('example.com'), undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('SES: Check Domain DNS', () => {
  const domain = `dnscheck-${stamp}.example`;
  // The check runs through the real command and node:dns, pointed by the `ses.dns.servers` setting of the test
  // workspace at the emulator's own DNS server, which answers from its zone.
  before(() => {
    assert.ok(emulator().dnsServer, 'the emulator serves its zone over DNS');
    assert.deepStrictEqual(vscode.workspace.getConfiguration('ses').get('dns.servers'), [emulator().dnsServer]);
  });

  it('reports the one missing DKIM CNAME as that one record', async function () {
    this.timeout(30_000);
    const ctx = await extension();
    const tokens = (await ctx.api().createIdentity('eu-west-1', domain)).dkimTokens;
    assert.strictEqual(tokens.length, 3);
    // Two of the three CNAMEs published; the third forgotten.
    await control({ action: 'setDns', records: tokens.slice(0, 2).map((t) => ({ name: `${t}._domainkey.${domain}`, type: 'CNAME', value: `${t}.dkim.amazonses.com` })) });
    ctx.tree.refresh('eu-west-1');
    const node = await identityNode(ctx, 'eu-west-1', domain);
    assert.ok(node);
    const ui = new ScriptedUi();
    const checks = (await withUi(ctx, ui, async () => vscode.commands.executeCommand('ses.checkDomainDns', node))) as RecordCheck[];
    assert.deepStrictEqual(checks.map((c) => [c.record.name, c.verdict]), tokens.map((t, i) => [`${t}._domainkey.${domain}`, i < 2 ? 'ok' : 'missing']));
    const told = ui.told.join(' | ');
    assert.ok(told.includes(`1 of 3 DNS records of ${domain} need attention`), told);
    // The report opens beside the tree, record by record: the forgotten CNAME named, the other two ok.
    const report = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(report, new RegExp(`${tokens[2]}\\._domainkey.*❌ missing`));
    assert.strictEqual((report.match(/✅ ok/g) ?? []).length, 2, report);
    assert.ok(report.includes(`No CNAME record at ${tokens[2]}._domainkey.${domain}. Publish: ${tokens[2]}.dkim.amazonses.com`), report);

    await control({ action: 'setDns', records: [{ name: `${tokens[2]}._domainkey.${domain}`, type: 'CNAME', value: `${tokens[2]}.dkim.amazonses.com` }] });
    const again = new ScriptedUi();
    await withUi(ctx, again, async () => vscode.commands.executeCommand('ses.checkDomainDns', { region: 'eu-west-1', domain }));
    assert.ok(again.told.includes(`All 3 DNS records of ${domain} are published as SES expects.`), again.told.join(' | '));
  });

  it('from the palette, asks for the region and the domain', async () => {
    const ctx = await extension();
    const ui = new ScriptedUi({ pick: ['eu-west-1', domain] });
    const checks = (await withUi(ctx, ui, async () => vscode.commands.executeCommand('ses.checkDomainDns'))) as RecordCheck[] | undefined;
    assert.strictEqual(checks?.length, 3);
  });
});

describe('Address identities: verify, watch, resend, delete, copy', () => {
  it('watches a new address until its link is opened: the tree turns verified without a manual refresh', async function () {
    this.timeout(60_000);
    const ctx = await extension();
    const address = `watch-${stamp}@example.com`;
    const ui = new ScriptedUi({ input: [address] });
    // The scripted UI stays in place for the whole test: the watch reports after the command has returned.
    const real = ctx.ui;
    ctx.ui = ui;
    try {
      await vscode.commands.executeCommand('ses.verifyAddress', { region: 'us-east-1' });
      assert.strictEqual((await (await identityNode(ctx, 'us-east-1', address))!.getTreeItem()).description, 'pending verification');
      assert.strictEqual((await fetch(await linkFor(address))).status, 200, 'the link opens');
      // No refresh here: the watch started by Verify Address refreshes the region when SES says verified.
      const item = await eventually(async () => {
        const i = await (await identityNode(ctx, 'us-east-1', address))!.getTreeItem();
        assert.strictEqual(i.description, 'verified');
        return i;
      });
      assert.strictEqual(item.contextValue, 'identity:email:verified');
      await eventually(async () => assert.ok(ui.told.some((m) => m.startsWith(`${address} is verified in us-east-1`)), ui.told.join(' | ')));
    } finally {
      ctx.ui = real;
    }
  });

  it('Resend Verification Email mails a new link that verifies the address', async function () {
    this.timeout(30_000);
    const ctx = await extension();
    const address = `resend-${stamp}@example.com`;
    await ctx.api().createIdentity('us-east-1', address);
    const first = await linkFor(address);
    ctx.tree.refresh('us-east-1');
    const node = await identityNode(ctx, 'us-east-1', address);
    assert.strictEqual((await node!.getTreeItem()).contextValue, 'identity:email:pending');
    const ui = new ScriptedUi();
    await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand('ses.resendVerification', node)));
    assert.ok(ui.told.some((m) => m.includes(`new verification link to ${address}`)), ui.told.join(' | '));
    const second = await linkFor(address);
    assert.notStrictEqual(second, first, 'a second mail with a new link');
    assert.strictEqual((await fetch(second)).status, 200);
    assert.strictEqual((await ctx.api().getIdentity('us-east-1', address)).status, 'SUCCESS');
  });

  it('Delete Identity asks modally, naming the region, and deletes only when confirmed', async () => {
    const ctx = await extension();
    const address = `delete-${stamp}@example.com`;
    await ctx.api().createIdentity('us-east-1', address);
    ctx.tree.refresh('us-east-1');
    const node = await identityNode(ctx, 'us-east-1', address);
    const no = new ScriptedUi({ confirm: [false] });
    await withUi(ctx, no, () => Promise.resolve(vscode.commands.executeCommand('ses.deleteIdentity', node)));
    assert.deepStrictEqual(no.told, [`Delete ${address} from SES in us-east-1?`]);
    assert.ok(await identityNode(ctx, 'us-east-1', address), 'kept when not confirmed');

    const yes = new ScriptedUi({ confirm: [true] });
    await withUi(ctx, yes, () => Promise.resolve(vscode.commands.executeCommand('ses.deleteIdentity', node)));
    assert.strictEqual(await identityNode(ctx, 'us-east-1', address), undefined, 'gone from the tree');
    await assert.rejects(ctx.api().getIdentity('us-east-1', address), (e: { kind?: string }) => e.kind === 'not-found');
  });

  it('identity commands work from the palette too: they ask for the region, then the identity', async () => {
    const ctx = await extension();
    const address = `palette-delete-${stamp}@example.com`;
    await ctx.api().createIdentity('us-east-1', address);
    ctx.tree.refresh('us-east-1');
    const ui = new ScriptedUi({ pick: ['us-east-1', address], confirm: [true] });
    await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand('ses.deleteIdentity')));
    assert.deepStrictEqual(ui.told, [`Delete ${address} from SES in us-east-1?`]);
    await assert.rejects(ctx.api().getIdentity('us-east-1', address), (e: { kind?: string }) => e.kind === 'not-found');

    await withUi(ctx, new ScriptedUi({ pick: ['eu-west-1', 'example.org'] }), () => Promise.resolve(vscode.commands.executeCommand('ses.copyDnsRecords')));
    const zone = await vscode.env.clipboard.readText();
    assert.match(zone, /^exampleorgdkimtoken1a+\._domainkey\.example\.org\.\s+1800 IN CNAME\s+exampleorgdkimtoken1a+\.dkim\.amazonses\.com\.$/m);

    // Resend offers only addresses that still wait for their link.
    const resend = new ScriptedUi({ pick: ['us-east-1'] });
    let offered: string[] = [];
    resend.pick = async (items) => {
      if (items.some((i) => i.label === 'us-east-1')) return items.find((i) => i.label === 'us-east-1');
      offered = items.map((i) => i.label);
      return undefined;
    };
    await withUi(ctx, resend, () => Promise.resolve(vscode.commands.executeCommand('ses.resendVerification')));
    assert.ok(offered.includes('new-user@example.com'), `pending address offered: ${offered.join(', ')}`);
    assert.ok(!offered.includes('sender@example.com'), 'a verified address is not offered');
  });

  it('Copy Identity Name and Copy Identity ARN put them on the clipboard (the account id asked once when the credentials do not state it)', async () => {
    const ctx = await extension();
    const node = await identityNode(ctx, 'us-east-1', 'sender@example.com');
    await vscode.commands.executeCommand('ses.copyIdentityName', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), 'sender@example.com');

    const ui = new ScriptedUi({ input: ['123456789012'] });
    const arn = await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand<string>('ses.copyIdentityArn', node)));
    assert.strictEqual(arn, 'arn:aws:ses:us-east-1:123456789012:identity/sender@example.com');
    assert.strictEqual(await vscode.env.clipboard.readText(), arn);
    const validate = ui.inputs[0].validateInput!;
    assert.match(String(await validate('12345')), /12 digits/);
    const again = new ScriptedUi();
    const eu = await identityNode(ctx, 'eu-west-1', 'example.org');
    assert.strictEqual(await withUi(ctx, again, () => Promise.resolve(vscode.commands.executeCommand<string>('ses.copyIdentityArn', eu))), 'arn:aws:ses:eu-west-1:123456789012:identity/example.org');
    assert.strictEqual(again.inputs.length, 0, 'not asked twice');
  });
});

describe('SES: Find Identity', () => {
  const third = 'ca-central-1';
  let original: string[] = [];
  before(async () => {
    const ctx = await extension();
    original = ctx.regions();
    await vscode.workspace.getConfiguration('ses').update('regions', [...original, third], vscode.ConfigurationTarget.Workspace);
    await regionNode(ctx, third);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('ses').update('regions', original, vscode.ConfigurationTarget.Workspace);
  });

  it('says where an address is verified, where pending, where missing, and where only another case is verified', async function () {
    this.timeout(30_000);
    const ctx = await extension();
    const address = `find-${stamp}@example.com`;
    await ctx.api().createIdentity('us-east-1', address);
    await fetch(await linkFor(address));
    await ctx.api().createIdentity('eu-west-1', address);
    // The tree has drawn us-east-1 before the link was opened: Find must not trust that picture.
    const ui = new ScriptedUi({ pick: [] });
    const answer = (await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand<Whereabouts[]>('ses.findIdentity', address))))!;
    assert.deepStrictEqual(answer.map((w) => [w.region, w.state]), [['us-east-1', 'verified'], ['eu-west-1', 'pending'], [third, 'missing']]);

    const upper = address.replace('find', 'Find');
    const mismatch = (await withUi(ctx, new ScriptedUi(), () => Promise.resolve(vscode.commands.executeCommand<Whereabouts[]>('ses.findIdentity', upper))))!;
    assert.deepStrictEqual(mismatch.map((w) => w.state), ['case-mismatch', 'missing', 'missing']);
    assert.deepStrictEqual(mismatch[0], { region: 'us-east-1', state: 'case-mismatch', identity: address });
  });

  it('finds an international domain as SES lists it, in punycode, and refuses malformed input with a message', async function () {
    this.timeout(30_000);
    const ctx = await extension();
    const unicode = `straße-${stamp}.example`;
    await ctx.api().createIdentity('us-east-1', domainToASCII(unicode));
    const answer = (await withUi(ctx, new ScriptedUi(), () => Promise.resolve(vscode.commands.executeCommand<Whereabouts[]>('ses.findIdentity', `info@${unicode}`))))!;
    assert.deepStrictEqual(answer.map((w) => [w.region, w.state]), [['us-east-1', 'pending'], ['eu-west-1', 'missing'], [third, 'missing']]);

    const ui = new ScriptedUi({ input: [undefined] });
    await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand('ses.findIdentity')));
    const validate = ui.inputs[0].validateInput!;
    assert.match(String(await validate('someone@')), /domain/i);
    assert.match(String(await validate('not a domain')), /./);
    assert.strictEqual(await validate('someone@example.com'), undefined);
    assert.strictEqual(await validate('example.com'), undefined);
  });

  it('choosing a region where it is missing verifies it there', async function () {
    this.timeout(30_000);
    const ctx = await extension();
    const address = `find-missing-${stamp}@example.com`;
    const ui = new ScriptedUi({ input: [address, address], pick: [`$(circle-slash) ${third}`] });
    await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand('ses.findIdentity')));
    assert.strictEqual((await ctx.api().getIdentity(third, address)).status, 'PENDING');
  });
});
