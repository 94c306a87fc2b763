import type { DnsRecord } from './seed';

export type DnsLookup =
  | { kind: 'found'; values: string[] }
  /** The name exists but holds other record types. */
  | { kind: 'wrong-type' }
  | { kind: 'no-such-name' };

/** The emulator's DNS: records from the seed or the control endpoint. Names are case-insensitive, trailing dot optional. */
export class DnsZone {
  private records: DnsRecord[] = [];

  constructor(records: DnsRecord[] = []) {
    this.replace(records);
  }

  replace(records: DnsRecord[]): void {
    this.records = records.map(normalize);
  }

  add(records: DnsRecord[]): void {
    for (const record of records.map(normalize)) {
      // A CNAME is the only record at its name, so a new one replaces the old.
      if (record.type === 'CNAME') this.records = this.records.filter((r) => !(r.name === record.name && r.type === 'CNAME'));
      this.records.push(record);
    }
  }

  remove(name: string, type?: DnsRecord['type']): void {
    const wanted = normalizeName(name);
    this.records = this.records.filter((r) => !(r.name === wanted && (!type || r.type === type)));
  }

  all(): DnsRecord[] {
    return this.records.map((r) => ({ ...r }));
  }

  lookup(name: string, type: DnsRecord['type']): DnsLookup {
    const wanted = normalizeName(name);
    const atName = this.records.filter((r) => r.name === wanted);
    if (atName.length === 0) return { kind: 'no-such-name' };
    const values = atName.filter((r) => r.type === type).map((r) => r.value);
    return values.length > 0 ? { kind: 'found', values } : { kind: 'wrong-type' };
  }
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

function normalize(record: DnsRecord): DnsRecord {
  const type = String(record.type).toUpperCase() as DnsRecord['type'];
  if (!['CNAME', 'TXT', 'MX'].includes(type)) throw new Error(`Unsupported DNS record type ${record.type}`);
  const value = type === 'TXT' ? String(record.value).replace(/^"|"$/g, '') : normalizeName(String(record.value));
  return { name: normalizeName(record.name), type, value };
}
