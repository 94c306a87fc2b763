import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * Internationalised names compared the way SES stores them: a domain with non-ASCII letters travels as
 * punycode (`bücher.example` → `xn--bcher-kva.example`). ASCII text is left exactly as it is, letter case
 * included: SES compares address identities as exact strings.
 */

const NON_ASCII = /[^\x00-\x7f]/;

/** The punycode form of a domain that holds non-ASCII letters; any other domain unchanged. */
export function asciiDomain(domain: string): string {
  if (!NON_ASCII.test(domain)) return domain;
  const ascii = domainToASCII(domain.normalize('NFC'));
  return ascii || domain;
}

/** `alice@bücher.example` → `alice@xn--bcher-kva.example`; the local part stays as written (in NFC form). */
export function asciiAddress(address: string): string {
  if (!NON_ASCII.test(address)) return address;
  const at = address.lastIndexOf('@');
  if (at < 0) return asciiDomain(address);
  return `${address.slice(0, at).normalize('NFC')}@${asciiDomain(address.slice(at + 1))}`;
}

/** An identity name (address or domain) in the form SES stores: see `asciiAddress`. */
export const asciiIdentity = (name: string): string => (name.includes('@') ? asciiAddress(name) : asciiDomain(name));

/** `info@xn--bcher-kva.example` → `info@bücher.example`: the name as people write it; others unchanged. */
export function unicodeIdentity(name: string): string {
  if (!name.includes('xn--')) return name;
  const at = name.lastIndexOf('@');
  const domain = name.slice(at + 1);
  return `${name.slice(0, at + 1)}${domainToUnicode(domain) || domain}`;
}

/**
 * The address as an SMTP library like nodemailer puts it on the wire: the domain in lower case, the local part as
 * written. (SES compares address identities letter for letter, so the two can differ for SES.)
 */
export function withLowerDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at + 1) + address.slice(at + 1).toLowerCase();
}
