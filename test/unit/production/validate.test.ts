import * as assert from 'node:assert';
import { LIMITS, emptyDraft, toAccountDetails, validateDraft, type DraftField, type ProductionDraft } from '../../../src/production/validate';

const good: ProductionDraft = {
  region: 'us-east-1',
  mailType: 'TRANSACTIONAL',
  websiteUrl: 'https://shop.acme-widgets.com',
  useCaseDescription: 'Order receipts.',
  additionalContacts: 'ops@acme-widgets.com, owner@acme-widgets.com',
  contactLanguage: 'EN',
};

const problemOf = (draft: Partial<ProductionDraft>, field: DraftField): string | undefined =>
  validateDraft({ ...good, ...draft }).find((p) => p.field === field)?.message;

describe('Production access form: validation before submit', () => {
  it('accepts a complete request and builds the PutAccountDetails input that asks for production access', () => {
    assert.deepStrictEqual(validateDraft(good), []);
    assert.deepStrictEqual(toAccountDetails(good), {
      MailType: 'TRANSACTIONAL',
      WebsiteURL: 'https://shop.acme-widgets.com',
      ContactLanguage: 'EN',
      UseCaseDescription: 'Order receipts.',
      AdditionalContactEmailAddresses: ['ops@acme-widgets.com', 'owner@acme-widgets.com'],
      ProductionAccessEnabled: true,
    });
  });

  it('a fresh form names the two required fields, and nothing else', () => {
    const fields = validateDraft(emptyDraft('eu-west-1')).map((p) => p.field).sort();
    assert.deepStrictEqual(fields, ['mailType', 'websiteUrl']);
    assert.match(problemOf({ mailType: '' }, 'mailType') ?? '', /Transactional.*Marketing/);
  });

  it('says how to fix a website URL SES would refuse', () => {
    assert.match(problemOf({ websiteUrl: '' }, 'websiteUrl') ?? '', /Enter the URL/);
    assert.match(problemOf({ websiteUrl: 'www.acme.com' }, 'websiteUrl') ?? '', /start with http:\/\/ or https:\/\/, e\.g\. https:\/\/www\.acme\.com/);
    assert.match(problemOf({ websiteUrl: 'ftp://acme.com' }, 'websiteUrl') ?? '', /not "ftp:"/);
    assert.match(problemOf({ websiteUrl: 'https://acme .com' }, 'websiteUrl') ?? '', /space/);
    assert.match(problemOf({ websiteUrl: 'https://intranet' }, 'websiteUrl') ?? '', /not a public host name/);
    assert.match(problemOf({ websiteUrl: `https://acme.com/${'a'.repeat(LIMITS.websiteUrlMax)}` }, 'websiteUrl') ?? '', /at most 1000/);
    assert.strictEqual(problemOf({ websiteUrl: '  http://acme.com/about  ' }, 'websiteUrl'), undefined);
  });

  it('allows at most four additional contacts, each a valid address, none twice', () => {
    assert.strictEqual(problemOf({ additionalContacts: '' }, 'additionalContacts'), undefined);
    assert.strictEqual(problemOf({ additionalContacts: 'a1@x.com\nb2@x.com; c3@x.com d4@x.com' }, 'additionalContacts'), undefined);
    assert.match(problemOf({ additionalContacts: 'a1@x.com, b2@x.com, c3@x.com, d4@x.com, e5@x.com' }, 'additionalContacts') ?? '', /at most 4 .* you entered 5\. Remove 1/);
    assert.match(problemOf({ additionalContacts: 'ops@acme.com, ops.acme.com' }, 'additionalContacts') ?? '', /has no @/);
    assert.match(problemOf({ additionalContacts: 'ops@acme.com, OPS@acme.com' }, 'additionalContacts') ?? '', /listed twice/);
    assert.match(problemOf({ additionalContacts: 'a@b.c' }, 'additionalContacts') ?? '', /shorter than 6|domain/);
  });

  it('takes contacts written with a display name, as mail clients copy them', () => {
    const draft = { ...good, additionalContacts: 'Ops Team <ops@acme-widgets.com>, "Owner, Acme" <owner@acme-widgets.com>' };
    assert.deepStrictEqual(validateDraft(draft), []);
    assert.deepStrictEqual(toAccountDetails(draft).AdditionalContactEmailAddresses, ['ops@acme-widgets.com', 'owner@acme-widgets.com']);
  });

  it('counts the use-case description against the 5,000-character limit and says by how much it is over', () => {
    assert.strictEqual(problemOf({ useCaseDescription: 'x'.repeat(LIMITS.useCaseMax) }, 'useCaseDescription'), undefined);
    assert.match(problemOf({ useCaseDescription: 'x'.repeat(LIMITS.useCaseMax + 12) }, 'useCaseDescription') ?? '', /5012 characters.*Shorten it by 12/);
    // SES accepts an empty description (AWS deprecated the field): that is advice, not a refusal.
    assert.strictEqual(problemOf({ useCaseDescription: '' }, 'useCaseDescription'), undefined);
    assert.strictEqual(toAccountDetails({ ...good, useCaseDescription: '  ' }).UseCaseDescription, undefined);
  });

  it('refuses a contact language other than EN or JA', () => {
    assert.match(problemOf({ contactLanguage: 'FR' as never }, 'contactLanguage') ?? '', /EN .* or JA/);
  });
});
