import type { Socket } from 'node:net';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { deriveSmtpPassword } from '../smtp-password/derive';
import { parseRaw } from './api/operations';
import { regionFromSmtpHost } from './regions';
import { checkSend, MAX_MESSAGE_BYTES, recordSend, type SendAttempt } from './send-rules';
import { newMessageId, type EmulatorState } from './state';
import type { SmtpCertificates } from './tls';

export interface SmtpOptions {
  state: EmulatorState;
  certificates: SmtpCertificates;
  /** Implicit TLS (SES's 465/2465) when true, STARTTLS (587/2587/25) when false. */
  implicitTls: boolean;
}

interface SmtpUser {
  accessKeyId: string;
  region: string;
}

/** An error smtp-server sends as `<code> <message>`. */
function reply(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** SES's SMTP interface: TLS mandatory, AUTH with the region's derived password, the shared send rules at end of DATA. */
export function createSmtpServer(options: SmtpOptions): SMTPServer {
  const { state, certificates } = options;
  const server = new SMTPServer({
    secure: options.implicitTls,
    key: certificates.key,
    cert: certificates.cert,
    name: 'email-smtp.amazonaws.com',
    banner: 'SimpleEmailService (SES Workbench emulator)',
    authMethods: ['PLAIN', 'LOGIN'],
    authRequiredMessage: 'Authentication required',
    size: MAX_MESSAGE_BYTES,
    logger: false,
    disabledCommands: [],
    onAuth(auth: SMTPServerAuthentication, session: SMTPServerSession, callback) {
      const region = regionFromSmtpHost(session.servername || undefined) ?? state.seededRegions[0];
      const credential = state.credentials.get(auth.username ?? '');
      // SES answers every wrong pairing with the same line: unknown key, IAM secret as password, SigV2 password,
      // password derived for another region. Temporary keys cannot be turned into SMTP passwords.
      const valid = credential && !credential.sessionToken && auth.password === deriveSmtpPassword(credential.secretAccessKey, region);
      if (!valid) return callback(reply(535, 'Authentication Credentials Invalid'));
      const user: SmtpUser = { accessKeyId: credential.accessKeyId, region };
      callback(null, { user });
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(reply(552, 'Message is too long.'));
        accept(state, session, Buffer.concat(chunks)).then(
          (messageId) => callback(null, `Ok ${messageId}`),
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.on('error', () => {
    // Client-side TLS and socket errors are the client's problem; the server keeps serving.
  });
  return server;
}

/** Lets the fault injector drop connections before the greeting, as a flaky network or overloaded endpoint would. */
export function armConnectionDrops(server: SMTPServer, state: EmulatorState): void {
  const inner = (server as unknown as { server: { prependListener(event: 'connection', fn: (socket: Socket) => void): void } }).server;
  inner.prependListener('connection', (socket: Socket) => {
    if (state.faults.takeSmtpDrop()) socket.destroy();
  });
}

async function accept(state: EmulatorState, session: SMTPServerSession, raw: Buffer): Promise<string> {
  const user = session.user as unknown as SmtpUser;
  const region = state.region(user.region);
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const recipients = session.envelope.rcptTo.map((r) => r.address);
  const message = await parseRaw(raw, undefined, {});
  const listed = new Set([...message.to, ...message.cc]);
  const attempt: SendAttempt = {
    senders: [...new Set([envelopeFrom, ...message.senders].filter(Boolean))],
    recipients,
    configurationSetName: message.headers['x-ses-configuration-set'],
    sizeBytes: raw.length,
  };
  const now = state.now();
  const rejection = checkSend(region, attempt, now, state.dns);
  if (rejection) throw reply(rejection.smtp.code, rejection.smtp.message);
  recordSend(region, attempt, now);
  const id = newMessageId(now);
  state.mailbox.add({
    id,
    region: user.region,
    kind: 'sent',
    via: 'smtp',
    from: message.from,
    to: recipients.filter((r) => message.to.includes(r)),
    cc: recipients.filter((r) => message.cc.includes(r)),
    // Envelope recipients absent from To and Cc were Bcc.
    bcc: recipients.filter((r) => !listed.has(r)),
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    receivedAt: new Date(now).toISOString(),
  });
  return id;
}
