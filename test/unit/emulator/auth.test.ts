import * as assert from 'node:assert/strict';
import { GetAccountCommand } from '@aws-sdk/client-sesv2';
import * as nodemailer from 'nodemailer';
import type { Seed } from '../../../src/emulator';
import { deriveSmtpPassword } from '../../../src/smtp-password/derive';
import { rejectionOf, startHarness, type Harness } from './harness';

const TEMP = { accessKeyId: 'ASIASESEMULATORTEMP1', secretAccessKey: 'tempSecretKey000000000000000000000000000', sessionToken: 'session-token-1' };

const seed: Seed = {
  credentials: [
    { accessKeyId: 'AKIASESEMULATOR00001', secretAccessKey: 'sesEmulatorSecretKey0000000000000000000X' },
    { ...TEMP, expiresAt: '2025-01-15T13:00:00Z' },
  ],
  regions: [{ region: 'us-east-1', identities: [{ name: 'sender@example.com' }] }],
};

describe('emulator: credentials', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(seed);
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  describe('SES API (SigV4)', () => {
    it('accepts a correctly signed request and takes the region from the credential scope', async () => {
      const account = await h.ses('ap-south-1').send(new GetAccountCommand({}));
      assert.equal(account.ProductionAccessEnabled, false, 'an unseeded region is a fresh sandbox account');
    });

    it('refuses an unknown access key with UnrecognizedClientException (403)', async () => {
      const client = h.ses('us-east-1', { credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) } });
      const error = await rejectionOf(client.send(new GetAccountCommand({})));
      assert.equal(error.name, 'UnrecognizedClientException');
      assert.equal(error.status, 403);
    });

    it('refuses a wrong secret (bad signature) with InvalidSignatureException (403)', async () => {
      const client = h.ses('us-east-1', { credentials: { accessKeyId: h.emulator.info.accessKeyId, secretAccessKey: 'y'.repeat(40) } });
      const error = await rejectionOf(client.send(new GetAccountCommand({})));
      assert.equal(error.name, 'InvalidSignatureException');
      assert.equal(error.status, 403);
    });

    it('accepts temporary credentials until they expire, then ExpiredTokenException', async () => {
      const client = h.ses('us-east-1', { credentials: TEMP });
      await client.send(new GetAccountCommand({}));
      h.clock.advance(3600_000);
      const error = await rejectionOf(client.send(new GetAccountCommand({})));
      assert.equal(error.name, 'ExpiredTokenException');
      assert.equal(error.status, 403);
    });

    it('refuses an unsigned request with MissingAuthenticationTokenException', async () => {
      const response = await fetch(`${h.emulator.info.apiEndpoint}/v2/email/account`);
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
    });
  });

  describe('SMTP AUTH', () => {
    const secret = 'sesEmulatorSecretKey0000000000000000000X';
    const attempt = (h: Harness, pass: string, user?: string) =>
      rejectionOf(h.smtp({ password: pass, user }).sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));

    it('refuses the IAM secret key given as password with 535 Authentication Credentials Invalid', async () => {
      const error = await attempt(h, secret);
      assert.equal(error.responseCode, 535);
      assert.match(error.response ?? '', /^535 Authentication Credentials Invalid/);
    });

    it('refuses a SigV2-style password (44 chars starting with A)', async () => {
      const sigv2 = 'A' + deriveSmtpPassword(secret, 'us-east-1').slice(1);
      const error = await attempt(h, sigv2);
      assert.match(error.response ?? '', /^535 Authentication Credentials Invalid/);
    });

    it('refuses a password derived for another region', async () => {
      const error = await attempt(h, deriveSmtpPassword(secret, 'us-west-2'));
      assert.match(error.response ?? '', /^535 Authentication Credentials Invalid/);
    });

    it('refuses temporary credentials: STS keys cannot be turned into SMTP passwords', async () => {
      const error = await attempt(h, deriveSmtpPassword(TEMP.secretAccessKey, 'us-east-1'), TEMP.accessKeyId);
      assert.match(error.response ?? '', /^535 Authentication Credentials Invalid/);
    });

    it('without a TLS server name the session uses the seed\'s first region', async () => {
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: h.emulator.info.smtpPort,
        requireTLS: true,
        auth: { user: h.emulator.info.smtpUsername, pass: h.emulator.info.smtpPasswords['us-east-1'] },
        tls: { ca: h.emulator.caPem },
      });
      const info = await transport.sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' });
      assert.match(info.response ?? '', /^250 Ok /);
    });

    it('MAIL FROM before AUTH gets 530 Authentication required', async () => {
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: h.emulator.info.smtpPort,
        requireTLS: true,
        tls: { ca: h.emulator.caPem, servername: 'email-smtp.us-east-1.amazonaws.com' },
      });
      const error = await rejectionOf(transport.sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
      assert.equal(error.responseCode, 530);
      assert.match(error.response ?? '', /^530 Authentication required/);
    });
  });

  describe('TLS modes per port, as SES\'s 465/2465 and 587/2587', () => {
    it('implicit TLS spoken to the STARTTLS port fails in the TLS handshake', async () => {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: h.emulator.info.smtpPort, secure: true, tls: { ca: h.emulator.caPem } });
      const error = await rejectionOf(transport.sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
      assert.equal(error.code, 'ESOCKET');
    });

    it('plain SMTP to the implicit-TLS port never sees a greeting', async () => {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: h.emulator.info.smtpsPort, secure: false, ignoreTLS: true, greetingTimeout: 500 });
      const error = await rejectionOf(transport.sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
      assert.equal(error.code, 'ETIMEDOUT');
    });

    it('a client that does not trust the emulator CA refuses the certificate', async () => {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: h.emulator.info.smtpsPort, secure: true });
      const error = await rejectionOf(transport.sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
      assert.equal(error.code, 'ESOCKET');
    });
  });
});
