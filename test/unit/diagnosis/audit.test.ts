import { strict as assert } from 'node:assert';
import { diagnose, normalizePasswordShape } from '../../../src/diagnosis';

const SES_HOST = 'email-smtp.us-east-1.amazonaws.com';

describe('diagnosis: what ties a text to SES', () => {
  it('stored credential regions do not; the host, an SES port or an error object from a send do', () => {
    const refused = 'Error: connect ECONNREFUSED 52.1.2.3:587';
    assert.equal(diagnose(refused, { credentialRegions: ['eu-west-1'], verifiedIdentities: { 'eu-west-1': ['a.example'] }, productionAccess: { 'eu-west-1': true } }).kind, 'unknown');
    assert.equal(diagnose(refused, { smtpHost: SES_HOST }).kind, 'network-unreachable');
    assert.equal(diagnose(refused, { port: 587 }).kind, 'network-unreachable');
    const object = Object.assign(new Error(refused), { code: 'ESOCKET', command: 'CONN' });
    assert.equal(diagnose(object, { credentialRegions: ['eu-west-1'] }).kind, 'network-unreachable');
  });

  it('SES words count only as SES writes them: not a sendEmail function, not the French "ses"', () => {
    const login = 'Error: Invalid login: 535-5.7.8 Username and Password not accepted';
    assert.equal(diagnose(`${login}\n    at async sendEmail (/app/src/mailer.js:22:5)`).kind, 'unknown');
    assert.equal(diagnose(`${login}\n    at async SesMailer.send (/app/src/mailer.js:22:5) via Amazon SES`).kind, 'smtp-auth-failed');
    assert.equal(diagnose('botocore.exceptions.ClientError: An error occurred (Throttling) when calling the SendEmail operation: Rate exceeded').kind, 'max-send-rate-exceeded');
    assert.equal(diagnose('ECONNREFUSED, vérifiez ses paramètres réseau').kind, 'unknown');
  });

  it('a text naming another service or mail host is not SES\'s whatever the context, and the answer says what it names', () => {
    const kinesis = diagnose('UnrecognizedClientException: The security token included in the request is invalid. (Service: AmazonKinesis; Status Code: 400)', { smtpHost: SES_HOST, port: 587 });
    assert.equal(kinesis.kind, 'unknown');
    assert.match(kinesis.explanation, /It names the service AmazonKinesis, not SES/);
    assert.equal(diagnose('535 Authentication failed: Bad username / password', { smtpHost: 'smtp.sendgrid.net', port: 587 }).kind, 'unknown');
    assert.equal(diagnose('Invalid login: 535 5.7.3 Authentication unsuccessful', { smtpHost: 'smtp.office365.com', port: 587 }).kind, 'unknown');
    // An address at gmail.com is a recipient, not a mail host.
    assert.equal(diagnose(`postfix/smtp[1]: to=<alice@gmail.com>, relay=${SES_HOST}[52.0.0.1]:587, status=bounced (said: 552 Message is too long.)`).kind, 'message-too-long');
  });

  it('generic AWS credential errors that name no other service are still explained', () => {
    assert.equal(diagnose('ExpiredTokenException: The security token included in the request is expired').kind, 'credentials-expired');
    assert.equal(diagnose('UnrecognizedClientException: The security token included in the request is invalid.').kind, 'credentials-invalid');
  });
});

describe('diagnosis: the audit\'s explanations', () => {
  it('smtplib without STARTTLS on 587: turn on STARTTLS (EMAIL_USE_TLS = True), not a login problem', () => {
    const d = diagnose('smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server.', { port: 587, smtpHost: SES_HOST });
    assert.equal(d.kind, 'tls-plain-on-implicit-port');
    assert.match(d.title, /STARTTLS was not used on port 587/);
    assert.match(d.explanation, /Turn on STARTTLS/);
    assert.match(d.explanation, /EMAIL_USE_TLS = True/);
    assert.match(d.explanation, /starttls\(\)` before `login\(\)/);
  });

  it('.NET "requires a secure connection or the client was not authenticated": EnableSsl, then the login', () => {
    const d = diagnose('System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: Authentication required', { port: 587, smtpHost: SES_HOST });
    assert.equal(d.kind, 'tls-plain-on-implicit-port');
    assert.match(d.explanation, /EnableSsl = true/);
    assert.match(d.explanation, /the client sent no login/);
    assert.match(d.explanation, /UseDefaultCredentials = false/);
  });

  it('a misspelt SES host is named, and the nearest real region offered', () => {
    const d = diagnose("The remote name could not be resolved: 'email-smtp.eu-wset-1.amazonaws.com'");
    assert.equal(d.kind, 'network-unreachable');
    assert.match(d.title, /email-smtp\.eu-wset-1\.amazonaws\.com/);
    assert.match(d.explanation, /no SES region "eu-wset-1"; did you mean eu-west-1 \(email-smtp\.eu-west-1\.amazonaws\.com\)\?/);
    assert.deepEqual(d.fixes, [{ type: 'use-smtp-host', label: 'Use email-smtp.eu-west-1.amazonaws.com', host: 'email-smtp.eu-west-1.amazonaws.com' }]);
    // A real region's host is never offered as its own fix.
    const real = diagnose('Error: getaddrinfo ENOTFOUND email-smtp.eu-central-2.amazonaws.com');
    assert.ok(!real.fixes.some((f) => f.type === 'use-smtp-host' && f.host === 'email-smtp.eu-central-2.amazonaws.com'), JSON.stringify(real.fixes));
  });

  it('a timeout without a known port does not invent port 587', () => {
    const d = diagnose('smtplib.SMTPServerDisconnected: Connection unexpectedly closed: timed out', { smtpHost: SES_HOST });
    assert.equal(d.kind, 'network-unreachable');
    assert.doesNotMatch(`${d.title} ${d.explanation}`, /port 587/);
    assert.match(d.explanation, /465 or 2465/);
  });

  it('a connection timeout on 465 is the network, even with TLS from the start', () => {
    const d = diagnose('Error: connect ETIMEDOUT 52.1.2.3:465', { port: 465, tls: 'implicit' });
    assert.equal(d.kind, 'network-unreachable');
    assert.match(d.explanation, /port 465/);
    assert.ok(!d.fixes.some((f) => f.type === 'change-port' && f.port === 465));
  });

  it('Go and MailKit wordings with an SES host', () => {
    const context = { smtpHost: SES_HOST, port: 587 };
    assert.equal(diagnose('x509: certificate signed by unknown authority', context).kind, 'tls-certificate');
    assert.equal(diagnose('tls: first record does not look like a TLS handshake', context).kind, 'tls-implicit-on-starttls-port');
    assert.equal(diagnose('MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection. When connecting to an SMTP service, port 587 is typically reserved for plain-text connections.', context).kind, 'tls-implicit-on-starttls-port');
    const blocked = diagnose('dial tcp 54.240.1.1:25: i/o timeout', { smtpHost: SES_HOST });
    assert.equal(blocked.kind, 'smtp-port-blocked');
    assert.match(blocked.title, /Port 25/);
  });

  it('smtplib\'s reply tuples are read as replies', () => {
    const d = diagnose(`smtplib.SMTPRecipientsRefused: {'bob@acme': (553, b'5.1.2 <bob@acme> Invalid email address')} host ${SES_HOST}`);
    assert.equal(d.kind, 'illegal-address');
    assert.match(d.title, /bob@acme/);
    assert.equal(diagnose("smtplib.SMTPSenderRefused: (530, b'Authentication required', 'noreply@acme.example')", { smtpHost: SES_HOST }).kind, 'smtp-auth-failed');
  });
});

describe('diagnosis: the password shape in free text', () => {
  const cases: [string, string][] = [
    ['44 characters, starts with a B', 'smtp-sigv4'],
    ['44 characters starting with A', 'smtp-sigv2'],
    ['44 characters starting with "A"', 'smtp-sigv2'],
    ['starts with an A, 44 characters', 'smtp-sigv2'],
    ['44 chars, first character: A', 'smtp-sigv2'],
    ['44 characters', 'smtp-sigv4'],
    ['40 characters', 'iam-secret'],
  ];
  for (const [words, shape] of cases) {
    it(`"${words}" → ${shape}`, () => assert.equal(normalizePasswordShape({ passwordShape: words }), shape));
  }

  it('a B password that fails is not called SigV2', () => {
    const d = diagnose('Invalid login: 535 Authentication Credentials Invalid', { passwordShape: '44 characters, starts with a B', smtpHost: SES_HOST });
    assert.equal(d.kind, 'smtp-auth-failed');
  });
});
