import { strict as assert } from 'node:assert';
import { diagnose } from '../../../src/diagnosis';
import { preflight, willReject, type Finding, type PreflightDraft, type PreflightFacts } from '../../../src/preflight';

const draft = (patch: Partial<PreflightDraft> = {}): PreflightDraft => ({
  region: 'eu-west-1',
  from: 'app@verified.example',
  fromName: 'Acme Support',
  to: 'friend@verified.example',
  transport: 'smtp',
  smtpHost: 'email-smtp.eu-west-1.amazonaws.com',
  port: 587,
  tls: 'starttls',
  passwordShape: 'smtp-sigv4',
  ...patch,
});

const facts = (patch: Partial<PreflightFacts> = {}): PreflightFacts => ({
  identities: [
    { name: 'verified.example', type: 'DOMAIN', status: 'SUCCESS' },
    { name: 'Me@gmail.example', type: 'EMAIL_ADDRESS', status: 'SUCCESS' },
    { name: 'pending.example', type: 'DOMAIN', status: 'PENDING' },
    { name: 'late@mail.example', type: 'EMAIL_ADDRESS', status: 'FAILED' },
  ],
  otherRegions: [
    { region: 'us-east-1', identities: [{ name: 'elsewhere.example', type: 'DOMAIN', status: 'SUCCESS' }], configurationSets: ['us-tracking'] },
  ],
  account: { productionAccess: false, sendingEnabled: true, enforcementStatus: 'HEALTHY', max24HourSend: 200, sentLast24Hours: 3, maxSendRate: 1 },
  configurationSets: ['tracking'],
  hasSmtpCredentials: true,
  ...patch,
});

interface Case {
  rule: string;
  draft?: Partial<PreflightDraft>;
  facts?: Partial<PreflightFacts>;
  expect: {
    id: string;
    kind: Finding['kind'];
    severity: Finding['severity'];
    willReject: boolean;
    title: RegExp;
    explanation?: RegExp;
    fixes?: Finding['fixes'][number]['type'][];
  };
}

const cases: Case[] = [
  {
    rule: 'sandbox: a recipient is not verified',
    draft: { to: 'stranger@gmail.example, success@simulator.amazonses.com' },
    expect: { id: 'sandbox-recipients', kind: 'sandbox-recipient-not-verified', severity: 'error', willReject: true, title: /stranger@gmail\.example \(sandbox in eu-west-1\)/, explanation: /will .*refuse the whole message/, fixes: ['verify-identity', 'use-simulator', 'request-production-access'] },
  },
  {
    rule: 'sender verified only in another region',
    draft: { from: 'noreply@elsewhere.example' },
    expect: { id: 'sender-other-region', kind: 'identity-in-other-region', severity: 'error', willReject: true, title: /noreply@elsewhere\.example is verified in us-east-1, not in eu-west-1/, fixes: ['switch-region', 'use-smtp-host', 'verify-identity'] },
  },
  {
    rule: 'sender not verified anywhere',
    draft: { from: 'who@nowhere.example' },
    expect: { id: 'sender-not-verified', kind: 'sender-not-verified', severity: 'error', willReject: true, title: /who@nowhere\.example in eu-west-1/, fixes: ['verify-identity'] },
  },
  {
    rule: 'sender differs in case from the verified address',
    draft: { from: 'me@gmail.example' },
    expect: { id: 'sender-case', kind: 'address-case-mismatch', severity: 'error', willReject: true, title: /me@gmail\.example differs in letter case from the verified Me@gmail\.example/, fixes: ['use-address', 'verify-identity'] },
  },
  {
    rule: 'recipient differs in case from the verified address (sandbox)',
    draft: { to: 'me@gmail.example' },
    expect: { id: 'recipient-case:to:me@gmail.example', kind: 'address-case-mismatch', severity: 'error', willReject: true, title: /differs in letter case/, fixes: ['use-address', 'verify-identity'] },
  },
  {
    rule: 'a Cc recipient differs in case from the verified address (sandbox): the finding names the Cc',
    draft: { cc: 'me@gmail.example' },
    expect: { id: 'recipient-case:cc:me@gmail.example', kind: 'address-case-mismatch', severity: 'error', willReject: true, title: /differs in letter case/, fixes: ['use-address', 'verify-identity'] },
  },
  {
    rule: 'an .eml sent raw whose own From header is not verified, though the envelope sender is',
    draft: { headerFrom: '"Billing" <billing@nowhere.example>' },
    expect: { id: 'header-from-not-verified', kind: 'sender-not-verified', severity: 'error', willReject: true, title: /billing@nowhere\.example/, fixes: ['verify-identity'] },
  },
  {
    rule: 'over SMTP an address verified with capitals in its domain arrives in lower case, which SES refuses',
    draft: { to: 'Ops@Shop.Example' },
    facts: { identities: [{ name: 'verified.example', type: 'DOMAIN', status: 'SUCCESS' }, { name: 'Ops@Shop.Example', type: 'EMAIL_ADDRESS', status: 'SUCCESS' }] },
    expect: { id: 'smtp-lower-domain:to:Ops@Shop.Example', kind: 'address-case-mismatch', severity: 'error', willReject: true, title: /Over SMTP Ops@Shop\.Example goes out as Ops@shop\.example/, explanation: /send through the SES API/, fixes: ['verify-identity'] },
  },
  {
    rule: 'a body file larger than the 40 MB SES accepts',
    draft: { bodyBytes: 41 * 1024 * 1024 },
    expect: { id: 'message-too-long', kind: 'message-too-long', severity: 'error', willReject: true, title: /40 MB/, fixes: ['open-url'] },
  },
  {
    rule: 'sender at a domain that is still pending',
    draft: { from: 'shop@pending.example' },
    expect: { id: 'sender-pending', kind: 'sender-not-verified', severity: 'error', willReject: true, title: /pending\.example is PENDING in eu-west-1/, explanation: /three DKIM CNAME records/, fixes: ['check-dkim-records'] },
  },
  {
    rule: 'sender whose verification link expired',
    draft: { from: 'late@mail.example' },
    expect: { id: 'sender-pending', kind: 'sender-not-verified', severity: 'error', willReject: true, title: /late@mail\.example is FAILED/, explanation: /not clicked within 24 hours/, fixes: ['verify-identity'] },
  },
  {
    rule: 'sending paused',
    facts: { account: { productionAccess: true, sendingEnabled: false, enforcementStatus: 'HEALTHY', max24HourSend: 50000, sentLast24Hours: 0 } },
    expect: { id: 'account-sending-paused', kind: 'account-sending-paused', severity: 'error', willReject: true, title: /paused for the account in eu-west-1/, fixes: ['open-url', 'open-url'] },
  },
  {
    rule: 'account shut down (enforcement SHUTDOWN): suspended, as the tree says',
    facts: { account: { productionAccess: true, sendingEnabled: false, enforcementStatus: 'SHUTDOWN', max24HourSend: 50000, sentLast24Hours: 0 } },
    expect: { id: 'account-sending-paused', kind: 'account-sending-paused', severity: 'error', willReject: true, title: /suspended for the account in eu-west-1 \(enforcement SHUTDOWN\)/, explanation: /SHUTDOWN/, fixes: ['open-url', 'open-url'] },
  },
  {
    rule: 'account on probation',
    facts: { account: { productionAccess: true, sendingEnabled: true, enforcementStatus: 'PROBATION', max24HourSend: 50000, sentLast24Hours: 0 } },
    expect: { id: 'account-probation', kind: 'account-probation', severity: 'warning', willReject: false, title: /probation in eu-west-1/ },
  },
  {
    rule: 'daily quota nearly used',
    facts: { account: { productionAccess: false, sendingEnabled: true, max24HourSend: 200, sentLast24Hours: 170 } },
    expect: { id: 'quota-nearly-used', kind: 'quota-nearly-used', severity: 'warning', willReject: false, title: /Only 30 of 200 daily recipients left in eu-west-1/ },
  },
  {
    rule: 'daily quota fully used (recipients count, not messages)',
    draft: { to: 'a@verified.example, b@verified.example' },
    facts: { account: { productionAccess: false, sendingEnabled: true, max24HourSend: 200, sentLast24Hours: 199 } },
    expect: { id: 'daily-quota-exceeded', kind: 'daily-quota-exceeded', severity: 'error', willReject: true, title: /Daily sending quota used up in eu-west-1/, explanation: /199 of 200 recipients.*this mail has 2 more/, fixes: ['use-simulator', 'request-production-access', 'open-url'] },
  },
  {
    rule: "SMTP host in another region than the chosen one",
    draft: { smtpHost: 'email-smtp.us-east-1.amazonaws.com' },
    expect: { id: 'smtp-host-region', kind: 'smtp-host-region-mismatch', severity: 'error', willReject: true, title: /SMTP host is in us-east-1, not eu-west-1/, fixes: ['use-smtp-host', 'switch-region'] },
  },
  {
    rule: 'SMTP password looks like an IAM secret (40 characters)',
    draft: { passwordShape: 'iam-secret' },
    expect: { id: 'smtp-password-shape', kind: 'iam-secret-as-smtp-password', severity: 'error', willReject: true, title: /IAM secret access key/, explanation: /SES will refuse the login/, fixes: ['derive-smtp-password', 'open-url'] },
  },
  {
    rule: 'SMTP password is the retired SigV2 kind (44 characters starting with A)',
    draft: { passwordShape: 'smtp-sigv2' },
    expect: { id: 'smtp-password-shape', kind: 'smtp-password-sigv2', severity: 'error', willReject: true, title: /Signature Version 2/, fixes: ['derive-smtp-password', 'open-url'] },
  },
  {
    rule: 'no SMTP credentials stored for the region',
    facts: { hasSmtpCredentials: false },
    expect: { id: 'smtp-credentials-missing', kind: 'smtp-auth-failed', severity: 'error', willReject: true, title: /No SMTP credentials for eu-west-1/, fixes: ['set-smtp-credentials'] },
  },
  {
    rule: 'configuration set does not exist in the region',
    draft: { configurationSet: 'us-tracking' },
    expect: { id: 'configuration-set-missing', kind: 'configuration-set-missing', severity: 'error', willReject: true, title: /us-tracking does not exist in eu-west-1/, explanation: /It exists in us-east-1/, fixes: ['choose-configuration-set', 'switch-region', 'open-url'] },
  },
  {
    rule: 'display name that needs quoting',
    draft: { fromName: 'Acme, Inc.' },
    expect: { id: 'display-name-quoting', kind: 'illegal-address', severity: 'info', willReject: false, title: /"Acme, Inc\." will be sent quoted/, explanation: /sends:\n\nFrom: "Acme, Inc\." <app@verified\.example>/, fixes: ['quote-display-name'] },
  },
  {
    rule: 'port 25, likely blocked on EC2',
    draft: { port: 25 },
    expect: { id: 'port-25', kind: 'smtp-port-blocked', severity: 'warning', willReject: false, title: /Port 25/, fixes: ['change-port', 'change-port', 'change-port', 'open-url'] },
  },
  {
    rule: 'TLS from the start on a STARTTLS port',
    draft: { port: 587, tls: 'implicit' },
    expect: { id: 'tls-mode', kind: 'tls-implicit-on-starttls-port', severity: 'error', willReject: true, title: /port 587/ },
  },
  {
    rule: 'STARTTLS on a TLS-wrapper port',
    draft: { port: 465, tls: 'starttls' },
    expect: { id: 'tls-mode', kind: 'tls-plain-on-implicit-port', severity: 'error', willReject: true, title: /port 465/ },
  },
  {
    rule: 'a port SES does not listen on',
    draft: { port: 2525, tls: 'starttls' },
    expect: { id: 'smtp-port-unknown', kind: 'network-unreachable', severity: 'error', willReject: true, title: /port 2525/, explanation: /none of them/ },
  },
  {
    rule: 'a malformed recipient',
    draft: { to: 'friend@verified.example, bob.example.com' },
    expect: { id: 'illegal-address:to:0', kind: 'illegal-address', severity: 'error', willReject: true, title: /malformed/, explanation: /"bob\.example\.com" has no @/ },
  },
  {
    rule: 'a malformed sender',
    draft: { from: 'app at verified.example' },
    expect: { id: 'illegal-address:from', kind: 'illegal-address', severity: 'error', willReject: true, title: /Invalid address: app at verified\.example/, explanation: /contains a space/ },
  },
  {
    rule: 'no recipient at all',
    draft: { to: '' },
    expect: { id: 'no-recipients', kind: 'no-recipients', severity: 'error', willReject: true, title: /No recipient/, fixes: ['use-simulator'] },
  },
];

describe('preflight: one finding per rule', () => {
  it('a clean draft in the sandbox, to a verified recipient, has no findings and will not be rejected', () => {
    const findings = preflight(draft(), facts());
    assert.deepEqual(findings, []);
    assert.equal(willReject(findings), false);
  });

  for (const c of cases) {
    it(c.rule, () => {
      const findings = preflight(draft(c.draft), facts(c.facts));
      const finding = findings.find((f) => f.id === c.expect.id);
      assert.ok(finding, `no finding ${c.expect.id}; got ${findings.map((f) => f.id).join(', ') || 'none'}`);
      assert.equal(finding.kind, c.expect.kind);
      assert.equal(finding.severity, c.expect.severity);
      assert.equal(finding.willReject, c.expect.willReject);
      assert.match(finding.title, c.expect.title);
      if (c.expect.explanation) assert.match(finding.explanation, c.expect.explanation);
      if (c.expect.fixes) assert.deepEqual(finding.fixes.map((f) => f.type), c.expect.fixes);
      assert.equal(willReject(findings), findings.some((f) => f.willReject));
      assert.equal(new Set(findings.map((f) => f.id)).size, findings.length, 'ids are unique');
    });
  }
});

describe('preflight: behaviour around the rules', () => {
  it('the display-name finding says what this tool sends, never that the user must quote it', () => {
    for (const [name, header] of [
      ['Acme, Inc.', '"Acme, Inc." <app@verified.example>'],
      ['Zoë, Inc.', '=?UTF-8?Q?Zo=C3=AB=2C_Inc=2E?= <app@verified.example>'],
    ]) {
      const finding = preflight(draft({ fromName: name }), facts()).find((f) => f.id === 'display-name-quoting');
      assert.ok(finding, name);
      assert.doesNotMatch(`${finding.title} ${finding.explanation}`, /must be quoted/);
      assert.ok(finding.explanation.includes(`From: ${header}`), finding.explanation);
      assert.deepEqual(finding.fixes, [{ type: 'quote-display-name', label: 'The From header as sent', header }]);
    }
  });

  it('unicode and punycode spellings of a domain are one address when matching identities', () => {
    const idn = facts({
      identities: [
        { name: 'alice@xn--bcher-kva.example', type: 'EMAIL_ADDRESS', status: 'SUCCESS' },
        { name: 'münchen.example', type: 'DOMAIN', status: 'SUCCESS' },
      ],
      otherRegions: [{ region: 'us-east-1', identities: [{ name: 'bob@zürich.example', type: 'EMAIL_ADDRESS', status: 'SUCCESS' }] }],
    });
    // unicode typed, punycode verified
    assert.deepEqual(preflight(draft({ from: 'alice@bücher.example', to: 'alice@bücher.example' }), idn).map((f) => f.id), []);
    // punycode typed, unicode verified (a domain identity)
    assert.deepEqual(preflight(draft({ from: 'news@xn--mnchen-3ya.example', to: 'x@münchen.example' }), idn).map((f) => f.id), []);
    // verified elsewhere under the other spelling
    const other = preflight(draft({ from: 'bob@xn--zrich-kva.example' }), idn).find((f) => f.id === 'sender-other-region');
    assert.ok(other, 'the sender is verified in us-east-1 as bob@zürich.example');
    // a recipient not covered is still reported, in the form SES uses
    const sandbox = preflight(draft({ from: 'alice@bücher.example', to: 'carol@bücher.example' }), idn).find((f) => f.id === 'sandbox-recipients');
    assert.match(sandbox?.title ?? '', /carol@xn--bcher-kva\.example/);
  });

  it('production access lifts the recipient rule but not the sender rule', () => {
    const production = facts({ account: { productionAccess: true, sendingEnabled: true, max24HourSend: 50000, sentLast24Hours: 0 } });
    assert.deepEqual(preflight(draft({ to: 'anyone@gmail.example' }), production), []);
    assert.deepEqual(preflight(draft({ to: 'anyone@gmail.example', from: 'x@nowhere.example' }), production).map((f) => f.id), ['sender-not-verified']);
  });

  it('"Use the simulator" fills a recipient that makes the sandbox finding go away', () => {
    const before = preflight(draft({ to: 'stranger@gmail.example' }), facts());
    const fix = before.find((f) => f.id === 'sandbox-recipients')?.fixes.find((f) => f.type === 'use-simulator');
    assert.ok(fix && fix.type === 'use-simulator');
    assert.deepEqual(preflight(draft({ to: fix.address }), facts()), []);
  });

  it('a +label on a verified address needs no verification; the simulator does not count against the quota', () => {
    const nearlyFull = facts({ account: { productionAccess: false, sendingEnabled: true, max24HourSend: 200, sentLast24Hours: 200 } });
    assert.deepEqual(preflight(draft({ to: 'bounce+t1@simulator.amazonses.com' }), nearlyFull).map((f) => f.id), ['quota-nearly-used']);
    assert.deepEqual(preflight(draft({ from: 'Me+test@gmail.example' }), facts()), []);
  });

  it('the API transport skips every SMTP rule', () => {
    const findings = preflight(draft({ transport: 'api', port: 25, tls: 'implicit', passwordShape: 'iam-secret', smtpHost: 'email-smtp.us-east-1.amazonaws.com' }), facts({ hasSmtpCredentials: false }));
    assert.deepEqual(findings, []);
  });

  it('while identities are loading it says nothing about verification', () => {
    assert.deepEqual(preflight(draft({ to: 'stranger@gmail.example', from: 'x@nowhere.example' }), facts({ identities: undefined })), []);
  });

  it('speaks with the same words as the diagnosis of the failure it predicts (one source of explanations)', () => {
    const finding = preflight(draft({ to: 'stranger@gmail.example' }), facts()).find((f) => f.id === 'sandbox-recipients');
    const after = diagnose(
      '554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: stranger@gmail.example',
      { from: 'app@verified.example', region: 'eu-west-1' },
    );
    assert.equal(after.kind, finding?.kind);
    assert.equal(after.title, finding?.title);
    const shared = 'In the sandbox SES delivers only to addresses and domains verified in that same region';
    assert.ok(finding?.explanation.includes(shared) && after.explanation.includes(shared));
    assert.deepEqual(after.fixes, finding?.fixes);
  });
});
