import { isIP } from 'node:net';
import { normalizeRegion, smtpHostRegion } from '../rules/regions';

/**
 * Turns a failure as the user has it (a nodemailer error, an AWS SDK v3 error, our own wrapped errors, or text
 * pasted from any log) into plain evidence: the text to read plus whatever structured fields there were.
 */
export interface Evidence {
  /** Everything readable, joined by newlines. */
  text: string;
  /** AWS error name (`MessageRejected`, `AccessDeniedException`, …) when an object said so. */
  name?: string;
  /** nodemailer's or Node's code: `EAUTH`, `EMESSAGE`, `ESOCKET`, `ETIMEDOUT`, `ECONNREFUSED`, … */
  codes: string[];
  responseCode?: number;
  /** nodemailer's SMTP command: `CONN`, `AUTH PLAIN`, `DATA`, … */
  command?: string;
  httpStatus?: number;
  /** The failure came as an error object from nodemailer or the AWS SDK, i.e. from a send to SES. */
  fromSend: boolean;
  host?: string;
  port?: number;
  /** Region named by SES or by a host or ARN in the text (lower case). */
  region?: string;
  from?: string;
  recipients: string[];
}

const MAX_TEXT = 20_000;

/**
 * A loopback or private address: a local stand-in (an emulator, LocalStack, a relay), never SES. A public IP in
 * an error is more likely the address SES's host name resolved to, so it is not taken as the host.
 */
export function isLocalIp(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(h) === 6) return h === '::1' || /^f[cd]/.test(h) || /^fe80:/.test(h) || /^::ffff:(?:127|10)\./.test(h);
  if (isIP(h) !== 4) return false;
  const [a, b] = h.split('.').map(Number);
  return a === 127 || a === 10 || a === 0 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

function stringify(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return undefined;
}

function readObject(value: unknown, evidence: Evidence, parts: string[], depth: number, seen: Set<unknown>): void {
  if (value === null || value === undefined || depth > 4) return;
  const direct = stringify(value);
  if (direct !== undefined) {
    parts.push(direct);
    return;
  }
  if (typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) readObject(item, evidence, parts, depth + 1, seen);
    return;
  }
  let record: Record<string, unknown>;
  try {
    record = value as Record<string, unknown>;
    const get = (key: string): unknown => {
      try {
        return record[key];
      } catch {
        return undefined;
      }
    };
    const name = get('name');
    const message = get('message');
    if (typeof name === 'string' && name && name !== 'Error' && !evidence.name) evidence.name = name;
    if (typeof name === 'string' && name) parts.push(name);
    if (typeof message === 'string') parts.push(message);
    for (const key of ['code', 'originalCode', 'errno', 'reason', 'timeoutType', 'Code', '__type']) {
      const code = get(key);
      if (typeof code === 'string' && code) {
        evidence.codes.push(code);
        parts.push(code);
      }
    }
    const responseCode = get('responseCode');
    if (typeof responseCode === 'number' && evidence.responseCode === undefined) evidence.responseCode = responseCode;
    const command = get('command');
    if (typeof command === 'string' && !evidence.command) evidence.command = command;
    const response = get('response');
    if (typeof response === 'string') parts.push(response);
    const host = get('host') ?? get('hostname') ?? get('address');
    if (typeof host === 'string' && !evidence.host && !host.includes('@') && (/[a-z]/i.test(host) || isLocalIp(host))) evidence.host = host;
    const port = get('port');
    if (typeof port === 'number' && evidence.port === undefined) evidence.port = port;
    const metadata = get('$metadata');
    if (metadata && typeof metadata === 'object') {
      const status = (metadata as Record<string, unknown>).httpStatusCode;
      if (typeof status === 'number') evidence.httpStatus = status;
      evidence.fromSend = true;
    }
    if (typeof command === 'string' || typeof responseCode === 'number' || get('$fault') !== undefined) evidence.fromSend = true;
    // Wrapped errors: SesError and SendFailure keep the original as `cause`; others use `error` or `originalError`.
    for (const key of ['cause', 'error', 'originalError', 'err', 'Error', 'errors']) {
      const inner = get(key);
      if (inner && inner !== value) readObject(inner, evidence, parts, depth + 1, seen);
    }
    if (typeof message !== 'string' && typeof name !== 'string') {
      const text = String(value);
      if (text && text !== '[object Object]') parts.push(text);
    }
  } catch {
    // A hostile object (throwing getters, proxies): keep what was read.
  }
}

/**
 * An address as SES or a log may print it: ASCII, or internationalised (letters of any script in the local part
 * and the domain, or a punycode `xn--` domain).
 */
const ADDRESS = /[\p{L}\p{M}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?(?:\.[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?)+/u;
const DOMAIN_NAME = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?(?:\.[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?)+$/u;
const HOST = /\b(email-smtp(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com)\b/i;

function readText(evidence: Evidence): void {
  const text = evidence.text;
  const host = HOST.exec(text);
  if (host && !evidence.host) evidence.host = host[1].toLowerCase();
  // Node's and Go's words for a failed connection: "connect ECONNREFUSED 127.0.0.1:587", "dial tcp 54.240.1.1:25".
  const socket = /\b(?:ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|dial tcp[46]?)\s+\[?([A-Za-z0-9.:-]+?)\]?:(\d{2,5})\b/.exec(text);
  if (socket) {
    if (!evidence.host && (/[a-z]/i.test(socket[1]) || isLocalIp(socket[1]))) evidence.host = socket[1];
    if (evidence.port === undefined) evidence.port = Number(socket[2]);
  }
  if (evidence.port === undefined) {
    const port =
      /email-smtp(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.|\[[^\]]*\])?["']?\s*[:,]\s*(?:port:?\s*)?(\d{2,5})\b/i.exec(text) ??
      /\bport[:= ]+["']?(\d{2,5})\b/i.exec(text) ??
      /\b(?:tcp|tls|ssl|smtps?):\/\/[^\s:/]+:(\d{2,5})\b/i.exec(text);
    if (port) evidence.port = Number(port[1]);
  }
  const region =
    /\bin region ([A-Za-z]{2}(?:-gov)?-[A-Za-z]+-\d{1,2})\b/.exec(text)?.[1] ??
    (evidence.host ? smtpHostRegion(evidence.host) : undefined) ??
    /arn:aws[a-z-]*:ses:([a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}):/.exec(text)?.[1] ??
    /\bemail(?:-fips)?\.([a-z]{2}(?:-gov)?-[a-z]+-\d{1,2})\.amazonaws\.com\b/i.exec(text)?.[1];
  if (region) evidence.region = normalizeRegion(region);
  const from =
    /\bfrom=<([^<>\s]+)>/.exec(text)?.[1] ??
    /\bMAIL FROM:\s*<([^<>\s]+)>/i.exec(text)?.[1] ??
    /["']?(?:FromEmailAddress|Source)["']?\s*[:=]\s*["']([^"']+@[^"']+)["']/.exec(text)?.[1];
  if (from && ADDRESS.test(from)) evidence.from = from;
  const recipients = new Set<string>();
  for (const match of text.matchAll(/\b(?:to=<|RCPT TO:\s*<)([^<>\s]+)>/gi)) recipients.add(match[1]);
  evidence.recipients = [...recipients];
}

export function gatherEvidence(failure: unknown): Evidence {
  const evidence: Evidence = { text: '', codes: [], fromSend: false, recipients: [] };
  const parts: string[] = [];
  readObject(failure, evidence, parts, 0, new Set());
  const unique = [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
  evidence.text = unique.join('\n').slice(0, MAX_TEXT);
  readText(evidence);
  return evidence;
}

/** The identities SES lists after "failed the check in region X:", and whether it cut the list short. */
export function failedIdentities(text: string): { region?: string; identities: string[]; truncated: boolean } {
  const match = /failed the check in region ([A-Za-z]{2}(?:-gov)?-[A-Za-z]+-\d{1,2})\s*:\s*([^\n]*)/.exec(text);
  if (!match) return { identities: [], truncated: false };
  // Cut where the client's own wrapping starts again: quotes, "(in reply to", "(Service:", "SMTP code", a closing paren.
  const listText = match[2].split(/["'`)]|\\n|\(in reply|\(Service|\bSMTP code\b|\s\[|\s{2,}/)[0];
  const truncated = /\.\.\.|…/.test(listText);
  const identities: string[] = [];
  for (const raw of listText.split(/,\s*|\s+/)) {
    const token = raw.replace(/\.\.\.|…/g, '').replace(/^[<]|[>.;]+$/g, '');
    if (!token) continue;
    if (ADDRESS.test(token) || DOMAIN_NAME.test(token)) {
      if (!identities.includes(token)) identities.push(token);
    }
  }
  return { region: normalizeRegion(match[1]), identities, truncated };
}
