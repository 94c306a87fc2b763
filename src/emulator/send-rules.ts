import { isCovered, isSimulatorAddress } from '../rules/identities';
import { SECOND } from './clock';
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

/** Checks an attempt against the region's account, identities and quotas. Undefined means SES would accept it. */
export function checkSend(region: RegionState, attempt: SendAttempt, now: number): SendRejection | undefined {
  const account = region.account;
  if (account.enforcementStatus === 'SHUTDOWN') {
    return {
      api: { status: 400, name: 'AccountSuspendedException', message: "The message can't be sent because your account's ability to send email has been permanently restricted." },
      smtp: { code: 554, message: 'Account suspended: the ability to send email has been permanently restricted.' },
    };
  }
  if (!account.sendingEnabled) {
    return {
      api: { status: 400, name: 'SendingPausedException', message: "The message can't be sent because the account's ability to send email is currently paused." },
      smtp: { code: 554, message: 'Sending paused for this account.' },
    };
  }
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
  const budget = MAX_REPLY_LINE - 2 - '554 Message rejected: '.length - head.length;
  let list = failed.join(', ');
  if (list.length > budget) {
    const kept: string[] = [];
    for (const id of failed) {
      if ([...kept, id].join(', ').length + ', ...'.length > budget) break;
      kept.push(id);
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
