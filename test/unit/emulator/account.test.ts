import * as assert from 'node:assert/strict';
import { GetAccountCommand, PutAccountDetailsCommand, SendEmailCommand, type PutAccountDetailsCommandInput } from '@aws-sdk/client-sesv2';
import type { Seed } from '../../../src/emulator';
import { rejectionOf, startHarness, type Harness } from './harness';

const HOUR = 3600_000;
const request: PutAccountDetailsCommandInput = {
  MailType: 'TRANSACTIONAL',
  WebsiteURL: 'https://example.com',
  ContactLanguage: 'EN',
  UseCaseDescription: 'Password resets for our users.',
  AdditionalContactEmailAddresses: ['ops@example.com'],
  ProductionAccessEnabled: true,
};

describe('emulator: production access (PutAccountDetails)', () => {
  let h: Harness;
  afterEach(async () => {
    await h.emulator.close();
  });

  it('validates required fields, enums and the 1–4 contact addresses with BadRequestException', async () => {
    h = await startHarness();
    const cases: [Partial<PutAccountDetailsCommandInput>, RegExp][] = [
      [{ MailType: undefined }, /'mailType' failed to satisfy constraint: Member must not be null/],
      [{ WebsiteURL: undefined }, /'websiteURL' failed to satisfy constraint: Member must not be null/],
      [{ MailType: 'SPAM' as never }, /mailType.*enum value set: \[MARKETING, TRANSACTIONAL\]/],
      [{ ContactLanguage: 'FR' as never }, /contactLanguage.*enum value set: \[EN, JA\]/],
      [{ WebsiteURL: 'example.com' }, /websiteURL.*pattern/],
      [{ AdditionalContactEmailAddresses: ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com', 'e@example.com'] }, /additionalContactEmailAddresses/],
      [{ UseCaseDescription: 'x'.repeat(5001) }, /useCaseDescription.*between 1 and 5000/],
    ];
    for (const [change, message] of cases) {
      const error = await rejectionOf(h.ses().send(new PutAccountDetailsCommand({ ...request, ...change } as PutAccountDetailsCommandInput)));
      assert.equal(error.name, 'BadRequestException', JSON.stringify(change));
      assert.match(error.message, message);
    }
    const none = await rejectionOf(h.ses().send(new PutAccountDetailsCommand({ ...request, AdditionalContactEmailAddresses: [] })));
    assert.equal(none.message, "1 validation error detected: Value '[]' at 'additionalContactEmailAddresses' failed to satisfy constraint: Member must have length greater than or equal to 1");
    const five = await rejectionOf(h.ses().send(new PutAccountDetailsCommand({ ...request, AdditionalContactEmailAddresses: ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com', 'e@example.com'] })));
    assert.match(five.message, /'additionalContactEmailAddresses' failed to satisfy constraint: Member must have length less than or equal to 4$/);
    const two = await rejectionOf(h.ses().send(new PutAccountDetailsCommand({ ...request, MailType: undefined, WebsiteURL: undefined } as unknown as PutAccountDetailsCommandInput)));
    assert.match(two.message, /^2 validation errors detected: /);
  });

  it('a request goes PENDING, then GRANTED after the review delay, and production access follows', async () => {
    h = await startHarness();
    await h.ses().send(new PutAccountDetailsCommand(request));
    let account = await h.ses().send(new GetAccountCommand({}));
    assert.equal(account.Details?.ReviewDetails?.Status, 'PENDING');
    assert.match(account.Details?.ReviewDetails?.CaseId ?? '', /^\d+$/);
    assert.equal(account.Details?.MailType, 'TRANSACTIONAL');
    assert.equal(account.ProductionAccessEnabled, false);
    const again = await rejectionOf(h.ses().send(new PutAccountDetailsCommand(request)));
    assert.equal(again.name, 'ConflictException');

    h.clock.advance(24 * HOUR);
    account = await h.ses().send(new GetAccountCommand({}));
    assert.equal(account.Details?.ReviewDetails?.Status, 'GRANTED');
    assert.equal(account.ProductionAccessEnabled, true);
    assert.equal(account.SendQuota?.Max24HourSend, 50_000);
    assert.equal(account.SendQuota?.MaxSendRate, 14);
    // Out of the sandbox: an unverified recipient is fine now.
    await h.ses().send(
      new SendEmailCommand({
        FromEmailAddress: 'sender@example.com',
        Destination: { ToAddresses: ['stranger@example.net'] },
        Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
      }),
    );
    // Other regions stay in their own state.
    assert.equal((await h.ses('ap-south-1').send(new GetAccountCommand({}))).ProductionAccessEnabled, false);
  });

  it('the seed can make the review end DENIED after its own delay', async () => {
    const seed: Seed = { regions: [{ region: 'us-east-1', account: { review: { outcome: 'DENIED', delayMinutes: 30 } } }] };
    h = await startHarness(seed);
    await h.ses().send(new PutAccountDetailsCommand(request));
    h.clock.advance(29 * 60_000);
    assert.equal((await h.ses().send(new GetAccountCommand({}))).Details?.ReviewDetails?.Status, 'PENDING');
    h.clock.advance(60_000);
    const account = await h.ses().send(new GetAccountCommand({}));
    assert.equal(account.Details?.ReviewDetails?.Status, 'DENIED');
    assert.equal(account.ProductionAccessEnabled, false);
  });
});
