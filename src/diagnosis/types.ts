import type { IdentityState } from '../rules/identities';
import type { TlsMode } from '../rules/regions';

/** What went wrong. The panel, the palette, the CLI and the tests depend on these names: append only. */
export const DIAGNOSIS_KINDS = [
  'sandbox-recipient-not-verified',
  'sender-not-verified',
  'identity-in-other-region',
  'address-case-mismatch',
  'envelope-sender-not-verified',
  'iam-secret-as-smtp-password',
  'smtp-password-sigv2',
  'smtp-password-wrong-region',
  'smtp-auth-failed',
  'smtp-port-blocked',
  'tls-implicit-on-starttls-port',
  'tls-plain-on-implicit-port',
  'tls-certificate',
  'max-send-rate-exceeded',
  'daily-quota-exceeded',
  'configuration-set-missing',
  'illegal-address',
  'account-sending-paused',
  'iam-not-authorized',
  'mail-from-domain-not-verified',
  'message-too-long',
  'too-many-connections',
  'credentials-expired',
  'credentials-invalid',
  'network-unreachable',
  'unknown',
] as const;

export type DiagnosisKind = (typeof DIAGNOSIS_KINDS)[number];

export function isDiagnosisKind(value: unknown): value is DiagnosisKind {
  return typeof value === 'string' && (DIAGNOSIS_KINDS as readonly string[]).includes(value);
}

export type SimulatorScenario = 'success' | 'bounce' | 'ooto' | 'complaint' | 'suppressionlist';

/**
 * An action the extension can offer for a finding. Each carries a `label` written for a button; the extension
 * maps `type` to a command. Regions are lower-case codes.
 */
export type Fix =
  | { type: 'verify-identity'; label: string; identity: string; region: string }
  | { type: 'switch-region'; label: string; region: string }
  | { type: 'use-simulator'; label: string; scenario: SimulatorScenario; address: string }
  | { type: 'use-address'; label: string; field: 'from' | 'to'; address: string; replaces: string }
  | { type: 'set-smtp-credentials'; label: string; region: string }
  | { type: 'derive-smtp-password'; label: string; region: string }
  | { type: 'use-smtp-host'; label: string; host: string }
  | { type: 'change-port'; label: string; port: number; tls: TlsMode }
  | { type: 'request-production-access'; label: string; region: string }
  | { type: 'quote-display-name'; label: string; header: string }
  | { type: 'choose-configuration-set'; label: string; region: string }
  | { type: 'check-dkim-records'; label: string; domain: string; region: string }
  | { type: 'open-url'; label: string; url: string }
  /** A shell command for a terminal, e.g. `aws sso login --profile dev`. */
  | { type: 'run-command'; label: string; command: string };

export type FixType = Fix['type'];

export interface Diagnosis {
  kind: DiagnosisKind;
  /** One line, for a heading or a notification. */
  title: string;
  /** Plain words: what happened, why, and what to do; names the addresses, region, port or identity involved. */
  explanation: string;
  fixes: Fix[];
}

/** Identity names verified in a region (addresses or domains), or full identity states as the tree has them. */
export type VerifiedIdentities = Record<string, ReadonlyArray<string | IdentityState>>;

/**
 * What we know of the user's setup when the failure happened. Every field is optional; the more there is, the
 * sharper the answer (a 535 becomes "IAM secret used as SMTP password" once the password's shape is known).
 */
export interface DiagnosisContext {
  /** Region the send went to (lower or upper case). */
  region?: string;
  smtpHost?: string;
  port?: number;
  tls?: TlsMode;
  transport?: 'smtp' | 'api';
  from?: string;
  to?: string | readonly string[];
  configurationSet?: string;
  /**
   * The SMTP password's shape: one of `smtpPasswordShape`'s answers (`smtp-sigv4`, `smtp-sigv2`, `iam-secret`,
   * `other`, `empty`) or words such as "40 characters" or "44 characters starting with A".
   */
  passwordShape?: string;
  /** The password itself: only its shape is used; it is never echoed. */
  password?: string;
  /** Regions that have stored SMTP credentials. */
  credentialRegions?: readonly string[];
  verifiedIdentities?: VerifiedIdentities;
  /** Per region: true when the account is out of the sandbox there. */
  productionAccess?: Record<string, boolean>;
  /** AWS profile in use, for `aws sso login --profile …`. */
  profile?: string;
}
