import { domainToASCII } from 'node:url';

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
