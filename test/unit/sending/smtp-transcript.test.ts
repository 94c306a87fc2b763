import * as assert from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createSmtpCertificates } from '../../../src/emulator/tls';
import { SendFailure } from '../../../src/sending/message';
import { sendViaSmtp, type SmtpTarget } from '../../../src/sending/smtp';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const credentialForms = (username: string, password: string) =>
  [password, b64(password), b64(username), b64(`\0${username}\0${password}`)].flatMap((f) => [f, f.replace(/=+$/, '')]);

// The emulator offers PLAIN first, where nodemailer masks the whole AUTH line itself. A server offering only LOGIN
// makes nodemailer log the base64 user name as sent: only the transcript's own redaction can hide it.
describe('The SMTP transcript of a real nodemailer session with AUTH LOGIN', () => {
  const username = 'AKIAIOSFODNN7EXAMPLE';
  const password = 'BMPPgbAHoFVbze1Ud0oA5uNdXRwUXUZ+qOwphGJbl/cS';
  let dataDir: string;
  let server: SMTPServer;
  let target: SmtpTarget;

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ses-transcript-'));
    const certificates = await createSmtpCertificates(dataDir, new Date());
    server = new SMTPServer({
      key: certificates.key,
      cert: certificates.cert,
      name: 'email-smtp.amazonaws.com',
      authMethods: ['LOGIN'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === username && auth.password === password) return callback(null, { user: username });
        callback(Object.assign(new Error('Authentication Credentials Invalid'), { responseCode: 535 }));
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback(null, 'Ok 0100019469d5b200-transcript-000000'));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
    target = { region: 'us-east-1', host: '127.0.0.1', port, tls: 'starttls', username, password, ca: certificates.caPem };
  });
  after(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the exchange redacted, the 235 and the envelope, and no form of the credentials', async () => {
    const result = await sendViaSmtp(target, { from: 'sender@example.com', to: ['success@simulator.amazonses.com'], subject: 'login', text: 'hi' });
    assert.match(result.response, /^250 Ok /);
    const lines = result.transcript;
    const auth = lines.indexOf('C: AUTH LOGIN');
    assert.ok(auth >= 0, 'the AUTH LOGIN command is shown');
    assert.deepStrictEqual(lines.slice(auth, auth + 6), ['C: AUTH LOGIN', 'S: 334 [redacted]', 'C: [redacted]', 'S: 334 [redacted]', 'C: [redacted]', 'S: 235 Authentication successful']);
    assert.ok(lines.includes('C: MAIL FROM:<sender@example.com>'));
    assert.ok(lines.includes('C: RCPT TO:<success@simulator.amazonses.com>'));
    const text = lines.join('\n');
    for (const form of credentialForms(username, password)) assert.ok(!text.includes(form), `the transcript holds ${form}`);
  });

  it('shows the 535 of a wrong password, and no form of the password tried', async () => {
    const wrong = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    await assert.rejects(sendViaSmtp({ ...target, password: wrong }, { from: 'sender@example.com', to: ['sender@example.com'], subject: 'x', text: 'x' }), (err: unknown) => {
      assert.ok(err instanceof SendFailure);
      assert.strictEqual((err.cause as { responseCode?: number }).responseCode, 535);
      assert.ok(err.transcript.includes('S: 535 Authentication Credentials Invalid'));
      const text = err.transcript.join('\n');
      for (const form of credentialForms(username, wrong)) assert.ok(!text.includes(form), `the transcript holds ${form}`);
      return true;
    });
  });
});
