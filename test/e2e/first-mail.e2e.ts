import * as assert from 'node:assert';
import { useWorkbench } from './harness';

// The walking skeleton as a person does it: see the tree, verify an address, open the link, send a test mail,
// then meet the sandbox and read its explanation. Screenshots of each step are the README's pictures.
describe('First test mail through the emulator', () => {
  const wb = useWorkbench();
  const address = `e2e-${Date.now()}@example.com`;
  const webview = () => wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const inbox = async () =>
    ((await (await fetch(`${wb.emulator.apiEndpoint}/_emulator/messages`)).json()) as { messages: { kind: string; to: string[]; subject: string; verificationLink?: string }[] }).messages;

  it('shows the sandbox status and the identities of each region', async () => {
    await wb.openSesView();
    await wb.treeItem(/sender@example\.com.*verified/).first().waitFor();
    await wb.treeItem(/new-user@example\.com.*pending/).first().waitFor();
    await wb.shot('first-01-tree');
  });

  it('verifies an address from the palette, and the tree turns verified once the link is opened', async () => {
    await wb.runCommand('SES: Verify Address');
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'us-east-1' }).first().click();
    const input = wb.quickInput().locator('input');
    await input.fill('not-an-address');
    await wb.quickInput().getByText(/@/).first().waitFor();
    await wb.shot('first-02-verify-validation');
    await input.fill(address);
    await input.press('Enter');
    await wb.notification(/verification link/).first().waitFor();
    await wb.treeItem(new RegExp(`${address.replace(/\./g, '\\.')}.*pending`)).first().waitFor();
    await wb.shot('first-03-pending');

    const mail = (await inbox()).find((m) => m.kind === 'verification' && m.to.includes(address));
    assert.ok(mail?.verificationLink, 'the verification mail with its link is in the emulator mailbox');
    const mailbox = await wb.page.context().newPage();
    await mailbox.goto(wb.emulator.mailboxUrl);
    await mailbox.getByText(address).first().waitFor();
    await mailbox.screenshot({ path: await wb.shot('first-04-mailbox').then((p) => p.replace('first-04-mailbox', 'first-04b-mailbox-page')) });
    await mailbox.goto(mail.verificationLink);
    await mailbox.close();

    await wb.treeItem(new RegExp(`${address.replace(/\./g, '\\.')}.*verified`)).first().waitFor({ timeout: 30_000 });
    await wb.shot('first-05-verified');
  });

  it('stores SMTP credentials and sends a test mail that reaches the mailbox', async () => {
    await wb.runCommand('SES: Set SMTP Credentials');
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'us-east-1' }).first().click();
    const input = wb.quickInput().locator('input');
    // Each step of the input is the same widget: wait for its title, or the text lands in the step before.
    await wb.quickInput().getByText(/\(1\/2\): user name/).waitFor();
    await input.fill(wb.emulator.smtpUsername);
    await input.press('Enter');
    await wb.quickInput().getByText(/\(2\/2\): password/).waitFor();
    await input.fill(wb.emulator.secretAccessKey);
    await wb.quickInput().getByText(/IAM secret access key/).first().waitFor();
    await wb.shot('first-06-password-is-iam-secret');
    await input.fill(wb.emulator.smtpPasswords['us-east-1']);
    await input.press('Enter');
    await wb.notification(/secret storage/).first().waitFor();

    await wb.runCommand('SES: Send Test Email');
    const page = webview();
    await page.locator('#from option[value="sender@example.com"]').waitFor({ state: 'attached' });
    await page.locator('#region').selectOption('us-east-1');
    await page.locator('#from').selectOption('sender@example.com');
    const subject = `e2e ${Date.now()}`;
    await page.locator('#to').fill(address);
    await page.locator('#subject').fill(subject);
    await page.locator('#send').click();
    await page.getByText(/Sent through SMTP/).waitFor({ timeout: 30_000 });
    await wb.shot('first-07-sent');
    assert.ok((await inbox()).some((m) => m.subject === subject && m.to.includes(address)), 'the mail is in the emulator mailbox');
  });

  it('explains the sandbox rejection when the recipient is not verified', async () => {
    const page = webview();
    await page.locator('#to').fill('stranger@example.net');
    await page.locator('#subject').fill('to a stranger');
    await wb.page.waitForTimeout(1100); // one message a second in the sandbox
    await page.locator('#send').click();
    await page.locator('#result.failed').waitFor({ timeout: 30_000 });
    const text = await page.locator('#result').innerText();
    assert.match(text, /stranger@example\.net/);
    assert.match(text, /sandbox/i);
    await page.getByRole('button', { name: /Verify/ }).first().waitFor();
    await wb.shot('first-08-sandbox-explained');
  });
});
