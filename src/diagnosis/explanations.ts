import { asciiIdentity } from '../address/idn';
import type { VerificationStatus } from '../rules/identities';
import { SIMULATOR_DOMAIN } from '../rules/identities';
import { isSesRegion, SES_REGIONS, smtpHostFor, tlsModeForPort, type TlsMode } from '../rules/regions';
import type { SmtpPasswordShape } from '../smtp-password/derive';
import type { DiagnosisKind, Fix } from './types';

/**
 * The one source of explanations. The diagnosis engine (after a failure) and the pre-flight (before a send) both
 * build their text here from the facts they know, so a user reads the same words in both places.
 * Regions are our lower-case codes; addresses and identities are shown exactly as SES or the user wrote them.
 */

/** Findings only the pre-flight can make: nothing has failed yet, but the user should know. */
export const PREFLIGHT_ONLY_KINDS = ['quota-nearly-used', 'smtp-host-region-mismatch', 'account-probation', 'no-recipients'] as const;
export type PreflightOnlyKind = (typeof PREFLIGHT_ONLY_KINDS)[number];
export type ExplainKind = DiagnosisKind | PreflightOnlyKind;

export interface Facts {
  /** The region the mail went (or goes) to. */
  region?: string;
  /** Identities SES named as failing, as it wrote them. */
  identities?: readonly string[];
  /** SES cut its list short ("..."). */
  truncated?: boolean;
  from?: string;
  recipients?: readonly string[];
  /** The single address a finding is about. */
  address?: string;
  /** Where that address sits in the mail. */
  field?: 'from' | 'to' | 'cc' | 'bcc' | 'reply-to' | 'return-path';
  /** A verified identity that differs from `address` only in letter case. */
  verifiedAs?: string;
  /** Regions where the identity is verified, other than `region`. */
  otherRegions?: readonly string[];
  /** Regions where the account is out of the sandbox. */
  productionRegions?: readonly string[];
  /** An identity of the region that exists but is not verified. */
  identityName?: string;
  identityType?: 'EMAIL_ADDRESS' | 'DOMAIN' | 'MANAGED_DOMAIN';
  identityStatus?: VerificationStatus;
  host?: string;
  hostRegion?: string;
  port?: number;
  tls?: TlsMode;
  transport?: 'smtp' | 'api';
  credentialRegions?: readonly string[];
  passwordShape?: SmtpPasswordShape;
  configurationSet?: string;
  /** Configuration sets that exist in the region, when known. */
  configurationSets?: readonly string[];
  principal?: string;
  action?: string;
  resource?: string;
  max24HourSend?: number;
  sentLast24Hours?: number;
  maxSendRate?: number;
  enforcementStatus?: string;
  displayName?: string;
  /** The From header as this tool will write it. */
  header?: string;
  /** What is wrong with an address, in words. */
  problem?: string;
  /** A narrower cause within the kind (e.g. `not-subscribed`, `starttls-first`, `not-found`). */
  variant?: string;
  profile?: string;
  /** The pre-flight speaks before the send ("SES will refuse…"); the engine after it ("SES refused…"). */
  before?: boolean;
  /** A kind the text resembles but that nothing ties to SES (only for `unknown`). */
  resembles?: DiagnosisKind;
  /** What the text names instead of SES, e.g. `the service AmazonKinesis` or `smtp.gmail.com` (only for `unknown`). */
  elsewhere?: string;
}

export interface Explained {
  kind: ExplainKind;
  title: string;
  explanation: string;
  fixes: Fix[];
}

const SES_CONSOLE = 'https://console.aws.amazon.com/ses/home';
const DOCS = {
  sandbox: 'https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html',
  verify: 'https://docs.aws.amazon.com/ses/latest/dg/creating-identities.html',
  smtpCredentials: 'https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html',
  smtpConnect: 'https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html',
  port25: 'https://repost.aws/knowledge-center/ec2-port-25-throttle',
  quotas: 'https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas.html',
  configurationSets: 'https://docs.aws.amazon.com/ses/latest/dg/using-configuration-sets.html',
  iam: 'https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html',
  mailFrom: 'https://docs.aws.amazon.com/ses/latest/dg/mail-from.html',
  limits: 'https://docs.aws.amazon.com/ses/latest/dg/quotas.html',
  enforcement: 'https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html',
  credentials: 'https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html',
} as const;

const regionText = (region?: string) => (region ? region : 'this region');
const list = (items: readonly string[], truncated = false) => {
  const shown = items.join(', ');
  return truncated ? `${shown} and more (SES cut the list short)` : shown;
};
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
/** A fallback phrase at the start of a sentence ("the From address" → "The From address"). Never used on addresses. */
const upper = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1);
/** A message from elsewhere (a validator, SES) set into a sentence of ours: no full stop of its own. */
const clause = (text: string) => {
  const trimmed = text.trim().replace(/[\s.;:,]+$/, '');
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
};
/** Whether a host is a stand-in for SES (127.0.0.1, localhost, LocalStack, a relay) rather than SES itself. */
const isSesHost = (host?: string) => !host || /(?:^|\.)amazonaws\.com\.?$/i.test(host) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) && !/^(?:127|10|0)\.|^192\.168\.|^172\.(?:1[6-9]|2\d|3[01])\.|^169\.254\./.test(host);
const consoleUrl = (region?: string) => (region ? `${SES_CONSOLE}?region=${region}#/account` : SES_CONSOLE);

function verifyFixes(identities: readonly string[], region: string | undefined): Fix[] {
  if (!region) return [];
  // SES stores an internationalised domain as punycode: the identity to create is that form.
  return identities.slice(0, 5).map((identity) => ({
    type: 'verify-identity' as const,
    label: `Verify ${identity} in ${region}`,
    identity: asciiIdentity(identity),
    region,
  }));
}

const simulatorFix = (): Fix => ({
  type: 'use-simulator',
  label: 'Send to the mailbox simulator instead',
  scenario: 'success',
  address: `success@${SIMULATOR_DOMAIN}`,
});

const productionFix = (region: string | undefined): Fix[] =>
  region ? [{ type: 'request-production-access', label: `Request production access in ${region}`, region }] : [];

const switchFixes = (regions: readonly string[] | undefined): Fix[] =>
  (regions ?? []).slice(0, 3).map((region) => ({ type: 'switch-region' as const, label: `Switch to ${region}`, region }));

const portFix = (port: number, tls: TlsMode): Extract<Fix, { type: 'change-port' }> => ({
  type: 'change-port',
  label: tls === 'starttls' ? `Use port ${port} with STARTTLS` : `Use port ${port} with TLS from the start`,
  port,
  tls,
});

function sandboxRecipient(f: Facts): Explained {
  const names = f.identities?.length ? f.identities : f.address ? [f.address] : [];
  const who = names.length ? list(names, f.truncated) : 'a recipient';
  const region = regionText(f.region);
  const production = (f.productionRegions ?? []).filter((r) => r !== f.region);
  let explanation =
    `Your SES account is in the sandbox in ${region}. In the sandbox SES delivers only to addresses and domains ` +
    `verified in that same region, or to the mailbox simulator, and ${who} ${plural(names.length, 'is', 'are')} not ` +
    `verified in ${region}. ` +
    (f.before
      ? `SES will accept the connection and the login, then refuse the whole message with "554 Message rejected: Email address is not verified".`
      : f.transport === 'api'
        ? `SES refused the whole SendEmail request for this; nothing was delivered.`
        : `SES checks this when the message is complete, so the connection and login worked; only the recipients were refused.`) +
    `\n\nTo send now: verify ${plural(names.length, 'that address', 'those addresses')} in ` +
    `${region} (SES mails a link that must be clicked within 24 hours), or send to success@${SIMULATOR_DOMAIN}. ` +
    `To send to anyone, request production access for ${region}; the sandbox is lifted per region.`;
  if (production.length) {
    explanation += `\n\nYour account already has production access in ${production.join(', ')}: sending from there needs the sender verified there too.`;
  }
  if (f.region && (f.productionRegions ?? []).includes(f.region)) {
    // SES checks recipients only in the sandbox: if it checked one, this region's account is still in it.
    explanation =
      `You said ${region} has production access, but SES checked a recipient, which it does only in the sandbox: ` +
      `the account is still in the sandbox in ${region} (production access is granted per region, so check which ` +
      `region the request was for, and that it was granted).\n\n` + explanation;
  }
  return {
    kind: 'sandbox-recipient-not-verified',
    title: names.length ? `Recipient not verified: ${who} (sandbox in ${region})` : `A recipient is not verified (sandbox in ${region})`,
    explanation,
    fixes: [...verifyFixes(names, f.region), simulatorFix(), ...productionFix(f.region), ...switchFixes(production)],
  };
}

function senderNotVerified(f: Facts): Explained {
  const sender = f.address ?? f.from ?? f.identities?.[0];
  const region = regionText(f.region);
  const who = sender ?? 'the From address';
  const rolesUnknown = f.variant === 'role-unknown';
  let explanation: string;
  const fixes: Fix[] = [];
  if (f.identityStatus && f.identityStatus !== 'SUCCESS' && f.identityName) {
    const name = f.identityName;
    if (f.identityType === 'EMAIL_ADDRESS') {
      explanation =
        f.identityStatus === 'FAILED'
          ? `${name} was added as an identity in ${region}, but its verification failed: the link SES mailed was not ` +
            `clicked within 24 hours. Until it is verified, SES refuses mail from ${who}. Send the verification mail ` +
            `again and click the link in it.`
          : `${name} is waiting for verification in ${region} (status ${f.identityStatus}): SES mailed a link to it that ` +
            `has not been clicked yet. Until it is clicked, SES refuses mail from ${who}. The link expires after 24 hours; ` +
            `if it has, send it again.`;
      if (f.region) fixes.push({ type: 'verify-identity', label: `Send the verification mail to ${name} again`, identity: name, region: f.region });
    } else {
      explanation =
        `The domain ${name} is an identity in ${region}, but it is ${f.identityStatus}, not verified, and a domain that ` +
        `is not verified covers no address. SES refuses mail from ${who} until the three DKIM CNAME records ` +
        `(<token>._domainkey.${name} → <token>.dkim.amazonses.com) are found in DNS; that can take up to 72 hours ` +
        `after they are published. Check each of the three records.`;
      if (f.region) fixes.push({ type: 'check-dkim-records', label: `Check the DKIM records of ${name}`, domain: name, region: f.region });
    }
    fixes.push(...switchFixes(f.otherRegions));
    return { kind: 'sender-not-verified', title: `Sender not verified yet: ${name} is ${f.identityStatus} in ${region}`, explanation, fixes };
  }
  explanation =
    `SES refuses mail whose From address is not a verified identity in the region it is sent through, in the sandbox ` +
    `and in production alike. ${sender ?? upper(who)} is not verified in ${region}, and neither is its domain.\n\nVerify ${who} in ` +
    `${region} (SES mails a link, valid 24 hours), or verify its domain with DKIM to send from any address at it. ` +
    `Identities are per region: one verified elsewhere does not count here.`;
  if (rolesUnknown) {
    explanation +=
      `\n\nSES's message does not say whether ${who} is your sender or a recipient. If it is a recipient, the account ` +
      `is in the sandbox in ${region} and the fix is the same: verify it, or send to the mailbox simulator, or request ` +
      `production access. Give the From address (and the regions where you verified identities) to tell the two apart.`;
  }
  fixes.push(...(sender ? verifyFixes([sender], f.region) : []), ...switchFixes(f.otherRegions));
  if (rolesUnknown) fixes.push(simulatorFix(), ...productionFix(f.region));
  return { kind: 'sender-not-verified', title: sender ? `Sender not verified: ${sender} in ${region}` : `The From address is not verified in ${region}`, explanation, fixes };
}

function identityInOtherRegion(f: Facts): Explained {
  const named = f.address ?? f.identities?.[0];
  const who = named ?? 'the address';
  const region = regionText(f.region);
  const others = f.otherRegions ?? [];
  const where = others.length ? others.join(', ') : 'another region';
  const hostNote = f.host
    ? ` You connect to ${f.host}, which is SES in ${f.hostRegion ?? region}.`
    : '';
  const credentialNote =
    f.transport !== 'api' && others[0] && f.credentialRegions && !f.credentialRegions.includes(others[0])
      ? ` SMTP credentials are per region too: you have none stored for ${others[0]} yet.`
      : '';
  const fixes: Fix[] = [...switchFixes(others)];
  if (others[0] && f.transport !== 'api') fixes.push({ type: 'use-smtp-host', label: `Use ${smtpHostFor(others[0])}`, host: smtpHostFor(others[0]) });
  if (others[0] && credentialNote) fixes.push({ type: 'set-smtp-credentials', label: `Set SMTP credentials for ${others[0]}`, region: others[0] });
  fixes.push(...(named ? verifyFixes([named], f.region) : []));
  return {
    kind: 'identity-in-other-region',
    title: `${named ?? upper(who)} is verified in ${where}, not in ${region}`,
    explanation:
      `${named ?? upper(who)} is verified in ${where}, but the mail ${f.before ? 'goes' : 'went'} to SES in ${region}.${hostNote} Identities, the sandbox and ` +
      `SMTP credentials are all separate in each region: verified in ${where} means nothing in ${region}.` +
      `${credentialNote}\n\nSend through ${others[0] ?? 'the region where it is verified'}` +
      `${others[0] && f.transport !== 'api' ? ` (SMTP host ${smtpHostFor(others[0])})` : ''}, or verify ${who} in ${region} as well.`,
    fixes,
  };
}

function addressCaseMismatch(f: Facts): Explained {
  const typed = f.address ?? f.identities?.[0] ?? 'the address';
  const verified = f.verifiedAs ?? 'identity';
  const region = regionText(f.region);
  const field = f.field === 'from' || f.field === 'return-path' ? 'from' : 'to';
  const fixes: Fix[] = [];
  if (f.variant === 'smtp-lower-domain') {
    // The user typed the verified spelling; the SMTP library changes it on the way. Only verifying what arrives helps.
    fixes.push(...verifyFixes([typed], f.region));
    return {
      kind: 'address-case-mismatch',
      title: `Over SMTP ${verified} goes out as ${typed}`,
      explanation:
        `${verified} is verified in ${region}, but nodemailer (like many SMTP libraries) writes the domain of an ` +
        `address in lower case, so SES receives ${typed}. SES compares email-address identities letter for letter, the ` +
        `domain included, and ${f.before ? 'will refuse' : 'refused'} it. Verify ${typed} as well, or send through the SES API, which keeps the ` +
        `address as typed.`,
      fixes,
    };
  }
  if (f.verifiedAs && f.address) {
    fixes.push({ type: 'use-address', label: `Use ${f.verifiedAs} exactly`, field, address: f.verifiedAs, replaces: f.address });
  }
  fixes.push(...verifyFixes(typed !== 'the address' ? [typed] : [], f.region));
  return {
    kind: 'address-case-mismatch',
    title: `${typed === 'the address' ? 'The address' : typed} differs in letter case from the verified ${verified}`,
    explanation:
      `SES compares email-address identities letter for letter, the domain included: ${f.verifiedAs ?? 'an address'} is ` +
      `verified in ${region}, but the mail uses ${typed}, and for SES those are two different identities (only domain ` +
      `identities ignore letter case). Write the address exactly as it was verified, or verify ${typed} too.`,
    fixes,
  };
}

function envelopeSender(f: Facts): Explained {
  const names = f.identities?.length ? f.identities : f.address ? [f.address] : [];
  const who = names.length ? list(names, f.truncated) : 'the envelope sender';
  const region = regionText(f.region);
  return {
    kind: 'envelope-sender-not-verified',
    title: names.length ? `Envelope sender (Return-Path) not verified: ${who}` : 'Envelope sender (Return-Path) not verified',
    explanation:
      `SES checks the envelope sender (the SMTP MAIL FROM, which becomes the Return-Path) as well as the From header. ` +
      `${f.from ? `The From address ${f.from} passed, but ${who}` : names.length ? who : upper(who)} ${plural(names.length, 'is', 'are')} not ` +
      `verified in ${region}. Frameworks and relays often set the envelope sender on their own (a bounce address, ` +
      `the system user, a Sender header). Make the envelope sender a verified address or an address at a verified ` +
      `domain, or verify ${who} in ${region}.`,
    fixes: verifyFixes(names, f.region),
  };
}

function iamSecret(f: Facts): Explained {
  const region = f.hostRegion ?? f.region;
  return {
    kind: 'iam-secret-as-smtp-password',
    title: 'The SMTP password is an IAM secret access key',
    explanation:
      `${f.before ? 'SES will refuse the login (535 Authentication Credentials Invalid):' : 'SES refused the login (535) because'} the password is 40 characters long: that is the shape of an IAM secret ` +
      `access key, not of an SES SMTP password. The SMTP password is derived from the secret key for one region ` +
      `(44 characters, starting with "B"); the username stays the access key id (AKIA…).\n\nCreate the SMTP ` +
      `password from the secret key for ${regionText(region)} (done locally; the key is not stored), then log in with it.`,
    fixes: [
      ...(region ? [{ type: 'derive-smtp-password' as const, label: `Create the SMTP password for ${region}`, region }] : []),
      { type: 'open-url', label: 'SES SMTP credentials (AWS docs)', url: DOCS.smtpCredentials },
    ],
  };
}

function sigv2(f: Facts): Explained {
  const region = f.hostRegion ?? f.region;
  return {
    kind: 'smtp-password-sigv2',
    title: 'The SMTP password is the retired Signature Version 2 kind',
    explanation:
      `SES no longer accepts SMTP passwords derived with Signature Version 2 (44 characters starting with "A"), ` +
      `which older IAM consoles and scripts produced. Passwords now derive with Signature Version 4, per region ` +
      `(44 characters starting with "B").\n\nCreate a new SMTP password from the IAM secret key for ` +
      `${regionText(region)}, or create new SMTP credentials in the SES console.`,
    fixes: [
      ...(region ? [{ type: 'derive-smtp-password' as const, label: `Create the SMTP password for ${region}`, region }] : []),
      { type: 'open-url', label: 'SES SMTP credentials (AWS docs)', url: DOCS.smtpCredentials },
    ],
  };
}

function wrongRegionPassword(f: Facts): Explained {
  const region = f.hostRegion ?? f.region;
  const stored = f.credentialRegions ?? [];
  const fixes: Fix[] = [];
  if (region) {
    fixes.push({ type: 'set-smtp-credentials', label: `Set SMTP credentials for ${region}`, region });
    fixes.push({ type: 'derive-smtp-password', label: `Create the SMTP password for ${region}`, region });
  }
  fixes.push(...switchFixes(stored));
  return {
    kind: 'smtp-password-wrong-region',
    title: `The SMTP password was made for ${stored.length ? stored.join(', ') : 'another region'}, not ${regionText(region)}`,
    explanation:
      `SES SMTP passwords are derived per region: the same IAM key gives a different password in each region. ` +
      `You connect to ${f.host ? `${f.host}${region ? ` (${region})` : ''}` : `SES in ${regionText(region)}`}, but the stored SMTP ` +
      `credentials are for ${stored.length ? stored.join(', ') : 'another region'}, so SES refused the login (535).\n\n` +
      `Create the password for ${regionText(region)} from the same IAM secret key, or send through ` +
      `${stored[0] ?? 'the region the password was made for'}.`,
    fixes,
  };
}

function smtpAuthFailed(f: Facts): Explained {
  const region = f.hostRegion ?? f.region;
  const fixes: Fix[] = [];
  if (f.variant === 'starttls-first') {
    return {
      kind: 'smtp-auth-failed',
      title: 'Login sent before STARTTLS',
      explanation:
        `SES accepts a login only over an encrypted connection. The client sent AUTH on ${f.port ? `port ${f.port}` : 'a STARTTLS port'} ` +
        `without first switching to TLS with STARTTLS. Turn on STARTTLS (in most libraries "tls", "starttls" or ` +
        `"requireTLS"), or use port 465 with TLS from the start.`,
      fixes: [portFix(587, 'starttls'), portFix(465, 'implicit')],
    };
  }
  if (f.variant === 'missing') {
    return {
      kind: 'smtp-auth-failed',
      title: f.before ? `No SMTP credentials for ${regionText(region)}` : 'SES needs a login before sending',
      explanation:
        (f.before
          ? `No SMTP credentials are stored for ${regionText(region)}; SES refuses to send without a login ("530 Authentication required"). Give the SMTP `
          : `SES answered "530 Authentication required": the client tried to send without logging in. Give the SMTP `) +
        `username (the access key id, AKIA…) and the SMTP password for ${regionText(region)}.`,
      fixes: region ? [{ type: 'set-smtp-credentials', label: `Set SMTP credentials for ${region}`, region }] : [],
    };
  }
  if (f.variant === 'not-subscribed') {
    return {
      kind: 'smtp-auth-failed',
      title: 'The AWS account of these SMTP credentials is not signed up for SES',
      explanation:
        `SES answered "Account not subscribed to SES": the access key in the SMTP username belongs to an AWS account ` +
        `that has not been signed up for SES, or it was deleted. Use SMTP credentials from the account where SES is set up.`,
      fixes: region ? [{ type: 'set-smtp-credentials', label: `Set SMTP credentials for ${region}`, region }] : [],
    };
  }
  if (f.variant === 'odd-password') {
    return {
      kind: 'smtp-auth-failed',
      title: `The SMTP password for ${regionText(region)} does not look like an SES SMTP password`,
      explanation:
        `An SES SMTP password is 44 characters long and starts with "B" (derived from an IAM secret key for one region). ` +
        `The stored one is not shaped like that, so SES will most likely refuse the login (535). Set the credentials ` +
        `again, or create the password from the IAM secret key.`,
      fixes: region
        ? [
            { type: 'set-smtp-credentials', label: `Set SMTP credentials for ${region}`, region },
            { type: 'derive-smtp-password', label: `Create the SMTP password for ${region}`, region },
          ]
        : [],
    };
  }
  if (f.variant === 'temporary') {
    return {
      kind: 'smtp-auth-failed',
      title: 'Temporary authentication failure at SES',
      explanation: `SES answered "454 Temporary authentication failure": the login could not be checked just now. Wait a minute and try again; if it persists, check the SMTP credentials for ${regionText(region)}.`,
      fixes: [],
    };
  }
  const shapeNote =
    f.passwordShape === 'other'
      ? ' The stored password is not shaped like an SES SMTP password at all (44 characters starting with "B").'
      : f.passwordShape === 'empty'
        ? ' No password was given.'
        : '';
  if (region) {
    fixes.push({ type: 'set-smtp-credentials', label: `Set SMTP credentials for ${region}`, region });
    fixes.push({ type: 'derive-smtp-password', label: `Create the SMTP password for ${region}`, region });
  }
  fixes.push({ type: 'open-url', label: 'SES SMTP credentials (AWS docs)', url: DOCS.smtpCredentials });
  if (f.passwordShape === 'smtp-sigv4') {
    return {
      kind: 'smtp-auth-failed',
      title: `SES refused the SMTP login${region ? ` in ${region}` : ''} (535)`,
      explanation:
        `SES did not accept the SMTP username and password${region ? ` for ${region}` : ''}. The password is shaped ` +
        `right (44 characters starting with "B")${f.credentialRegions?.length ? ` and stored for ${f.credentialRegions.join(', ')}` : ''}, ` +
        `so check what the shape cannot tell:\n` +
        `- the password was derived for ${regionText(region)} and not another region (each region gives a different password);\n` +
        `- the username is the access key id (AKIA…) of the same IAM key the password was derived from;\n` +
        `- that access key is still active in IAM (not deleted or deactivated).\n` +
        `Set the credentials again for ${regionText(region)}, or create the password from the IAM secret key.`,
      fixes,
    };
  }
  return {
    kind: 'smtp-auth-failed',
    title: `SES refused the SMTP login${region ? ` in ${region}` : ''} (535)`,
    explanation:
      `SES did not accept the SMTP username and password${region ? ` for ${region}` : ''}.${shapeNote} A 535 from SES ` +
      `has four usual causes, told apart by the password:\n` +
      `- 40 characters: an IAM secret access key, not an SMTP password; derive the SMTP password from it.\n` +
      `- 44 characters starting with "A": a retired Signature Version 2 password; derive a new one.\n` +
      `- 44 characters starting with "B" but made for another region: SMTP passwords are per region.\n` +
      `- Otherwise the key was deleted or deactivated, or the username is not the access key id (AKIA…) of the same key.\n` +
      `Set the credentials again for ${regionText(region)}, or create the password from the IAM secret key.`,
    fixes,
  };
}

function portBlocked(f: Facts): Explained {
  const port = f.port ?? 25;
  return {
    kind: 'smtp-port-blocked',
    title: f.before ? `Port ${port} is likely blocked on the way to SES (EC2 and many networks block it)` : `Port ${port} is blocked on the way to SES`,
    explanation:
      (f.before
        ? `Port ${port} is often blocked on the way to ${f.host ?? 'SES'}: the connection then hangs until it times out. `
        : `The connection to ${f.host ?? 'SES'} on port ${port} never opened: it timed out. `) +
      `Amazon EC2 (and many cloud ` +
      `and home networks) throttle or block outgoing port 25. SES listens on 587 and 2587 too (STARTTLS), and on 465 ` +
      `and 2465 (TLS from the start); use one of those.`,
    fixes: [
      ...[portFix(587, 'starttls'), portFix(2587, 'starttls'), portFix(465, 'implicit')].filter((fix) => fix.port !== port),
      { type: 'open-url', label: 'Port 25 on EC2 (AWS)', url: DOCS.port25 },
    ],
  };
}

function implicitOnStarttls(f: Facts): Explained {
  const port = f.port;
  if (port !== undefined && tlsModeForPort(port) === 'implicit') {
    // TLS from the start is right on 465 and 2465: what answered in plain text there is not SES.
    return {
      kind: 'tls-implicit-on-starttls-port',
      title: `The server on port ${port} answered in plain text`,
      explanation:
        `The client began with a TLS handshake on port ${port}, as SES expects there, but the server answered in plain ` +
        `text, so the handshake failed ("wrong version number"). SES speaks TLS from the start on 465 and 2465, so ` +
        `what answered${f.host ? ` at ${f.host}` : ''} is not SES itself but a relay, proxy or emulator that speaks ` +
        `STARTTLS on that port. Use STARTTLS with that server, or connect to email-smtp.<region>.amazonaws.com directly.`,
      fixes: [portFix(587, 'starttls')],
    };
  }
  return {
    kind: 'tls-implicit-on-starttls-port',
    title: `TLS from the start was used on ${port ? `port ${port}` : 'a STARTTLS port'}`,
    explanation:
      `${f.before ? 'TLS from the start is chosen' : 'The client began with a TLS handshake'}, but ${port ? `port ${port}` : 'this port'} at SES starts in plain text and ` +
      `switches to TLS with STARTTLS, so the handshake ${f.before ? 'would fail' : 'failed'} (in OpenSSL's words, "wrong version number"). SES offers ` +
      `STARTTLS on 587, 2587 and 25, and TLS from the start on 465 and 2465.\n\nEither keep ` +
      `${port ? `port ${port}` : 'the port'} and use STARTTLS (in nodemailer \`secure: false\`; elsewhere "tls" rather than "ssl"), ` +
      `or switch to port 465 with TLS from the start.`,
    fixes: [portFix(port && [587, 2587, 25].includes(port) ? port : 587, 'starttls'), portFix(465, 'implicit')],
  };
}

function plainOnImplicit(f: Facts): Explained {
  if (f.variant === 'starttls-not-used' || f.variant === 'starttls-or-login') {
    // Plain text on a STARTTLS port, never upgraded: SES refuses mail ("530 Must issue a STARTTLS command first")
    // and offers no AUTH until STARTTLS.
    const port = f.port;
    const on = port ? `port ${port}` : 'a STARTTLS port';
    const login =
      f.variant === 'starttls-or-login'
        ? `\n\nIf STARTTLS is already on, the client sent no login: give the SMTP username (the access key id, AKIA…) ` +
          `and the SMTP password${f.region ? ` for ${f.region}` : ''} (in .NET, set \`UseDefaultCredentials = false\` before \`Credentials\`).`
        : '';
    return {
      kind: 'tls-plain-on-implicit-port',
      title: `STARTTLS was not used on ${on}`,
      explanation:
        `The client stayed in plain text on ${on} and never switched to TLS with STARTTLS. SES offers the login ` +
        `(AUTH) only after STARTTLS and accepts no mail over an unencrypted connection: it answers "530 Must issue a ` +
        `STARTTLS command first", and a client that looks for AUTH first reports that the server does not support it. ` +
        `Turn on STARTTLS and make it required: nodemailer \`secure: false, requireTLS: true\` (and not ` +
        `\`ignoreTLS\`), PHPMailer \`SMTPSecure = 'tls'\`, Python \`starttls()\` before \`login()\`, Django ` +
        `\`EMAIL_USE_TLS = True\`, the .NET SmtpClient \`EnableSsl = true\`, JavaMail \`mail.smtp.starttls.enable\` and ` +
        `\`mail.smtp.starttls.required\`. Or use port 465 with TLS from the start.${login}`,
      fixes: [portFix(port && [25, 587, 2587].includes(port) ? port : 587, 'starttls'), portFix(465, 'implicit')],
    };
  }
  const port = f.port ?? 465;
  const symptom =
    f.tls === 'starttls'
      ? `The client is set to STARTTLS, which begins in plain text, so the connection failed. `
      : f.before
        ? `A plain (STARTTLS) connection would wait for SES's greeting, which never comes before TLS, until it times out. `
        : `The client connected in plain text and waited for SES's greeting, which never comes before TLS, so the connection timed out or closed. `;
  return {
    kind: 'tls-plain-on-implicit-port',
    title: `Plain connection to port ${port}, which expects TLS from the start`,
    explanation:
      `On port ${port} SES expects a TLS handshake before anything else. ${symptom}Turn on TLS ` +
      `from the start (nodemailer \`secure: true\`, PHPMailer "ssl", Python \`SMTP_SSL\`, Laravel/Symfony "smtps"), ` +
      `or use port 587 with STARTTLS.`,
    fixes: [portFix(port === 2465 ? 2465 : 465, 'implicit'), portFix(587, 'starttls')],
  };
}

function certificate(f: Facts): Explained {
  const host = f.host;
  const notSes = host && !/\.amazonaws\.com\.?$/i.test(host);
  return {
    kind: 'tls-certificate',
    title: `The TLS certificate of ${host ?? 'the SMTP server'} was not trusted`,
    explanation:
      `The TLS handshake failed because the certificate could not be verified: it is self-signed, signed by an ` +
      `unknown authority, or issued for another host name.` +
      (notSes
        ? ` ${host} is not an SES host: a proxy, a local relay or an emulator stands in between. Trust its CA ` +
          `certificate explicitly, or connect to email-smtp.<region>.amazonaws.com directly.`
        : ` SES's own certificate is publicly trusted and names email-smtp.<region>.amazonaws.com, so the usual causes ` +
          `are connecting by IP address or through a different host name, a corporate proxy that inspects TLS, or an ` +
          `out-of-date CA bundle on this machine. Connect by the exact SES host name and update the CA certificates.`) +
      ` Do not turn certificate checks off.`,
    fixes: f.region ? [{ type: 'use-smtp-host', label: `Use ${smtpHostFor(f.region)}`, host: smtpHostFor(f.region) }] : [],
  };
}

function maxRate(f: Facts): Explained {
  const rate = f.maxSendRate !== undefined ? `${f.maxSendRate} message${f.maxSendRate === 1 ? '' : 's'} per second` : 'your maximum send rate';
  return {
    kind: 'max-send-rate-exceeded',
    title: `Sending faster than ${rate}${f.region ? ` in ${f.region}` : ''}`,
    explanation:
      (f.variant === 'api-throttle'
        ? `SES throttled the API calls (TooManyRequestsException): too many requests arrived in too short a time. `
        : `SES refused this message because the account sent faster than ${rate}${f.region ? ` in ${f.region}` : ''} ` +
          `(in the sandbox: 1 per second; the rate counts recipients). `) +
      `Nothing is wrong with the message itself: wait a moment and send again, and pace sending (a queue, or retry ` +
      `with a back-off). A higher rate can be requested in the Service Quotas console.`,
    fixes: [{ type: 'open-url', label: 'SES sending quotas (AWS docs)', url: DOCS.quotas }, ...productionFix(f.region)],
  };
}

function dailyQuota(f: Facts): Explained {
  const quota =
    f.max24HourSend !== undefined && f.max24HourSend >= 0
      ? `${f.sentLast24Hours ?? f.max24HourSend} of ${f.max24HourSend} recipients`
      : 'the daily quota';
  return {
    kind: 'daily-quota-exceeded',
    title: `Daily sending quota used up${f.region ? ` in ${f.region}` : ''}`,
    explanation:
      (quota === 'the daily quota'
        ? `The account has used up its daily sending quota${f.region ? ` in ${f.region}` : ''}`
        : `The account has ${f.before ? 'used' : 'sent'} ${quota} allowed in 24 hours${f.region ? ` in ${f.region}` : ''}`) +
      `${f.recipients?.length ? `, and this mail has ${f.recipients.length} more` : ''} (the quota counts ` +
      `recipients, not messages; the sandbox allows 200). SES refuses more until older sends leave the rolling ` +
      `24-hour window. Test with the mailbox simulator, which does not count against the daily quota, or request ` +
      `production access or a higher quota.`,
    fixes: [simulatorFix(), ...productionFix(f.region), { type: 'open-url', label: 'SES sending quotas (AWS docs)', url: DOCS.quotas }],
  };
}

function configurationSetMissing(f: Facts): Explained {
  const name = f.configurationSet ? `"${f.configurationSet}"` : 'a configuration set';
  const region = regionText(f.region);
  const elsewhere = f.otherRegions?.length ? ` It exists in ${f.otherRegions.join(', ')}: configuration sets are per region.` : ' Configuration sets are per region: one made in another region does not exist here.';
  return {
    kind: 'configuration-set-missing',
    title: f.configurationSet ? `Configuration set ${f.configurationSet} does not exist in ${region}` : `The configuration set does not exist in ${region}`,
    explanation:
      `The mail names ${f.configurationSet ? `the configuration set ${name}` : name} (the ConfigurationSetName parameter, or the ` +
      `X-SES-CONFIGURATION-SET header over SMTP), and SES has no configuration set by that name in ${region}.${elsewhere} ` +
      `Pick one that exists in ${region}, create it there, or send without one.`,
    fixes: [
      ...(f.region ? [{ type: 'choose-configuration-set' as const, label: `Choose a configuration set of ${f.region}`, region: f.region }] : []),
      ...switchFixes(f.otherRegions),
      { type: 'open-url', label: 'Configuration sets (AWS docs)', url: DOCS.configurationSets },
    ],
  };
}

function illegalAddress(f: Facts): Explained {
  if (f.displayName !== undefined) {
    const header = f.header ?? `"${f.displayName}" <${f.address ?? 'address'}>`;
    const specials = [...new Set([...f.displayName].filter((c) => ',:;<>@()[]\\".'.includes(c)))];
    const which = specials.includes(',') ? 'a comma, which separates two addresses' : specials.includes(':') ? 'a colon, which starts a group' : `"${specials[0] ?? ','}"`;
    if (f.before) {
      // The pre-flight: this tool builds the header itself (nodemailer quotes or encodes the name).
      return {
        kind: 'illegal-address',
        title: `The display name "${f.displayName}" will be sent quoted`,
        explanation:
          `The display name "${f.displayName}" contains ${which} in a From header. Written bare, SES would read the ` +
          `header as malformed and refuse the mail with "Illegal address". This tool quotes or encodes the name ` +
          `itself, so nothing needs to change here; it sends:\n\nFrom: ${header}\n\nIn your own code, pass the name ` +
          `and the address to the mail library separately (nodemailer: \`from: { name, address }\`) rather than ` +
          `writing the header by hand.`,
        fixes: [{ type: 'quote-display-name', label: 'The From header as sent', header }],
      };
    }
    return {
      kind: 'illegal-address',
      title: `The display name "${f.displayName}" must be quoted`,
      explanation:
        `The display name "${f.displayName}" contains ${which} in a mail header. Written bare, SES reads the From ` +
        `header as malformed and refuses the mail with "Illegal address". Quoted (or encoded, for a name with ` +
        `non-ASCII letters), it is fine: ${header}\n\nPass the name and the address to the mail library separately ` +
        `(nodemailer: \`from: { name, address }\`), which quotes it for you, or quote the name yourself.`,
      fixes: [{ type: 'quote-display-name', label: 'Quote the display name', header }],
    };
  }
  const problem = f.problem ? clause(f.problem) : undefined;
  const who = f.address ? `"${f.address}"` : 'An address in the mail';
  // Display-name advice only when the address could hold a display name, or nothing more precise is known.
  const nameAdvice = !problem || /[<>,:;"]/.test(f.address ?? '');
  return {
    kind: 'illegal-address',
    title: f.address ? `Invalid address: ${f.address}` : 'An address is malformed ("Illegal address")',
    explanation:
      `${who} is not a valid email address${problem ? `: ${problem}` : ''}. ` +
      (nameAdvice
        ? `SES answers "Illegal address" (or 553 Invalid email address) for addresses it cannot parse, and most ` +
          `often for a From display name with an unquoted comma or colon, such as \`Acme, Inc. <no-reply@example.com>\`, ` +
          `which must be written \`"Acme, Inc." <no-reply@example.com>\`. Also check for spaces, a missing @, two @, ` +
          `and non-ASCII text before the @ (SES needs ASCII there; an internationalized domain must be punycode).`
        : `SES ${f.before ? 'would answer' : 'answers'} "Illegal address" (or 553 Invalid email address) for an ` +
          `address it cannot parse. Correct the address and send again.`),
    fixes: [],
  };
}

function sendingPaused(f: Facts): Explained {
  const region = regionText(f.region);
  const configSet = f.variant === 'configuration-set';
  return {
    kind: 'account-sending-paused',
    title: configSet
      ? `Sending is paused for the configuration set${f.configurationSet ? ` ${f.configurationSet}` : ''}`
      : f.enforcementStatus === 'SHUTDOWN'
        ? `Sending is suspended for the account in ${region} (enforcement SHUTDOWN)`
        : `Sending is paused for the account in ${region}`,
    explanation: configSet
      ? `Sending is turned off for the configuration set${f.configurationSet ? ` ${f.configurationSet}` : ''} in ${region}. ` +
        `Turn sending back on for it, or send without it.`
      : `SES has paused sending for this account in ${region}${f.enforcementStatus && f.enforcementStatus !== 'HEALTHY' ? ` (enforcement status ${f.enforcementStatus})` : ''}. ` +
        `This happens when bounce or complaint rates were too high, or after a review; AWS writes to the account's ` +
        `email address with the reason. Until sending is enabled again, every send is refused. Read the message ` +
        `from AWS in the account's inbox and the Account dashboard in the SES console, fix the cause, and ask for ` +
        `a review there.`,
    fixes: [
      { type: 'open-url', label: `Open the SES account dashboard${f.region ? ` (${f.region})` : ''}`, url: consoleUrl(f.region) },
      { type: 'open-url', label: 'Sending review process (AWS docs)', url: DOCS.enforcement },
    ],
  };
}

function iamNotAuthorized(f: Facts): Explained {
  const action = f.action ?? 'ses:SendRawEmail';
  const principal = f.principal ?? 'The IAM user or role';
  const resource = f.resource ? ` on ${f.resource}` : '';
  return {
    kind: 'iam-not-authorized',
    title: `Not allowed: ${action}${f.resource ? ` on ${f.resource.replace(/^.*:identity\//, '')}` : ''}`,
    explanation:
      `${principal} is not allowed to call ${action}${resource}. The credentials are valid (the login worked); ` +
      `the IAM policy behind them lacks permission. Over SMTP, SES checks ses:SendRawEmail; through the API, ` +
      `ses:SendEmail. Add an IAM policy statement allowing ${action} on the identity ` +
      `(arn:aws:ses:<region>:<account>:identity/<domain or address>, or "*"), and check that no SCP, permission ` +
      `boundary or sending-authorization policy denies it.`,
    fixes: [{ type: 'open-url', label: 'Controlling access to SES (AWS docs)', url: DOCS.iam }],
  };
}

function mailFromDomain(f: Facts): Explained {
  return {
    kind: 'mail-from-domain-not-verified',
    title: `The custom MAIL FROM domain is not verified${f.region ? ` in ${f.region}` : ''}`,
    explanation:
      `The identity uses a custom MAIL FROM domain${f.identityName ? ` (for ${f.identityName})` : ''} that SES has not ` +
      `verified, and it is set to reject mail when the MX record is missing. Publish an MX record on the MAIL FROM ` +
      `domain pointing to feedback-smtp.${f.region ?? '<region>'}.amazonses.com and a TXT record ` +
      `"v=spf1 include:amazonses.com ~all", or set the behavior on MX failure to use the default MAIL FROM domain.`,
    fixes: [{ type: 'open-url', label: 'Custom MAIL FROM domain (AWS docs)', url: DOCS.mailFrom }],
  };
}

function messageTooLong(): Explained {
  return {
    kind: 'message-too-long',
    title: 'The message is larger than SES accepts (40 MB)',
    explanation:
      `SES accepts messages up to 40 MB, counted after encoding: attachments grow by about a third when they are ` +
      `base64-encoded. (The older SES v1 SendEmail API and some libraries cap at 10 MB.) Make the message smaller: ` +
      `link to large files instead of attaching them, or compress them.`,
    fixes: [{ type: 'open-url', label: 'SES quotas (AWS docs)', url: DOCS.limits }],
  };
}

function tooManyConnections(f: Facts): Explained {
  return {
    kind: 'too-many-connections',
    title: 'Too many SMTP connections open to SES at once',
    explanation:
      `SES answered "421 Too many concurrent SMTP connections"${f.region ? ` in ${f.region}` : ''}: the application ` +
      `opened more simultaneous connections than SES allows. Reuse connections (a pool with a small maximum, e.g. ` +
      `nodemailer's \`pool: true, maxConnections: 5\`) and retry the refused messages after a short wait.`,
    fixes: [],
  };
}

function credentialsExpired(f: Facts): Explained {
  const sso = f.variant === 'sso';
  const command = `aws sso login${f.profile ? ` --profile ${f.profile}` : ''}`;
  return {
    kind: 'credentials-expired',
    title: sso ? 'The AWS SSO session has expired' : 'The AWS credentials have expired',
    explanation: sso
      ? `The single sign-on session behind the AWS profile has expired, so AWS refuses every call. Sign in again with \`${command}\`, then retry.`
      : `AWS refused the call because the temporary credentials (a session token from SSO, an assumed role or ` +
        `\`aws sts\`) have expired. Get fresh ones: \`${command}\` for an SSO profile, or assume the role again. ` +
        `Note that temporary keys cannot be turned into SMTP passwords; SMTP needs a long-term IAM user key.`,
    fixes: [{ type: 'run-command', label: `Run ${command}`, command }],
  };
}

function credentialsInvalid(f: Facts): Explained {
  const missing = f.variant === 'missing';
  return {
    kind: 'credentials-invalid',
    title: missing ? 'No AWS credentials were found' : 'AWS did not recognise the credentials',
    explanation: missing
      ? `The AWS SDK found no credentials: no environment variables, no profile${f.profile ? ` named "${f.profile}"` : ''} ` +
        `in ~/.aws/credentials or ~/.aws/config, and no instance role. Configure a profile (\`aws configure\` or ` +
        `\`aws configure sso\`) and choose it.`
      : `AWS rejected the access key or its signature: the key id does not exist (deleted, mistyped, or from another ` +
        `partition), or the secret does not match it. This concerns the API credentials of the profile` +
        `${f.profile ? ` "${f.profile}"` : ''}, not SMTP. Check the key in ~/.aws/credentials, or create a new access key in IAM.`,
    fixes: [
      { type: 'run-command', label: missing ? 'Run aws configure' : 'Check the caller identity', command: missing ? 'aws configure' : `aws sts get-caller-identity${f.profile ? ` --profile ${f.profile}` : ''}` },
      { type: 'open-url', label: 'AWS credentials files (AWS docs)', url: DOCS.credentials },
    ],
  };
}

function networkUnreachable(f: Facts): Explained {
  const target = f.host ? `${f.host}${f.port ? ` port ${f.port}` : ''}` : 'SES';
  const ses = isSesHost(f.host);
  // A port fix never proposes the port that just failed.
  const ports = (...fixes: Fix[]) => fixes.filter((fix) => fix.type !== 'change-port' || fix.port !== f.port);
  let cause: string;
  const fixes: Fix[] = [];
  const standIn =
    `${f.host} is not an SES host but a stand-in (a local emulator, LocalStack, a relay or a proxy). Check that ` +
    `the server is running and listening on ${f.host}${f.port ? ` port ${f.port}` : ''}, and that host and port ` +
    `are the ones it was started with.`;
  switch (f.variant) {
    case 'not-found': {
      const named = f.host ? /^email-smtp(?:-fips)?\.([^.]+)\.amazonaws\.com\.?$/i.exec(f.host)?.[1]?.toLowerCase() : undefined;
      const meant = named && !isSesRegion(named) ? nearestSesRegion(named) : undefined;
      if (named && !isSesRegion(named)) {
        cause =
          `the host name ${f.host} could not be resolved: there is no SES region "${named}"` +
          (meant ? `; did you mean ${meant} (${smtpHostFor(meant)})?` : '. SES SMTP hosts are email-smtp.<region>.amazonaws.com.');
      } else {
        cause =
          `the host name ${f.host ? `${f.host} ` : ''}could not be resolved. Check its spelling` +
          (f.hostRegion ? `; SES SMTP hosts are email-smtp.<region>.amazonaws.com, and not every region where SES exists has an SMTP endpoint` : '') +
          `, and that this machine has working DNS.`;
      }
      const region = meant ?? (f.region && isSesRegion(f.region) ? f.region : undefined);
      if (region && smtpHostFor(region) !== f.host?.toLowerCase()) fixes.push({ type: 'use-smtp-host', label: `Use ${smtpHostFor(region)}`, host: smtpHostFor(region) });
      break;
    }
    case 'not-ses-port':
      cause = `SES's SMTP hosts listen on 25, 465, 587, 2465 and 2587 only, and ${f.port ?? 'this port'} is none of them, so the connection would be refused or time out.`;
      fixes.push(...ports(portFix(587, 'starttls'), portFix(465, 'implicit')));
      break;
    case 'refused':
      if (!ses) {
        cause = `nothing accepted a connection on ${target} (connection refused). ${standIn}`;
        break;
      }
      cause =
        `the connection was refused. SES's SMTP hosts accept connections on 25, 465, 587, 2465 and 2587 only` +
        `${f.port && ![25, 465, 587, 2465, 2587].includes(f.port) ? ` (port ${f.port} is none of them)` : ''}; ` +
        `a refusal usually means a different host (a local relay or proxy) or a firewall that rejects the connection.`;
      fixes.push(...ports(portFix(587, 'starttls'), portFix(2587, 'starttls'), portFix(465, 'implicit')).slice(0, 2));
      break;
    case 'timeout':
      if (!ses) {
        cause = `the connection to ${target} timed out. ${standIn}`;
        break;
      }
      cause = f.port
        ? `the connection timed out. A firewall or security group is dropping outgoing traffic to port ${f.port}.`
        : `the connection timed out. A firewall or security group may be dropping outgoing traffic to the SMTP port; ` +
          `or, on port 465 or 2465, the client connected in plain text and waited for a greeting that SES sends only after the TLS handshake.`;
      fixes.push(...ports(portFix(587, 'starttls'), portFix(2587, 'starttls'), portFix(465, 'implicit')));
      break;
    case 'no-greeting':
      if (!ses) {
        cause = `the connection to ${target} opened, but no SMTP greeting came. ${standIn}`;
        break;
      }
      cause =
        `the connection opened, but no SMTP greeting came. The client uses TLS from the start, which is right for ` +
        `${f.port ? `port ${f.port}` : 'this port'}, so something in between (a proxy, or a firewall that inspects ` +
        `traffic) holds the connection. Try port 587 with STARTTLS, or another network.`;
      fixes.push(...ports(portFix(587, 'starttls'), portFix(2587, 'starttls')));
      break;
    default:
      cause = ses ? 'the network between this machine and SES is down or blocked.' : `${target} could not be reached. ${standIn}`;
  }
  const where = ses ? 'SES' : f.host;
  return {
    kind: 'network-unreachable',
    title: `Could not reach ${target}`,
    explanation: f.before
      ? `The mail would not reach ${where}: ${cause}`
      : `The mail never reached ${where}: ${cause} Nothing about the message or the account is at fault yet.`,
    fixes,
  };
}

/** The SES region closest in spelling to a mistyped one (`eu-wset-1` → `eu-west-1`), if one is close. */
function nearestSesRegion(typed: string): string | undefined {
  let best: { code: string; distance: number } | undefined;
  for (const { code } of SES_REGIONS) {
    const distance = editDistance(typed, code);
    if (!best || distance < best.distance) best = { code, distance };
  }
  return best && best.distance <= 2 ? best.code : undefined;
}

/** Edits (insert, delete, replace, swap two neighbours) from one string to the other. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function unknownKind(f: Facts): Explained {
  const hint = f.elsewhere
    ? ` It names ${f.elsewhere}, not SES, so it is not an SES failure even if SES is set up here.`
    : f.resembles
    ? ` It resembles "${f.resembles}", but nothing in it ties it to SES. If it came from sending through SES, give the ` +
      `host, port and region (\`--context\` in the terminal) to get a definite answer.`
    : '';
  return {
    kind: 'unknown',
    title: 'Not recognised as an SES failure',
    explanation:
      `This text does not match any failure SES or the common mail libraries report for SES.${hint} Look for the SMTP ` +
      `reply code and text (e.g. "554 Message rejected: …") or the AWS error name (e.g. MessageRejected) in the ` +
      `full log, and paste that.`,
    fixes: [],
  };
}

function quotaNearlyUsed(f: Facts): Explained {
  const max = f.max24HourSend ?? 0;
  const sent = f.sentLast24Hours ?? 0;
  const left = Math.max(0, max - sent);
  return {
    kind: 'quota-nearly-used',
    title: `Only ${left} of ${max} daily recipients left${f.region ? ` in ${f.region}` : ''}`,
    explanation:
      `The account has sent to ${sent} of its ${max} recipients allowed in 24 hours${f.region ? ` in ${f.region}` : ''}. ` +
      `Each recipient (To, Cc and Bcc) counts. Past the quota SES refuses mail with "Daily message quota exceeded" ` +
      `until older sends leave the rolling window. The mailbox simulator does not count against it.`,
    fixes: [simulatorFix(), ...productionFix(f.region)],
  };
}

function hostRegionMismatch(f: Facts): Explained {
  const region = regionText(f.region);
  const fixes: Fix[] = [];
  if (f.region) fixes.push({ type: 'use-smtp-host', label: `Use ${smtpHostFor(f.region)}`, host: smtpHostFor(f.region) });
  if (f.hostRegion) fixes.push({ type: 'switch-region', label: `Switch to ${f.hostRegion}`, region: f.hostRegion });
  const hostRegion = f.hostRegion ?? 'another region';
  return {
    kind: 'smtp-host-region-mismatch',
    title: `The SMTP host is in ${hostRegion}, not ${region}`,
    explanation:
      `${f.host ? `${f.host} is SES in ${hostRegion}` : `The SMTP host is SES in ${hostRegion}`}, but ${region} is chosen. The mail would be checked against the identities, ` +
      `sandbox and quotas of ${hostRegion}, and the SMTP password must be the one made for ${hostRegion}. Use ` +
      `${f.region ? smtpHostFor(f.region) : 'the host of the chosen region'}, or switch the region to ${hostRegion}.`,
    fixes,
  };
}

function probation(f: Facts): Explained {
  return {
    kind: 'account-probation',
    title: `The account is on probation${f.region ? ` in ${f.region}` : ''}`,
    explanation:
      `SES put the account under review (enforcement status PROBATION)${f.region ? ` in ${f.region}` : ''}, usually for ` +
      `high bounce or complaint rates. Sending still works, but if the rates do not improve SES pauses it. Test ` +
      `with the mailbox simulator rather than real addresses that may bounce.`,
    fixes: [{ type: 'open-url', label: 'Open the SES account dashboard', url: consoleUrl(f.region) }, simulatorFix()],
  };
}

function noRecipients(): Explained {
  return {
    kind: 'no-recipients',
    title: 'No recipient yet',
    explanation: 'Add at least one recipient in To, Cc or Bcc, or pick a mailbox simulator scenario.',
    fixes: [simulatorFix()],
  };
}

const BUILDERS: Record<ExplainKind, (facts: Facts) => Explained> = {
  'sandbox-recipient-not-verified': sandboxRecipient,
  'sender-not-verified': senderNotVerified,
  'identity-in-other-region': identityInOtherRegion,
  'address-case-mismatch': addressCaseMismatch,
  'envelope-sender-not-verified': envelopeSender,
  'iam-secret-as-smtp-password': iamSecret,
  'smtp-password-sigv2': sigv2,
  'smtp-password-wrong-region': wrongRegionPassword,
  'smtp-auth-failed': smtpAuthFailed,
  'smtp-port-blocked': portBlocked,
  'tls-implicit-on-starttls-port': implicitOnStarttls,
  'tls-plain-on-implicit-port': plainOnImplicit,
  'tls-certificate': certificate,
  'max-send-rate-exceeded': maxRate,
  'daily-quota-exceeded': dailyQuota,
  'configuration-set-missing': configurationSetMissing,
  'illegal-address': illegalAddress,
  'account-sending-paused': sendingPaused,
  'iam-not-authorized': iamNotAuthorized,
  'mail-from-domain-not-verified': mailFromDomain,
  'message-too-long': messageTooLong,
  'too-many-connections': tooManyConnections,
  'credentials-expired': credentialsExpired,
  'credentials-invalid': credentialsInvalid,
  'network-unreachable': networkUnreachable,
  unknown: unknownKind,
  'quota-nearly-used': quotaNearlyUsed,
  'smtp-host-region-mismatch': hostRegionMismatch,
  'account-probation': probation,
  'no-recipients': noRecipients,
};

/** Title, explanation and fixes for a kind, from whatever facts are known. */
export function explain(kind: ExplainKind, facts: Facts = {}): Explained {
  const explained = BUILDERS[kind](facts);
  // A port fix never proposes the port and TLS mode that are already in use.
  const fixes = explained.fixes.filter((fix) => fix.type !== 'change-port' || fix.port !== facts.port || facts.tls === undefined || fix.tls !== facts.tls);
  return fixes.length === explained.fixes.length ? explained : { ...explained, fixes };
}
