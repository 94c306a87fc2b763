/** SES regions and the names AWS uses for them in mails and consoles ("in region US East (N. Virginia)"). */
export const SES_REGION_NAMES: Readonly<Record<string, string>> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'af-south-1': 'Africa (Cape Town)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-south-2': 'Asia Pacific (Hyderabad)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)',
  'ap-southeast-5': 'Asia Pacific (Malaysia)',
  'ca-central-1': 'Canada (Central)',
  'ca-west-1': 'Canada West (Calgary)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-central-2': 'Europe (Zurich)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-west-3': 'Europe (Paris)',
  'eu-north-1': 'Europe (Stockholm)',
  'eu-south-1': 'Europe (Milan)',
  'il-central-1': 'Israel (Tel Aviv)',
  'me-central-1': 'Middle East (UAE)',
  'me-south-1': 'Middle East (Bahrain)',
  'sa-east-1': 'South America (São Paulo)',
  'us-gov-east-1': 'AWS GovCloud (US-East)',
  'us-gov-west-1': 'AWS GovCloud (US-West)',
};

export const SES_REGIONS: readonly string[] = Object.keys(SES_REGION_NAMES);

export function regionDisplayName(region: string): string {
  return SES_REGION_NAMES[region] ?? region;
}

export function isSesRegion(region: string): boolean {
  return region in SES_REGION_NAMES;
}

/** The SMTP host SES serves for a region; the emulator reads the region back from this name in the TLS SNI. */
export function smtpHostForRegion(region: string): string {
  return `email-smtp.${region}.amazonaws.com`;
}

export function regionFromSmtpHost(host: string | undefined): string | undefined {
  const match = /^email-smtp\.([a-z0-9-]+)\.amazonaws\.com$/i.exec(host ?? '');
  return match ? match[1].toLowerCase() : undefined;
}
