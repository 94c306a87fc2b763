import * as assert from 'node:assert';
import { checkRecords, systemResolver } from '../../../src/dns/check';
import { dkimRecords, mailFromRecords, toCsv, toZoneFile, zoneSnippet } from '../../../src/dns/records';
import { DnsZone } from '../../../src/emulator/dns';
import { startDnsServer } from '../../../src/emulator/dns-server';

/** A real DNS server on loopback (the emulator's) serving a small zone, so the check goes through node:dns as in life. */
const zoneServer = (records: { name: string; type: 'CNAME' | 'MX' | 'TXT'; value: string }[]) => startDnsServer(new DnsZone(records), '127.0.0.1', 0);

describe('Check Domain DNS through a real resolver', () => {
  const tokens = ['tokenaaa', 'tokenbbb', 'tokenccc'];
  const records = [...dkimRecords('example.org', tokens), ...mailFromRecords('mail.example.org', 'eu-west-1')];

  it('reports exactly the one missing DKIM CNAME and the wrong one, record by record', async () => {
    const server = await zoneServer([
      { name: 'tokenaaa._domainkey.example.org', type: 'CNAME', value: 'tokenaaa.dkim.amazonses.com' },
      { name: 'tokenbbb._domainkey.example.org', type: 'CNAME', value: 'somewhere-else.example.net' },
      { name: 'mail.example.org', type: 'MX', value: '10 feedback-smtp.eu-west-1.amazonses.com' },
      { name: 'mail.example.org', type: 'TXT', value: 'v=spf1 include:amazonses.com ~all' },
    ]);
    try {
      const checks = await checkRecords(records, systemResolver([server.address]));
      const verdicts = Object.fromEntries(checks.map((c) => [`${c.record.type} ${c.record.name}`, c.verdict]));
      assert.deepStrictEqual(verdicts, {
        'CNAME tokenaaa._domainkey.example.org': 'ok',
        'CNAME tokenbbb._domainkey.example.org': 'wrong',
        'CNAME tokenccc._domainkey.example.org': 'missing',
        'MX mail.example.org': 'ok',
        'TXT mail.example.org': 'ok',
      });
      const missing = checks.find((c) => c.verdict === 'missing');
      assert.match(missing!.message, /tokenccc\._domainkey\.example\.org.*tokenccc\.dkim\.amazonses\.com/);
      const wrong = checks.find((c) => c.verdict === 'wrong');
      assert.match(wrong!.message, /somewhere-else\.example\.net/);
    } finally {
      await server.close();
    }
  });

  it('writes the records as a zone-file snippet and as CSV', () => {
    const zone = toZoneFile(records);
    assert.match(zone, /^tokenaaa\._domainkey\.example\.org\.\s+1800 IN CNAME tokenaaa\.dkim\.amazonses\.com\.$/m);
    assert.match(zone, /^mail\.example\.org\.\s+1800 IN MX\s+10 feedback-smtp\.eu-west-1\.amazonses\.com\.$/m);
    const csv = toCsv(records).split('\n');
    assert.strictEqual(csv[0], 'Type,Name,Value');
    assert.strictEqual(csv[1], 'CNAME,tokenaaa._domainkey.example.org,tokenaaa.dkim.amazonses.com');
    assert.strictEqual(csv[5], 'TXT,mail.example.org,"""v=spf1 include:amazonses.com ~all"""');
  });
});

describe('dns: the records as one zone-file snippet', () => {
  it('puts the MAIL FROM records after the DKIM ones, under a comment, so the snippet still parses as a zone', () => {
    const dkim = dkimRecords('example.org', ['a1', 'b2', 'c3']);
    const mailFrom = mailFromRecords('mail.example.org', 'eu-west-1');
    const suggested = zoneSnippet(dkim, mailFrom, false).split('\n');
    assert.strictEqual(suggested.length, 6);
    assert.match(suggested[3], /^; optional: custom MAIL FROM domain/);
    assert.match(suggested[4], /^mail\.example\.org\.\s+1800 IN MX\s+10 feedback-smtp\.eu-west-1\.amazonses\.com\.$/);
    assert.strictEqual(zoneSnippet(dkim, [], true), toZoneFile(dkim));
  });
});
