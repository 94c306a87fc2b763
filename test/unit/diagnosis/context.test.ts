import { strict as assert } from 'node:assert';
import { diagnose, type DiagnosisContext } from '../../../src/diagnosis';

const REJECTED =
  'SMTP Error: data not accepted. ... 554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: someone@example.org';
const LOGIN = 'Invalid login: 535 Authentication Credentials Invalid';

describe('diagnosis: the context decides what the text cannot', () => {
  const rejected: [string, DiagnosisContext, string][] = [
    ['the sender is verified, so the named address is a recipient', { from: 'me@verified.example', verifiedIdentities: { 'eu-west-1': ['verified.example'] } }, 'sandbox-recipient-not-verified'],
    ['the sender is the one named', { from: 'someone@example.org' }, 'sender-not-verified'],
    ['the sender is verified only in us-east-1', { from: 'someone@example.org', verifiedIdentities: { 'us-east-1': ['someone@example.org'] } }, 'identity-in-other-region'],
    ['the sender was verified with other letter case', { from: 'someone@example.org', verifiedIdentities: { 'eu-west-1': ['Someone@example.org'] } }, 'address-case-mismatch'],
    ['neither From nor To is named: the Return-Path is', { from: 'me@verified.example', to: ['friend@x.example'] }, 'envelope-sender-not-verified'],
  ];
  for (const [why, context, kind] of rejected) {
    it(`554 not verified → ${kind} when ${why}`, () => {
      assert.equal(diagnose(REJECTED, context).kind, kind);
    });
  }

  it('554 without context: says which check would tell sender from recipient, and offers both fixes', () => {
    const d = diagnose(REJECTED);
    assert.equal(d.kind, 'sender-not-verified');
    assert.match(d.explanation, /someone@example\.org/);
    assert.match(d.explanation, /eu-west-1/);
    assert.match(d.explanation, /sender or a recipient/);
    assert.deepEqual(
      d.fixes.map((f) => f.type),
      ['verify-identity', 'use-simulator', 'request-production-access'],
    );
    assert.deepEqual(d.fixes[0], { type: 'verify-identity', label: 'Verify someone@example.org in eu-west-1', identity: 'someone@example.org', region: 'eu-west-1' });
  });

  it('names every recipient SES listed and notes a cut list', () => {
    const d = diagnose('554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: a@x.example, b@x.example, c@x.example...', { from: 'me@v.example' });
    assert.equal(d.kind, 'sandbox-recipient-not-verified');
    assert.match(d.title, /a@x\.example, b@x\.example, c@x\.example and more/);
    assert.equal(d.fixes.filter((f) => f.type === 'verify-identity').length, 3);
  });

  const logins: [string, DiagnosisContext, string][] = [
    ['the password has 40 characters', { passwordShape: '40 characters' }, 'iam-secret-as-smtp-password'],
    ['the password is a SigV2 one', { passwordShape: 'smtp-sigv2' }, 'smtp-password-sigv2'],
    ['the password itself is an IAM secret', { password: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, 'iam-secret-as-smtp-password'],
    ['credentials are stored only for another region', { smtpHost: 'email-smtp.us-east-1.amazonaws.com', credentialRegions: ['eu-west-1'], passwordShape: 'smtp-sigv4' }, 'smtp-password-wrong-region'],
    ['credentials of this region are well shaped', { region: 'us-east-1', credentialRegions: ['us-east-1'], passwordShape: 'smtp-sigv4' }, 'smtp-auth-failed'],
  ];
  for (const [why, context, kind] of logins) {
    it(`535 → ${kind} when ${why}`, () => {
      assert.equal(diagnose(LOGIN, context).kind, kind);
    });
  }

  it('535 without context lists the checks that tell the causes apart', () => {
    const d = diagnose('535 Authentication Credentials Invalid');
    assert.equal(d.kind, 'smtp-auth-failed');
    assert.match(d.explanation, /40 characters/);
    assert.match(d.explanation, /starting with "A"/);
    assert.match(d.explanation, /another region/);
  });

  it('never echoes a password given in the context', () => {
    const password = 'BMPPgbAHoFVbze1Ud0oA5uNdXRwUXUZ+qOwphGJbl/cS';
    for (const text of [LOGIN, REJECTED, 'Greeting never received']) {
      const d = diagnose(text, { password, region: 'us-east-2', port: 465 });
      assert.ok(!JSON.stringify(d).includes(password));
    }
  });

  it('the same TLS error depends on the port: wrong version number → STARTTLS port; greeting timeout → TLS port', () => {
    const wrongVersion = 'Error: 80B7A1D0:error:0A00010B:SSL routines:ssl3_get_record:wrong version number';
    assert.equal(diagnose(wrongVersion, { port: 587 }).kind, 'tls-implicit-on-starttls-port');
    assert.equal(diagnose(wrongVersion).kind, 'unknown', 'nothing ties it to SES without context');
    const d = diagnose(wrongVersion, { port: 587 });
    assert.match(d.explanation, /port 587/);
    assert.deepEqual(d.fixes[0], { type: 'change-port', label: 'Use port 587 with STARTTLS', port: 587, tls: 'starttls' });
  });

  it('a connection timeout is a blocked port 25, or a firewall on 465 and 587; only a missing greeting on 465 is a plain connection', () => {
    const timeout = Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT', command: 'CONN' });
    assert.equal(diagnose(timeout, { port: 25 }).kind, 'smtp-port-blocked');
    // The TCP connection never opened: no TLS mode is at fault (a plain client on 465 connects, then gets no greeting).
    assert.equal(diagnose(timeout, { port: 465 }).kind, 'network-unreachable');
    assert.equal(diagnose(timeout, { port: 465, tls: 'implicit' }).kind, 'network-unreachable');
    assert.equal(diagnose(timeout, { port: 587 }).kind, 'network-unreachable');
    const greeting = Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT', command: 'CONN' });
    assert.equal(diagnose(greeting, { port: 465 }).kind, 'tls-plain-on-implicit-port');
    assert.equal(diagnose(greeting, { port: 465, tls: 'starttls' }).kind, 'tls-plain-on-implicit-port');
    const held = diagnose(greeting, { port: 465, tls: 'implicit', smtpHost: 'email-smtp.us-east-1.amazonaws.com' });
    assert.equal(held.kind, 'network-unreachable', 'TLS from the start is right on 465: something in between holds the connection');
    assert.match(held.explanation, /no SMTP greeting came/);
  });

  it('the TLS mode in the context decides: STARTTLS on 465 is a plain connection, and never "port 465 starts in plain text"', () => {
    const wrongVersion = 'Error: 80B7A1D0:error:0A00010B:SSL routines:ssl3_get_record:wrong version number';
    const d = diagnose(wrongVersion, { port: 465, tls: 'starttls' });
    assert.equal(d.kind, 'tls-plain-on-implicit-port');
    assert.match(d.explanation, /TLS from the start/);
    assert.match(d.explanation, /port 587 with STARTTLS/);
    assert.doesNotMatch(d.explanation, /port 465 at SES starts in plain text|switch to port 465/);
    assert.deepEqual(d.fixes.map((f) => f.type === 'change-port' && `${f.port}/${f.tls}`), ['465/implicit', '587/starttls']);
    assert.equal(diagnose(wrongVersion, { port: 587, tls: 'implicit' }).kind, 'tls-implicit-on-starttls-port');
    // TLS from the start on 465 answered in plain text: what answered is not SES.
    const relay = diagnose(wrongVersion, { port: 465, tls: 'implicit' });
    assert.equal(relay.kind, 'tls-implicit-on-starttls-port');
    assert.match(relay.explanation, /answered in plain text/);
    assert.doesNotMatch(relay.explanation, /port 465 at SES starts in plain text|switch to port 465/);
    for (const port of [465, 2465]) assert.doesNotMatch(diagnose(wrongVersion, { port }).explanation, /at SES starts in plain text/);
  });

  it('reads a real AWS SDK v3 error object', async () => {
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'MessageRejected' });
      res.end(JSON.stringify({ message: 'Email address is not verified. The following identities failed the check in region US-EAST-1: app@corp.example' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const client = new SESv2Client({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, maxAttempts: 1, credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } });
    try {
      await client.send(new SendEmailCommand({ FromEmailAddress: 'app@corp.example', Destination: { ToAddresses: ['x@y.example'] }, Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } } } }));
      assert.fail('SendEmail should have failed');
    } catch (err) {
      const d = diagnose(err, { from: 'app@corp.example', verifiedIdentities: { 'eu-west-1': ['corp.example'] } });
      assert.equal(d.kind, 'identity-in-other-region');
      assert.match(d.title, /app@corp\.example is verified in eu-west-1, not in us-east-1/);
    } finally {
      client.destroy();
      server.close();
    }
  });

  it('unwraps errors that carry the original as `cause`', () => {
    const inner = Object.assign(new Error('Invalid login: 535 Authentication Credentials Invalid'), { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' });
    const outer = new Error('Sending failed', { cause: inner });
    assert.equal(diagnose(outer, { passwordShape: 'iam-secret' }).kind, 'iam-secret-as-smtp-password');
  });

  it('a display name with a comma in PHPMailer\'s "Invalid address" gets the quoted header as the fix', () => {
    const d = diagnose('Invalid address:  (From): Acme, Inc. <no-reply@acme.example>');
    assert.equal(d.kind, 'illegal-address');
    assert.deepEqual(d.fixes, [{ type: 'quote-display-name', label: 'Quote the display name', header: '"Acme, Inc." <no-reply@acme.example>' }]);
  });

  it('names the principal, action and identity of a 554 Access denied', () => {
    const d = diagnose("554 Access denied: User `arn:aws:iam::123456789012:user/smtp' is not authorized to perform `ses:SendRawEmail' on resource `arn:aws:ses:us-east-1:123456789012:identity/example.com'");
    assert.equal(d.kind, 'iam-not-authorized');
    assert.match(d.explanation, /arn:aws:iam::123456789012:user\/smtp is not allowed to call ses:SendRawEmail on arn:aws:ses:us-east-1:123456789012:identity\/example\.com/);
  });

  it('a domain lower-cased on the way over SMTP is explained as such, with no fix that retypes what was typed', () => {
    const text = '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: Alice.Smith@example.com';
    const context: DiagnosisContext = { region: 'us-east-1', from: 'sender@example.com', to: ['Alice.Smith@Example.com'], verifiedIdentities: { 'us-east-1': ['sender@example.com', 'Alice.Smith@Example.com'] } };
    const smtp = diagnose(text, { ...context, transport: 'smtp' });
    assert.equal(smtp.kind, 'address-case-mismatch');
    assert.match(smtp.explanation, /writes the domain of an address in lower case/);
    assert.deepEqual(smtp.fixes.map((f) => f.type), ['verify-identity']);
    const api = diagnose(text.replace('Alice.Smith@example.com', 'alice.smith@Example.com'), { ...context, transport: 'api' });
    assert.ok(api.fixes.some((f) => f.type === 'use-address'), 'a real typo keeps the retype fix');
  });
});
