import type { DnsZone } from './dns';
import { regionDisplayName } from './regions';
import {
  DOMAIN_VERIFICATION_LIMIT_MS,
  EMAIL_VERIFICATION_TTL_MS,
  identityTypeOf,
  newDkimToken,
  newMessageId,
  type EmulatedIdentity,
  type EmulatorState,
  type VerificationErrorType,
} from './state';

/** SES sends verification requests from this address. */
export const VERIFICATION_SENDER = 'no-reply-aws@amazon.com';

/** DKIM CNAME target SES publishes for a token (see SES-FACTS: `<token>.dkim.amazonses.com`). */
export function dkimRecordFor(domain: string, token: string): { name: string; value: string } {
  return { name: `${token}._domainkey.${domain}`, value: `${token}.dkim.amazonses.com` };
}

export function newIdentity(name: string, now: number): EmulatedIdentity {
  const type = identityTypeOf(name);
  return {
    name: type === 'DOMAIN' ? name.toLowerCase() : name,
    type,
    status: 'PENDING',
    createdAt: now,
    dkimTokens: type === 'DOMAIN' ? [newDkimToken(), newDkimToken(), newDkimToken()] : [],
    dkimStatus: type === 'DOMAIN' ? 'PENDING' : 'NOT_STARTED',
    behaviorOnMxFailure: 'USE_DEFAULT_VALUE',
    tags: [],
  };
}

/** Writes SES's verification request for an address into the mailbox; the link goes to this emulator. */
export function sendVerificationMail(state: EmulatorState, region: string, identity: EmulatedIdentity, baseUrl: string): void {
  const now = state.now();
  const token = state.issueVerificationToken(region, identity.name, now);
  const link = `${baseUrl}/_emulator/verify/${token.token}`;
  const regionName = regionDisplayName(region);
  const subject = `Amazon Web Services – Email Address Verification Request in region ${regionName}`;
  const text = [
    'Dear Amazon Web Services Customer,',
    '',
    `Someone asked to use this email address with Amazon SES in region ${regionName}.`,
    'If it was you, confirm that you own the address by opening this link:',
    '',
    link,
    '',
    'The link expires 24 hours after the request. If you did not ask for this, ignore this message.',
    '',
    '(Sent by the SES Workbench emulator, not by AWS.)',
  ].join('\n');
  state.mailbox.add({
    id: newMessageId(now),
    region,
    kind: 'verification',
    via: 'api',
    from: VERIFICATION_SENDER,
    to: [identity.name],
    cc: [],
    bcc: [],
    subject,
    text,
    html: '',
    headers: { from: VERIFICATION_SENDER, to: identity.name, subject, date: new Date(now).toUTCString() },
    receivedAt: new Date(now).toISOString(),
    verificationLink: link,
  });
}

export type LinkOutcome =
  | { kind: 'verified'; identity: string; region: string }
  | { kind: 'expired'; identity: string; region: string }
  | { kind: 'unknown' };

/** Opening a verification link: verifies the address unless the link expired or the identity was deleted. */
export function openVerificationLink(state: EmulatorState, tokenValue: string): LinkOutcome {
  const token = state.verificationTokens.get(tokenValue);
  if (!token) return { kind: 'unknown' };
  const identity = state.region(token.region).getIdentity(token.identity);
  if (!identity) return { kind: 'unknown' };
  const now = state.now();
  if (now > token.expiresAt) return { kind: 'expired', identity: token.identity, region: token.region };
  if (identity.status !== 'SUCCESS') {
    identity.status = 'SUCCESS';
    identity.lastCheckedAt = now;
    identity.lastSuccessAt = now;
    identity.errorType = undefined;
  }
  return { kind: 'verified', identity: identity.name, region: token.region };
}

/**
 * Brings an identity up to date with the clock and DNS, as SES's background checks would have:
 * an address whose link expired is FAILED; a domain verifies when all three DKIM CNAMEs resolve,
 * and fails after 72 hours otherwise. MAIL FROM follows its MX and SPF records the same way.
 */
export function refreshIdentity(identity: EmulatedIdentity, region: string, dns: DnsZone, now: number): void {
  if (identity.type === 'EMAIL_ADDRESS') {
    if (identity.status === 'PENDING' && now > identity.createdAt + EMAIL_VERIFICATION_TTL_MS) {
      identity.status = 'FAILED';
      identity.lastCheckedAt = now;
    }
    return;
  }
  if (identity.status === 'PENDING' || identity.status === 'TEMPORARY_FAILURE') {
    const errors = identity.dkimTokens.map((token) => checkDkimRecord(dns, identity.name, token)).filter((e) => e !== undefined);
    identity.lastCheckedAt = now;
    if (errors.length === 0) {
      identity.status = 'SUCCESS';
      identity.dkimStatus = 'SUCCESS';
      identity.lastSuccessAt = now;
      identity.errorType = undefined;
    } else if (now > identity.createdAt + DOMAIN_VERIFICATION_LIMIT_MS) {
      identity.status = 'FAILED';
      identity.dkimStatus = 'FAILED';
      identity.errorType = errors[0];
    }
  }
  if (identity.mailFromDomain && identity.mailFromStatus !== 'SUCCESS' && identity.mailFromStatus !== 'FAILED') {
    if (mailFromRecordsOk(dns, identity.mailFromDomain, region)) identity.mailFromStatus = 'SUCCESS';
    else if (now > identity.createdAt + DOMAIN_VERIFICATION_LIMIT_MS) identity.mailFromStatus = 'FAILED';
    else identity.mailFromStatus = 'PENDING';
  }
}

function checkDkimRecord(dns: DnsZone, domain: string, token: string): VerificationErrorType | undefined {
  const wanted = dkimRecordFor(domain, token);
  const found = dns.lookup(wanted.name, 'CNAME');
  if (found.kind === 'no-such-name') return 'HOST_NOT_FOUND';
  if (found.kind === 'wrong-type') return 'TYPE_NOT_FOUND';
  return found.values.includes(wanted.value) ? undefined : 'INVALID_VALUE';
}

/** AWS: MX `<mailfrom>` → `feedback-smtp.<region>.amazonses.com` and TXT `v=spf1 include:amazonses.com ~all`. */
export function mailFromRecordsOk(dns: DnsZone, mailFromDomain: string, region: string): boolean {
  const mx = dns.lookup(mailFromDomain, 'MX');
  const txt = dns.lookup(mailFromDomain, 'TXT');
  const mxOk = mx.kind === 'found' && mx.values.some((v) => v.split(/\s+/).pop() === `feedback-smtp.${region}.amazonses.com`);
  const spfOk = txt.kind === 'found' && txt.values.some((v) => /^v=spf1\b.*\binclude:amazonses\.com\b/.test(v));
  return mxOk && spfOk;
}
