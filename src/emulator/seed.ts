import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { VerificationStatus } from '../rules/identities';
import type { Faults } from './faults';
import { largeSeed } from './seeds/large';

/**
 * The seed describes the world the emulator starts in: credentials, regions with their account state, identities
 * and configuration sets, DNS records and faults. The format is documented in ./README.md.
 */
export interface Seed {
  credentials?: SeedCredential[];
  regions: SeedRegion[];
  dns?: DnsRecord[];
  faults?: Faults;
}

export interface SeedCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary (STS) credentials; those cannot be used for SMTP. */
  sessionToken?: string;
  /** ISO time after which temporary credentials are refused with ExpiredTokenException. */
  expiresAt?: string;
}

export interface SeedRegion {
  region: string;
  account?: SeedAccount;
  identities?: SeedIdentity[];
  configurationSets?: string[];
}

export type EnforcementStatus = 'HEALTHY' | 'PROBATION' | 'SHUTDOWN';
export type ReviewOutcome = 'GRANTED' | 'DENIED';

export interface SeedAccount {
  productionAccessEnabled?: boolean;
  sendingEnabled?: boolean;
  enforcementStatus?: EnforcementStatus;
  /** Recipients per rolling 24 hours; -1 = unlimited. Default 200 in the sandbox, 50,000 in production. */
  max24HourSend?: number;
  /** Messages per second. Default 1 in the sandbox, 14 in production. */
  maxSendRate?: number;
  /** What a production-access request (PutAccountDetails) ends in, and after how long on the emulator's clock. */
  review?: { outcome?: ReviewOutcome; delayMinutes?: number };
}

export interface SeedIdentity {
  name: string;
  /** Default SUCCESS. */
  status?: VerificationStatus;
  dkimTokens?: string[];
  mailFromDomain?: string;
  mailFromStatus?: VerificationStatus;
  behaviorOnMxFailure?: 'USE_DEFAULT_VALUE' | 'REJECT_MESSAGE';
  configurationSetName?: string;
  tags?: { Key: string; Value: string }[];
}

export interface DnsRecord {
  name: string;
  type: 'CNAME' | 'TXT' | 'MX';
  value: string;
}

export const SAMPLE_SEED_PATH = path.join(__dirname, 'seeds', 'sample.json');

export const DEFAULT_CREDENTIAL: SeedCredential = {
  accessKeyId: 'AKIASESEMULATOR00001',
  secretAccessKey: 'sesEmulatorSecretKey0000000000000000000X',
};

/** Reads a seed from a path or takes an object; `"large"` names the generated 10,000-identity seed. */
export async function loadSeed(seed: Seed | string | undefined): Promise<Seed> {
  if (seed === undefined) seed = SAMPLE_SEED_PATH;
  if (seed === 'large') {
    return validateSeed(largeSeed());
  }
  if (typeof seed === 'string') return validateSeed(JSON.parse(await readFile(seed, 'utf8')) as Seed);
  return validateSeed(structuredClone(seed));
}

/** Fails early with a message naming the bad entry, instead of a confusing error on the first request. */
export function validateSeed(seed: Seed): Seed {
  if (!seed || !Array.isArray(seed.regions) || seed.regions.length === 0) {
    throw new Error('Seed must have a non-empty "regions" array');
  }
  const seen = new Set<string>();
  for (const region of seed.regions) {
    if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region.region ?? '')) throw new Error(`Seed region "${region.region}" is not a region name`);
    if (seen.has(region.region)) throw new Error(`Seed region "${region.region}" appears twice`);
    seen.add(region.region);
    for (const identity of region.identities ?? []) {
      if (!identity.name) throw new Error(`Seed region ${region.region} has an identity without a name`);
    }
  }
  for (const credential of seed.credentials ?? []) {
    if (!credential.accessKeyId || !credential.secretAccessKey) throw new Error('Seed credentials need accessKeyId and secretAccessKey');
  }
  return seed;
}
