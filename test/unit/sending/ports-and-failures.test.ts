import * as assert from 'node:assert';
import nodemailer from 'nodemailer';
import { diagnose, type DiagnosisContext } from '../../../src/diagnosis';
import { manualClock, startEmulator } from '../../../src/emulator';
import { deriveSmtpPassword, smtpPasswordShape } from '../../../src/smtp-password/derive';
import { SendFailure } from '../../../src/sending/message';
import { sendViaSmtp, type SmtpTarget } from '../../../src/sending/smtp';

type Running = Awaited<ReturnType<typeof startEmulator>>;

/** SES's five SMTP ports and how each speaks TLS. Binding 25, 465 and 587 needs root, which CI has. */
const SES_PORTS = [
  { port: 587, tls: 'starttls' },
  { port: 25, tls: 'starttls' },
  { port: 465, tls: 'implicit' },
] as const;

describe('SMTP on every SES port, and each nodemailer failure explained', function () {
  this.timeout(20_000);
  let emu: Running;
  let base: SmtpTarget;
  const clock = manualClock();
  beforeEach(() => clock.advance(5000)); // one message a second in the sandbox

  before(async function () {
    // SES's own port numbers matter: only on 465 or 2465 can a greeting timeout be told from a dead host. Where
    // they are taken (a running `npm start`) or privileged, fall back step by step.
    const attempts: Parameters<typeof startEmulator>[0][] = [
      { apiPort: 0, smtpPort: 2587, smtpsPort: 2465, clock, extraSmtpPorts: [...SES_PORTS] },
      { apiPort: 0, smtpPort: 0, smtpsPort: 0, clock, extraSmtpPorts: [...SES_PORTS] },
      { apiPort: 0, smtpPort: 0, smtpsPort: 0, clock },
    ];
    for (const options of attempts) {
      try {
        emu = await startEmulator(options);
        break;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'EACCES' && code !== 'EADDRINUSE') throw err;
      }
    }
    base = {
      region: 'us-east-1',
      host: emu.info.smtpHost,
      port: emu.info.smtpPort,
      tls: 'starttls',
      username: emu.info.smtpUsername,
      password: emu.info.smtpPasswords['us-east-1'],
      ca: emu.caPem,
      timeoutMs: 4000, // the greeting timeout that tells a plain client on the TLS-wrapper port; generous for a loaded machine
    };
  });
  after(() => emu?.close());

  const allPorts = () => [
    { port: emu.info.smtpPort, tls: 'starttls' as const },
    { port: emu.info.smtpsPort, tls: 'implicit' as const },
    ...(emu.info.extraSmtpPorts ?? []),
  ];

  it('delivers on each port with the TLS mode SES uses there', async function () {
    if (!emu.info.extraSmtpPorts) this.skip(); // not root, or the ports are taken: only the two unprivileged ones ran
    for (const { port, tls } of allPorts()) {
      clock.advance(2000);
      const result = await sendViaSmtp({ ...base, port, tls }, { from: 'sender@example.com', to: ['sender@example.com'], subject: `port ${port}`, text: 'x' });
      assert.match(result.response, /^250 Ok /, `port ${port} (${tls})`);
    }
  });

  async function failure(target: Partial<SmtpTarget>, to = ['sender@example.com']): Promise<SendFailure> {
    try {
      await sendViaSmtp({ ...base, ...target }, { from: 'sender@example.com', to, subject: 'f', text: 'x' });
    } catch (err) {
      assert.ok(err instanceof SendFailure);
      return err;
    }
    assert.fail('the send was expected to fail');
  }

  const context = (target: Partial<SmtpTarget>, extra: DiagnosisContext = {}): DiagnosisContext => {
    const t = { ...base, ...target };
    return { region: t.region, smtpHost: t.host, port: t.port, tls: t.tls, passwordShape: smtpPasswordShape(t.password), credentialRegions: ['us-east-1'], ...extra };
  };

  const cases: { name: string; kind: string; target: () => Partial<SmtpTarget>; to?: string[]; extra?: DiagnosisContext }[] = [
    { name: '554 for an unverified recipient', kind: 'sandbox-recipient-not-verified', target: () => ({}), to: ['nobody@example.net'], extra: { from: 'sender@example.com', verifiedIdentities: { 'us-east-1': ['sender@example.com'] } } },
    { name: '535 with the IAM secret as password', kind: 'iam-secret-as-smtp-password', target: () => ({ password: emu.info.secretAccessKey }) },
    { name: '535 with a password derived for another region', kind: 'smtp-password-wrong-region', target: () => ({ password: deriveSmtpPassword(emu.info.secretAccessKey, 'eu-west-1') }), extra: { credentialRegions: ['eu-west-1'] } },
    { name: 'implicit TLS spoken to the STARTTLS port', kind: 'tls-implicit-on-starttls-port', target: () => ({ tls: 'implicit' }) },
    { name: 'STARTTLS spoken to the TLS-wrapper port', kind: 'tls-plain-on-implicit-port', target: () => ({ port: sesImplicitPort(), tls: 'starttls' }) },
    { name: 'a certificate the client does not trust', kind: 'tls-certificate', target: () => ({ ca: undefined }) },
    { name: 'nothing listening', kind: 'network-unreachable', target: () => ({ port: 1 }) },
  ];

  /** A listening implicit-TLS port with one of SES's numbers, or undefined when none could be bound. */
  const sesImplicitPort = (): number | undefined => allPorts().find((p) => p.tls === 'implicit' && (p.port === 465 || p.port === 2465))?.port;

  for (const c of cases) {
    it(`explains ${c.name} as ${c.kind}, with a transcript free of the password`, async function () {
      const target = c.target();
      if ('port' in target && target.port === undefined) this.skip(); // neither 465 nor 2465 could be bound here
      const err = await failure(target, c.to);
      const d = diagnose(err.cause, context(target, c.extra));
      assert.strictEqual(d.kind, c.kind, `${d.kind}: ${d.title}`);
      const transcript = err.transcript.join('\n');
      for (const secret of [base.password, emu.info.secretAccessKey]) {
        assert.ok(!transcript.includes(secret), 'no password in the transcript');
        assert.ok(!transcript.includes(Buffer.from(secret).toString('base64')), 'no base64 password in the transcript');
        assert.ok(!d.explanation.includes(secret), 'no password in the explanation');
      }
    });
  }

  // Two rows of the nodemailer table our own transport never produces (it always verifies the name and uses
  // STARTTLS), but an app's nodemailer does: reproduced with nodemailer configured as such an app would be.
  async function appFailure(options: Record<string, unknown>): Promise<unknown> {
    const transport = nodemailer.createTransport({ host: base.host, port: base.port, secure: false, auth: { user: base.username, pass: base.password }, connectionTimeout: 4000, ...options });
    try {
      await transport.sendMail({ from: 'sender@example.com', to: 'sender@example.com', subject: 'f', text: 'x' });
    } catch (err) {
      return err;
    } finally {
      transport.close();
    }
    assert.fail('the send was expected to fail');
  }

  it('explains a certificate for another host name (ERR_TLS_CERT_ALTNAME_INVALID) as tls-certificate', async () => {
    const err = await appFailure({ tls: { ca: emu.caPem, servername: 'smtp.wrong-host.example' } });
    assert.match(String((err as Error).message), /altnames|ERR_TLS_CERT_ALTNAME_INVALID|does not match/i);
    assert.strictEqual(diagnose(err, context({})).kind, 'tls-certificate');
  });

  it('explains AUTH before STARTTLS (538) as a login that needs TLS first, not as wrong credentials', async () => {
    const err = await appFailure({ ignoreTLS: true });
    assert.strictEqual((err as { responseCode?: number }).responseCode, 538);
    const d = diagnose(err, context({}));
    assert.strictEqual(d.kind, 'tls-plain-on-implicit-port', d.title);
    assert.match(d.title, /STARTTLS was not used/);
  });
});
