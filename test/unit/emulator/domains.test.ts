import * as assert from 'node:assert/strict';
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
  PutEmailIdentityMailFromAttributesCommand,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import type { Seed } from '../../../src/emulator';
import { rejectionOf, startHarness, type Harness } from './harness';

const HOUR = 3600_000;
const SECOND = 1000;

const cname = (domain: string, token: string, value = `${token}.dkim.amazonses.com`) => ({ name: `${token}._domainkey.${domain}`, type: 'CNAME' as const, value });
const simpleSend = (from: string, to: string) =>
  new SendEmailCommand({
    FromEmailAddress: from,
    Destination: { ToAddresses: [to] },
    Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
  });

describe('emulator: domain identities, DKIM and MAIL FROM', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  async function createDomain(name: string): Promise<string[]> {
    const created = await h.ses().send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    assert.equal(created.IdentityType, 'DOMAIN');
    assert.equal(created.VerifiedForSendingStatus, false);
    const tokens = created.DkimAttributes?.Tokens ?? [];
    assert.equal(tokens.length, 3);
    for (const token of tokens) assert.match(token, /^[a-z2-7]{32}$/);
    return tokens;
  }

  it('CreateEmailIdentity for a domain returns three DKIM tokens and stays PENDING without DNS records, and sends no mail', async () => {
    await createDomain('new-domain.test');
    const identity = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'new-domain.test' }));
    assert.equal(identity.VerificationStatus, 'PENDING');
    assert.equal(identity.DkimAttributes?.Status, 'PENDING');
    assert.equal(h.emulator.messages().filter((m) => m.kind === 'verification').length, 0);
  });

  it('verifies once all three DKIM CNAMEs resolve (set through the control endpoint), seen in ListEmailIdentities', async () => {
    const tokens = await createDomain('new-domain.test');
    const control = (body: unknown) =>
      fetch(`${h.emulator.info.apiEndpoint}/_emulator/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await control({ action: 'setDns', records: tokens.slice(0, 2).map((t) => cname('new-domain.test', t)) })).status, 200);
    let list = await h.ses().send(new ListEmailIdentitiesCommand({}));
    assert.equal(list.EmailIdentities?.find((i) => i.IdentityName === 'new-domain.test')?.VerificationStatus, 'PENDING');
    await control({ action: 'setDns', records: [cname('NEW-DOMAIN.test', tokens[2])] });
    list = await h.ses().send(new ListEmailIdentitiesCommand({}));
    assert.equal(list.EmailIdentities?.find((i) => i.IdentityName === 'new-domain.test')?.VerificationStatus, 'SUCCESS');
    const identity = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'New-Domain.TEST' }));
    assert.equal(identity.DkimAttributes?.Status, 'SUCCESS');
    assert.ok(identity.VerificationInfo?.LastSuccessTimestamp instanceof Date);
    // A verified domain lets its addresses send (to a verified recipient in the sandbox).
    await h.ses().send(
      new SendEmailCommand({
        FromEmailAddress: 'hello@new-domain.test',
        Destination: { ToAddresses: ['sender@example.com'] },
        Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
      }),
    );
  });

  it('a send re-checks the identities it involves: a PENDING domain whose DKIM records resolve sends at once, over the API and SMTP', async () => {
    const viaApi = await createDomain('api-fresh.test');
    const before = await rejectionOf(h.ses().send(simpleSend('hello@api-fresh.test', 'sender@example.com')));
    assert.match(before.message, /US-EAST-1: hello@api-fresh\.test$/);
    h.emulator.control({ action: 'setDns', records: viaApi.map((t) => cname('api-fresh.test', t)) });
    // No GetEmailIdentity or ListEmailIdentities in between: the send itself sees the records.
    await h.ses().send(simpleSend('hello@api-fresh.test', 'sender@example.com'));

    const viaSmtp = await createDomain('smtp-fresh.test');
    h.emulator.control({ action: 'setDns', records: viaSmtp.map((t) => cname('smtp-fresh.test', t)) });
    h.clock.advance(SECOND);
    const info = await h.smtp().sendMail({ from: 'hello@mail.smtp-fresh.test', to: 'sender@example.com', text: 't' });
    assert.match(info.response ?? '', /^250 Ok /);
    const identity = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'smtp-fresh.test' }));
    assert.equal(identity.VerificationStatus, 'SUCCESS');
  });

  it('after 72 hours without its records the domain is FAILED with VerificationInfo.ErrorType HOST_NOT_FOUND', async () => {
    await createDomain('never.test');
    h.clock.advance(71 * HOUR);
    assert.equal((await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'never.test' }))).VerificationStatus, 'PENDING');
    h.clock.advance(2 * HOUR);
    const identity = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'never.test' }));
    assert.equal(identity.VerificationStatus, 'FAILED');
    assert.equal(identity.VerificationInfo?.ErrorType, 'HOST_NOT_FOUND');
    assert.equal(identity.DkimAttributes?.Status, 'FAILED');
  });

  it('a CNAME pointing elsewhere fails as INVALID_VALUE; a TXT record in its place as TYPE_NOT_FOUND', async () => {
    const tokens = await createDomain('wrong.test');
    h.emulator.control({ action: 'setDns', records: [cname('wrong.test', tokens[0], 'elsewhere.example.com'), cname('wrong.test', tokens[1]), cname('wrong.test', tokens[2])] });
    h.clock.advance(73 * HOUR);
    const invalid = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'wrong.test' }));
    assert.equal(invalid.VerificationInfo?.ErrorType, 'INVALID_VALUE');

    const other = await createDomain('txt.test');
    h.emulator.control({ action: 'setDns', records: other.map((t) => ({ name: `${t}._domainkey.txt.test`, type: 'TXT' as const, value: 'not a cname' })) });
    h.clock.advance(73 * HOUR);
    const typeNotFound = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'txt.test' }));
    assert.equal(typeNotFound.VerificationInfo?.ErrorType, 'TYPE_NOT_FOUND');
  });

  it('seeded MAIL FROM attributes are reported by GetEmailIdentity', async () => {
    const identity = await h.ses('eu-west-1').send(new GetEmailIdentityCommand({ EmailIdentity: 'example.org' }));
    assert.deepEqual(identity.MailFromAttributes, { MailFromDomain: 'mail.example.org', MailFromDomainStatus: 'SUCCESS', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' });
  });

  it('a custom MAIL FROM verifies when its MX and SPF records exist; with REJECT_MESSAGE sending waits for it', async () => {
    const client = h.ses('eu-west-1');
    await client.send(new PutEmailIdentityMailFromAttributesCommand({ EmailIdentity: 'example.org', MailFromDomain: 'bounce.example.org', BehaviorOnMxFailure: 'REJECT_MESSAGE' }));
    let identity = await client.send(new GetEmailIdentityCommand({ EmailIdentity: 'example.org' }));
    assert.equal(identity.MailFromAttributes?.MailFromDomainStatus, 'PENDING');
    const sendOne = () =>
      client.send(
        new SendEmailCommand({
          FromEmailAddress: 'news@example.org',
          Destination: { ToAddresses: ['anyone@example.net'] },
          Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
        }),
      );
    const error = await rejectionOf(sendOne());
    assert.equal(error.name, 'MailFromDomainNotVerifiedException');
    h.emulator.control({
      action: 'setDns',
      records: [
        { name: 'bounce.example.org', type: 'MX', value: '10 feedback-smtp.eu-west-1.amazonses.com' },
        { name: 'bounce.example.org', type: 'TXT', value: 'v=spf1 include:amazonses.com ~all' },
      ],
    });
    identity = await client.send(new GetEmailIdentityCommand({ EmailIdentity: 'example.org' }));
    assert.equal(identity.MailFromAttributes?.MailFromDomainStatus, 'SUCCESS');
    await sendOne();
  });
});

describe('emulator: domains verifying through DNS records given in the seed', () => {
  const tokens = ['seededdkimtokenaaaaaaaaaaaaaaaa1', 'seededdkimtokenbbbbbbbbbbbbbbbb2', 'seededdkimtokencccccccccccccccc3'];
  const partial = ['partialdkimtokenaaaaaaaaaaaaaaa1', 'partialdkimtokenbbbbbbbbbbbbbbb2', 'partialdkimtokenccccccccccccccc3'];
  const seed: Seed = {
    regions: [
      {
        region: 'us-east-1',
        identities: [
          { name: 'sender@example.com' },
          { name: 'seeded.test', status: 'PENDING', dkimTokens: tokens },
          { name: 'partial.test', status: 'PENDING', dkimTokens: partial },
        ],
      },
    ],
    dns: [...tokens.map((t) => cname('seeded.test', t)), ...partial.slice(0, 2).map((t) => cname('partial.test', t))],
  };
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(seed);
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  it('a PENDING domain whose seeded CNAMEs all resolve verifies and sends; one missing a record stays PENDING', async () => {
    const info = await h.smtp().sendMail({ from: 'news@seeded.test', to: 'sender@example.com', text: 't' });
    assert.match(info.response ?? '', /^250 Ok /);
    const seeded = await h.ses().send(new GetEmailIdentityCommand({ EmailIdentity: 'seeded.test' }));
    assert.equal(seeded.VerificationStatus, 'SUCCESS');
    assert.equal(seeded.DkimAttributes?.Status, 'SUCCESS');
    assert.deepEqual(seeded.DkimAttributes?.Tokens, tokens);

    const error = await rejectionOf(h.ses().send(simpleSend('news@partial.test', 'sender@example.com')));
    assert.equal(error.name, 'MessageRejected');
    assert.match(error.message, /US-EAST-1: news@partial\.test$/);
    const list = await h.ses().send(new ListEmailIdentitiesCommand({}));
    assert.equal(list.EmailIdentities?.find((i) => i.IdentityName === 'partial.test')?.VerificationStatus, 'PENDING');
  });
});
