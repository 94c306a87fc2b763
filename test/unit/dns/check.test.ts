import * as assert from 'node:assert';
import dns2 from 'dns2';
import { checkRecords, systemResolver } from '../../../src/dns/check';
import { dkimRecords, mailFromRecords, toCsv, toZoneFile, zoneSnippet } from '../../../src/dns/records';

const { Packet } = dns2;

/** A real DNS server on loopback serving a small zone, so the check goes through node:dns as in life. */
async function zoneServer(zone: Record<string, { type: 'CNAME' | 'MX' | 'TXT'; value: string }[]>) {
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      // dns2's typings demand encoder methods its own examples never pass; the plain object is what it encodes.
      const answer = (a: object) => response.answers.push(a as (typeof response.answers)[number]);
      const [question] = request.questions;
      for (const record of zone[question.name.toLowerCase()] ?? []) {
        const base = { name: question.name, class: Packet.CLASS.IN, ttl: 60 };
        if (record.type === 'CNAME' && question.type === Packet.TYPE.CNAME) answer({ ...base, type: Packet.TYPE.CNAME, domain: record.value });
        if (record.type === 'MX' && question.type === Packet.TYPE.MX) answer({ ...base, type: Packet.TYPE.MX, exchange: record.value, priority: 10 });
        if (record.type === 'TXT' && question.type === Packet.TYPE.TXT) answer({ ...base, type: Packet.TYPE.TXT, data: record.value });
      }
      send(response);
    },
  });
  await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const { udp } = server.addresses() as { udp: { port: number } };
  return { port: udp.port, close: () => server.close() };
}

describe('Check Domain DNS through a real resolver', () => {
  const tokens = ['tokenaaa', 'tokenbbb', 'tokenccc'];
  const records = [...dkimRecords('example.org', tokens), ...mailFromRecords('mail.example.org', 'eu-west-1')];

  it('reports exactly the one missing DKIM CNAME and the wrong one, record by record', async () => {
    const server = await zoneServer({
      'tokenaaa._domainkey.example.org': [{ type: 'CNAME', value: 'tokenaaa.dkim.amazonses.com' }],
      'tokenbbb._domainkey.example.org': [{ type: 'CNAME', value: 'somewhere-else.example.net' }],
      'mail.example.org': [
        { type: 'MX', value: 'feedback-smtp.eu-west-1.amazonses.com' },
        { type: 'TXT', value: 'v=spf1 include:amazonses.com ~all' },
      ],
    });
    try {
      const checks = await checkRecords(records, systemResolver([`127.0.0.1:${server.port}`]));
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
      server.close();
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
