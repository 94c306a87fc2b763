import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useWorkbench } from './harness';

// The walkthrough "Send your first email with SES", done the way a person does it: every step's action from the
// palette or the walkthrough itself, then the walkthrough shows that step checked. The pictures of the
// walkthrough's steps (media/walkthrough/*.png) are screenshots from this scenario: UPDATE_SCREENSHOTS=1 refreshes them.
const MEDIA = path.resolve(__dirname, '..', '..', 'media', 'walkthrough');
const STEPS = ['connect', 'sender', 'recipient', 'smtp', 'send', 'production'] as const;
type Step = (typeof STEPS)[number];

describe('Walkthrough: Send your first email with SES', () => {
  const wb = useWorkbench();
  const address = `walkthrough-${Date.now()}@example.com`;
  const webview = () => wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const step = (id: Step) => wb.page.locator(`button.getting-started-step[data-step-id$="ses.firstEmail.${id}"]`);
  const inbox = async () =>
    ((await (await fetch(`${wb.emulator.apiEndpoint}/_emulator/messages`)).json()) as { messages: { kind: string; to: string[]; verificationLink?: string }[] }).messages;

  /** A screenshot that is also the walkthrough's picture for a step. */
  async function media(name: string): Promise<void> {
    // A step's picture shows the step, not the toasts of the steps before it.
    const hide = await wb.page.addStyleTag({ content: '.notifications-toasts { visibility: hidden !important; }' });
    const file = await wb.shot(`walkthrough-media-${name}`);
    await hide.evaluate((node) => (node as Element).remove());
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      fs.mkdirSync(MEDIA, { recursive: true });
      fs.copyFileSync(file, path.join(MEDIA, `${name}.png`));
    }
  }

  async function openWalkthrough(): Promise<void> {
    await wb.runCommand('SES: Get Started: Send Your First Email');
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'Walkthrough' }).waitFor();
    await step('connect').waitFor({ state: 'attached' });
    // The command finishes after the editor opens (it turns the step keys back on); let it, before the next prompt.
    await wb.page.waitForTimeout(1_000);
  }

  async function checked(id: Step, timeout = 15_000): Promise<void> {
    await wb.page.locator(`button.getting-started-step[aria-checked="true"][data-step-id$="ses.firstEmail.${id}"]`).waitFor({ state: 'attached', timeout });
  }

  async function isChecked(id: Step): Promise<boolean> {
    return (await step(id).getAttribute('aria-checked')) === 'true';
  }

  it('opens with the connection and the seeded sender already done, and the rest to do', async () => {
    await wb.openSesView();
    await wb.treeItem(/sender@example\.com.*verified/).first().waitFor();
    await media('connect');
    await openWalkthrough();
    await checked('connect');
    await checked('sender');
    for (const id of ['smtp', 'send', 'production'] as const) assert.strictEqual(await isChecked(id), false, `${id} is not done yet`);
    await wb.shot('walkthrough-01-start');
  });

  it('step 2: verifies a sender from the palette', async () => {
    await wb.runCommand('SES: Verify Address');
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'us-east-1' }).first().click();
    const input = wb.quickInput().locator('input');
    await input.fill(address);
    await media('verify-sender');
    await input.press('Enter');
    await wb.notification(/verification link/).first().waitFor();
    const mail = (await inbox()).find((m) => m.kind === 'verification' && m.to.includes(address));
    assert.ok(mail?.verificationLink, 'the verification mail is in the emulator mailbox');
    const res = await fetch(mail.verificationLink);
    assert.ok(res.ok, `the verification link answers ${res.status}`);
    await openWalkthrough();
    await checked('sender');
  });

  it('step 3: addresses a test mail to the mailbox simulator from the walkthrough', async () => {
    await step('recipient').click();
    await wb.page.getByRole('button', { name: 'Use the Mailbox Simulator' }).click();
    const page = webview();
    await page.locator('#from option[value="sender@example.com"]').waitFor({ state: 'attached' });
    assert.strictEqual(await page.locator('#to').inputValue(), 'success@simulator.amazonses.com');
    await page.locator('#from').selectOption('sender@example.com');
    await media('recipient');
    await openWalkthrough();
    await checked('recipient');
  });

  it('step 4: stores SMTP credentials for the region', async () => {
    assert.strictEqual(await isChecked('smtp'), false);
    await wb.runCommand('SES: Set SMTP Credentials');
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'us-east-1' }).first().click();
    const input = wb.quickInput().locator('input');
    await wb.quickInput().getByText(/\(1\/2\): user name/).waitFor();
    await input.fill(wb.emulator.smtpUsername);
    await media('smtp-credentials');
    await input.press('Enter');
    await wb.quickInput().getByText(/\(2\/2\): password/).waitFor();
    await input.fill(wb.emulator.smtpPasswords['us-east-1']);
    await input.press('Enter');
    await wb.notification(/secret storage/).first().waitFor();
    await openWalkthrough();
    await checked('smtp');
  });

  it('step 5: sends the test mail to the simulator', async () => {
    assert.strictEqual(await isChecked('send'), false);
    // The panel from step 3 is still open in the background: back to its tab.
    await wb.page.locator('.tabs-container .tab', { hasText: 'Send Test Email' }).click();
    const page = webview();
    await page.locator('#to').waitFor();
    assert.strictEqual(await page.locator('#to').inputValue(), 'success@simulator.amazonses.com', 'the draft from step 3 is still there');
    await page.locator('#from').selectOption('sender@example.com');
    await page.locator('#send').click();
    await page.getByText(/Sent through SMTP/).waitFor({ timeout: 30_000 });
    await media('send');
    await openWalkthrough();
    await checked('send');
  });

  it('step 6: requests production access, with advice first, and the tree shows the review', async () => {
    assert.strictEqual(await isChecked('production'), false);
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('SES: Request Production Access');
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'us-east-1' }).first().click();
    const form = webview();
    await form.locator('#mailType').waitFor();
    await form.locator('#mailType').selectOption('TRANSACTIONAL');
    await form.locator('#websiteUrl').fill('www.acme-widgets.com');
    await form.locator('#useCaseDescription').fill('We send emails to users.');
    await form.locator('#submit').click();
    await form.getByText(/start with http:\/\/ or https:\/\//).first().waitFor();
    await form.locator('#advice').getByText(/how you handle bounces/).waitFor();
    assert.match(await form.locator('#submit').innerText(), /Submit Anyway/);
    await media('production-access');

    await form.locator('#websiteUrl').fill('https://www.acme-widgets.com');
    await form.locator('#useCaseDescription').fill(
      'Acme Widgets sends order receipts, shipping updates and password resets to customers who create an account on our shop, ' +
        'about 2,000 messages per day. Bounce and complaint notifications arrive through an SNS topic and those addresses go on the ' +
        'account-level suppression list at once. Optional notices carry an unsubscribe link, and customers can opt out in their settings.',
    );
    await form.locator('#adviceBox').waitFor({ state: 'hidden' });
    await form.locator('#submit').click();
    await form.getByText(/Request sent for us-east-1/).waitFor({ timeout: 30_000 });
    await wb.treeItem(/Sandbox.*production access PENDING \(case /).first().waitFor({ timeout: 30_000 });
    await wb.shot('walkthrough-02-review-pending');
    await openWalkthrough();
    await checked('production');
  });

  it('shows every step checked', async () => {
    for (const id of STEPS) assert.ok(await isChecked(id), `step ${id} is checked`);
    await wb.shot('walkthrough-03-all-done');
  });
});
