import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { manualClock, startEmulator } from '../../../src/emulator';
import { SesApi } from '../../../src/ses/client';
import { sendViaApi } from '../../../src/sending/api';
import { formatMailbox } from '../../../src/address';
import { SendFailure } from '../../../src/sending/message';
import { sendViaSmtp, type SmtpTarget } from '../../../src/sending/smtp';

type Running = Awaited<ReturnType<typeof startEmulator>>;

describe('Sending a test mail through the emulator', () => {
  let emu: Running;
  let target: SmtpTarget;
  // The sandbox allows one message a second: each test starts a few seconds later on the emulator's clock.
  const clock = manualClock();
  beforeEach(() => clock.advance(5000));

  before(async () => {
    emu = await startEmulator({ apiPort: 0, smtpPort: 0, smtpsPort: 0, clock });
    const { info } = emu;
    target = {
      region: 'us-east-1',
      host: info.smtpHost,
      port: info.smtpPort,
      tls: 'starttls',
      username: info.smtpUsername,
      password: info.smtpPasswords['us-east-1'],
      ca: readFileSync(info.caFile, 'utf8'),
    };
  });
  after(() => emu?.close());

  const inbox = async () =>
    ((await (await fetch(`${emu.info.apiEndpoint}/_emulator/messages`)).json()) as { messages: { to: string[]; subject: string; kind: string }[] }).messages;

  it('delivers over STARTTLS to a verified recipient, with SES message id and a transcript free of the password', async () => {
    const subject = `starttls ${Date.now()}`;
    const result = await sendViaSmtp(target, { from: 'sender@example.com', to: ['sender@example.com'], subject, text: 'hi' });
    assert.match(result.response, /^250 Ok /);
    assert.ok(result.messageId.length > 10);
    assert.ok((await inbox()).some((m) => m.subject === subject), 'the emulator mailbox holds the mail');
    const lines = result.transcript;
    assert.ok(lines.includes('C: AUTH PLAIN [redacted]'), 'the AUTH command shows, its credentials do not');
    assert.ok(lines.includes('S: 235 Authentication successful'));
    assert.ok(lines.includes('C: MAIL FROM:<sender@example.com>') && lines.includes('C: RCPT TO:<sender@example.com>'));
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const forms = [target.password, b64(target.password), b64(target.username), b64(`\0${target.username}\0${target.password}`)];
    const transcript = lines.join('\n');
    for (const form of forms.flatMap((f) => [f, f.replace(/=+$/, '')])) {
      assert.ok(!transcript.includes(form), `the transcript never holds the password, its base64 or the AUTH PLAIN blob: ${form}`);
    }
  });

  it('delivers over implicit TLS on the TLS-wrapper port', async () => {
    const result = await sendViaSmtp({ ...target, port: emu.info.smtpsPort, tls: 'implicit' }, { from: 'sender@example.com', to: ['success@simulator.amazonses.com'], subject: 'implicit', text: 'hi' });
    assert.match(result.response, /^250 /);
  });

  it('fails with the 554 sandbox rejection naming the unverified recipient and the region', async () => {
    await assert.rejects(
      sendViaSmtp(target, { from: 'sender@example.com', to: ['stranger@example.net'], subject: 'nope', text: 'hi' }),
      (err: unknown) => {
        assert.ok(err instanceof SendFailure);
        const cause = err.cause as { responseCode?: number; response?: string };
        assert.strictEqual(cause.responseCode, 554);
        assert.match(String(cause.response), /not verified.*US-EAST-1: stranger@example\.net/);
        return true;
      },
    );
  });

  it('fails AUTH with 535 when the password is an IAM secret key', async () => {
    await assert.rejects(sendViaSmtp({ ...target, password: emu.info.secretAccessKey }, { from: 'sender@example.com', to: ['sender@example.com'], subject: 'x', text: 'x' }), (err: unknown) => {
      assert.ok(err instanceof SendFailure);
      assert.strictEqual((err.cause as { responseCode?: number }).responseCode, 535);
      assert.ok(err.transcript.includes('S: 535 Authentication Credentials Invalid'));
      const transcript = err.transcript.join('\n');
      for (const form of [emu.info.secretAccessKey, Buffer.from(emu.info.secretAccessKey).toString('base64')]) assert.ok(!transcript.includes(form));
      return true;
    });
  });

  it('sends through the SES API with the profile credentials', async () => {
    process.env.AWS_ACCESS_KEY_ID = emu.info.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = emu.info.secretAccessKey;
    const api = new SesApi({ profile: '', endpoint: emu.info.apiEndpoint });
    try {
      const subject = `api ${Date.now()}`;
      const result = await sendViaApi(api, 'us-east-1', { from: 'sender@example.com', fromName: 'Workbench, Test', to: ['sender@example.com'], subject, text: 'hi' });
      assert.ok(result.messageId);
      assert.ok((await inbox()).some((m) => m.subject === subject));
    } finally {
      api.dispose();
    }
  });

  it('keeps display names in Cc and Reply-To, quoted or encoded, over SMTP and over the API', async () => {
    process.env.AWS_ACCESS_KEY_ID = emu.info.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = emu.info.secretAccessKey;
    const api = new SesApi({ profile: '', endpoint: emu.info.apiEndpoint });
    const message = (subject: string) => ({
      from: 'sender@example.com',
      to: ['sender@example.com'],
      cc: [formatMailbox({ name: 'Doe, Jane', address: 'success@simulator.amazonses.com' })],
      replyTo: [formatMailbox({ name: 'Zoë Ångström', address: 'reply@example.com' })],
      subject,
      text: 'names',
    });
    try {
      const viaSmtp = `names smtp ${Date.now()}`;
      await sendViaSmtp(target, message(viaSmtp));
      clock.advance(2000);
      const viaApi = `names api ${Date.now()}`;
      await sendViaApi(api, 'us-east-1', message(viaApi));
      for (const subject of [viaSmtp, viaApi]) {
        const got = (await inbox()).find((m) => m.subject === subject) as unknown as { cc: string[]; headers: Record<string, string> };
        assert.ok(got, `${subject}: ${JSON.stringify((await inbox()).slice(-2))}`);
        assert.deepStrictEqual(got.cc, ['success@simulator.amazonses.com'], `${subject}: the envelope and the Cc are the bare address`);
        assert.match(got.headers.cc, /"Doe, Jane" <success@simulator\.amazonses\.com>/, subject);
        assert.match(got.headers['reply-to'], /Zoë Ångström|=\?UTF-8\?/i, subject);
      }
    } finally {
      api.dispose();
    }
  });
});
