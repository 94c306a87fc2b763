import { strict as assert } from 'node:assert';
import {
  checkAddress,
  checkDomain,
  displayNameNeedsQuoting,
  formatAddress,
  formatMailbox,
  parseAddressList,
  validateEmailAddress,
} from '../../../src/address';

describe('address: checkAddress', () => {
  it('accepts a plain address and keeps its case (SES compares address identities exactly)', () => {
    const check = checkAddress('  Sender+test@Example.com ');
    assert.ok(check.ok);
    assert.equal(check.address, 'Sender+test@Example.com');
  });

  const rejected: [string, RegExp][] = [
    ['', /Enter an email address/],
    ['jane.example.com', /no @/],
    ['jane doe@example.com', /contains a space/],
    ['@example.com', /nothing before the @/],
    ['jane@', /nothing after the @/],
    ['jane@example', /needs a dot/],
    ['jane..doe@example.com', /two dots in a row/],
    ['.jane@example.com', /starts or ends with a dot/],
    ['ja(ne@example.com', /contains "\("/],
    ['jane@exa_mple.com', /contains "_"/],
    ['jane@-example.com', /hyphen/],
    ['jäne@example.com', /only ASCII/],
    ['Jane <jane@example.com>', /without a name or angle brackets: jane@example.com/],
    ['jane@10.0.0.1', /IP address/],
    ['a@x.com, b@x.com', /one address at a time/],
    ['a@x.com; b@x.com', /one address at a time/],
    ['a@x.com b@x.com', /one address at a time/],
  ];
  for (const [input, message] of rejected) {
    it(`says what is wrong with "${input}"`, () => {
      const check = checkAddress(input);
      assert.equal(check.ok, false);
      if (!check.ok) assert.match(check.message, message);
    });
  }

  it('converts an internationalized domain to punycode and says so', () => {
    const check = checkAddress('info@bücher.de');
    assert.ok(check.ok);
    assert.equal(check.address, 'info@xn--bcher-kva.de');
    assert.match(check.note ?? '', /punycode form xn--bcher-kva\.de/);
  });

  it('a list of addresses is not "a space" problem', () => {
    const check = checkAddress('a@x.com, b@x.com');
    assert.ok(!check.ok && !/space/.test(check.message), JSON.stringify(check));
  });

  it('an internationalised domain comes back as punycode, the form SES stores (Verify Address creates that)', () => {
    const check = checkAddress('alice@bücher.example');
    assert.ok(check.ok);
    assert.equal(check.address, 'alice@xn--bcher-kva.example');
    assert.equal(check.domain, 'xn--bcher-kva.example');
    const already = checkAddress('alice@xn--bcher-kva.example');
    assert.ok(already.ok && already.address === 'alice@xn--bcher-kva.example' && already.note === undefined);
  });

  it('validateEmailAddress returns undefined for a good address (usable as validateInput)', () => {
    assert.equal(validateEmailAddress('a@b.co'), undefined);
    assert.match(validateEmailAddress('a b') ?? '', /space/);
  });
});

describe('address: checkDomain', () => {
  it('accepts a domain and a trailing dot', () => {
    assert.deepEqual(checkDomain('mail.example.com.'), { ok: true, domain: 'mail.example.com' });
  });
  it('rejects an address given as a domain', () => {
    const check = checkDomain('a@example.com');
    assert.ok(!check.ok && /only the domain/.test(check.message));
  });
  it('refuses a name without a dot, with the same rule and words as an address\'s domain', () => {
    for (const input of ['nobody', 'nobody.', 'localhost', 'bücher']) {
      const check = checkDomain(input);
      assert.equal(check.ok, false, input);
      if (!check.ok) assert.match(check.message, /needs a dot and a top-level part/);
    }
    const address = checkAddress('jane@nobody');
    assert.ok(!address.ok && /The domain "nobody" needs a dot/.test(address.message));
  });
  it('converts IDN to punycode', () => {
    const check = checkDomain('例え.jp');
    assert.ok(check.ok && check.domain.startsWith('xn--'));
  });
});

describe('address: parseAddressList', () => {
  it('parses bare addresses, named ones and quoted names with commas', () => {
    const list = parseAddressList('a@x.com, B <b@y.com>; "Doe, Jane" <j@z.com>');
    assert.deepEqual(list.mailboxes, [
      { address: 'a@x.com' },
      { address: 'b@y.com', name: 'B' },
      { address: 'j@z.com', name: 'Doe, Jane' },
    ]);
    assert.deepEqual(list.problems, []);
  });
  it('names each bad entry', () => {
    const list = parseAddressList('good@x.com, bad.example.com');
    assert.equal(list.mailboxes.length, 1);
    assert.match(list.problems[0], /"bad\.example\.com" has no @/);
  });
});

describe('address: From header display names', () => {
  it('leaves a plain name bare', () => {
    assert.equal(formatAddress('a@x.com', 'Jane Doe'), 'Jane Doe <a@x.com>');
    assert.equal(formatAddress('a@x.com'), 'a@x.com');
  });
  it('quotes a name with a comma or colon, which SES otherwise rejects as "Illegal address"', () => {
    assert.ok(displayNameNeedsQuoting('Acme, Inc.'));
    assert.ok(displayNameNeedsQuoting('Support: Billing'));
    assert.ok(!displayNameNeedsQuoting('Acme Support'));
    assert.equal(formatMailbox({ address: 'a@x.com', name: 'Acme, Inc.' }), '"Acme, Inc." <a@x.com>');
    assert.equal(formatMailbox({ address: 'a@x.com', name: 'Support: Billing' }), '"Support: Billing" <a@x.com>');
  });
  it('escapes quotes and backslashes inside a quoted name', () => {
    assert.equal(formatMailbox({ address: 'a@x.com', name: 'The "Best", Co\\' }), '"The \\"Best\\", Co\\\\" <a@x.com>');
  });
  it('encodes a non-ASCII name as RFC 2047 words that decode back to the name, Q for mostly Latin text', () => {
    const name = 'Zoë Müller, Ünïcödé Sales Department of a Very Long Company Name GmbH';
    const header = formatMailbox({ address: 'a@x.com', name });
    const words = header.slice(0, header.lastIndexOf(' <')).split(' ');
    for (const word of words) {
      assert.match(word, /^=\?UTF-8\?Q\?[A-Za-z0-9!*+\-/=_]+\?=$/);
      assert.ok(word.length <= 75, `encoded word too long: ${word.length}`);
    }
    const decoded = Buffer.concat(
      words.map((w) => Buffer.from(w.slice(10, -2).replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')),
    ).toString('utf8');
    assert.equal(decoded, name);
    assert.ok(header.endsWith(' <a@x.com>'));
  });
  it('encodes a name in another script as B words', () => {
    assert.equal(formatMailbox({ address: 'a@x.com', name: '日本語の名前' }), '=?UTF-8?B?5pel5pys6Kqe44Gu5ZCN5YmN?= <a@x.com>');
  });
  it('writes the From header exactly as nodemailer (which sends it) does', async () => {
    const MailComposer = (await import('nodemailer/lib/mail-composer')).default;
    for (const name of ['Acme, Inc.', 'Support: Billing', 'Jane Doe', 'Zoë Müller', 'Zoë, Inc.', '日本語の名前', 'The "Best", Co\\', "O'Brien (Sales)"]) {
      const raw = (await new MailComposer({ from: { name, address: 'app@example.com' }, to: 'x@example.com', subject: 's', text: 't' }).compile().build()).toString();
      const from = /^From: (.*(?:\r\n[ \t].*)*)/m.exec(raw)![1].replace(/\r\n[ \t]/g, ' ');
      assert.equal(formatMailbox({ address: 'app@example.com', name }), from, name);
    }
  });
  it('drops line breaks from a name so it cannot inject a header', () => {
    assert.equal(formatAddress('a@x.com', 'Eve\r\nBcc: all@x.com'), '"Eve Bcc: all@x.com" <a@x.com>');
  });
});
