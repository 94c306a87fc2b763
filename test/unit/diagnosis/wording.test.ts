import { strict as assert } from 'node:assert';
import { DIAGNOSIS_KINDS, diagnose } from '../../../src/diagnosis';
import { explain, PREFLIGHT_ONLY_KINDS, type Facts } from '../../../src/diagnosis/explanations';

/** Every template, with no facts, with all of them, before and after a send, and in each of its variants. */
const VARIANTS = ['not-subscribed', 'starttls-first', 'starttls-not-used', 'starttls-or-login', 'no-greeting', 'missing', 'odd-password', 'temporary', 'not-found', 'not-ses-port', 'refused', 'timeout', 'sso', 'configuration-set', 'api-throttle', 'role-unknown'];
const FULL: Facts = {
  region: 'eu-west-1',
  identities: ['a@x.example'],
  from: 'me@v.example',
  address: 'a@x.example',
  host: 'email-smtp.eu-west-1.amazonaws.com',
  hostRegion: 'eu-west-1',
  port: 587,
  configurationSet: 'tracking',
  problem: 'The address "a b@x.example" contains a space; an email address has none.',
  principal: 'arn:aws:iam::1:user/u',
  action: 'ses:SendRawEmail',
  max24HourSend: 200,
  sentLast24Hours: 200,
};

function texts(): { label: string; title: string; explanation: string }[] {
  const out: { label: string; title: string; explanation: string }[] = [];
  for (const kind of [...DIAGNOSIS_KINDS, ...PREFLIGHT_ONLY_KINDS]) {
    for (const before of [false, true]) {
      for (const variant of [undefined, ...VARIANTS]) {
        for (const [name, facts] of [['no facts', {}], ['full facts', FULL], ['address only', { address: 'a@x.example' }], ['a stand-in host', { host: '127.0.0.1', port: 2587 }], ['STARTTLS on 465', { port: 465, tls: 'starttls' }], ['a misspelt host', { host: 'email-smtp.eu-wset-1.amazonaws.com', hostRegion: 'eu-wset-1', region: 'eu-wset-1' }], ['another service', { elsewhere: 'the service AmazonKinesis', resembles: 'credentials-invalid' }]] as const) {
          const e = explain(kind, { ...facts, before, variant });
          out.push({ label: `${kind} / ${name} / ${before ? 'before' : 'after'} / ${variant ?? '-'}`, title: e.title, explanation: e.explanation });
        }
      }
    }
  }
  return out;
}

describe('diagnosis: wording of every explanation', () => {
  const all = texts();

  it('starts every title and every sentence with a capital letter (fallback phrases such as "the From address" included)', () => {
    for (const { label, title, explanation } of all) {
      assert.match(title, /^[A-Z0-9"`]|^[a-z0-9.+-]+@|^[a-z0-9-]+\.[a-z]/, `${label}: title "${title}"`);
      // After a full stop (not "e.g." or an ellipsis) or a blank line comes a capital, a digit, a quote or an address.
      const starts = [...explanation.matchAll(/(?:^|(?<!\be\.g|\bi\.e|\.\.)[.!?]\s+|\n\n)([a-z][\w.@+-]*)/g)].map((m) => m[1]);
      // Addresses and host names keep their case wherever they stand.
      const lower = starts.filter((word) => !/@|\w[.-]\w|^arn$/.test(word));
      assert.deepEqual(lower, [], `${label}: ${explanation}`);
    }
  });

  it('keeps a fallback phrase lower-case mid-sentence, and no title names a placeholder instead of a subject', () => {
    for (const { label, title, explanation } of all) {
      assert.doesNotMatch(explanation, /[a-z,] (?:The|An|A) (?:address|From address|configuration set|envelope sender|recipient)\b/, `${label}: ${explanation}`);
      assert.doesNotMatch(title, /: (?:the|a|an) |\ba (?:verified )?a\b|the verified a\b/, `${label}: ${title}`);
    }
  });

  it('never doubles punctuation, a space, or leaves a colon hanging', () => {
    for (const { label, title, explanation } of all) {
      for (const text of [title, explanation]) {
        assert.doesNotMatch(text, /(?<!\.)\.\.(?!\.)|[,;]\s*[.,;:]|:\s*[.,;]|:\s+:|\bundefined\b|\.\s*[,;:]|\s[.,;:](?!\w)| {2}|(?<!\w)\(\s*\)|: :/, `${label}: ${text}`);
      }
    }
  });

  it('"Sender not verified" without a known address capitalises its subject', () => {
    const d = explain('sender-not-verified', { region: 'eu-west-1' });
    assert.doesNotMatch(d.explanation, /[.:] the From address is not verified/);
    assert.match(d.explanation, /The From address is not verified in eu-west-1/);
    assert.equal(d.title, 'The From address is not verified in eu-west-1');
  });

  it('the Illegal-address text ends the validator\'s sentence once, and gives no display-name advice for a space', () => {
    const d = diagnose('Invalid address:  (From): jane doe@example.com');
    assert.equal(d.kind, 'illegal-address');
    assert.doesNotMatch(d.explanation, /\.\./);
    assert.match(d.explanation, /contains a space/);
    assert.doesNotMatch(d.explanation, /display name|Acme/);
    // Without a precise problem the display-name advice stays: it is the usual cause.
    assert.match(diagnose('554 Transaction failed: Illegal address', { region: 'us-east-1' }).explanation, /display name/);
  });

  it('a display name in a failed header is shown as nodemailer would write it', () => {
    const d = diagnose('Invalid address:  (From): Zoë, Inc. <no-reply@acme.example>');
    assert.equal(d.kind, 'illegal-address');
    assert.deepEqual(d.fixes, [{ type: 'quote-display-name', label: 'Quote the display name', header: '=?UTF-8?Q?Zo=C3=AB=2C_Inc=2E?= <no-reply@acme.example>' }]);
  });
});
