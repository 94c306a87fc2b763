import { randomBytes, randomUUID } from 'node:crypto';
import type { IdentityState, IdentityType, VerificationStatus } from '../rules/identities';
import { HOUR, MINUTE, type Clock } from './clock';
import { DnsZone } from './dns';
import { FaultInjector } from './faults';
import { Mailbox } from './mailbox';
import { DEFAULT_CREDENTIAL, type EnforcementStatus, type ReviewOutcome, type Seed, type SeedAccount, type SeedCredential, type SeedIdentity } from './seed';

/** AWS: a verification link is valid for 24 hours. */
export const EMAIL_VERIFICATION_TTL_MS = 24 * HOUR;
/** AWS: SES looks for a domain's DKIM records for up to 72 hours, then marks verification failed. */
export const DOMAIN_VERIFICATION_LIMIT_MS = 72 * HOUR;
/** AWS: up to 10,000 identities per region. */
export const MAX_IDENTITIES_PER_REGION = 10_000;

export const SANDBOX_QUOTA = { max24HourSend: 200, maxSendRate: 1 };
/** What SES typically grants on leaving the sandbox. */
export const PRODUCTION_QUOTA = { max24HourSend: 50_000, maxSendRate: 14 };

export type VerificationErrorType = 'SERVICE_ERROR' | 'DNS_SERVER_ERROR' | 'HOST_NOT_FOUND' | 'TYPE_NOT_FOUND' | 'INVALID_VALUE';

export interface EmulatedIdentity extends IdentityState {
  createdAt: number;
  lastCheckedAt?: number;
  lastSuccessAt?: number;
  errorType?: VerificationErrorType;
  dkimTokens: string[];
  dkimStatus: VerificationStatus;
  mailFromDomain?: string;
  mailFromStatus?: VerificationStatus;
  behaviorOnMxFailure: 'USE_DEFAULT_VALUE' | 'REJECT_MESSAGE';
  configurationSetName?: string;
  tags: { Key: string; Value: string }[];
}

export interface AccountDetails {
  MailType: 'MARKETING' | 'TRANSACTIONAL';
  WebsiteURL: string;
  ContactLanguage?: 'EN' | 'JA';
  UseCaseDescription?: string;
  AdditionalContactEmailAddresses?: string[];
}

export interface AccountState {
  productionAccessEnabled: boolean;
  sendingEnabled: boolean;
  enforcementStatus: EnforcementStatus;
  max24HourSend: number;
  maxSendRate: number;
  /** Whether quotas were given by the seed (kept when production access is granted). */
  quotaFromSeed: boolean;
  details?: AccountDetails;
  review?: { status: 'PENDING' | 'GRANTED' | 'DENIED' | 'FAILED'; caseId: string; decidesAt: number };
  reviewOutcome: ReviewOutcome;
  reviewDelayMs: number;
}

export interface SendRecord {
  at: number;
  /** Recipients that count against the daily quota (simulator addresses do not). */
  quotaRecipients: number;
}

export class RegionState {
  readonly identities = new Map<string, EmulatedIdentity>();
  readonly configurationSets = new Set<string>();
  readonly sends: SendRecord[] = [];

  constructor(
    readonly region: string,
    readonly account: AccountState,
  ) {}

  getIdentity(name: string): EmulatedIdentity | undefined {
    return this.identities.get(identityKey(name));
  }

  /** Prunes and returns sends within the last 24 hours. */
  recentSends(now: number): SendRecord[] {
    const cutoff = now - 24 * HOUR;
    while (this.sends.length > 0 && this.sends[0].at <= cutoff) this.sends.shift();
    return this.sends;
  }

  sentLast24Hours(now: number): number {
    return this.recentSends(now).reduce((sum, send) => sum + send.quotaRecipients, 0);
  }
}

export interface VerificationToken {
  token: string;
  region: string;
  identity: string;
  expiresAt: number;
}

/** Everything the emulator knows; the API, SMTP and control surfaces all read and change this one object. */
export class EmulatorState {
  readonly regions = new Map<string, RegionState>();
  readonly credentials = new Map<string, SeedCredential>();
  readonly verificationTokens = new Map<string, VerificationToken>();
  readonly dns = new DnsZone();
  readonly faults = new FaultInjector();
  readonly mailbox = new Mailbox();
  /** Regions named by the seed, in order; the first is the SMTP default when SNI names no region. */
  seededRegions: string[] = [];

  constructor(
    private readonly seed: Seed,
    readonly clock: Clock,
  ) {
    this.load();
  }

  now(): number {
    return this.clock.now();
  }

  /** Back to the seed: identities, accounts, DNS, faults, mailbox, counters. */
  reset(): void {
    this.regions.clear();
    this.credentials.clear();
    this.verificationTokens.clear();
    this.mailbox.clear();
    this.load();
  }

  private load(): void {
    const seed = this.seed;
    for (const credential of seed.credentials?.length ? seed.credentials : [DEFAULT_CREDENTIAL]) {
      this.credentials.set(credential.accessKeyId, { ...credential });
    }
    this.dns.replace(seed.dns ?? []);
    this.faults.set(seed.faults ?? {});
    this.seededRegions = seed.regions.map((r) => r.region);
    const now = this.now();
    for (const seeded of seed.regions) {
      const region = new RegionState(seeded.region, accountFromSeed(seeded.account));
      for (const name of seeded.configurationSets ?? []) region.configurationSets.add(name);
      for (const identity of seeded.identities ?? []) {
        region.identities.set(identityKey(identity.name), identityFromSeed(identity, now));
      }
      this.regions.set(seeded.region, region);
    }
  }

  /** Every region exists in AWS; one the seed does not name is a fresh account there: sandbox, no identities. */
  region(name: string): RegionState {
    let region = this.regions.get(name);
    if (!region) {
      region = new RegionState(name, accountFromSeed(undefined));
      this.regions.set(name, region);
    }
    return region;
  }

  primaryCredential(): SeedCredential {
    for (const credential of this.credentials.values()) if (!credential.sessionToken) return credential;
    return DEFAULT_CREDENTIAL;
  }

  issueVerificationToken(region: string, identity: string, createdAt: number): VerificationToken {
    const token: VerificationToken = {
      token: randomBytes(24).toString('base64url'),
      region,
      identity,
      expiresAt: createdAt + EMAIL_VERIFICATION_TTL_MS,
    };
    this.verificationTokens.set(token.token, token);
    return token;
  }
}

/** Address identities are case-sensitive; domains are not. */
export function identityKey(name: string): string {
  return name.includes('@') ? name : name.toLowerCase();
}

export function identityTypeOf(name: string): IdentityType {
  return name.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN';
}

/** SES's DKIM tokens are 32 lower-case base32 characters. */
export function newDkimToken(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from(randomBytes(32), (b) => alphabet[b % 32]).join('');
}

export function newCaseId(): string {
  return String(randomBytes(6).readUIntBE(0, 6) % 1e11).padStart(11, '1');
}

export function newMessageId(now: number): string {
  return `0100${now.toString(16).padStart(12, '0')}-${randomUUID()}-000000`;
}

function accountFromSeed(seed: SeedAccount | undefined): AccountState {
  const production = seed?.productionAccessEnabled ?? false;
  const defaults = production ? PRODUCTION_QUOTA : SANDBOX_QUOTA;
  return {
    productionAccessEnabled: production,
    sendingEnabled: seed?.sendingEnabled ?? true,
    enforcementStatus: seed?.enforcementStatus ?? 'HEALTHY',
    max24HourSend: seed?.max24HourSend ?? defaults.max24HourSend,
    maxSendRate: seed?.maxSendRate ?? defaults.maxSendRate,
    quotaFromSeed: seed?.max24HourSend !== undefined || seed?.maxSendRate !== undefined,
    reviewOutcome: seed?.review?.outcome ?? 'GRANTED',
    reviewDelayMs: (seed?.review?.delayMinutes ?? 24 * 60) * MINUTE,
  };
}

function identityFromSeed(seed: SeedIdentity, now: number): EmulatedIdentity {
  const type = identityTypeOf(seed.name);
  const status = seed.status ?? 'SUCCESS';
  const dkimTokens = type === 'DOMAIN' ? (seed.dkimTokens ?? [newDkimToken(), newDkimToken(), newDkimToken()]) : [];
  return {
    name: type === 'DOMAIN' ? seed.name.toLowerCase() : seed.name,
    type,
    status,
    createdAt: now,
    lastCheckedAt: status === 'SUCCESS' ? now : undefined,
    lastSuccessAt: status === 'SUCCESS' ? now : undefined,
    dkimTokens,
    dkimStatus: type === 'DOMAIN' ? status : 'NOT_STARTED',
    mailFromDomain: seed.mailFromDomain,
    mailFromStatus: seed.mailFromDomain ? (seed.mailFromStatus ?? 'SUCCESS') : undefined,
    behaviorOnMxFailure: seed.behaviorOnMxFailure ?? 'USE_DEFAULT_VALUE',
    configurationSetName: seed.configurationSetName,
    tags: seed.tags ?? [],
  };
}
