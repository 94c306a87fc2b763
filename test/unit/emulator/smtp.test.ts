import * as assert from 'node:assert/strict';
import * as nodemailer from 'nodemailer';
import { deriveSmtpPassword } from '../../../src/smtp-password/derive';
import { rejectionOf, startHarness, type Harness } from './harness';

describe('emulator: SMTP interface through real nodemailer', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  it('accepts mail over STARTTLS with the derived password, answers 250 Ok <MessageId> and stores it', async () => {
    const info = await h.smtp().sendMail({ from: 'sender@example.com', to: 'sender+copy@example.com', subject: 'Over SMTP', text: 'body' });
    const match = /^250 Ok (\S+)$/.exec(info.response ?? '');
    assert.ok(match, info.response);
    const stored = h.emulator.messages().find((m) => m.id === match[1]);
    assert.equal(stored?.via, 'smtp');
    assert.equal(stored?.region, 'us-east-1');
    assert.equal(stored?.subject, 'Over SMTP');
    assert.equal(stored?.text.trim(), 'body');
  });

  it('accepts mail over implicit TLS on the TLS-wrapper port', async () => {
    const info = await h.smtp({ implicitTls: true }).sendMail({ from: 'sender@example.com', to: 'success@simulator.amazonses.com', subject: 's', text: 't' });
    assert.match(info.response ?? '', /^250 Ok /);
  });

  it('rejects an unverified recipient at the end of DATA with SES\'s 554 text (region upper-cased)', async () => {
    const error = await rejectionOf(h.smtp().sendMail({ from: 'sender@example.com', to: 'stranger@example.net', subject: 's', text: 't' }));
    assert.equal(error.code, 'EMESSAGE');
    assert.equal(error.responseCode, 554);
    assert.equal(error.command, 'DATA');
    assert.equal(
      error.response,
      '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: stranger@example.net',
    );
  });

  it('rejects an unverified sender, and names every failed identity once: sender first, then recipients', async () => {
    const error = await rejectionOf(
      h.smtp().sendMail({ from: 'nobody@example.com', to: ['a@example.net', 'sender@example.com'], cc: 'b@example.net', bcc: 'a@example.net', subject: 's', text: 't' }),
    );
    assert.equal(
      error.response,
      '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: nobody@example.com, a@example.net, b@example.net',
    );
  });

  it('refuses a wrong SMTP password with 535 Authentication Credentials Invalid', async () => {
    const error = await rejectionOf(h.smtp({ password: 'B' + 'x'.repeat(43) }).sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
    assert.equal(error.code, 'EAUTH');
    assert.equal(error.responseCode, 535);
    assert.match(error.response ?? '', /^535 Authentication Credentials Invalid/);
  });

  it('takes the region from the TLS server name: a password derived for us-east-1 fails on eu-west-1\'s host', async () => {
    const password = deriveSmtpPassword(h.emulator.info.secretAccessKey, 'us-east-1');
    const error = await rejectionOf(h.smtp({ region: 'eu-west-1', password }).sendMail({ from: 'a@example.org', to: 'b@example.org', text: 't' }));
    assert.equal(error.responseCode, 535);
    const ok = await h.smtp({ region: 'eu-west-1' }).sendMail({ from: 'a@example.org', to: 'anyone@example.net', text: 't' });
    assert.match(ok.response ?? '', /^250 Ok /);
    assert.equal(h.emulator.messages().at(-1)?.region, 'eu-west-1');
  });

  it('refuses AUTH before STARTTLS', async () => {
    const transport = nodemailer.createTransport({
      host: h.emulator.info.smtpHost,
      port: h.emulator.info.smtpPort,
      secure: false,
      ignoreTLS: true,
      auth: { user: h.emulator.info.smtpUsername, pass: h.emulator.info.smtpPasswords['us-east-1'] },
    });
    const error = await rejectionOf(transport.sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
    assert.equal(error.code, 'EAUTH');
    assert.equal(error.responseCode, 538);
  });
});
