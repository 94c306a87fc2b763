/**
 * Regions where SES has endpoints, as AWS's "Amazon Simple Email Service endpoints and quotas" page lists them,
 * and the SMTP host name of each. Codes are lower case here; SES's own error text upper-cases them.
 */

export interface SesRegion {
  /** `eu-west-1` */
  code: string;
  /** `Europe (Ireland)` */
  name: string;
}

export const SES_REGIONS: readonly SesRegion[] = [
  { code: 'us-east-1', name: 'US East (N. Virginia)' },
  { code: 'us-east-2', name: 'US East (Ohio)' },
  { code: 'us-west-1', name: 'US West (N. California)' },
  { code: 'us-west-2', name: 'US West (Oregon)' },
  { code: 'af-south-1', name: 'Africa (Cape Town)' },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { code: 'ap-south-2', name: 'Asia Pacific (Hyderabad)' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { code: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)' },
  { code: 'ca-central-1', name: 'Canada (Central)' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { code: 'eu-central-2', name: 'Europe (Zurich)' },
  { code: 'eu-west-1', name: 'Europe (Ireland)' },
  { code: 'eu-west-2', name: 'Europe (London)' },
  { code: 'eu-west-3', name: 'Europe (Paris)' },
  { code: 'eu-south-1', name: 'Europe (Milan)' },
  { code: 'eu-north-1', name: 'Europe (Stockholm)' },
  { code: 'il-central-1', name: 'Israel (Tel Aviv)' },
  { code: 'me-south-1', name: 'Middle East (Bahrain)' },
  { code: 'me-central-1', name: 'Middle East (UAE)' },
  { code: 'sa-east-1', name: 'South America (São Paulo)' },
  { code: 'us-gov-east-1', name: 'AWS GovCloud (US-East)' },
  { code: 'us-gov-west-1', name: 'AWS GovCloud (US-West)' },
];

/** Shape of a region code, whether or not SES is known to be there: `eu-west-1`, `us-gov-west-1`. */
const REGION_CODE = /^[a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}$/;

/** `EU-WEST-1` or ` eu-west-1 ` → `eu-west-1`; anything that is not shaped like a region code → undefined. */
export function normalizeRegion(text: string): string | undefined {
  const code = text.trim().toLowerCase();
  return REGION_CODE.test(code) ? code : undefined;
}

export function isSesRegion(code: string): boolean {
  return SES_REGIONS.some((region) => region.code === code);
}

/** `eu-west-1` → `Europe (Ireland)`; undefined for a code SES does not list. */
export function regionName(code: string): string | undefined {
  return SES_REGIONS.find((region) => region.code === code)?.name;
}

/** `eu-west-1 (Europe (Ireland))`, or just the code when the name is not known. */
export function describeRegion(code: string): string {
  const name = regionName(code);
  return name ? `${code} (${name})` : code;
}

const SMTP_HOST = /^email-smtp(-fips)?\.([a-z0-9-]+)\.amazonaws\.com\.?$/;

/** The region of an SES SMTP host: `email-smtp.eu-west-1.amazonaws.com` and `email-smtp-fips.us-east-1…` → region. */
export function smtpHostRegion(host: string): string | undefined {
  const match = SMTP_HOST.exec(host.trim().toLowerCase());
  if (!match) return undefined;
  return normalizeRegion(match[2]);
}

/** Whether the host is SES's FIPS SMTP endpoint. */
export function isFipsSmtpHost(host: string): boolean {
  return SMTP_HOST.exec(host.trim().toLowerCase())?.[1] === '-fips';
}

export function smtpHostFor(region: string, options: { fips?: boolean } = {}): string {
  return `email-smtp${options.fips ? '-fips' : ''}.${region}.amazonaws.com`;
}

export type TlsMode = 'starttls' | 'implicit';

/** The ports SES's SMTP interface listens on, and how each speaks TLS. */
export const SMTP_PORTS: readonly { port: number; tls: TlsMode }[] = [
  { port: 587, tls: 'starttls' },
  { port: 2587, tls: 'starttls' },
  { port: 25, tls: 'starttls' },
  { port: 465, tls: 'implicit' },
  { port: 2465, tls: 'implicit' },
];

/** The TLS mode SES uses on a port; undefined for a port SES does not listen on. */
export function tlsModeForPort(port: number): TlsMode | undefined {
  return SMTP_PORTS.find((entry) => entry.port === port)?.tls;
}

/** The identity's page in the SES console of its region; GovCloud has a console of its own. */
export function consoleUrl(region: string, identity: string): string {
  const host = region.startsWith('us-gov-') ? `${region}.console.amazonaws-us-gov.com` : `${region}.console.aws.amazon.com`;
  return `https://${host}/ses/home?region=${region}#/identities/${encodeURIComponent(identity)}`;
}
