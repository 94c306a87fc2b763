import MimeNode from 'nodemailer/lib/mime-node';
import { checkAddress } from './validate';

/**
 * Mailboxes as they appear in headers: `Jane Doe <jane@example.com>`. Parsing a list the user typed, and
 * formatting a From header whose display name holds commas, colons, quotes or non-ASCII text so that SES does
 * not reject it with "Illegal address".
 */

export interface Mailbox {
  address: string;
  name?: string;
}

/** Characters that end an unquoted display name's word in a header (RFC 5322 specials). */
const SPECIALS = ['(', ')', '<', '>', '[', ']', ':', ';', '@', '\\', ',', '.', '"'] as const;
const NON_ASCII = /[^\x00-\x7f]/;

/** The header-special characters an unquoted display name contains, in order of first appearance. */
export function displayNameSpecials(name: string): string[] {
  const found: string[] = [];
  for (const char of name) if ((SPECIALS as readonly string[]).includes(char) && !found.includes(char)) found.push(char);
  return found;
}

/** A display name that breaks the header unless it is quoted (or encoded, when non-ASCII). */
export function displayNameNeedsQuoting(name: string): boolean {
  return displayNameSpecials(name).length > 0;
}

export function displayNameNeedsEncoding(name: string): boolean {
  return NON_ASCII.test(name);
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`), each at most 75 characters, never splitting a character. */
export function encodeWords(text: string): string {
  const maxBytes = 45; // 60 base64 characters + 12 of framing stay within 75
  const words: string[] = [];
  let chunk: Buffer[] = [];
  let size = 0;
  const flush = () => {
    if (!size) return;
    words.push(`=?UTF-8?B?${Buffer.concat(chunk).toString('base64')}?=`);
    chunk = [];
    size = 0;
  };
  for (const char of text) {
    const bytes = Buffer.from(char, 'utf8');
    if (size + bytes.length > maxBytes) flush();
    chunk.push(bytes);
    size += bytes.length;
  }
  flush();
  return words.join(' ');
}

/**
 * The display name as nodemailer writes it in the header, which is what the extension sends: left bare when it
 * is only letters, digits and spaces, quoted when it holds other ASCII punctuation, and RFC 2047-encoded when it
 * holds non-ASCII text (`=?UTF-8?Q?…?=` for mostly Latin text, `=?UTF-8?B?…?=` otherwise).
 */
export function formatDisplayName(name: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  if (!clean) return '';
  const placeholder = 'a@b.c';
  const header = MimeNode.encodeHeaderValue('From', { name: clean, address: placeholder });
  return header.endsWith(` <${placeholder}>`) ? header.slice(0, -(placeholder.length + 3)) : header;
}

/** `Name <address>` for a header, exactly as nodemailer writes it; the bare address without a name. */
export function formatMailbox(mailbox: Mailbox): string {
  const name = mailbox.name?.replace(/[\r\n]+/g, ' ').trim();
  return name ? `${formatDisplayName(name)} <${mailbox.address}>` : mailbox.address;
}

export interface ParsedList {
  mailboxes: Mailbox[];
  /** One message per entry that is not a valid address, naming the entry. */
  problems: string[];
}

/** Splits on commas, semicolons and line breaks outside quotes and angle brackets. */
export function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '\\' && i + 1 < text.length) {
      current += char + text[++i];
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '<') angle = true;
    else if (!quoted && char === '>') angle = false;
    if (!quoted && !angle && (char === ',' || char === ';' || char === '\n')) {
      entries.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  entries.push(current);
  return entries.map((entry) => entry.trim()).filter(Boolean);
}

function unquote(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return trimmed;
}

/** Parses "a@x.com, B <b@y.com>; \"Doe, Jane\" <j@z.com>" into mailboxes, validating each address. */
export function parseAddressList(text: string): ParsedList {
  const mailboxes: Mailbox[] = [];
  const problems: string[] = [];
  for (const entry of splitEntries(text)) {
    const angle = /^(.*)<([^<>]*)>\s*$/s.exec(entry);
    const rawAddress = angle ? angle[2] : entry;
    const name = angle ? unquote(angle[1]) : undefined;
    const check = checkAddress(rawAddress);
    if (!check.ok) {
      problems.push(check.message);
      continue;
    }
    mailboxes.push(name ? { address: check.address, name } : { address: check.address });
  }
  return { mailboxes, problems };
}
