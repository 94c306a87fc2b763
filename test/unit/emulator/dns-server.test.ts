import * as assert from 'node:assert/strict';
import { checkRecords, systemResolver } from '../../../src/dns/check';
import { dkimRecords, mailFromRecords } from '../../../src/dns/records';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

describe('emulator: its DNS zone served over real DNS', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ apiPort: 0, smtpPort: 0, smtpsPort: 0, dnsPort: 0 });
  });
  after(() => emu?.close());

  it('answers Check Domain DNS with what was published through the control endpoint, record by record', async () => {
    assert.match(emu.info.dnsServer ?? '', /^127\.0\.0\.1:\d+$/);
    const tokens = ['tokaaa', 'tokbbb', 'tokccc'];
    const wanted = [...dkimRecords('shop.example', tokens), ...mailFromRecords('mail.shop.example', 'us-east-1')];
    emu.control({ action: 'setDns', records: wanted.filter((r) => !r.name.startsWith('tokccc')).map((r) => ({ name: r.name, type: r.type, value: r.value.replace(/^"|"$/g, '') })) });
    const resolver = systemResolver([emu.info.dnsServer!]);
    const checks = await checkRecords(wanted, resolver);
    assert.deepEqual(checks.map((c) => c.verdict), ['ok', 'ok', 'missing', 'ok', 'ok']);

    emu.control({ action: 'setDns', records: [{ name: 'tokccc._domainkey.shop.example', type: 'CNAME', value: 'tokccc.dkim.amazonses.com' }] });
    assert.deepEqual((await checkRecords(wanted, resolver)).map((c) => c.verdict), ['ok', 'ok', 'ok', 'ok', 'ok']);
  });
});
