import { asciiIdentity, checkAddress, displayNameNeedsQuoting, formatMailbox, parseAddressList, withLowerDomain } from '../address';
import { explain, type ExplainKind, type Facts } from '../diagnosis/explanations';
import type { Fix } from '../diagnosis/types';
import {
  caseMismatch,
  identityCovers,
  isCovered,
  isSimulatorAddress,
  type IdentityState,
} from '../rules/identities';
import { smtpHostRegion, tlsModeForPort, type TlsMode } from '../rules/regions';
import type { SmtpPasswordShape } from '../smtp-password/derive';

/**
 * The pre-flight: what SES will do with a draft, known before anything is sent. Pure and fast enough to run on
 * every keystroke. Each finding reuses the diagnosis engine's kinds and explanations, so the words before a send
 * are the words after a failure.
 */

export interface PreflightDraft {
  region: string;
  from: string;
  fromName?: string;
  /** Lists as typed ("a@x, B <b@y>") or already split into addresses. */
  to: string | readonly string[];
  cc?: string | readonly string[];
  bcc?: string | readonly string[];
  replyTo?: string | readonly string[];
  configurationSet?: string;
  transport: 'smtp' | 'api';
  smtpHost?: string;
  port?: number;
  tls?: TlsMode;
  passwordShape?: SmtpPasswordShape;
  /** The From header of a raw message (an .eml sent as is): SES checks it as well as the envelope sender. */
  headerFrom?: string;
  /** The body's size in bytes, when it is known before sending (a file). */
  bodyBytes?: number;
}

/** SES's message size limit (API v2 and SMTP), counted after encoding. */
const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

export interface PreflightAccount {
  productionAccess: boolean;
  sendingEnabled: boolean;
  enforcementStatus?: string;
  max24HourSend: number;
  sentLast24Hours: number;
  maxSendRate?: number;
}

export interface PreflightFacts {
  /** Identities of the draft's region; undefined while they are loading (no identity findings then). */
  identities?: readonly IdentityState[];
  otherRegions?: readonly { region: string; identities: readonly IdentityState[]; configurationSets?: readonly string[] }[];
  account?: PreflightAccount;
  /** Configuration sets of the draft's region; undefined while unknown. */
  configurationSets?: readonly string[];
  /** Whether SMTP credentials are stored for the draft's region; undefined when unknown. */
  hasSmtpCredentials?: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable for the same problem on the same input, so a view can keep its place. */
  id: string;
  severity: Severity;
  /** SES (or the connection) will refuse this mail as it stands. */
  willReject: boolean;
  kind: ExplainKind;
  title: string;
  explanation: string;
  fixes: Fix[];
}

/** Share of the daily quota from which the pre-flight warns. */
const QUOTA_WARNING = 0.8;

function addresses(list: PreflightDraft['to'] | undefined): { addresses: string[]; problems: string[] } {
  if (list === undefined) return { addresses: [], problems: [] };
  if (typeof list === 'string') {
    const parsed = parseAddressList(list);
    return { addresses: parsed.mailboxes.map((m) => m.address), problems: parsed.problems };
  }
  const result: { addresses: string[]; problems: string[] } = { addresses: [], problems: [] };
  for (const entry of list) {
    if (!entry.trim()) continue;
    const check = checkAddress(entry);
    if (check.ok) result.addresses.push(check.address);
    else result.problems.push(check.message);
  }
  return result;
}

const NON_ASCII = /[^\x00-\x7f]/;
const asciiCache = new WeakMap<readonly IdentityState[], readonly IdentityState[]>();

/**
 * Identities with internationalised names in the form SES stores them (punycode domains), so that
 * `alice@bücher.example` and `alice@xn--bcher-kva.example` are one address. Addresses from the draft are already
 * in that form (`checkAddress`). Cached per list: the pre-flight runs on every keystroke.
 */
function asciiIdentities(identities: readonly IdentityState[]): readonly IdentityState[];
function asciiIdentities(identities: readonly IdentityState[] | undefined): readonly IdentityState[] | undefined;
function asciiIdentities(identities: readonly IdentityState[] | undefined): readonly IdentityState[] | undefined {
  if (!identities) return identities;
  const cached = asciiCache.get(identities);
  if (cached) return cached;
  const converted = identities.some((i) => NON_ASCII.test(i.name)) ? identities.map((i) => (NON_ASCII.test(i.name) ? { ...i, name: asciiIdentity(i.name) } : i)) : identities;
  asciiCache.set(identities, converted);
  return converted;
}

export function preflight(draft: PreflightDraft, facts: PreflightFacts): Finding[] {
  const findings: Finding[] = [];
  const region = draft.region;
  const base: Facts = { region, before: true, transport: draft.transport };
  const add = (id: string, severity: Severity, willReject: boolean, kind: ExplainKind, extra: Facts = {}) => {
    const explained = explain(kind, { ...base, ...extra });
    findings.push({ id, severity, willReject, kind, title: explained.title, explanation: explained.explanation, fixes: explained.fixes });
  };
  const regionIdentities = asciiIdentities(facts.identities);
  const others = (facts.otherRegions ?? []).map((o) => ({ ...o, identities: asciiIdentities(o.identities) }));
  const verifiedElsewhere = (address: string) => others.filter((o) => isCovered(o.identities, address)).map((o) => o.region);

  // Addresses as typed.
  const fromText = draft.from.trim();
  const fromCheck = fromText ? checkAddress(fromText) : undefined;
  if (fromCheck && !fromCheck.ok) add('illegal-address:from', 'error', true, 'illegal-address', { address: fromText, field: 'from', problem: fromCheck.message });
  const from = fromCheck?.ok ? fromCheck.address : undefined;
  const lists = { to: addresses(draft.to), cc: addresses(draft.cc), bcc: addresses(draft.bcc), 'reply-to': addresses(draft.replyTo) };
  for (const [field, list] of Object.entries(lists)) {
    list.problems.forEach((problem, i) => add(`illegal-address:${field}:${i}`, 'error', true, 'illegal-address', { field: field as Facts['field'], problem }));
  }
  const recipients = [...lists.to.addresses, ...lists.cc.addresses, ...lists.bcc.addresses];
  if (!recipients.length && !lists.to.problems.length && !lists.cc.problems.length && !lists.bcc.problems.length) {
    add('no-recipients', 'error', true, 'no-recipients');
  }

  // Display name.
  const name = draft.fromName?.trim();
  if (name && from && displayNameNeedsQuoting(name)) {
    add('display-name-quoting', 'info', false, 'illegal-address', { displayName: name, address: from, header: formatMailbox({ name, address: from }) });
  }

  // Account state.
  const account = facts.account;
  if (account) {
    if (!account.sendingEnabled || account.enforcementStatus === 'SHUTDOWN') {
      add('account-sending-paused', 'error', true, 'account-sending-paused', { enforcementStatus: account.enforcementStatus });
    } else if (account.enforcementStatus === 'PROBATION') {
      add('account-probation', 'warning', false, 'account-probation');
    }
    if (account.max24HourSend >= 0) {
      // The quota counts recipients; the mailbox simulator does not count against it.
      const counted = recipients.filter((r) => !isSimulatorAddress(r));
      const max = account.max24HourSend;
      const used = account.sentLast24Hours;
      const quota = { max24HourSend: max, sentLast24Hours: used, recipients: counted };
      if ((counted.length > 0 && used + counted.length > max) || (recipients.length === 0 && used >= max)) {
        add('daily-quota-exceeded', 'error', true, 'daily-quota-exceeded', quota);
      } else if (max > 0 && used >= max * QUOTA_WARNING) {
        add('quota-nearly-used', 'warning', false, 'quota-nearly-used', quota);
      }
    }
  }

  // The sender.
  if (from && regionIdentities) {
    if (!isCovered(regionIdentities, from)) {
      const variant = caseMismatch(regionIdentities, from);
      const elsewhere = verifiedElsewhere(from);
      const pending = regionIdentities.find((identity) => identity.status !== 'SUCCESS' && couldCover(identity, from) && coversIfVerified(identity, from));
      if (variant) {
        add('sender-case', 'error', true, 'address-case-mismatch', { address: from, field: 'from', verifiedAs: variant.name });
      } else if (pending) {
        add('sender-pending', 'error', true, 'sender-not-verified', {
          address: from,
          identityName: pending.name,
          identityType: pending.type,
          identityStatus: pending.status,
          otherRegions: elsewhere,
        });
      } else if (elsewhere.length) {
        add('sender-other-region', 'error', true, 'identity-in-other-region', {
          address: from,
          otherRegions: elsewhere,
          // Switching host is advice only for SES's own hosts: a local emulator or relay is not to be replaced.
          host: draft.transport === 'smtp' && draft.smtpHost && smtpHostRegion(draft.smtpHost) ? draft.smtpHost : undefined,
          hostRegion: draft.smtpHost ? smtpHostRegion(draft.smtpHost) : undefined,
        });
      } else {
        add('sender-not-verified', 'error', true, 'sender-not-verified', { address: from });
      }
    }
  }

  // The From header of a raw message, when it names another address than the envelope.
  const headerFrom = draft.headerFrom ? parseAddressList(draft.headerFrom).mailboxes[0]?.address : undefined;
  if (headerFrom && headerFrom !== from && regionIdentities && !isCovered(regionIdentities, headerFrom)) {
    add('header-from-not-verified', 'error', true, 'sender-not-verified', { address: headerFrom, field: 'from' });
  }

  // Recipients in the sandbox.
  if (regionIdentities && account && !account.productionAccess) {
    const unverified: string[] = [];
    for (const [field, list] of [['to', lists.to], ['cc', lists.cc], ['bcc', lists.bcc]] as const) {
      for (const recipient of list.addresses) {
        if (isSimulatorAddress(recipient) || isCovered(regionIdentities, recipient)) continue;
        const variant = caseMismatch(regionIdentities, recipient);
        if (variant) {
          add(`recipient-case:${field}:${recipient}`, 'error', true, 'address-case-mismatch', { address: recipient, field, verifiedAs: variant.name });
        } else if (!unverified.includes(recipient)) {
          unverified.push(recipient);
        }
      }
    }
    if (unverified.length) {
      add('sandbox-recipients', 'error', true, 'sandbox-recipient-not-verified', { identities: unverified });
    }
  }

  // Over SMTP nodemailer writes domains in lower case: an address identity spelled with capitals in its domain
  // no longer matches what arrives (SES compares address identities letter for letter).
  if (draft.transport === 'smtp' && regionIdentities) {
    const candidates: [Facts['field'], string][] = [
      ...(from ? [['from', from] as [Facts['field'], string]] : []),
      ...(account && !account.productionAccess ? recipients.map((r) => ['to', r] as [Facts['field'], string]) : []),
    ];
    for (const [field, address] of candidates) {
      const sent = withLowerDomain(address);
      if (sent === address || !isCovered(regionIdentities, address) || isCovered(regionIdentities, sent)) continue;
      add(`smtp-lower-domain:${field}:${address}`, 'error', true, 'address-case-mismatch', { address: sent, verifiedAs: address, field, variant: 'smtp-lower-domain' });
    }
  }

  // Size: the body file's own bytes already over the limit (encoding only adds to them).
  if (draft.bodyBytes !== undefined && draft.bodyBytes > MAX_MESSAGE_BYTES) add('message-too-long', 'error', true, 'message-too-long');

  // Configuration set.
  const configurationSet = draft.configurationSet?.trim();
  if (configurationSet && facts.configurationSets && !facts.configurationSets.includes(configurationSet)) {
    const elsewhere = others.filter((o) => o.configurationSets?.includes(configurationSet)).map((o) => o.region);
    add('configuration-set-missing', 'error', true, 'configuration-set-missing', { configurationSet, otherRegions: elsewhere });
  }

  if (draft.transport === 'smtp') smtpFindings(draft, facts, from, add);
  return findings;
}

/** A cheap pre-test: an address identity can only cover an address of the same length without its +label. */
function couldCover(identity: IdentityState, address: string): boolean {
  return identity.type !== 'EMAIL_ADDRESS' || address.length >= identity.name.length;
}

/** Would this identity cover the address once verified? (a pending domain, an address awaiting its link) */
function coversIfVerified(identity: IdentityState, address: string): boolean {
  return identityCovers(identity.status === 'SUCCESS' ? identity : { name: identity.name, type: identity.type, status: 'SUCCESS' }, address);
}

type Add = (id: string, severity: Severity, willReject: boolean, kind: ExplainKind, extra?: Facts) => void;

function smtpFindings(draft: PreflightDraft, facts: PreflightFacts, from: string | undefined, add: Add): void {
  const region = draft.region;
  const host = draft.smtpHost?.trim();
  const hostRegion = host ? smtpHostRegion(host) : undefined;
  if (host && hostRegion && hostRegion !== region) {
    const hostIdentities = asciiIdentities(facts.otherRegions?.find((o) => o.region === hostRegion)?.identities);
    const rejects = Boolean(from && hostIdentities && !isCovered(hostIdentities, from));
    add('smtp-host-region', rejects ? 'error' : 'warning', rejects, 'smtp-host-region-mismatch', { host, hostRegion });
  }

  const port = draft.port;
  const sesHost = !host || hostRegion !== undefined;
  if (port !== undefined) {
    const expected = tlsModeForPort(port);
    if (sesHost && expected === undefined) {
      add('smtp-port-unknown', 'error', true, 'network-unreachable', { host, port, variant: 'not-ses-port' });
    } else if (expected && draft.tls && draft.tls !== expected) {
      if (draft.tls === 'implicit') add('tls-mode', 'error', true, 'tls-implicit-on-starttls-port', { port });
      else add('tls-mode', 'error', true, 'tls-plain-on-implicit-port', { port });
    }
    if (port === 25) add('port-25', 'warning', false, 'smtp-port-blocked', { host, port });
  }

  if (facts.hasSmtpCredentials === false) {
    add('smtp-credentials-missing', 'error', true, 'smtp-auth-failed', { variant: 'missing', hostRegion: hostRegion ?? region });
  } else {
    switch (draft.passwordShape) {
      case 'iam-secret':
        add('smtp-password-shape', 'error', true, 'iam-secret-as-smtp-password', { hostRegion: hostRegion ?? region });
        break;
      case 'smtp-sigv2':
        add('smtp-password-shape', 'error', true, 'smtp-password-sigv2', { hostRegion: hostRegion ?? region });
        break;
      case 'other':
        add('smtp-password-shape', 'warning', false, 'smtp-auth-failed', { variant: 'odd-password', hostRegion: hostRegion ?? region });
        break;
      case 'empty':
        add('smtp-credentials-missing', 'error', true, 'smtp-auth-failed', { variant: 'missing', hostRegion: hostRegion ?? region });
        break;
      default:
        break;
    }
  }
}

/** True when any finding says SES will refuse the mail: the send button says so plainly. */
export function willReject(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.willReject);
}
