import { Resolver } from 'node:dns/promises';
import type { DnsRecord } from './records';

/** The lookups the check needs; `node:dns` in life, a resolver pointed at a test server in tests. */
export interface DnsLookup {
  resolveCname(name: string): Promise<string[]>;
  resolveMx(name: string): Promise<{ exchange: string; priority: number }[]>;
  resolveTxt(name: string): Promise<string[][]>;
}

export function systemResolver(servers?: string[]): DnsLookup {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers?.length) resolver.setServers(servers);
  return resolver;
}

export type RecordVerdict = 'ok' | 'missing' | 'wrong' | 'error';

export interface RecordCheck {
  record: DnsRecord;
  verdict: RecordVerdict;
  /** What DNS answered, for "wrong"; the resolver's error code for "error". */
  found: string[];
  message: string;
}

const bare = (name: string) => name.replace(/\.$/, '').toLowerCase();

/** Looks up each record SES needs and says, record by record, whether it is published as SES expects. */
export async function checkRecords(records: readonly DnsRecord[], dns: DnsLookup): Promise<RecordCheck[]> {
  return Promise.all(records.map((record) => checkOne(record, dns)));
}

async function checkOne(record: DnsRecord, dns: DnsLookup): Promise<RecordCheck> {
  let found: string[];
  try {
    if (record.type === 'CNAME') found = await dns.resolveCname(record.name);
    else if (record.type === 'MX') found = (await dns.resolveMx(record.name)).map((mx) => `${mx.priority} ${mx.exchange}`);
    else found = (await dns.resolveTxt(record.name)).map((chunks) => chunks.join(''));
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'ERROR';
    if (code === 'ENOTFOUND' || code === 'ENODATA') {
      return { record, verdict: 'missing', found: [], message: `No ${record.type} record at ${record.name}. Publish: ${record.value}` };
    }
    return { record, verdict: 'error', found: [code], message: `The lookup of ${record.name} failed (${code}); try again later.` };
  }
  const ok = matches(record, found);
  return ok
    ? { record, verdict: 'ok', found, message: `${record.type} ${record.name} is published correctly.` }
    : { record, verdict: 'wrong', found, message: `${record.type} ${record.name} points to ${found.join(', ') || 'nothing'}, but SES expects ${record.value}.` };
}

function matches(record: DnsRecord, found: string[]): boolean {
  switch (record.type) {
    case 'CNAME':
      return found.some((f) => bare(f) === bare(record.value));
    case 'MX': {
      const wanted = bare(record.value.split(/\s+/).pop() ?? '');
      return found.some((f) => bare(f.split(/\s+/).pop() ?? '') === wanted);
    }
    case 'TXT':
      return found.some((f) => /^v=spf1\b/i.test(f) && /include:amazonses\.com/i.test(f));
  }
}
