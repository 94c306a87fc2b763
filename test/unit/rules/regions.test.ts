import { strict as assert } from 'node:assert';
import { SES_REGIONS, consoleUrl, describeRegion, normalizeRegion, smtpHostFor, smtpHostRegion, tlsModeForPort } from '../../../src/rules/regions';
import { deriveSmtpPassword, maskSecrets, smtpPasswordShape } from '../../../src/smtp-password/derive';

describe('rules: regions and SMTP hosts', () => {
  it('lists the main SES regions with their names', () => {
    assert.ok(SES_REGIONS.length >= 20);
    assert.equal(describeRegion('eu-west-1'), 'eu-west-1 (Europe (Ireland))');
    assert.equal(new Set(SES_REGIONS.map((r) => r.code)).size, SES_REGIONS.length);
  });
  it('reads the region from an SMTP host, FIPS included, whatever the case', () => {
    assert.equal(smtpHostRegion('email-smtp.eu-west-1.amazonaws.com'), 'eu-west-1');
    assert.equal(smtpHostRegion('EMAIL-SMTP.US-EAST-2.AMAZONAWS.COM'), 'us-east-2');
    assert.equal(smtpHostRegion('email-smtp-fips.us-gov-west-1.amazonaws.com'), 'us-gov-west-1');
    assert.equal(smtpHostRegion('smtp.gmail.com'), undefined);
    assert.equal(smtpHostRegion('email.eu-west-1.amazonaws.com'), undefined);
  });
  it('builds the host for a region and round-trips', () => {
    for (const { code } of SES_REGIONS) assert.equal(smtpHostRegion(smtpHostFor(code)), code);
    assert.equal(smtpHostFor('us-east-1', { fips: true }), 'email-smtp-fips.us-east-1.amazonaws.com');
  });
  it('normalizes SES upper-case region text', () => {
    assert.equal(normalizeRegion('EU-WEST-1'), 'eu-west-1');
    assert.equal(normalizeRegion('europe'), undefined);
  });
  it('knows the TLS mode of each SES port', () => {
    assert.equal(tlsModeForPort(587), 'starttls');
    assert.equal(tlsModeForPort(2465), 'implicit');
    assert.equal(tlsModeForPort(2525), undefined);
  });
});

describe('smtp-password: derivation', () => {
  it('reproduces the published vector', () => {
    assert.equal(
      deriveSmtpPassword('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'us-east-2'),
      'BMPPgbAHoFVbze1Ud0oA5uNdXRwUXUZ+qOwphGJbl/cS',
    );
  });
  it('gives a different password per region, each 44 characters starting with B', () => {
    const a = deriveSmtpPassword('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'eu-west-1');
    assert.notEqual(a, deriveSmtpPassword('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'us-east-1'));
    assert.equal(smtpPasswordShape(a), 'smtp-sigv4');
    assert.equal(smtpPasswordShape('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), 'iam-secret');
  });
  it('links an identity to the SES console of its region, GovCloud to its own console', () => {
    assert.equal(consoleUrl('eu-west-1', 'a+b@example.com'), 'https://eu-west-1.console.aws.amazon.com/ses/home?region=eu-west-1#/identities/a%2Bb%40example.com');
    assert.match(consoleUrl('us-gov-west-1', 'example.com'), /^https:\/\/us-gov-west-1\.console\.amazonaws-us-gov\.com\/ses\/home\?region=us-gov-west-1#/);
  });
  it('masks IAM secret keys and SMTP passwords in pasted text, and leaves access key ids and message ids alone', () => {
    const password = deriveSmtpPassword('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'us-east-2');
    const text = `MAIL_PASSWORD=${password} AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY user AKIAIOSFODNN7EXAMPLE id 0100018c1234567890abcdef1234567890abcdef12`;
    assert.equal(maskSecrets(text), 'MAIL_PASSWORD=[secret hidden] AWS_SECRET_ACCESS_KEY=[secret hidden] user AKIAIOSFODNN7EXAMPLE id 0100018c1234567890abcdef1234567890abcdef12');
  });
});
