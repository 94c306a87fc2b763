import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { ScriptedUi, children, emulator, extension, label, messages, regionNode, withUi } from './helpers';

describe('Identities tree', () => {
  it('lists the emulator identities of us-east-1 with their verification state', async () => {
    const ctx = await extension();
    const region = await regionNode(ctx, 'us-east-1');
    const nodes = await children(ctx, region);
    const byName = new Map<string, vscode.TreeItem>();
    for (const node of nodes) byName.set(await label(node), await node.getTreeItem());
    assert.strictEqual(byName.get('Sandbox')?.contextValue, 'account:sandbox');
    assert.match(String(byName.get('Sandbox')?.description), /\/200 sent/);
    assert.strictEqual(byName.get('sender@example.com')?.description, 'verified');
    assert.strictEqual(byName.get('sender@example.com')?.contextValue, 'identity:email:verified');
    assert.strictEqual(byName.get('new-user@example.com')?.description, 'pending verification');
  });

  it('a production region shows as production', async () => {
    const ctx = await extension();
    const region = await regionNode(ctx, 'eu-west-1');
    const account = (await children(ctx, region))[0];
    assert.strictEqual((await account.getTreeItem()).contextValue, 'account:production');
  });
});

describe('SES: Verify Address', () => {
  it('creates a pending identity, mails the link, and says it expires in 24 hours', async () => {
    const info = emulator();
    const ctx = await extension();
    const address = `host-test-${Date.now()}@example.com`;
    const ui = new ScriptedUi({ pick: ['us-east-1'], input: [address] });
    await withUi(ctx, ui, async () => {
      await vscode.commands.executeCommand('ses.verifyAddress');
    });
    assert.ok(ui.told.some((m) => m.includes(address) && m.includes('24 hours')), `told: ${ui.told.join(' | ')}`);
    const region = await regionNode(ctx, 'us-east-1');
    const node = (await children(ctx, region)).find((n) => n.id === `us-east-1/identity/${address}`);
    assert.ok(node, 'the new identity is in the tree');
    assert.strictEqual((await node.getTreeItem()).description, 'pending verification');
    const mail = (await messages(info)).find((m) => m.kind === 'verification' && m.to.includes(address));
    assert.ok(mail?.verificationLink, 'the emulator mailbox holds the verification link');
  });

  it('refuses a malformed address with a message that says what is wrong', async () => {
    const ctx = await extension();
    const ui = new ScriptedUi({ pick: ['us-east-1'], input: [undefined] });
    await withUi(ctx, ui, async () => {
      await vscode.commands.executeCommand('ses.verifyAddress');
    });
    const validate = ui.inputs[0]?.validateInput;
    assert.ok(validate, 'the address input validates');
    const problem = await validate('someone.example.com');
    assert.match(String(problem), /@/);
    assert.strictEqual(await validate('someone@example.com'), undefined);
  });
});
