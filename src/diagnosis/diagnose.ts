import { addressProblem, asciiAddress, asciiIdentity, displayNameNeedsQuoting, formatMailbox, withLowerDomain } from '../address';
import { caseMismatch, isCovered, withoutLabel, type IdentityState } from '../rules/identities';
import { normalizeRegion, smtpHostRegion, tlsModeForPort } from '../rules/regions';
import { smtpPasswordShape, type SmtpPasswordShape } from '../smtp-password/derive';
import { gatherEvidence, failedIdentities, type Evidence } from './evidence';
import { explain, type Facts } from './explanations';
import type { Diagnosis, DiagnosisContext, DiagnosisKind, VerifiedIdentities } from './types';

/**
 * The failure diagnosis engine: what went wrong, why, and what to do, from a failure as the user has it and
 * what we know of their setup. Pure and total: it never throws, and answers `unknown` for text that is not an
 * SES failure rather than guess from one loose word.
 */
export function diagnose(failure: unknown, context: DiagnosisContext = {}): Diagnosis {
  try {
    return diagnoseUnsafe(failure, context ?? {});
  } catch {
    return finish('unknown', {});
  }
}

function finish(kind: DiagnosisKind, facts: Facts): Diagnosis {
  const explained = explain(kind, facts);
  return { kind, title: explained.title, explanation: explained.explanation, fixes: explained.fixes };
}

/**
 * Words that tie a text to SES without doubt. Host names are matched in any case; words and operation names only
 * as SES and the SDKs write them, so a `sendEmail` function in a stack trace or the French "ses" does not count.
 */
const SES_HOST = /amazonses\.com|\bemail-smtp(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com|\bemail(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com/i;
const SES_WORD =
  /\bamazonses\b|\b(?:Amazon)?SES(?:v2|V2)?\b|\bSesV2\b|\bsesv2\b|SimpleEmail|Simple Email Service|\bclient-sesv?2?\b|\bclient\(\s*['"]sesv?2?['"]|\baws sesv?2? |\bses:[A-Z]\w+|\bSend(?:Raw)?Email\b/;
const namesSes = (text: string) => SES_HOST.test(text) || SES_WORD.test(text);

/** Ports SMTP clients and relays use; a socket address on any other port in the text is some other service's. */
const MAIL_PORTS = [25, 465, 587, 2465, 2587, 2525];

/** Mail services other than SES, as host names (never the domain of an address) or product names. */
const OTHER_MAIL_HOST =
  /(?<![@\w.-])(?:[a-z0-9-]+\.)*(?:gmail|googlemail|google|googleapis|office365|outlook|yahoo|zoho|icloud|sendgrid|mailgun|mailjet|sparkpostmail|postmarkapp|mandrillapp|sendinblue|brevo|mailchimp|npmjs|docker)\.(?:com|net|org|io)\b/i;
/** Product names, and Gmail's reply signature "- gsmtp". */
const OTHER_MAIL_PRODUCT = /(?<![@\w.-])(?:SendGrid|Mailgun|Mailjet|SparkPost|Mandrill|Postmark|Gmail|Office ?365|gsmtp)\b/i;
/** AWS host labels that may show up around an SES failure: SES itself, the credential services, an EC2 host name. */
const AWS_HOSTS_AROUND_SES = /^(?:email|email-fips|email-smtp|email-smtp-fips|sts|sso|oidc|portal|compute|compute-\d+)$/i;
const SES_OPERATION = /Email|Identit|Quota|SendStatistics|ConfigurationSet|Template|Suppress|Dkim|Contact|DedicatedIp|Account|MailFrom|Receipt|Deliverability|^Send|^AssumeRole|^GetRoleCredentials|^GetCallerIdentity|^CreateToken/;

/**
 * What in a pasted text names a service or mail host other than SES (`the service AmazonDynamoDBv2`,
 * `smtp.gmail.com`, `port 5432`), if anything. Such a text is not SES's, whatever the context says.
 */
function otherService(text: string, contextPort?: number): string | undefined {
  const service = /\(Service: ([A-Za-z0-9 .-]+?)\s*[;,)]/.exec(text)?.[1];
  if (service && !/SES|Ses|SimpleEmail|^Sts$|^Sso/.test(service)) return `the service ${service}`;
  const operation = /when calling the (\w+) operation/.exec(text)?.[1];
  if (operation && !SES_OPERATION.test(operation)) return `the ${operation} operation`;
  const action = /is not authorized to perform:?\s*[`'"]?([a-z0-9-]+):(\w+)/i.exec(text);
  if (action && action[1].toLowerCase() !== 'ses') return `${action[1]}:${action[2]}`;
  for (const arn of text.matchAll(/\barn:aws[a-z-]*:([a-z0-9-]+):/gi)) {
    if (!['ses', 'iam', 'sts'].includes(arn[1].toLowerCase())) return `an ARN of ${arn[1]}`;
  }
  for (const host of text.matchAll(/([a-z0-9-]+)\.(?:[a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}\.)?amazonaws\.com\b/gi)) {
    if (!AWS_HOSTS_AROUND_SES.test(host[1])) return host[0];
  }
  const mail = OTHER_MAIL_HOST.exec(text)?.[0] ?? OTHER_MAIL_PRODUCT.exec(text)?.[0];
  if (mail) return mail;
  const socket = /\b(?:ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|dial tcp[46]?)\s+\[?[A-Za-z0-9.:-]+?\]?:(\d{2,5})\b/.exec(text);
  const port = socket ? Number(socket[1]) : undefined;
  if (port !== undefined && !MAIL_PORTS.includes(port) && port !== contextPort) return `port ${port}`;
  return undefined;
}

/**
 * A context that says where this failure happened: the host or one of SES's SMTP ports it was sent through. What is
 * merely stored (credential regions, verified identities) says nothing
 * about where a pasted text came from.
 */
function contextAnchors(context: DiagnosisContext): boolean {
  const host = typeof context.smtpHost === 'string' ? context.smtpHost.trim() : '';
  const sesPort = typeof context.port === 'number' && tlsModeForPort(context.port) !== undefined;
  return Boolean((host && !otherService(host)) || sesPort);
}

/** Python's smtplib prints replies as tuples, `(553, b'5.1.2 <x> Invalid email address')`: read them as `553 5.1.2 …`. */
const asReplies = (text: string) => text.replace(/\((\d{3}),\s*b?(['"])/g, '$1 ');

interface Situation {
  evidence: Evidence;
  context: DiagnosisContext;
  text: string;
  /** Something ties the failure to SES: its text, an error object from a send, or the context. */
  anchored: boolean;
  /** What the text names instead of SES (another AWS service, another mail host), when it does. */
  elsewhere?: string;
  region?: string;
  host?: string;
  hostRegion?: string;
  port?: number;
  verified: Map<string, IdentityState[]>;
  production: Record<string, boolean>;
  shape?: SmtpPasswordShape;
  from?: string;
  recipients: string[];
}

/** Identities compared in the form SES stores them: an internationalised domain as punycode. */
function toIdentity(entry: string | IdentityState): IdentityState {
  if (typeof entry !== 'string') return typeof entry.name === 'string' ? { ...entry, name: asciiIdentity(entry.name) } : entry;
  return { name: asciiIdentity(entry), type: entry.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN', status: 'SUCCESS' };
}

function verifiedByRegion(input: VerifiedIdentities | undefined): Map<string, IdentityState[]> {
  const map = new Map<string, IdentityState[]>();
  if (!input || typeof input !== 'object') return map;
  for (const [region, entries] of Object.entries(input)) {
    const code = normalizeRegion(region);
    if (!code || !Array.isArray(entries)) continue;
    map.set(code, entries.filter((e) => typeof e === 'string' || (e && typeof e === 'object')).map(toIdentity));
  }
  return map;
}

/** The letter in "starts with a B", "starting with \"A\"", "first character: A" (the article "a" is not it). */
function startingLetter(text: string): string | undefined {
  const match =
    /\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?)\s+with\s+(?:(?:an?|the)\s+(?:letter\s+)?)?["'`]?([a-z])["'`]?(?![\w])/i.exec(text) ??
    /\bfirst (?:character|char|letter)\s*(?:is\s*)?:?\s*["'`]?([a-z])["'`]?(?![\w])/i.exec(text);
  return match?.[1].toLowerCase();
}

/** The context's password shape: `smtpPasswordShape`'s words, or free text like "40 characters". */
export function normalizePasswordShape(context: DiagnosisContext): SmtpPasswordShape | undefined {
  if (typeof context.password === 'string') return smtpPasswordShape(context.password);
  const raw = context.passwordShape;
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const text = raw.trim().toLowerCase();
  if (['smtp-sigv4', 'smtp-sigv2', 'iam-secret', 'other', 'empty'].includes(text)) return text as SmtpPasswordShape;
  if (/iam|secret|\b40\b/.test(text)) return 'iam-secret';
  const first = startingLetter(raw);
  if (/sigv2|signature version 2/.test(text) || (/\b44\b/.test(text) && first === 'a')) return 'smtp-sigv2';
  if (/sigv4|signature version 4/.test(text) || (/\b44\b/.test(text) && (first === undefined || first === 'b'))) return 'smtp-sigv4';
  if (first) return 'other';
  if (/empty|none|missing/.test(text)) return 'empty';
  return 'other';
}

const asList = (value: DiagnosisContext['to']): string[] =>
  typeof value === 'string' ? value.split(/[,;]\s*/).map((s) => s.trim()).filter(Boolean) : Array.isArray(value) ? value.filter((s) => typeof s === 'string') : [];

function situation(failure: unknown, context: DiagnosisContext): Situation {
  const evidence = gatherEvidence(failure);
  const host = (typeof context.smtpHost === 'string' && context.smtpHost) || evidence.host;
  const hostRegion = host ? smtpHostRegion(host) : undefined;
  const region =
    evidence.region ?? (typeof context.region === 'string' ? normalizeRegion(context.region) : undefined) ?? hostRegion;
  const port = typeof context.port === 'number' ? context.port : evidence.port;
  const text = asReplies(evidence.text);
  // A failure of a send of ours (an error object, or the panel's send, which names its transport) is SES's or its
  // stand-in's by origin; pasted text is SES's when it says so.
  const tied = evidence.fromSend || context.transport === 'smtp' || context.transport === 'api' || namesSes(text);
  const elsewhere = tied
    ? undefined
    : otherService(text, typeof context.port === 'number' ? context.port : undefined) ??
      (typeof context.smtpHost === 'string' ? otherService(context.smtpHost) : undefined);
  return {
    evidence,
    context,
    text,
    anchored: tied || (!elsewhere && contextAnchors(context)),
    elsewhere,
    region,
    host: host || undefined,
    hostRegion,
    port,
    verified: verifiedByRegion(context.verifiedIdentities),
    production: context.productionAccess && typeof context.productionAccess === 'object' ? context.productionAccess : {},
    shape: normalizePasswordShape(context),
    from: (typeof context.from === 'string' && context.from) || evidence.from,
    recipients: [...asList(context.to), ...evidence.recipients],
  };
}

/** Base facts every explanation may use. */
function baseFacts(s: Situation): Facts {
  return {
    region: s.region,
    host: s.host,
    hostRegion: s.hostRegion,
    port: s.port,
    tls: s.context.tls,
    transport: s.context.transport,
    from: s.from,
    credentialRegions: s.context.credentialRegions?.filter((r) => typeof r === 'string').map((r) => normalizeRegion(r) ?? r),
    passwordShape: s.shape,
    configurationSet: s.context.configurationSet,
    profile: s.context.profile,
    productionRegions: Object.entries(s.production).filter(([, on]) => on === true).map(([r]) => normalizeRegion(r) ?? r),
  };
}

/** The same mailbox, whatever the letter case, +label, or spelling of an internationalised domain (`bücher` / `xn--bcher-kva`). */
const sameAddress = (a: string, b: string) => withoutLabel(asciiAddress(a)).toLowerCase() === withoutLabel(asciiAddress(b)).toLowerCase();

function regionsCovering(s: Situation, address: string, except?: string): string[] {
  const regions: string[] = [];
  const ascii = asciiAddress(address);
  for (const [region, identities] of s.verified) if (region !== except && isCovered(identities, ascii)) regions.push(region);
  return regions;
}

/** "Email address is not verified … failed the check in region X: a, b": whose fault, from the context. */
function notVerified(s: Situation): Diagnosis {
  const parsed = failedIdentities(s.text);
  const region = parsed.region ?? s.region;
  const facts: Facts = { ...baseFacts(s), region, identities: parsed.identities, truncated: parsed.truncated };
  const named = parsed.identities.length ? parsed.identities : s.from ? [s.from] : [];
  const inRegion = region ? (s.verified.get(region) ?? []) : [];

  // Over SMTP the library may have lower-cased the domain of a correctly typed address (nodemailer does).
  const caseFacts = (address: string, verifiedAs: string): Facts =>
    s.context.transport === 'smtp' && address !== verifiedAs && withLowerDomain(address) === withLowerDomain(verifiedAs) ? { variant: 'smtp-lower-domain' } : {};
  const about = (address: string, field: Facts['field']): Diagnosis | undefined => {
    const variant = caseMismatch(inRegion, asciiAddress(address));
    if (variant) return finish('address-case-mismatch', { ...facts, address, field, verifiedAs: variant.name, ...caseFacts(address, variant.name) });
    const elsewhere = regionsCovering(s, address, region);
    if (elsewhere.length) return finish('identity-in-other-region', { ...facts, address, otherRegions: elsewhere });
    return undefined;
  };

  // The sender is the one SES named.
  const sender = s.from && named.find((n) => sameAddress(n, s.from!));
  if (sender && s.from) {
    const from = asciiAddress(s.from);
    const pending = inRegion.find((identity) => identity.status !== 'SUCCESS' && (identity.type === 'EMAIL_ADDRESS' ? sameAddress(identity.name, from) : from.toLowerCase().endsWith(`@${identity.name.toLowerCase()}`)));
    return (
      about(s.from, 'from') ??
      finish('sender-not-verified', {
        ...facts,
        address: s.from,
        identityName: pending?.name,
        identityType: pending?.type,
        identityStatus: pending?.status,
      })
    );
  }
  // A recipient is the one SES named.
  const recipients = named.filter((n) => s.recipients.some((r) => sameAddress(r, n)));
  if (recipients.length) {
    for (const recipient of recipients) {
      const variant = caseMismatch(inRegion, asciiAddress(recipient));
      if (variant) return finish('address-case-mismatch', { ...facts, address: recipient, field: 'to', verifiedAs: variant.name, ...caseFacts(recipient, variant.name) });
    }
    return finish('sandbox-recipient-not-verified', { ...facts, identities: recipients });
  }
  // Neither the From nor a known recipient: the envelope sender (Return-Path), when both are known or the
  // account is out of the sandbox (recipients are not checked there).
  const production = region ? s.production[region] === true || s.production[region.toUpperCase()] === true : false;
  if (named.length && s.from && (s.recipients.length || production)) {
    return finish('envelope-sender-not-verified', { ...facts, identities: named });
  }
  // Roles unknown: decide from the identities SES named.
  for (const name of named) {
    const answer = about(name, undefined);
    if (answer) return answer;
  }
  if (s.from) return finish('sandbox-recipient-not-verified', facts); // the From passed the check
  if (production) return finish('sender-not-verified', { ...facts, address: named[0] });
  if (named.length > 1) return finish('sandbox-recipient-not-verified', facts);
  return finish('sender-not-verified', { ...facts, address: named[0], variant: 'role-unknown' });
}

/** A 535 (or any refused SMTP login): the password's shape and the stored regions decide which. */
function authFailed(s: Situation): Diagnosis {
  const facts = baseFacts(s);
  if (/signature version 2|\bsigv2\b/i.test(s.text) || s.shape === 'smtp-sigv2') return finish('smtp-password-sigv2', facts);
  if (s.shape === 'iam-secret') return finish('iam-secret-as-smtp-password', facts);
  const target = s.hostRegion ?? s.region;
  const stored = facts.credentialRegions ?? [];
  if (target && stored.length && !stored.includes(target)) return finish('smtp-password-wrong-region', { ...facts, region: target });
  return finish('smtp-auth-failed', facts);
}

type Rule = (s: Situation) => Diagnosis | undefined;

/** "Illegal address" naming `Name <address>`: a display name with a comma or colon gets its own answer. */
function illegal(s: Situation, bad: string | undefined): Diagnosis {
  const facts = baseFacts(s);
  const mailbox = bad ? /^\s*"?([^"<>]*?)"?\s*<([^<>]+)>\s*$/.exec(bad) : null;
  if (mailbox && mailbox[1] && displayNameNeedsQuoting(mailbox[1]) && !/^".*"$/.test(bad!.trim().split('<')[0].trim())) {
    const name = mailbox[1].trim();
    return finish('illegal-address', { ...facts, displayName: name, address: mailbox[2], header: formatMailbox({ name, address: mailbox[2] }) });
  }
  return finish('illegal-address', bad ? { ...facts, address: bad, problem: addressProblem(bad) } : facts);
}

const has = (s: Situation, pattern: RegExp) => pattern.test(s.text);
const code = (s: Situation, ...codes: string[]) => s.evidence.codes.some((c) => codes.includes(c));
const named = (s: Situation, ...names: string[]) =>
  (s.evidence.name !== undefined && names.includes(s.evidence.name)) || names.some((n) => new RegExp(`\\b${n}\\b`).test(s.text));

/** Transport symptoms that hold for any server: only SES's when something ties the failure to SES. */
function transportKind(s: Situation): { kind: DiagnosisKind; facts?: Facts } | undefined {
  const facts = baseFacts(s);
  const tls = s.context.tls === 'starttls' || s.context.tls === 'implicit' ? s.context.tls : undefined;
  const portTls = s.port !== undefined ? tlsModeForPort(s.port) : undefined;
  // A client set to the other TLS mode than SES speaks on the port: that mismatch explains any TLS-level symptom.
  const mismatch: DiagnosisKind | undefined =
    tls && portTls && tls !== portTls ? (portTls === 'implicit' ? 'tls-plain-on-implicit-port' : 'tls-implicit-on-starttls-port') : undefined;
  if (
    code(s, 'ERR_SSL_WRONG_VERSION_NUMBER') ||
    has(s, /wrong[ _]version[ _]number|unsupported or unrecognized ssl message|unexpected packet format|ssl23_get_server_hello:unknown protocol|\bunknown protocol\b.*ssl|ssl.*\bunknown protocol\b|record layer failure|http_request:.*ssl|packet length too long|first record does not look like a TLS handshake|port \d+ is typically reserved for plain-text connections/i)
  ) {
    return { kind: mismatch ?? 'tls-implicit-on-starttls-port' };
  }
  if (
    code(s, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY') ||
    has(s, /self[- ]signed certificate|unable to verify the first certificate|unable to get local issuer certificate|certificate verify failed|CERTIFICATE_VERIFY_FAILED|PKIX path building failed|unable to find valid certification path|does not match certificate's altnames|No subject alternative (?:DNS )?names? matching|remote certificate is invalid|certificate has expired|peer certificate cn=|hostname mismatch|certificate signature failure|CERT_SIGNATURE_FAILURE|UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify the leaf signature|certificate_unknown|x509: (?:certificate|cannot validate)/i)
  ) {
    return { kind: 'tls-certificate' };
  }
  // Connected, but no greeting: the sign of a plain client on a TLS-wrapper port. A connection timeout is not:
  // the TCP connection itself never opened.
  const greeting = code(s, 'GREETING_TIMEOUT') || has(s, /greeting never received|expected response code "?220"? but got (?:code "")?(?:an )?empty|got empty code|response: -1\b|SMTPServerDisconnected|connection unexpectedly closed|server has closed the connection|unable to read data from the transport connection|EOFError|end of file reached|Connection closed by (?:foreign|remote) host/i);
  const timedOut = code(s, 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'CONNECTION_TIMEOUT') || has(s, /timed? ?out|\btimeout\b|errno 110\b|\(110\)|Net::OpenTimeout|Net::ReadTimeout|\b10060\b/i);
  if (greeting && mismatch) return { kind: mismatch };
  if (greeting && portTls === 'implicit') {
    // Set to TLS from the start, as the port wants: something in between holds the connection.
    return tls === 'implicit' ? { kind: 'network-unreachable', facts: { ...facts, variant: 'no-greeting' } } : { kind: 'tls-plain-on-implicit-port' };
  }
  if (timedOut && s.port === 25) return { kind: 'smtp-port-blocked', facts: { ...facts, port: 25 } };
  if (code(s, 'ENOTFOUND', 'EAI_AGAIN') || has(s, /getaddrinfo|ENOTFOUND|EAI_AGAIN|Name or service not known|nodename nor servname|No such host is known|\bno such host\b|UnknownHostException|Temporary failure in name resolution|Could not resolve host|Host not found|php_network_getaddresses|remote name could not be resolved/i)) {
    return { kind: 'network-unreachable', facts: { ...facts, variant: 'not-found' } };
  }
  if (code(s, 'ECONNREFUSED') || has(s, /ECONNREFUSED|Connection refused|actively refused|errno 111\b|\(111\)/i)) {
    return { kind: 'network-unreachable', facts: { ...facts, variant: 'refused' } };
  }
  if (code(s, 'ENETUNREACH', 'EHOSTUNREACH') || has(s, /ENETUNREACH|EHOSTUNREACH|Network is unreachable|No route to host/i)) {
    return { kind: 'network-unreachable', facts };
  }
  if (greeting && s.port === undefined && s.evidence.command === 'CONN' && tls !== 'implicit') return { kind: 'tls-plain-on-implicit-port' };
  if (timedOut && (s.evidence.command === 'CONN' || has(s, /connect(?:ion)?\b.*timed? ?out|timed? ?out.*connect|dial tcp/i))) {
    return { kind: 'network-unreachable', facts: { ...facts, variant: 'timeout' } };
  }
  return undefined;
}

const RULES: Rule[] = [
  // Identity verification (554 Message rejected / MessageRejected).
  (s) =>
    has(s, /failed the check in region/i) ||
    (has(s, /email address(?:es)? (?:is |are )?not verified|identit(?:y|ies) (?:is |are )?not verified/i) && (s.anchored || has(s, /Message rejected|MessageRejected/i)))
      ? notVerified(s)
      : undefined,
  (s) => (named(s, 'MailFromDomainNotVerifiedException', 'MailFromDomainNotVerified') || has(s, /mail[- ]?from domain (?:is )?not verified/i) ? finish('mail-from-domain-not-verified', baseFacts(s)) : undefined),
  // IAM permission on the identity.
  (s) => {
    const match =
      /(?:User:?\s*[`'"]?(arn:aws[a-z-]*:(?:iam|sts)::\d+:[^\s,'"`]+)[`'"]?\s+)?is not authorized to perform:?\s*[`'"]?(ses:\w+)[`'"]?(?:\s+on resource:?\s*[`'"]?(arn:aws[a-z-]*:ses:[^\s,'"`()]+))?/i.exec(s.text);
    if (match) return finish('iam-not-authorized', { ...baseFacts(s), principal: match[1], action: match[2], resource: match[3]?.replace(/[.]$/, '') });
    if (named(s, 'AccessDeniedException', 'AccessDenied') && s.anchored) return finish('iam-not-authorized', baseFacts(s));
    if (has(s, /554[ -]Access denied/i)) return finish('iam-not-authorized', baseFacts(s));
    return undefined;
  },
  // Account paused or suspended.
  (s) => {
    if (named(s, 'ConfigurationSetSendingPausedException', 'ConfigurationSetSendingPaused') || has(s, /sending is paused for (?:this|the) configuration set/i)) {
      return finish('account-sending-paused', { ...baseFacts(s), variant: 'configuration-set' });
    }
    if (
      named(s, 'SendingPausedException', 'AccountSendingPausedException', 'AccountSuspendedException', 'AccountSendingPaused') ||
      has(s, /sending (?:is )?(?:paused|disabled|suspended) for (?:this|your|the) account|account(?:'s)? (?:email )?sending (?:is )?(?:paused|disabled)|Email sending is disabled/i)
    ) {
      return finish('account-sending-paused', baseFacts(s));
    }
    return undefined;
  },
  // Throttling.
  (s) =>
    has(s, /daily message quota exceeded|(?:Message rejected|MessageRejected|Throttling)\W+(?:daily )?sending quota exceeded/i) ||
    (has(s, /daily (?:sending )?quota (?:exceeded|reached)|exceeded (?:your|the) daily (?:sending )?quota|\bsending quota exceeded/i) && s.anchored)
      ? finish('daily-quota-exceeded', baseFacts(s))
      : undefined,
  (s) => {
    if (has(s, /maximum sending rate exceeded/i) || (has(s, /max(?:imum)? send rate exceeded|sending rate (?:has been )?exceeded/i) && s.anchored)) {
      return finish('max-send-rate-exceeded', baseFacts(s));
    }
    if (named(s, 'TooManyRequestsException', 'ThrottlingException', 'Throttling') && s.anchored) {
      return finish('max-send-rate-exceeded', { ...baseFacts(s), variant: 'api-throttle' });
    }
    return undefined;
  },
  (s) =>
    has(s, /too many concurrent smtp connections/i) || (has(s, /too many concurrent connections|421[ -](?:4\.\d\.\d )?too many connections/i) && s.anchored)
      ? finish('too-many-connections', baseFacts(s))
      : undefined,
  // "Message is too long" is said of mailing lists and chat messages too: only SES's reply or SES's API words stand alone.
  (s) =>
    has(s, /552[ -](?:5\.3\.4 )?Message is too long|Message length is more than \d+ bytes/i) ||
    (has(s, /message is too long|message (?:size )?(?:exceeds|too large)|552[ -](?:5\.3\.4 )?.*(?:too (?:long|big|large)|size)/i) && s.anchored)
      ? finish('message-too-long', baseFacts(s))
      : undefined,
  // Configuration set.
  (s) => {
    const match = /configuration set[ :]+(?:(?:named|with name)\s+)?[<`'"]?([A-Za-z0-9_-]+)[>`'"]?\s+does not exist/i.exec(s.text);
    if (match && match[1].toLowerCase() !== 'does') return finish('configuration-set-missing', { ...baseFacts(s), configurationSet: match[1] });
    if (named(s, 'ConfigurationSetDoesNotExistException', 'ConfigurationSetDoesNotExist') || has(s, /configuration set does not exist/i)) {
      return finish('configuration-set-missing', baseFacts(s));
    }
    return undefined;
  },
  // Malformed addresses.
  (s) => {
    const bad =
      /Invalid address:\s*\((?:from|to|cc|bcc|reply-?to|sender)\):?\s*([^\n]+)/i.exec(s.text)?.[1]?.trim() ??
      /553[ -](?:5\.\d\.\d )?<?([^\s<>]+@[^\s<>]*)>?\s+Invalid email address/i.exec(s.text)?.[1] ??
      /Email "([^"]+)" does not comply with addr-spec/i.exec(s.text)?.[1];
    if (bad) return illegal(s, bad);
    if (has(s, /\billegal address\b/i) && (s.anchored || has(s, /mail|smtp|InvalidParameterValue|BadRequest|address in string|\b55\d[ -]/i))) {
      return illegal(s, /Illegal address in string [`'"]+([^`'"]+)[`'"]+/i.exec(s.text)?.[1]);
    }
    if (has(s, /missing final '@domain'|local address contains control or whitespace|domain (?:contains illegal character|ends with dot|starts with dot|contains dot-dot)|invalid (?:MAIL FROM|RCPT TO|sender|recipient) address|553[ -].*invalid email address|does not comply with addr-spec|AddressException|Domain contains control or whitespace/i)) {
      return finish('illegal-address', baseFacts(s));
    }
    return undefined;
  },
  // AWS API credentials.
  (s) => {
    if (has(s, /(?:SSO|sso) (?:session|token)[^\n]*(?:expired|invalid|refresh)|TokenRefreshRequired|aws sso login/i)) return finish('credentials-expired', { ...baseFacts(s), variant: 'sso' });
    if (named(s, 'ExpiredTokenException', 'ExpiredToken', 'RequestExpired') || has(s, /security token included in the request is expired|The provided token has expired/i)) {
      return finish('credentials-expired', baseFacts(s));
    }
    if (has(s, /Could not load credentials from any providers|Unable to locate credentials|NoCredentialsError|Unable to load (?:AWS )?credentials|Unable to get IAM security credentials|Failed to resolve AWS credentials|No AWS credentials/i) || named(s, 'CredentialsProviderError', 'NoCredentialsError')) {
      return finish('credentials-invalid', { ...baseFacts(s), variant: 'missing' });
    }
    if (
      named(s, 'UnrecognizedClientException', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'InvalidSignatureException', 'IncompleteSignature', 'InvalidAccessKeyId', 'MissingAuthenticationToken') ||
      has(s, /security token included in the request is invalid|request signature we calculated does not match|AWS Access Key Id you provided does not exist/i)
    ) {
      return finish('credentials-invalid', baseFacts(s));
    }
    return undefined;
  },
  // SMTP login.
  (s) => {
    if (has(s, /signature version 2 is deprecated/i)) return finish('smtp-password-sigv2', baseFacts(s));
    if (has(s, /Account not subscribed to SES/i)) return finish('smtp-auth-failed', { ...baseFacts(s), variant: 'not-subscribed' });
    // Plain text on a STARTTLS port, never upgraded: a TLS-mode mistake, not a credentials one. The full 530
    // sentence is unmistakable; a bare 538 needs something tying it to SES.
    if (has(s, /Must issue a STARTTLS command first/i) || ((has(s, /\b538[ -]/) || s.evidence.responseCode === 538) && s.anchored)) {
      return finish('tls-plain-on-implicit-port', { ...baseFacts(s), variant: 'starttls-not-used' });
    }
    // SES offers AUTH only after STARTTLS: smtplib's login() then finds no AUTH, and .NET cannot tell the two apart.
    if (has(s, /SMTP AUTH extension not supported by server/i) && s.anchored) {
      return finish('tls-plain-on-implicit-port', { ...baseFacts(s), variant: 'starttls-not-used' });
    }
    if (has(s, /requires a secure connection or the client was not authenticated/i) && s.anchored) {
      return finish('tls-plain-on-implicit-port', { ...baseFacts(s), variant: 'starttls-or-login' });
    }
    if (has(s, /454[ -](?:4\.\d\.\d )?Temporary authentication failure/i)) return finish('smtp-auth-failed', { ...baseFacts(s), variant: 'temporary' });
    if (has(s, /530[ -](?:5\.\d\.\d )?Authentication required/i) && s.anchored) return finish('smtp-auth-failed', { ...baseFacts(s), variant: 'missing' });
    if (has(s, /Authentication Credentials Invalid/i)) return authFailed(s);
    const smtpAuth =
      s.evidence.responseCode === 535 ||
      (code(s, 'EAUTH') && s.evidence.responseCode !== 538) ||
      has(s, /\b535[ -]|SMTPAuthenticationError|Net::SMTPAuthenticationError|Invalid login|Could not authenticate|authentication failed|Failed to authenticate on SMTP server|AuthenticationFailedException/i);
    if (smtpAuth && s.anchored) return authFailed(s);
    return undefined;
  },
  // Transport: only when tied to SES.
  (s) => {
    const found = transportKind(s);
    if (!found) return undefined;
    if (!s.anchored) return finish('unknown', { resembles: found.kind });
    return finish(found.kind, found.facts ?? baseFacts(s));
  },
];

function diagnoseUnsafe(failure: unknown, context: DiagnosisContext): Diagnosis {
  const s = situation(failure, context);
  if (!s.text.trim()) return finish('unknown', {});
  if (s.elsewhere) return finish('unknown', { elsewhere: s.elsewhere });
  for (const rule of RULES) {
    const answer = rule(s);
    if (answer) return answer;
  }
  return finish('unknown', {});
}
