import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { ScriptedUi, emulator, extension, withUi } from './helpers';

describe('SES: Explain Error', () => {
  it('explains pasted text as a readable document naming the address and region', async () => {
    const ctx = await extension();
    const text = 'SMTP Error: data not accepted. 554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: someone@example.org';
    const ui = new ScriptedUi({ input: [text] });
    const diagnosis = await withUi(ctx, ui, async () => (await vscode.commands.executeCommand('ses.explainError')) as { kind: string; title: string } | undefined);
    assert.ok(diagnosis, 'an answer');
    assert.ok(['sandbox-recipient-not-verified', 'sender-not-verified'].includes(diagnosis.kind), diagnosis.kind);
    const doc = vscode.window.activeTextEditor?.document;
    assert.strictEqual(doc?.languageId, 'markdown');
    assert.match(doc!.getText(), /someone@example\.org/);
    assert.match(doc!.getText(), /eu-west-1|EU-WEST-1/);
  });

  it('says honestly when text is not an SES failure', async () => {
    const ctx = await extension();
    const diagnosis = (await withUi(ctx, new ScriptedUi(), async () => vscode.commands.executeCommand('ses.explainError', 'TypeError: undefined is not a function'))) as { kind: string };
    assert.strictEqual(diagnosis.kind, 'unknown');
  });
});

describe('SES: Create SMTP Password from IAM Secret Key', () => {
  it('stores the password the emulator derives for that region, never the key', async () => {
    const info = emulator();
    const ctx = await extension();
    const ui = new ScriptedUi({ pick: ['eu-west-1'], input: [info.accessKeyId, info.secretAccessKey] });
    const stored = await withUi(ctx, ui, async () => vscode.commands.executeCommand('ses.createSmtpPassword'));
    assert.strictEqual(stored, true);
    const credentials = await ctx.secrets.get('eu-west-1');
    assert.strictEqual(credentials?.username, info.accessKeyId);
    assert.strictEqual(credentials?.password, info.smtpPasswords['eu-west-1'], 'the password SES derives for eu-west-1');
    assert.notStrictEqual(credentials?.password, info.secretAccessKey, 'never the IAM secret itself');
  });

  it('refuses a key that is not 40 characters, saying so', async () => {
    const ctx = await extension();
    const ui = new ScriptedUi({ pick: ['us-east-1'], input: ['AKIASESEMULATOR00001', undefined] });
    await withUi(ctx, ui, async () => vscode.commands.executeCommand('ses.createSmtpPassword'));
    const validate = ui.inputs[1]?.validateInput;
    assert.ok(validate);
    assert.match(String(await validate('short')), /40 characters/);
  });
});

describe('SES: Set SMTP Credentials', () => {
  it('refuses an IAM secret typed as the SMTP password and points to the derivation command', async () => {
    const info = emulator();
    const ctx = await extension();
    const ui = new ScriptedUi({ pick: ['us-east-1'], input: [info.smtpUsername, undefined] });
    await withUi(ctx, ui, async () => vscode.commands.executeCommand('ses.setSmtpCredentials'));
    const validate = ui.inputs[1]?.validateInput;
    assert.ok(validate);
    assert.match(String(await validate(info.secretAccessKey)), /IAM secret access key.*Create SMTP Password/s);
    assert.strictEqual(await validate(info.smtpPasswords['us-east-1']), undefined);
    assert.ok(ui.inputs[1]?.password, 'the password box hides what is typed');
  });
});
