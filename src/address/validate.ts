import { domainToASCII } from 'node:url';

/**
 * Email address and domain validation with messages that say what is wrong, for input boxes and the panel.
 * SES accepts 7-bit ASCII addresses; an internationalized domain must travel as punycode, which is what
 * `address` holds on success.
 */

export type AddressCheck =
  | {
      ok: true;
      /** What to send to SES: the local part as typed, the domain as typed or converted to punycode. */
      address: string;
      local: string;
      domain: string;
      /** Set when the domain was converted to punycode; says so in words for the user. */
      note?: string;
    }
  | { ok: false; message: string };

export type DomainCheck = { ok: true; domain: string; note?: string } | { ok: false; message: string };

/** Characters allowed unquoted in a local part (RFC 5322 atext). */
const ATEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const NON_ASCII = /[^\x00-\x7f]/;
const CONTROL = /[\x00-\x1f\x7f]/;

export function checkDomain(input: string): DomainCheck {
  const typed = input.trim();
  if (!typed) return { ok: false, message: 'Enter a domain, e.g. example.com.' };
  if (/\s/.test(typed)) return { ok: false, message: `The domain "${typed}" contains a space; remove it.` };
  if (typed.includes('@')) {
    return { ok: false, message: `"${typed}" looks like an address; enter only the domain, the part after the @.` };
  }
  let domain = typed.endsWith('.') ? typed.slice(0, -1) : typed;
  let note: string | undefined;
  if (NON_ASCII.test(domain)) {
    const ascii = domainToASCII(domain);
    if (!ascii) return { ok: false, message: `The domain "${typed}" is not a valid internationalized domain name.` };
    note = `The domain ${domain} is sent as its punycode form ${ascii}.`;
    domain = ascii;
  }
  if (domain.startsWith('.') || domain.includes('..')) {
    return { ok: false, message: `The domain "${typed}" has an empty part between dots.` };
  }
  const labels = domain.split('.');
  if (labels.length < 2) {
    return { ok: false, message: `The domain "${typed}" needs a dot and a top-level part, e.g. ${domain}.com.` };
  }
  if (domain.length > 253) return { ok: false, message: `The domain "${typed}" is longer than 253 characters.` };
  for (const label of labels) {
    if (label.length > 63) return { ok: false, message: `The part "${label}" of the domain is longer than 63 characters.` };
    if (!LABEL.test(label)) {
      const bad = [...label].find((char) => !/[a-z0-9-]/i.test(char));
      return {
        ok: false,
        message: bad
          ? `The domain "${typed}" contains "${bad}"; a domain may hold only letters, digits, hyphens and dots.`
          : `The part "${label}" of the domain "${typed}" starts or ends with a hyphen.`,
      };
    }
  }
  if (/^\d+$/.test(labels[labels.length - 1])) {
    return { ok: false, message: `"${typed}" ends in a number; SES needs a domain name, not an IP address.` };
  }
  return note ? { ok: true, domain, note } : { ok: true, domain };
}

export function checkAddress(input: string): AddressCheck {
  const typed = input.trim();
  if (!typed) return { ok: false, message: 'Enter an email address, e.g. name@example.com.' };
  // Two addresses separated by a comma, semicolon or space: "a@x.com, b@x.com".
  if (/@[^@]*[,;\s][^@]*@/.test(typed)) {
    return { ok: false, message: `"${typed}" holds more than one address; enter one address at a time.` };
  }
  if (/<[^>]*@[^>]*>/.test(typed)) {
    return { ok: false, message: `Enter the address alone, without a name or angle brackets: ${typed.replace(/^.*<([^>]*)>.*$/, '$1').trim()}.` };
  }
  if (CONTROL.test(typed)) return { ok: false, message: 'The address contains a control character (a tab or line break); retype it.' };
  if (/\s/.test(typed)) return { ok: false, message: `The address "${typed}" contains a space; an email address has none.` };
  const at = typed.lastIndexOf('@');
  if (at < 0) return { ok: false, message: `"${typed}" has no @; an address is name@domain, e.g. ${typed}@example.com.` };
  const local = typed.slice(0, at);
  const domainPart = typed.slice(at + 1);
  if (!local) return { ok: false, message: `"${typed}" has nothing before the @.` };
  if (!domainPart) return { ok: false, message: `"${typed}" has nothing after the @; add the domain, e.g. ${typed}example.com.` };
  const quoted = local.startsWith('"') && local.endsWith('"') && local.length >= 2;
  if (!quoted && local.includes('@')) return { ok: false, message: `"${typed}" has more than one @.` };
  if (NON_ASCII.test(local)) {
    return { ok: false, message: `The part before the @ in "${typed}" has non-ASCII characters; SES accepts only ASCII there.` };
  }
  if (local.length > 64) return { ok: false, message: `The part before the @ in "${typed}" is longer than 64 characters.` };
  if (!quoted) {
    if (local.startsWith('.') || local.endsWith('.')) {
      return { ok: false, message: `The part before the @ in "${typed}" starts or ends with a dot.` };
    }
    if (local.includes('..')) return { ok: false, message: `The part before the @ in "${typed}" has two dots in a row.` };
    for (const atom of local.split('.')) {
      if (!ATEXT.test(atom)) {
        const bad = [...atom].find((char) => !ATEXT.test(char));
        return {
          ok: false,
          message: `The part before the @ in "${typed}" contains "${bad}", which an address may not hold unquoted.`,
        };
      }
    }
  }
  const domain = checkDomain(domainPart);
  if (!domain.ok) return domain;
  // Keep the domain as typed when it is ASCII: address identities in SES are compared as exact strings.
  const sentDomain = NON_ASCII.test(domainPart) ? domain.domain : domainPart.replace(/\.$/, '');
  const address = `${local}@${sentDomain}`;
  if (address.length > 254) return { ok: false, message: `The address "${typed}" is longer than 254 characters.` };
  return domain.note ? { ok: true, address, local, domain: sentDomain, note: domain.note } : { ok: true, address, local, domain: sentDomain };
}

/** For `validateInput`: the problem in words, or undefined when the address is fine. */
export function addressProblem(input: string): string | undefined {
  const check = checkAddress(input);
  return check.ok ? undefined : check.message;
}

export function domainProblem(input: string): string | undefined {
  const check = checkDomain(input);
  return check.ok ? undefined : check.message;
}
