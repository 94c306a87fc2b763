import * as assert from 'node:assert';
import { MIN_WORDS, adviseUseCase, wordCount, type AdviceTopic } from '../../../src/production/advice';

const complete =
  'Acme Widgets sends transactional mail to customers who create an account on our shop: order receipts, shipping ' +
  'updates and password resets, about 2,000 messages per day. We receive bounce and complaint notifications through ' +
  'an SNS topic and add hard-bounced or complaining addresses to the account-level suppression list at once. Every ' +
  'message has an unsubscribe link for the optional notices, and customers can opt out in their account settings.';

const topics = (useCaseDescription: string, mailType: '' | 'MARKETING' | 'TRANSACTIONAL' = 'TRANSACTIONAL', websiteUrl = 'https://shop.acme-widgets.com'): AdviceTopic[] =>
  adviseUseCase({ useCaseDescription, mailType, websiteUrl }).map((a) => a.topic);

describe('Production access form: advice on the use case', () => {
  it('has nothing to add to a description that answers what AWS asks', () => {
    assert.ok(wordCount(complete) >= MIN_WORDS);
    assert.deepStrictEqual(topics(complete), []);
  });

  it('an empty description gets one piece of advice: describe the use case', () => {
    assert.deepStrictEqual(topics('   '), ['empty']);
    assert.match(adviseUseCase({ useCaseDescription: '', mailType: '', websiteUrl: '' })[0].suggestion, /bounces, complaints and unsubscribes/);
  });

  it('a few words are called too short, with the word count, and the missing topics are named', () => {
    const advice = adviseUseCase({ useCaseDescription: 'Sending emails to users.', mailType: 'TRANSACTIONAL', websiteUrl: 'https://acme.io' });
    assert.strictEqual(advice[0].topic, 'too-short');
    assert.match(advice[0].title, /4 words/);
    assert.deepStrictEqual(advice.map((a) => a.topic).sort(), ['bounces', 'complaints', 'recipients', 'too-short', 'unsubscribe', 'volume'].sort());
  });

  it('names each missing topic: bounces, complaints, unsubscribes', () => {
    assert.ok(topics(complete.replace(/bounce and complaint notifications/, 'notifications').replace(/hard-bounced or complaining/, 'those')).includes('bounces'));
    assert.ok(topics(complete.replace(/bounce and complaint/, 'bounce').replace(/or complaining /, '')).includes('complaints'));
    assert.ok(topics(complete.replace(/Every message.*$/, 'We keep our lists tidy and clean for every recipient who asked.')).includes('unsubscribe'));
  });

  it('asks marketing senders for an unsubscribe link in particular', () => {
    const marketing = adviseUseCase({ useCaseDescription: 'A monthly newsletter to 5,000 subscribers who signed up on our site.', mailType: 'MARKETING', websiteUrl: 'https://acme.io' });
    const unsubscribe = marketing.find((a) => a.topic === 'unsubscribe');
    assert.match(unsubscribe?.suggestion ?? '', /unsubscribe link/);
  });

  it('takes a denial at its word: "we never buy lists" is no purchased list', () => {
    assert.deepStrictEqual(topics(`${complete} We never buy lists.`), []);
    assert.deepStrictEqual(topics(`${complete} We do not purchase or rent lists of addresses.`), []);
  });

  it('a description that says bounces, complaints or unsubscribes are not handled gets that advice', () => {
    const careless = complete.replace(/We receive bounce[\s\S]*$/, 'We ignore bounces and complaints, and we never let anyone unsubscribe from the receipts, which go out in volume.');
    const advice = adviseUseCase({ useCaseDescription: careless, mailType: 'TRANSACTIONAL', websiteUrl: 'https://shop.acme-widgets.com' });
    assert.deepStrictEqual(advice.map((a) => a.topic), ['bounces', 'complaints', 'unsubscribe']);
    assert.match(advice[0].title, /not handled/);
    assert.match(advice[2].title, /cannot unsubscribe/);
  });

  it('reads a volume with words between the figure and the period: "1 million marketing mails a day"', () => {
    assert.ok(!topics(complete.replace('about 2,000 messages per day', 'about 1 million marketing mails a day')).includes('volume'));
  });

  it('warns about purchased lists and cold outreach, which AWS does not allow', () => {
    assert.ok(topics(`${complete} We also bought a list of 10,000 leads.`).includes('purchased-list'));
    assert.ok(topics(`${complete} Some of it is cold outreach to prospects.`).includes('purchased-list'));
  });

  it('asks how recipients come to be on the list when the text does not say', () => {
    assert.ok(topics(complete.replace('customers who create an account on our shop', 'people')).includes('recipients'));
  });

  it('treats example.com, localhost and IP addresses as no website at all', () => {
    for (const url of ['https://example.com', 'http://localhost:3000', 'https://10.0.0.1', 'https://www.example.org/about']) {
      assert.ok(topics(complete, 'TRANSACTIONAL', url).includes('placeholder-website'), url);
    }
    assert.ok(!topics(complete, 'TRANSACTIONAL', 'https://shop.acme-widgets.com').includes('placeholder-website'));
  });
});
