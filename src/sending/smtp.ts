import { rootCertificates } from 'node:tls';
import { format } from 'node:util';
import nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer/lib/mailer';
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import { smtpHostFor, type TlsMode } from '../rules/regions';
import { allRecipients, bareAddress, SendFailure, type SendResult, type TestMessage } from './message';
import { CLIENT, redactTranscript, SERVER } from './transcript';

export interface SmtpTarget {
  region: string;
  host: string;
  port: number;
  tls: TlsMode;
  username: string;
  password: string;
  /** Extra CA (PEM) to trust on top of the system roots, e.g. the emulator's. */
  ca?: string;
  timeoutMs?: number;
}

/** Sends one message through SES SMTP with nodemailer; the transcript never holds the credentials. */
export async function sendViaSmtp(target: SmtpTarget, message: TestMessage): Promise<SendResult> {
  const lines: string[] = [];
  // nodemailer tells the direction of wire lines only in the log entry's meta; the redaction needs it on each line.
  const capture = (meta: { tnx?: string } | undefined, ...args: unknown[]): void => {
    const prefix = meta?.tnx === 'client' ? CLIENT : meta?.tnx === 'server' ? SERVER : '';
    for (const line of format(...(args as [unknown, ...unknown[]])).split(/\r?\n/)) lines.push(prefix + line);
  };
  const logger = { level: () => undefined, trace: capture, debug: capture, info: capture, warn: capture, error: capture, fatal: capture };
  const timeout = target.timeoutMs ?? 15_000;
  const sesHost = smtpHostFor(target.region);
  const transport = nodemailer.createTransport({
    host: target.host,
    port: target.port,
    secure: target.tls === 'implicit',
    requireTLS: target.tls === 'starttls',
    auth: { user: target.username, pass: target.password },
    // Pointed at a stand-in (the emulator), the TLS name stays SES's own: the server learns the region from it
    // and the certificate is checked against it, as with the real service.
    tls: {
      servername: target.host === sesHost ? undefined : sesHost,
      ca: target.ca ? [...rootCertificates, target.ca] : undefined,
      minVersion: 'TLSv1.2',
    },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
    logger,
    debug: true,
  } as SMTPTransportOptions);
  const started = performance.now();
  const credentials = { username: target.username, password: target.password };
  try {
    const info = await transport.sendMail(toNodemailer(message));
    const response = String(info.response ?? '');
    return {
      messageId: /^250 Ok (\S+)/i.exec(response)?.[1] ?? String(info.messageId ?? ''),
      response,
      elapsedMs: Math.round(performance.now() - started),
      transcript: redactTranscript(lines, credentials),
    };
  } catch (err) {
    throw new SendFailure(err, 'smtp', redactTranscript(lines, credentials), Math.round(performance.now() - started));
  } finally {
    transport.close();
  }
}

function toNodemailer(m: TestMessage): SendMailOptions {
  // The envelope takes bare addresses; the headers keep the display names.
  const envelope = { from: m.from, to: allRecipients(m).map(bareAddress) };
  if (m.raw !== undefined) return { envelope, raw: m.raw };
  return {
    from: m.fromName ? { name: m.fromName, address: m.from } : m.from,
    to: m.to,
    cc: m.cc?.length ? m.cc : undefined,
    bcc: m.bcc?.length ? m.bcc : undefined,
    replyTo: m.replyTo?.length ? m.replyTo : undefined,
    subject: m.subject,
    text: m.text,
    html: m.html,
    headers: m.configurationSet ? { 'X-SES-CONFIGURATION-SET': m.configurationSet } : undefined,
  };
}
