/**
 * The DNS records SES asks a domain owner to publish: three DKIM CNAMEs, and for a custom MAIL FROM domain an
 * MX and an SPF TXT record (AWS SES developer guide, "Easy DKIM" and "Using a custom MAIL FROM domain").
 */

export interface DnsRecord {
  purpose: 'dkim' | 'mail-from-mx' | 'mail-from-spf';
  type: 'CNAME' | 'MX' | 'TXT';
  name: string;
  value: string;
}

export function dkimRecords(domain: string, tokens: readonly string[]): DnsRecord[] {
  return tokens.map((token) => ({
    purpose: 'dkim',
    type: 'CNAME',
    name: `${token}._domainkey.${domain}`,
    value: `${token}.dkim.amazonses.com`,
  }));
}

export function mailFromRecords(mailFromDomain: string, region: string): DnsRecord[] {
  return [
    { purpose: 'mail-from-mx', type: 'MX', name: mailFromDomain, value: `10 feedback-smtp.${region}.amazonses.com` },
    { purpose: 'mail-from-spf', type: 'TXT', name: mailFromDomain, value: '"v=spf1 include:amazonses.com ~all"' },
  ];
}

/** A BIND zone-file snippet, names absolute (trailing dot) so it pastes into any zone. */
export function toZoneFile(records: readonly DnsRecord[], ttl = 1800): string {
  const width = Math.max(...records.map((r) => r.name.length + 1), 0);
  return records
    .map((r) => {
      const value = r.type === 'CNAME' ? `${r.value}.` : r.type === 'MX' ? `${r.value}.` : r.value;
      return `${`${r.name}.`.padEnd(width)} ${ttl} IN ${r.type.padEnd(5)} ${value}`;
    })
    .join('\n');
}

/** CSV as the SES console's "Download .csv record set" lays it out: Type, Name, Value. */
export function toCsv(records: readonly DnsRecord[]): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ['Type,Name,Value', ...records.map((r) => [r.type, r.name, r.value].map(cell).join(','))].join('\n');
}

/** The DKIM records, then the MAIL FROM ones under a comment saying they are optional, as one zone-file snippet. */
export function zoneSnippet(dkim: readonly DnsRecord[], mailFrom: readonly DnsRecord[], mailFromSet: boolean): string {
  if (mailFrom.length === 0) return toZoneFile(dkim);
  const note = mailFromSet ? '; custom MAIL FROM domain' : '; optional: custom MAIL FROM domain (set it in SES as well)';
  return [toZoneFile(dkim), note, toZoneFile(mailFrom)].join('\n');
}
