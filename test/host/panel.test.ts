import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../src/extension';
import { ScriptedUi, emulator, extension, messages, withUi } from './helpers';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openPanel(): Promise<NonNullable<ReturnType<WorkbenchApi['currentPanel']>>> {
  const api = (await extension()) as WorkbenchApi;
  await vscode.commands.executeCommand('ses.sendTestEmail', { region: 'us-east-1' });
  const panel = api.currentPanel();
  assert.ok(panel, 'the Send Test Email panel is open');
  await panel.ready;
  return panel;
}

describe('Send Test Email panel', () => {
  before(async () => {
    const info = emulator();
    const api = await extension();
    await api.secrets.set('us-east-1', { username: info.smtpUsername, password: info.smtpPasswords['us-east-1'] });
  });

  it('sends through SMTP to a verified address and the mail reaches the mailbox', async () => {
    const info = emulator();
    const panel = await openPanel();
    const subject = `panel ${Date.now()}`;
    await panel.patchDraft({ transport: 'smtp', from: 'sender@example.com', to: 'sender@example.com', subject, port: info.smtpPort });
    const result = await panel.send();
    assert.ok(result, `the send succeeded: ${panel.lastFailure?.explanation}`);
    assert.ok(result.messageId);
    assert.ok((await messages(info)).some((m) => m.subject === subject));
    assert.ok(!panel.transcript.join('\n').includes(info.smtpPasswords['us-east-1']), 'the transcript never holds the password');
  });

  it('explains a sandbox rejection in plain words, naming the address and the region, keeping the draft', async () => {
    const info = emulator();
    const panel = await openPanel();
    await pause(1100); // the sandbox allows one message a second
    await panel.patchDraft({ transport: 'smtp', from: 'sender@example.com', to: 'stranger@example.net', subject: 'will be rejected', port: info.smtpPort });
    const result = await panel.send();
    assert.strictEqual(result, undefined);
    const failure = panel.lastFailure;
    assert.strictEqual(failure?.kind, 'sandbox-recipient-not-verified');
    assert.match(failure!.explanation, /stranger@example\.net/);
    assert.match(failure!.explanation, /sandbox/i);
    assert.ok(failure!.fixes.some((f) => f.type === 'verify-identity' && f.identity === 'stranger@example.net'), 'offers to verify the recipient');
    assert.strictEqual(panel.currentDraft.to, 'stranger@example.net', 'nothing typed is lost');
  });

  it('predicts the sandbox rejection before sending, and "Use the simulator" fixes it', async () => {
    const info = emulator();
    const panel = await openPanel();
    await pause(1100);
    await panel.patchDraft({ transport: 'smtp', from: 'sender@example.com', to: 'stranger@example.net', subject: 'predicted', port: info.smtpPort });
    const rejection = panel.currentFindings.find((f) => f.willReject);
    assert.ok(rejection, `a finding predicts the rejection: ${JSON.stringify(panel.currentFindings.map((f) => f.title))}`);
    assert.match(rejection.explanation, /stranger@example\.net/);
    const simulator = rejection.fixes.find((f) => f.type === 'use-simulator');
    assert.ok(simulator, 'offers the mailbox simulator');
    await panel.applyFix(simulator);
    assert.match(panel.currentDraft.to, /@simulator\.amazonses\.com/);
    assert.ok(!panel.currentFindings.some((f) => f.willReject), 'nothing left that SES would reject');
    const result = await panel.send();
    assert.ok(result, `the send succeeded: ${panel.lastFailure?.explanation}`);
  });

  it('sends through the SES API with the profile credentials', async () => {
    const info = emulator();
    const panel = await openPanel();
    await pause(1100);
    const subject = `api ${Date.now()}`;
    await panel.patchDraft({ transport: 'api', from: 'sender@example.com', to: 'success@simulator.amazonses.com', subject });
    const result = await panel.send();
    assert.ok(result, `the send succeeded: ${panel.lastFailure?.explanation}`);
    assert.ok((await messages(info)).some((m) => m.subject === subject));
  });

  it('keeps the body file through closing the panel, and sends an .eml raw with its own headers', async () => {
    const info = emulator();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-panel-'));
    const html = path.join(dir, 'welcome.html');
    const marker = `kept-${Date.now()}`;
    fs.writeFileSync(html, `<p>${marker}</p>`);
    const api = (await extension()) as WorkbenchApi;
    api.currentPanel()?.dispose(); // Send File with no panel open: the new panel has the file as its body
    await vscode.commands.executeCommand('ses.sendFileAsTestEmail', vscode.Uri.file(html));
    assert.strictEqual(api.currentPanel()?.currentDraft.bodyKind, 'file', JSON.stringify({ current: !!api.currentPanel(), draft: api.currentPanel()?.currentDraft }));
    api.currentPanel()!.dispose();
    const panel = await openPanel();
    assert.strictEqual(panel.currentDraft.bodyKind, 'file');
    assert.strictEqual(panel.currentDraft.file, vscode.Uri.file(html).toString(), 'the reopened panel still sends that file');
    await pause(1100);
    await panel.patchDraft({ transport: 'api', from: 'sender@example.com', to: 'success@simulator.amazonses.com', subject: marker });
    assert.ok(await panel.send(), `the send succeeded: ${panel.lastFailure?.explanation}`);
    const sent = (await messages(info)).find((m) => m.subject === marker) as { html?: string } | undefined;
    assert.match(sent?.html ?? '', new RegExp(marker));

    const eml = path.join(dir, 'order.eml');
    const emlSubject = `raw-${Date.now()}`;
    fs.writeFileSync(eml, ['From: sender@example.com', 'To: success@simulator.amazonses.com', `Subject: ${emlSubject}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'Sent raw from an .eml file.', ''].join('\r\n'));
    await vscode.commands.executeCommand('ses.sendFileAsTestEmail', vscode.Uri.file(eml));
    await pause(1100);
    assert.ok(await panel.send(), `the .eml send succeeded: ${panel.lastFailure?.explanation}`);
    assert.ok((await messages(info)).some((m) => m.subject === emlSubject), 'the mail carries the .eml file\'s own Subject');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reopens a test mail from the history in the region it was sent in', async () => {
    const panel = await openPanel();
    await pause(1100);
    const subject = `history ${Date.now()}`;
    await panel.patchDraft({ region: 'eu-west-1', transport: 'api', bodyKind: 'text', from: 'team@example.org', to: 'success@simulator.amazonses.com', subject });
    assert.ok(await panel.send(), `the send succeeded: ${panel.lastFailure?.explanation}`);
    await panel.patchDraft({ region: 'us-east-1', subject: 'something else' });
    panel.dispose();
    const api = (await extension()) as WorkbenchApi;
    await withUi(api, new ScriptedUi({ pick: ['$(pass) team@example.org → success@simulator.amazonses.com'] }), () => Promise.resolve(vscode.commands.executeCommand('ses.showHistory')));
    const reopened = api.currentPanel();
    assert.ok(reopened, 'the history entry opened the panel');
    await reopened.ready;
    assert.strictEqual(reopened.currentDraft.region, 'eu-west-1');
    assert.strictEqual(reopened.currentDraft.subject, subject);
  });

  it('without SMTP credentials for the region, says so with the pre-flight\'s words and offers to set them', async () => {
    const panel = await openPanel();
    const api = await extension();
    await api.secrets.clear('eu-west-1');
    await panel.patchDraft({ region: 'eu-west-1', transport: 'smtp', bodyKind: 'text', from: 'team@example.org', to: 'success@simulator.amazonses.com', subject: 'no credentials' });
    const predicted = panel.currentFindings.find((f) => f.fixes.some((fix) => fix.type === 'set-smtp-credentials'));
    assert.ok(predicted, 'the pre-flight predicts it');
    assert.strictEqual(await panel.send(), undefined);
    assert.strictEqual(panel.lastFailure?.title, predicted.title);
    assert.match(panel.lastFailure!.title, /No SMTP credentials for eu-west-1/);
    assert.ok(panel.lastFailure!.fixes.some((f) => f.type === 'set-smtp-credentials'));
  });
});
