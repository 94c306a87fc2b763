import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { notVerifiedText } from '../../../src/emulator/send-rules';

describe('emulator: the "not verified" rejection text', () => {
  it('always fits one SMTP reply line, upper-cases the region, and lists failed identities in order, cut with "..."', () => {
    const address = fc.tuple(fc.stringMatching(/^[a-z0-9.+-]{1,64}$/), fc.stringMatching(/^[a-z0-9-]{1,40}\.[a-z]{2,6}$/)).map(([l, d]) => `${l}@${d}`);
    fc.assert(
      fc.property(fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2'), fc.uniqueArray(address, { minLength: 1, maxLength: 50 }), (region, failed) => {
        const text = notVerifiedText(region, failed);
        const line = `554 Message rejected: ${text}\r\n`;
        assert.ok(Buffer.byteLength(line) <= 512, `${Buffer.byteLength(line)} octets`);
        const head = `Email address is not verified. The following identities failed the check in region ${region.toUpperCase()}: `;
        assert.ok(text.startsWith(head));
        const listed = text.slice(head.length).split(', ');
        const cut = listed.at(-1) === '...';
        const named = cut ? listed.slice(0, -1) : listed;
        assert.deepEqual(named, failed.slice(0, named.length));
        assert.equal(cut, named.length < failed.length);
      }),
    );
  });
});
