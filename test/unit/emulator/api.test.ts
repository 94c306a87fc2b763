import * as assert from 'node:assert/strict';
import {
  AlreadyExistsException,
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  GetAccountCommand,
  GetEmailIdentityCommand,
  ListConfigurationSetsCommand,
  ListEmailIdentitiesCommand,
  MessageRejected,
  NotFoundException,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../../src/emulator/api/sigv4';
import { rejectionOf, startHarness, type Harness } from './harness';

describe('emulator: SES API v2 through the real SDK', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  it('GetAccount shows the sandbox in us-east-1 and production in eu-west-1, each region on its own', async () => {
    const us = await h.ses('us-east-1').send(new GetAccountCommand({}));
    assert.equal(us.ProductionAccessEnabled, false);
    assert.equal(us.SendingEnabled, true);
    assert.equal(us.EnforcementStatus, 'HEALTHY');
    assert.deepEqual(us.SendQuota, { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 });
    const eu = await h.ses('eu-west-1').send(new GetAccountCommand({}));
    assert.equal(eu.ProductionAccessEnabled, true);
  });

  it('ListEmailIdentities (POST route of current SDKs) lists the seeded identities with their status', async () => {
    const result = await h.ses().send(new ListEmailIdentitiesCommand({ PageSize: 1000 }));
    assert.deepEqual(
      result.EmailIdentities?.map((i) => [i.IdentityName, i.IdentityType, i.VerificationStatus]),
      [
        ['sender@example.com', 'EMAIL_ADDRESS', 'SUCCESS'],
        ['new-user@example.com', 'EMAIL_ADDRESS', 'PENDING'],
      ],
    );
    assert.equal(result.NextToken, undefined);
  });

  it('ListEmailIdentities pages with NextToken, on the POST route and the older GET route alike', async () => {
    const first = await h.ses().send(new ListEmailIdentitiesCommand({ PageSize: 1 }));
    assert.equal(first.EmailIdentities?.length, 1);
    assert.ok(first.NextToken);
    const second = await h.ses().send(new ListEmailIdentitiesCommand({ PageSize: 1, NextToken: first.NextToken }));
    assert.equal(second.EmailIdentities?.[0].IdentityName, 'new-user@example.com');
    assert.equal(second.NextToken, undefined);

    const get = await signedFetch(h, 'GET', '/v2/email/identities', { PageSize: '1', NextToken: first.NextToken! });
    assert.equal(get.status, 200);
    const body = (await get.json()) as { EmailIdentities: { IdentityName: string }[]; NextToken?: string };
    assert.deepEqual(body.EmailIdentities.map((i) => i.IdentityName), ['new-user@example.com']);
  });

  it('ListEmailIdentities refuses a page size over 1000 with BadRequestException', async () => {
    const error = await rejectionOf(h.ses().send(new ListEmailIdentitiesCommand({ PageSize: 1001 })));
    assert.equal(error.name, 'BadRequestException');
  });

  it('CreateEmailIdentity for an address is PENDING and mails a verification link; opening it verifies', async () => {
    const created = await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: 'Alice+news@Example.com' }));
    assert.equal(created.IdentityType, 'EMAIL_ADDRESS');
    assert.equal(created.VerifiedForSendingStatus, false);
    const pending = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'Alice+news@Example.com' }));
    assert.equal(pending.VerificationStatus, 'PENDING');

    const mail = h.emulator.messages().find((m) => m.kind === 'verification' && m.to[0] === 'Alice+news@Example.com');
    assert.ok(mail?.verificationLink, 'verification mail with a link');
    assert.equal(mail.from, 'no-reply-aws@amazon.com');
    assert.equal(mail.subject, 'Amazon Web Services – Email Address Verification Request in region US East (N. Virginia)');

    const mailbox = await (await fetch(h.emulator.info.mailboxUrl)).text();
    assert.ok(mailbox.includes(`<a href="${mail.verificationLink}">`), 'the mailbox page shows the link as a link');

    const page = await fetch(mail.verificationLink);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Congratulations/);
    const verified = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'Alice+news@Example.com' }));
    assert.equal(verified.VerificationStatus, 'SUCCESS');
    assert.equal(verified.VerifiedForSendingStatus, true);
  });

  it('a verification link opened after 24 hours shows the expiry page and leaves the address unverified', async () => {
    await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: 'late@example.com' }));
    const link = h.emulator.messages().find((m) => m.to[0] === 'late@example.com')!.verificationLink!;
    h.clock.advance(24 * 3600_000 + 1);
    const page = await fetch(link);
    assert.equal(page.status, 410);
    assert.match(await page.text(), /expired/);
    const identity = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'late@example.com' }));
    assert.notEqual(identity.VerificationStatus, 'SUCCESS');
  });

  it('CreateEmailIdentity for an existing identity fails with AlreadyExistsException', async () => {
    const error = await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: 'sender@example.com' })).catch((e: unknown) => e);
    assert.ok(error instanceof AlreadyExistsException);
  });

  it('GetEmailIdentity and DeleteEmailIdentity of an unknown identity fail with NotFoundException', async () => {
    const get = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'nobody@example.com' })).catch((e: unknown) => e);
    assert.ok(get instanceof NotFoundException);
    const del = await h.ses().send(new DeleteEmailIdentityCommand({ EmailIdentity: 'nobody@example.com' })).catch((e: unknown) => e);
    assert.ok(del instanceof NotFoundException);
  });

  it('identities are per region: DeleteEmailIdentity removes it in one region only', async () => {
    await h.ses('eu-west-1').send(new CreateEmailIdentityCommand({ EmailIdentity: 'sender@example.com' }));
    await h.ses('us-east-1').send(new DeleteEmailIdentityCommand({ EmailIdentity: 'sender@example.com' }));
    const us = await h.ses('us-east-1').send(new ListEmailIdentitiesCommand({}));
    assert.deepEqual(us.EmailIdentities?.map((i) => i.IdentityName), ['new-user@example.com']);
    const eu = await h.ses('eu-west-1').send(new GetEmailIdentityCommand({ EmailIdentity: 'sender@example.com' }));
    assert.equal(eu.VerificationStatus, 'PENDING');
  });

  it('SendEmail from a verified sender to a verified address is accepted and lands in the mailbox', async () => {
    const sent = await h.ses().send(
      new SendEmailCommand({
        FromEmailAddress: 'Sender <sender@example.com>',
        Destination: { ToAddresses: ['sender+inbox@example.com'] },
        Content: { Simple: { Subject: { Data: 'Hello' }, Body: { Text: { Data: 'Hi there' }, Html: { Data: '<p>Hi <b>there</b></p>' } } } },
      }),
    );
    assert.match(sent.MessageId ?? '', /^[0-9a-f]{16}-[0-9a-f-]{36}-000000$/);
    const stored = h.emulator.messages().find((m) => m.id === sent.MessageId);
    assert.ok(stored);
    assert.equal(stored.kind, 'sent');
    assert.equal(stored.via, 'api');
    assert.deepEqual(stored.to, ['sender+inbox@example.com']);
    assert.equal(stored.subject, 'Hello');
    assert.equal(stored.html, '<p>Hi <b>there</b></p>');
  });

  it('SendEmail with Raw content uses the MIME headers for sender and recipients', async () => {
    const raw = ['From: sender@example.com', 'To: success@simulator.amazonses.com', 'Subject: Raw one', '', 'raw body'].join('\r\n');
    const sent = await h.ses().send(new SendEmailCommand({ Content: { Raw: { Data: Buffer.from(raw) } } }));
    const stored = h.emulator.messages().find((m) => m.id === sent.MessageId);
    assert.equal(stored?.subject, 'Raw one');
    assert.deepEqual(stored?.to, ['success@simulator.amazonses.com']);
  });

  it('SendEmail in the sandbox to an unverified recipient fails with MessageRejected naming it and the region', async () => {
    const error = await h.ses().send(simple('sender@example.com', ['stranger@example.net'])).catch((e: unknown) => e);
    assert.ok(error instanceof MessageRejected);
    assert.equal(
      error.message,
      'Email address is not verified. The following identities failed the check in region US-EAST-1: stranger@example.net',
    );
  });

  it('SendEmail from an unverified sender fails with MessageRejected, also in production', async () => {
    const error = await rejectionOf(h.ses('eu-west-1').send(simple('someone@example.com', ['anyone@example.net'])));
    assert.equal(error.name, 'MessageRejected');
    assert.match(error.message, /region EU-WEST-1: someone@example\.com$/);
    // Production: any recipient is fine once the sender is verified (example.org is a verified domain there).
    await h.ses('eu-west-1').send(simple('news@mail.example.org', ['anyone@example.net']));
  });

  it('ListConfigurationSets lists the region\'s configuration sets', async () => {
    const eu = await h.ses('eu-west-1').send(new ListConfigurationSetsCommand({}));
    assert.deepEqual(eu.ConfigurationSets, ['transactional']);
    const us = await h.ses('us-east-1').send(new ListConfigurationSetsCommand({}));
    assert.deepEqual(us.ConfigurationSets, []);
  });

  it('serves the messages JSON and a mailbox page that escapes mail content', async () => {
    await h.ses().send(
      new SendEmailCommand({
        FromEmailAddress: 'sender@example.com',
        Destination: { ToAddresses: ['sender@example.com'] },
        Content: { Simple: { Subject: { Data: '<script>alert(1)</script>' }, Body: { Html: { Data: '<img src=x onerror=alert(1)>' } } } },
      }),
    );
    const json = (await (await fetch(`${h.emulator.info.apiEndpoint}/_emulator/messages`)).json()) as { messages: { subject: string; receivedAt: string }[] };
    assert.equal(json.messages[0].subject, '<script>alert(1)</script>');
    assert.ok(!Number.isNaN(Date.parse(json.messages[0].receivedAt)));
    const page = await fetch(h.emulator.info.mailboxUrl);
    const html = await page.text();
    assert.ok(!html.includes('<script>alert(1)</script>'), 'subject is escaped');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(html, /<iframe sandbox="" [^>]*srcdoc="&lt;img src=x onerror=alert\(1\)&gt;"/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  });
});

function simple(from: string, to: string[]) {
  return new SendEmailCommand({
    FromEmailAddress: from,
    Destination: { ToAddresses: to },
    Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
  });
}

/** A request signed like an older SDK would, for the GET /v2/email/identities route. */
async function signedFetch(h: Harness, method: string, path: string, query: Record<string, string>, region = 'us-east-1'): Promise<Response> {
  const url = new URL(path, h.emulator.info.apiEndpoint);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const signer = new SignatureV4({
    credentials: { accessKeyId: h.emulator.info.accessKeyId, secretAccessKey: h.emulator.info.secretAccessKey },
    region,
    service: 'ses',
    sha256: NodeSha256,
  });
  const signed = await signer.sign({ method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path, query, headers: { host: url.host } });
  return fetch(url, { method, headers: signed.headers });
}
