import { createHmac } from 'node:crypto';

/** The version byte SES puts in front of a SigV4-derived SMTP password; SigV2 passwords start with 0x02 ("A…"). */
const SIGV4_VERSION = 0x04;

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/**
 * Derives the SES SMTP password for `region` from an IAM secret access key, as AWS documents it.
 * The date "11111111" is fixed by the algorithm, not a placeholder.
 */
export function deriveSmtpPassword(secretAccessKey: string, region: string): string {
  let key = hmac(`AWS4${secretAccessKey}`, '11111111');
  for (const part of [region, 'ses', 'aws4_request', 'SendRawEmail']) key = hmac(key, part);
  return Buffer.concat([Buffer.from([SIGV4_VERSION]), key]).toString('base64');
}

export type SmtpPasswordShape = 'smtp-sigv4' | 'smtp-sigv2' | 'iam-secret' | 'other' | 'empty';

/** What a stored password looks like; used to predict 535s without ever showing the value. */
export function smtpPasswordShape(password: string): SmtpPasswordShape {
  if (!password) return 'empty';
  if (password.length === 44 && /^[A-Za-z0-9+/]{43}[A-Za-z0-9+/=]$/.test(password)) {
    if (password.startsWith('B')) return 'smtp-sigv4';
    if (password.startsWith('A')) return 'smtp-sigv2';
  }
  if (password.length === 40 && /^[A-Za-z0-9+/]{40}$/.test(password)) return 'iam-secret';
  return 'other';
}

/**
 * Text with anything shaped like an IAM secret access key (40 base64 characters) or an SMTP password (44, starting
 * with A or B) masked: pasted logs sometimes carry them, and what we show or keep must not.
 */
export function maskSecrets(text: string): string {
  return text.replace(/(?<![A-Za-z0-9+/])(?:[AB][A-Za-z0-9+/]{42}[A-Za-z0-9+/=]|[A-Za-z0-9+/]{40})(?![A-Za-z0-9+/=])/g, (token) =>
    // A run of one kind of character (hex ids, digits) is not a key: keys mix cases and digits.
    /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9+/]/.test(token) ? '[secret hidden]' : token,
  );
}
