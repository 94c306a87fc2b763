import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { notVerifiedText } from '../../../src/emulator/send-rules';

/** Non-ASCII characters of 2, 3 and 4 UTF-8 octets, as in internationalized (SMTPUTF8) addresses. */
const wide = fc.constantFrom('é', 'ß', 'ж', 'δ', '日', '本', 'ü', '😀', '𝔸');
const label = (ascii: RegExp) => fc.oneof(fc.stringMatching(ascii), fc.string({ unit: fc.oneof(wide, fc.constantFrom('a', 'b', '1', '.', '-')), minLength: 1, maxLength: 40 }));
const address = fc.tuple(label(/^[a-z0-9.+-]{1,64}$/), label(/^[a-z0-9-]{1,40}$/), fc.constantFrom('com', 'test', '日本', 'рф')).map(([l, d, tld]) => `${l}@${d}.${tld}`);

describe('emulator: the "not verified" rejection text', () => {
  it('always fits one SMTP reply line in octets, upper-cases the region, and lists failed identities in order, cut with "..." only when needed', () => {
    fc.assert(
      fc.property(fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2'), fc.uniqueArray(address, { minLength: 1, maxLength: 50 }), (region, failed) => {
        const text = notVerifiedText(region, failed);
        const line = (body: string) => `554 Message rejected: ${body}\r\n`;
        assert.ok(Buffer.byteLength(line(text)) <= 512, `${Buffer.byteLength(line(text))} octets`);
        const head = `Email address is not verified. The following identities failed the check in region ${region.toUpperCase()}: `;
        assert.ok(text.startsWith(head));
        const listed = text.slice(head.length).split(', ');
        const cut = listed.at(-1) === '...';
        const named = cut ? listed.slice(0, -1) : listed;
        assert.deepEqual(named, failed.slice(0, named.length));
        assert.equal(cut, named.length < failed.length);
        if (cut) {
          // One more identity would not have fitted.
          const longer = `${head}${[...named, failed[named.length]].join(', ')}, ...`;
          assert.ok(Buffer.byteLength(line(longer)) > 512);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts octets: a list that fits in characters but not in octets is cut', () => {
    const failed = Array.from({ length: 12 }, (_, i) => `${'日'.repeat(10)}${i}@例え.テスト`);
    const uncut = `554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: ${failed.join(', ')}\r\n`;
    assert.ok(uncut.length <= 512 && Buffer.byteLength(uncut) > 512);
    const text = notVerifiedText('us-east-1', failed);
    assert.ok(Buffer.byteLength(`554 Message rejected: ${text}\r\n`) <= 512);
    assert.match(text, /, \.\.\.$/);
  });
});
