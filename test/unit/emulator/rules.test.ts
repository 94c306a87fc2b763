import * as assert from 'node:assert/strict';
import { CreateEmailIdentityCommand, GetAccountCommand, SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Seed } from '../../../src/emulator';
import { rejectionOf, startHarness, type Harness } from './harness';

const SECOND = 1000;
const HOUR = 3600_000;

/** us-east-1 sandbox with an address, a mixed-case address, a verified domain and a pending domain. */
const seed: Seed = {
  regions: [
    {
      region: 'us-east-1',
      identities: [
        { name: 'sender@example.com' },
        { name: 'Boss@Example.com' },
        { name: 'verified.test' },
        { name: 'pending.test', status: 'PENDING' },
        { name: 'failed@example.com', status: 'FAILED' },
        { name: 'Chief@example.com' },
        { name: 'tagged+tag@example.com' },
        { name: 'temp@example.com', status: 'TEMPORARY_FAILURE' },
        { name: 'temporary.test', status: 'TEMPORARY_FAILURE' },
      ],
    },
    { region: 'eu-west-1', account: { productionAccessEnabled: true }, identities: [{ name: 'sender@example.com' }], configurationSets: ['transactional'] },
    { region: 'us-west-2', account: { max24HourSend: 3, maxSendRate: 2 }, identities: [{ name: 'sender@example.com' }] },
  ],
};

function send(client: SESv2Client, from: string, to: string[], extra: { cc?: string[]; bcc?: string[]; configurationSet?: string } = {}) {
  return client.send(
    new SendEmailCommand({
      FromEmailAddress: from,
      Destination: { ToAddresses: to, CcAddresses: extra.cc, BccAddresses: extra.bcc },
      ConfigurationSetName: extra.configurationSet,
      Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
    }),
  );
}

describe('emulator: sending rules, the same over the API and SMTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(seed);
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  describe('which identity covers an address', () => {
    it('address identities are case-sensitive: Boss@Example.com verified does not cover boss@example.com', async () => {
      const error = await rejectionOf(send(h.ses(), 'boss@example.com', ['sender@example.com']));
      assert.equal(error.name, 'MessageRejected');
      assert.match(error.message, /US-EAST-1: boss@example\.com$/);
      h.clock.advance(SECOND);
      await send(h.ses(), 'Boss@Example.com', ['sender@example.com']);
    });

    it('a +label on a verified address passes, as sender and as recipient', async () => {
      await send(h.ses(), 'sender+alerts@example.com', ['Boss+x@Example.com']);
    });

    it('a verified domain covers its addresses and subdomains, in any letter case', async () => {
      await send(h.ses(), 'anyone@VERIFIED.test', ['someone@mail.verified.test']);
    });

    it('a PENDING domain and a FAILED address cover nothing', async () => {
      const error = await rejectionOf(send(h.ses(), 'me@pending.test', ['failed@example.com']));
      assert.match(error.message, /US-EAST-1: me@pending\.test, failed@example\.com$/);
    });

    it('an address verified with its +label covers itself as written, as sender and recipient, over the API and SMTP', async () => {
      await send(h.ses(), 'tagged+tag@example.com', ['tagged+tag@example.com']);
      h.clock.advance(SECOND);
      const info = await h.smtp().sendMail({ from: 'tagged+tag@example.com', to: 'tagged+tag@example.com', text: 't' });
      assert.match(info.response ?? '', /^250 Ok /);
      h.clock.advance(SECOND);
      // Still case-sensitive, and the labelled identity does not cover the bare address.
      const smtp = await rejectionOf(h.smtp().sendMail({ from: 'Tagged+tag@example.com', to: ['tagged+tag@example.com', 'tagged@example.com'], text: 't' }));
      assert.equal(smtp.response, '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: Tagged+tag@example.com, tagged@example.com');
      const api = await rejectionOf(send(h.ses(), 'Tagged+tag@example.com', ['tagged+tag@example.com', 'tagged@example.com']));
      assert.equal(api.message, 'Email address is not verified. The following identities failed the check in region US-EAST-1: Tagged+tag@example.com, tagged@example.com');
    });

    it('a TEMPORARY_FAILURE address or domain covers nothing, over the API and SMTP', async () => {
      const api = await rejectionOf(send(h.ses(), 'me@temporary.test', ['temp@example.com']));
      assert.equal(api.name, 'MessageRejected');
      assert.match(api.message, /US-EAST-1: me@temporary\.test, temp@example\.com$/);
      const smtp = await rejectionOf(h.smtp().sendMail({ from: 'me@temporary.test', to: 'temp@example.com', text: 't' }));
      assert.equal(smtp.response, '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: me@temporary.test, temp@example.com');
    });

    it('over SMTP too: address case, +label, and a domain covering its subdomains in any letter case', async () => {
      const smtp = (from: string, to: string) => h.smtp().sendMail({ from, to, text: 't' });
      const error = await rejectionOf(smtp('chief@example.com', 'sender@example.com'));
      assert.equal(error.response, '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: chief@example.com');
      assert.match((await smtp('Chief@example.com', 'sender@example.com')).response ?? '', /^250 Ok /);
      h.clock.advance(SECOND);
      // nodemailer lower-cases the domain it sends, so an identity verified as Boss@Example.com cannot be reached
      // through it: SES compares the address as sent.
      const lowered = await rejectionOf(smtp('Boss@Example.com', 'sender@example.com'));
      assert.match(lowered.response ?? '', /US-EAST-1: Boss@example\.com$/);
      assert.match((await smtp('sender+alerts@example.com', 'Chief+x@example.com')).response ?? '', /^250 Ok /);
      h.clock.advance(SECOND);
      assert.match((await smtp('anyone@VERIFIED.test', 'someone@mail.verified.test')).response ?? '', /^250 Ok /);
      h.clock.advance(SECOND);
      const pending = await rejectionOf(smtp('me@pending.test', 'someone@mail.verified.test'));
      assert.match(pending.response ?? '', /US-EAST-1: me@pending\.test$/);
    });

    it('the mailbox simulator is allowed as a recipient in the sandbox, with a +label too', async () => {
      await send(h.ses(), 'sender@example.com', ['success+1@simulator.amazonses.com', 'bounce@simulator.amazonses.com']);
    });

    it('Cc and Bcc recipients are checked like To', async () => {
      const error = await rejectionOf(send(h.ses(), 'sender@example.com', ['sender@example.com'], { cc: ['cc@example.net'], bcc: ['bcc@example.net'] }));
      assert.match(error.message, /US-EAST-1: cc@example\.net, bcc@example\.net$/);
    });

    it('verified in eu-west-1 means nothing in us-east-1', async () => {
      await h.ses('eu-west-1').send(new CreateEmailIdentityCommand({ EmailIdentity: 'only-eu@example.com' }));
      const link = h.emulator.messages().find((m) => m.to[0] === 'only-eu@example.com')!.verificationLink!;
      await fetch(link);
      await send(h.ses('eu-west-1'), 'only-eu@example.com', ['x@example.net']);
      const error = await rejectionOf(send(h.ses('us-east-1'), 'only-eu@example.com', ['sender@example.com']));
      assert.match(error.message, /US-EAST-1: only-eu@example\.com$/);
    });

    it('the envelope sender counts: an unverified MAIL FROM is rejected over SMTP even with a verified From header', async () => {
      const error = await rejectionOf(
        h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', envelope: { from: 'bounces@other.test', to: ['sender@example.com'] }, text: 't' }),
      );
      assert.equal(error.responseCode, 554);
      assert.match(error.response ?? '', /US-EAST-1: bounces@other\.test$/);
    });

    it('the envelope sender counts over the API: a Return-Path header in raw mail must be verified', async () => {
      const raw = ['Return-Path: <bounces@other.test>', 'From: sender@example.com', 'To: sender@example.com', 'Subject: r', '', 'b'].join('\r\n');
      const error = await rejectionOf(h.ses().send(new SendEmailCommand({ Content: { Raw: { Data: Buffer.from(raw) } } })));
      assert.equal(error.name, 'MessageRejected');
      assert.match(error.message, /US-EAST-1: bounces@other\.test$/);
    });

    it('in production any recipient is allowed but the sender must still be verified', async () => {
      await send(h.ses('eu-west-1'), 'sender@example.com', ['stranger@example.net']);
      const error = await rejectionOf(h.smtp({ region: 'eu-west-1' }).sendMail({ from: 'other@example.com', to: 'x@example.net', text: 't' }));
      assert.equal(error.response, '554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: other@example.com');
    });
  });

  describe('the rejection text', () => {
    it('names every failed identity and cuts a long list with "..." so the SMTP reply stays within 512 octets', async () => {
      const recipients = Array.from({ length: 40 }, (_, i) => `recipient-number-${i}@unverified.example.net`);
      const error = await rejectionOf(h.smtp().sendMail({ from: 'sender@example.com', to: recipients, text: 't' }));
      const response = error.response ?? '';
      assert.ok(response.length + 2 <= 512, `reply is ${response.length} chars`);
      assert.match(response, /^554 Message rejected: Email address is not verified\. The following identities failed the check in region US-EAST-1: recipient-number-0@unverified\.example\.net, recipient-number-1@/);
      assert.match(response, /, \.\.\.$/);
      const api = await rejectionOf(send(h.ses(), 'sender@example.com', recipients));
      assert.equal(`554 Message rejected: ${api.message}`, response);
    });
  });

  describe('message limits', () => {
    it('more than 50 recipients is refused over the API and SMTP', async () => {
      const recipients = Array.from({ length: 51 }, (_, i) => `r${i}@simulator.amazonses.com`);
      const api = await rejectionOf(send(h.ses('eu-west-1'), 'sender@example.com', recipients));
      assert.equal(api.name, 'MessageRejected');
      assert.match(api.message, /Recipient count exceeds 50/);
      const smtp = await rejectionOf(h.smtp({ region: 'eu-west-1' }).sendMail({ from: 'sender@example.com', to: recipients, text: 't' }));
      assert.equal(smtp.responseCode, 554);
      assert.match(smtp.response ?? '', /Recipient count exceeds 50/);
      h.clock.advance(SECOND);
      await send(h.ses('eu-west-1'), 'sender@example.com', recipients.slice(0, 50));
    });

    it('a message over 40 MB gets 552 Message is too long over SMTP', async function () {
      this.timeout(60_000);
      const big = 'a'.repeat(76) + '\r\n';
      const text = big.repeat(Math.ceil((40 * 1024 * 1024 + 1024) / big.length));
      const error = await rejectionOf(h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', text }));
      assert.equal(error.responseCode, 552);
      assert.match(error.response ?? '', /^552 Message is too long\./);
    });

    it('a raw message over 40 MB is MessageRejected over the API', async function () {
      this.timeout(60_000);
      const head = 'From: sender@example.com\r\nTo: sender@example.com\r\nSubject: big\r\n\r\n';
      const raw = Buffer.concat([Buffer.from(head), Buffer.alloc(40 * 1024 * 1024 + 1024, 'a')]);
      const error = await rejectionOf(h.ses().send(new SendEmailCommand({ Content: { Raw: { Data: raw } } })));
      assert.equal(error.name, 'MessageRejected');
      assert.match(error.message, /40 megabytes/);
    });
  });

  describe('configuration sets', () => {
    it('SendEmail naming a configuration set that does not exist in that region fails with NotFoundException', async () => {
      await send(h.ses('eu-west-1'), 'sender@example.com', ['x@example.net'], { configurationSet: 'transactional' });
      h.clock.advance(SECOND);
      const error = await rejectionOf(send(h.ses('us-west-2'), 'sender@example.com', ['sender@example.com'], { configurationSet: 'transactional' }));
      assert.equal(error.name, 'NotFoundException');
      assert.match(error.message, /Configuration set <transactional> does not exist/);
    });

    it('over SMTP the X-SES-CONFIGURATION-SET header must name an existing set', async () => {
      const error = await rejectionOf(
        h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', headers: { 'X-SES-CONFIGURATION-SET': 'missing' }, text: 't' }),
      );
      assert.equal(error.responseCode, 554);
      assert.match(error.response ?? '', /Configuration set <missing> does not exist/);
    });
  });

  describe('quotas', () => {
    it('the sandbox accepts 1 message per second: the second within the second gets 454 / TooManyRequestsException', async () => {
      await h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' });
      const smtp = await rejectionOf(h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
      assert.equal(smtp.response, '454 Throttling failure: Maximum sending rate exceeded');
      const api = await rejectionOf(send(h.ses(), 'sender@example.com', ['sender@example.com']));
      assert.equal(api.name, 'TooManyRequestsException');
      assert.equal(api.message, 'Maximum sending rate exceeded.');
      h.clock.advance(SECOND);
      await send(h.ses(), 'sender@example.com', ['sender@example.com']);
    });

    it('the daily quota counts recipients over a rolling 24 hours and SentLast24Hours reports them', async () => {
      // us-west-2 is seeded with 3 recipients per 24 hours and 2 messages per second.
      const client = h.ses('us-west-2');
      await send(client, 'sender@example.com', ['sender@example.com', 'sender+2@example.com']);
      h.clock.advance(HOUR);
      assert.equal((await client.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours, 2);
      const api = await rejectionOf(send(client, 'sender@example.com', ['sender@example.com', 'sender+3@example.com']));
      assert.equal(api.name, 'TooManyRequestsException');
      assert.equal(api.message, 'Daily message quota exceeded.');
      const smtp = await rejectionOf(h.smtp({ region: 'us-west-2' }).sendMail({ from: 'sender@example.com', to: ['sender@example.com', 'sender+3@example.com'], text: 't' }));
      assert.equal(smtp.response, '454 Throttling failure: Daily message quota exceeded');
      await send(client, 'sender@example.com', ['sender@example.com']);
      assert.equal((await client.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours, 3);
      h.clock.advance(23 * HOUR + SECOND);
      assert.equal((await client.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours, 1);
      await send(client, 'sender@example.com', ['sender@example.com', 'sender+4@example.com']);
    });

    it('simulator recipients count against the send rate but not the daily quota', async () => {
      const client = h.ses('us-west-2');
      for (let i = 0; i < 5; i++) {
        await send(client, 'sender@example.com', ['success@simulator.amazonses.com']);
        h.clock.advance(SECOND);
      }
      assert.equal((await client.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours, 0);
      await send(client, 'sender@example.com', ['success@simulator.amazonses.com']);
      await send(client, 'sender@example.com', ['success@simulator.amazonses.com']);
      const error = await rejectionOf(send(client, 'sender@example.com', ['success@simulator.amazonses.com']));
      assert.equal(error.message, 'Maximum sending rate exceeded.');
    });

    it('over SMTP too, simulator recipients count against the send rate but not the daily quota', async () => {
      const smtp = h.smtp({ region: 'us-west-2' });
      const client = h.ses('us-west-2');
      for (let i = 0; i < 5; i++) {
        await smtp.sendMail({ from: 'sender@example.com', to: 'success@simulator.amazonses.com', text: 't' });
        h.clock.advance(SECOND);
      }
      assert.equal((await client.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours, 0);
      await smtp.sendMail({ from: 'sender@example.com', to: ['sender@example.com', 'bounce+1@simulator.amazonses.com'], text: 't' });
      assert.equal((await client.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours, 1);
      await smtp.sendMail({ from: 'sender@example.com', to: 'success@simulator.amazonses.com', text: 't' });
      const error = await rejectionOf(smtp.sendMail({ from: 'sender@example.com', to: 'success@simulator.amazonses.com', text: 't' }));
      assert.equal(error.response, '454 Throttling failure: Maximum sending rate exceeded');
    });
  });

  describe('account states', () => {
    it('sending paused: SendingPausedException over the API, 554 over SMTP; GetAccount shows SendingEnabled false', async () => {
      h.emulator.control({ action: 'setAccount', region: 'us-east-1', account: { sendingEnabled: false } });
      const account = await h.ses().send(new GetAccountCommand({}));
      assert.equal(account.SendingEnabled, false);
      const api = await rejectionOf(send(h.ses(), 'sender@example.com', ['sender@example.com']));
      assert.equal(api.name, 'SendingPausedException');
      assert.equal(api.message, 'Sending paused for this account. For more information, please check the inbox of the email address associated with your AWS account.');
      const smtp = await rejectionOf(h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
      assert.equal(smtp.command, 'DATA');
      assert.equal(smtp.response, '554 Message rejected: Sending paused for this account. For more information, please check the inbox of the email address associated with your AWS account.');
    });

    it('enforcement SHUTDOWN: AccountSuspendedException over the API, 554 over SMTP', async () => {
      h.emulator.control({ action: 'setAccount', region: 'us-east-1', account: { enforcementStatus: 'SHUTDOWN' } });
      assert.equal((await h.ses().send(new GetAccountCommand({}))).EnforcementStatus, 'SHUTDOWN');
      const api = await rejectionOf(send(h.ses(), 'sender@example.com', ['sender@example.com']));
      assert.equal(api.name, 'AccountSuspendedException');
      assert.equal(api.message, 'Sending suspended for this account. For more information, please check the inbox of the email address associated with your AWS account.');
      const smtp = await rejectionOf(h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
      assert.equal(smtp.command, 'DATA');
      assert.equal(smtp.response, '554 Message rejected: Sending suspended for this account. For more information, please check the inbox of the email address associated with your AWS account.');
    });
  });
});
