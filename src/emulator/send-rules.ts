import { isCovered, isSimulatorAddress, splitAddress, withoutLabel } from '../rules/identities';
import { SECOND } from './clock';
import type { DnsZone } from './dns';
import { refreshIdentity } from './identities';
import type { RegionState } from './state';

/** AWS: 40 MB per message (v2 API and SMTP), after MIME encoding. */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
/** AWS: at most 50 recipients (To, Cc and Bcc together) per message. */
export const MAX_RECIPIENTS = 50;
/**
 * RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets with its CRLF. SES cuts the list of failed identities
 * with "..." so the 554 line fits; the API message uses the same text.
 */
const MAX_REPLY_LINE = 512;

/** One attempt to send, however it arrived: the same rules hold for the API and SMTP. */
export interface SendAttempt {
  /** From header address and envelope sender (MAIL FROM / Return-Path / FromEmailAddress): each must be verified. */
  senders: string[];
  /** Envelope recipients: To, Cc and Bcc. */
  recipients: string[];
  configurationSetName?: string;
  sizeBytes: number;
}

/** How SES refuses a send, in both of its languages. */
export interface SendRejection {
  api: { status: number; name: string; message: string };
  smtp: { code: number; message: string };
}

/**
 * Checks an attempt against the region's account, identities and quotas. Undefined means SES would accept it.
 * The identities involved are first brought up to date with the clock and DNS, as SES checks them continuously.
 */
export function checkSend(region: RegionState, attempt: SendAttempt, now: number, dns: DnsZone): SendRejection | undefined {
  const account = region.account;
  if (account.enforcementStatus === 'SHUTDOWN') return accountStopped('AccountSuspendedException', 'suspended');
  if (!account.sendingEnabled) return accountStopped('SendingPausedException', 'paused');
  if (attempt.sizeBytes > MAX_MESSAGE_BYTES) {
    return {
      api: { status: 400, name: 'MessageRejected', message: 'Message length is more than 40 megabytes.' },
      smtp: { code: 552, message: 'Message is too long.' },
    };
  }
  if (attempt.recipients.length === 0) {
    return {
      api: { status: 400, name: 'BadRequestException', message: 'Missing final \'@domain\'' },
      smtp: { code: 554, message: 'Transaction failed: no recipients.' },
    };
  }
  if (attempt.recipients.length > MAX_RECIPIENTS) {
    return {
      api: { status: 400, name: 'MessageRejected', message: `Recipient count exceeds ${MAX_RECIPIENTS}.` },
      smtp: { code: 554, message: `Transaction failed: Recipient count exceeds ${MAX_RECIPIENTS}.` },
    };
  }
  if (attempt.configurationSetName !== undefined && !region.configurationSets.has(attempt.configurationSetName)) {
    const message = `Configuration set <${attempt.configurationSetName}> does not exist.`;
    return {
      api: { status: 404, name: 'NotFoundException', message },
      smtp: { code: 554, message: `Configuration Set does not exist: ${message}` },
    };
  }
  refreshInvolved(region, [...attempt.senders, ...attempt.recipients], now, dns);
  const failed = unverifiedIdentities(region, attempt);
  if (failed.length > 0) {
    const text = notVerifiedText(region.region, failed);
    return {
      api: { status: 400, name: 'MessageRejected', message: text },
      smtp: { code: 554, message: `Message rejected: ${text}` },
    };
  }
  const mailFromBlocked = blockedMailFromDomain(region, attempt.senders);
  if (mailFromBlocked) {
    return {
      api: { status: 400, name: 'MailFromDomainNotVerifiedException', message: `The message can't be sent because the MAIL FROM domain ${mailFromBlocked} isn't verified.` },
      smtp: { code: 554, message: `Message rejected: MAIL FROM domain ${mailFromBlocked} is not verified.` },
    };
  }
  const recent = region.recentSends(now);
  const lastSecond = recent.filter((send) => send.at > now - SECOND).length;
  if (lastSecond + 1 > account.maxSendRate) return throttled('Maximum sending rate exceeded');
  const quotaRecipients = countsAgainstQuota(attempt.recipients);
  if (account.max24HourSend >= 0 && region.sentLast24Hours(now) + quotaRecipients > account.max24HourSend) {
    return throttled('Daily message quota exceeded');
  }
  return undefined;
}

/** Counts an accepted send against the rate (always) and the daily quota (simulator recipients excluded). */
export function recordSend(region: RegionState, attempt: SendAttempt, now: number): void {
  region.sends.push({ at: now, quotaRecipients: countsAgainstQuota(attempt.recipients) });
}

function countsAgainstQuota(recipients: string[]): number {
  return recipients.filter((r) => !isSimulatorAddress(r)).length;
}

/**
 * SES's own words, seen in users' reports: SMTP "554 Message rejected: Sending suspended for this account. For more
 * information, …" (github.com/yegor256/0pdd/issues/240) and SendRawEmail "MessageRejected: Sending paused for this
 * account. For more information, …" (github.com/GoodDollar/GoodServer/issues/419). SMTP carries the API's text.
 */
function accountStopped(name: 'AccountSuspendedException' | 'SendingPausedException', state: 'suspended' | 'paused'): SendRejection {
  const message = `Sending ${state} for this account. For more information, please check the inbox of the email address associated with your AWS account.`;
  return { api: { status: 400, name, message }, smtp: { code: 554, message: `Message rejected: ${message}` } };
}

/** The identities that could cover these addresses: the address as written, without its +label, and its domains. */
function refreshInvolved(region: RegionState, addresses: string[], now: number, dns: DnsZone): void {
  const names = new Set<string>();
  for (const address of addresses) {
    const parts = splitAddress(address);
    if (!parts) continue;
    names.add(address).add(withoutLabel(address));
    const labels = parts.domain.split('.');
    for (let i = 0; i < labels.length; i++) names.add(labels.slice(i).join('.'));
  }
  for (const name of names) {
    const identity = region.getIdentity(name);
    if (identity) refreshIdentity(identity, region.region, dns, now);
  }
}

// AWS "Errors related to the sending quotas": the API throttles with the same words the SMTP 454 carries. SES v2
// answers HTTP 429 TooManyRequestsException (seen in users' logs: {"message":"Maximum sending rate exceeded."}).
function throttled(reason: string): SendRejection {
  return {
    api: { status: 429, name: 'TooManyRequestsException', message: `${reason}.` },
    smtp: { code: 454, message: `Throttling failure: ${reason}` },
  };
}

/** Senders in any account, recipients only in the sandbox; the simulator is always allowed. Order kept, no repeats. */
function unverifiedIdentities(region: RegionState, attempt: SendAttempt): string[] {
  const identities = [...region.identities.values()];
  const failed: string[] = [];
  const check = (address: string, simulatorAllowed: boolean) => {
    if (simulatorAllowed && isSimulatorAddress(address)) return;
    if (!isCovered(identities, address) && !failed.includes(address)) failed.push(address);
  };
  for (const sender of attempt.senders) check(sender, false);
  if (!region.account.productionAccessEnabled) for (const recipient of attempt.recipients) check(recipient, true);
  return failed;
}

export function notVerifiedText(region: string, failed: string[]): string {
  const head = `Email address is not verified. The following identities failed the check in region ${region.toUpperCase()}: `;
  // Octets, not characters: addresses may be non-ASCII (SMTPUTF8), sent as UTF-8.
  const budget = MAX_REPLY_LINE - 2 - Buffer.byteLength(`554 Message rejected: ${head}`);
  let list = failed.join(', ');
  if (Buffer.byteLength(list) > budget) {
    const kept: string[] = [];
    let keptBytes = 0;
    for (const id of failed) {
      const withId = keptBytes + (kept.length > 0 ? ', '.length : 0) + Buffer.byteLength(id);
      if (withId + ', ...'.length > budget) break;
      kept.push(id);
      keptBytes = withId;
    }
    list = kept.length > 0 ? `${kept.join(', ')}, ...` : '...';
  }
  return head + list;
}

/** A sender's domain with a custom MAIL FROM set to REJECT_MESSAGE on MX failure blocks mail until that domain verifies. */
function blockedMailFromDomain(region: RegionState, senders: string[]): string | undefined {
  for (const sender of senders) {
    const domain = sender.slice(sender.lastIndexOf('@') + 1).toLowerCase();
    const identity = region.getIdentity(domain);
    if (identity?.mailFromDomain && identity.behaviorOnMxFailure === 'REJECT_MESSAGE' && identity.mailFromStatus !== 'SUCCESS') {
      return identity.mailFromDomain;
    }
  }
  return undefined;
}
