import { strict as assert } from 'node:assert';
import { diagnose } from '../../../src/diagnosis';
import { failedIdentities } from '../../../src/diagnosis/evidence';

const rejected = (list: string) =>
  `554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: ${list}`;
const verifiedSender = { from: 'sender@example.com', verifiedIdentities: { 'us-east-1': ['sender@example.com'] } };

describe('diagnosis: internationalised addresses in SES\'s 554', () => {
  it('reads unicode local parts and domains, and punycode domains, from the list', () => {
    assert.deepEqual(failedIdentities(rejected('alice@bücher.example, José@example.com, bob@xn--bcher-kva.example, bücher.example')).identities, [
      'alice@bücher.example',
      'José@example.com',
      'bob@xn--bcher-kva.example',
      'bücher.example',
    ]);
  });

  for (const address of ['alice@bücher.example', 'José@example.com', 'Ελένη@παράδειγμα.example']) {
    it(`${address} is the recipient, not the verified sender`, () => {
      const d = diagnose(rejected(address), verifiedSender);
      assert.equal(d.kind, 'sandbox-recipient-not-verified', d.title);
      assert.ok(d.title.includes(address), d.title);
      assert.doesNotMatch(d.title + d.explanation, /sender@example\.com is not verified|Sender not verified/);
    });
  }

  it('matches an IDN in the text with the punycode form in the context, and the other way round', () => {
    assert.equal(diagnose(rejected('alice@bücher.example'), { from: 'me@v.example', to: ['alice@xn--bcher-kva.example'] }).kind, 'sandbox-recipient-not-verified');
    assert.equal(diagnose(rejected('alice@xn--bcher-kva.example'), { from: 'me@v.example', to: ['alice@bücher.example'] }).kind, 'sandbox-recipient-not-verified');
    const sender = diagnose(rejected('alice@bücher.example'), { from: 'alice@xn--bcher-kva.example' });
    assert.equal(sender.kind, 'sender-not-verified');
    assert.match(sender.title, /alice@xn--bcher-kva\.example/);
    const elsewhere = diagnose(rejected('alice@xn--bcher-kva.example'), { from: 'alice@bücher.example', verifiedIdentities: { 'eu-west-1': ['bücher.example'] } });
    assert.equal(elsewhere.kind, 'identity-in-other-region');
  });

  it('the verify fix creates the identity in the punycode form SES stores', () => {
    const d = diagnose(rejected('alice@bücher.example'), { from: 'me@v.example' });
    const fix = d.fixes.find((f) => f.type === 'verify-identity');
    assert.deepEqual(fix, { type: 'verify-identity', label: 'Verify alice@bücher.example in us-east-1', identity: 'alice@xn--bcher-kva.example', region: 'us-east-1' });
  });
});

describe('diagnosis: replies that were not recognised', () => {
  it('530 Must issue a STARTTLS command first: the TLS mode, with STARTTLS / requireTLS as the fix', () => {
    const d = diagnose('530 Must issue a STARTTLS command first');
    assert.equal(d.kind, 'tls-plain-on-implicit-port');
    assert.match(d.title, /STARTTLS was not used/);
    assert.match(d.explanation, /requireTLS/);
    assert.match(d.explanation, /Turn on STARTTLS/);
    const onPort = diagnose('530 Must issue a STARTTLS command first', { port: 587, tls: 'starttls', smtpHost: 'email-smtp.us-east-1.amazonaws.com' });
    assert.match(onPort.title, /port 587/);
    assert.ok(!onPort.fixes.some((f) => f.type === 'change-port' && f.port === 587 && f.tls === 'starttls'), 'not the setup that failed');
  });

  it('554 Message rejected: Sending quota exceeded is the daily quota', () => {
    assert.equal(diagnose('554 Message rejected: Sending quota exceeded').kind, 'daily-quota-exceeded');
  });
});

describe('diagnosis: a port fix never proposes the port that failed', () => {
  const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:587'), { code: 'ESOCKET', command: 'CONN', errno: -111, syscall: 'connect', address: '127.0.0.1', port: 587 });

  it('ECONNREFUSED on 127.0.0.1:587: check that the server runs there, no SES ports', () => {
    for (const d of [diagnose(refused(), { smtpHost: '127.0.0.1', port: 587, region: 'us-east-1' }), diagnose(refused(), { region: 'us-east-1' })]) {
      assert.equal(d.kind, 'network-unreachable');
      assert.deepEqual(d.fixes.filter((f) => f.type === 'change-port'), [], JSON.stringify(d.fixes));
      assert.match(d.explanation, /server is running and listening on 127\.0\.0\.1 port 587/);
      assert.doesNotMatch(d.explanation, /SES's SMTP hosts accept/);
    }
  });

  it('a LocalStack host is a stand-in too', () => {
    const d = diagnose(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', command: 'CONN' }), { smtpHost: 'localhost.localstack.cloud', port: 4566 });
    assert.match(d.explanation, /localhost\.localstack\.cloud port 4566/);
    assert.deepEqual(d.fixes, []);
  });

  it('SES itself refusing or timing out on 587 is offered other ports, never 587 again', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 52.1.2.3:587'), { code: 'ESOCKET', command: 'CONN' });
    const refusedAtSes = diagnose(err, { smtpHost: 'email-smtp.us-east-1.amazonaws.com', port: 587 });
    assert.equal(refusedAtSes.kind, 'network-unreachable');
    const ports = refusedAtSes.fixes.flatMap((f) => (f.type === 'change-port' ? [f.port] : []));
    assert.ok(ports.length > 0 && !ports.includes(587), JSON.stringify(ports));
    const timeout = Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT', command: 'CONN' });
    for (const port of [587, 2587]) {
      const d = diagnose(timeout, { smtpHost: 'email-smtp.us-east-1.amazonaws.com', port });
      assert.ok(!d.fixes.some((f) => f.type === 'change-port' && f.port === port), `${port}: ${JSON.stringify(d.fixes)}`);
    }
  });

  it('no fix anywhere proposes the port and TLS mode already in use', () => {
    const texts = ['Connection timeout', '530 Must issue a STARTTLS command first', 'Greeting never received', 'wrong version number', 'ECONNREFUSED'];
    for (const text of texts) {
      for (const [port, tls] of [[25, 'starttls'], [587, 'starttls'], [2587, 'starttls'], [465, 'implicit'], [2465, 'implicit'], [587, 'implicit'], [465, 'starttls']] as const) {
        const d = diagnose(Object.assign(new Error(text), { command: 'CONN' }), { smtpHost: 'email-smtp.us-east-1.amazonaws.com', port, tls });
        assert.ok(!d.fixes.some((f) => f.type === 'change-port' && f.port === port && f.tls === tls), `${text} on ${port}/${tls}: ${JSON.stringify(d.fixes)}`);
      }
    }
  });
});
