import * as vscode from 'vscode';
import { checkDomain } from '../address';
import { settings } from '../config/settings';
import { checkRecords, systemResolver, type RecordCheck } from '../dns/check';
import { dkimRecords, mailFromRecords, toCsv, toZoneFile, zoneSnippet, type DnsRecord } from '../dns/records';
import { consoleUrl } from '../rules/regions';
import { SesError } from '../ses/errors';
import type { CommandContext } from './context';
import { showReadOnlyDocument } from './readOnlyDocument';
import { resolveIdentity, resolveRegion, type IdentityTarget } from './regionPrompt';

const t = vscode.l10n.t;

/** The records a domain must publish, as a readable Markdown document with the zone-file and CSV forms. */
export function recordsDocument(domain: string, region: string, dkim: DnsRecord[], mailFrom: DnsRecord[], verified = false): string {
  return [
    `# ${t('DNS records for {0} in {1}', domain, region)}`,
    '',
    verified
      ? t('{0} is already verified in {1}: these three CNAME records are published. Keep them: SES checks them again from time to time.', domain, region)
      : t('Publish these three CNAME records at your DNS provider. SES checks for them for up to 72 hours; the domain is verified once all three resolve.'),
    '',
    '```zone',
    toZoneFile(dkim),
    '```',
    '',
    `## ${t('Optional: custom MAIL FROM domain')}`,
    '',
    t('To send with your own MAIL FROM (bounce) domain, set it in SES and publish:'),
    '',
    '```zone',
    toZoneFile(mailFrom),
    '```',
    '',
    '## CSV',
    '',
    '```csv',
    toCsv([...dkim, ...mailFrom]),
    '```',
    '',
  ].join('\n');
}

export async function verifyDomain(ctx: CommandContext, node?: { region?: string }, given?: string): Promise<string | undefined> {
  const region = await resolveRegion(ctx, node, t('Verify Domain'));
  if (!region) return undefined;
  const input = await ctx.ui.input({
    value: typeof given === 'string' ? given : undefined,
    title: t('Verify Domain in {0}', region),
    prompt: t('SES gives three DKIM records to publish in DNS. International names are converted to punycode.'),
    placeHolder: 'example.com',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const check = checkDomain(v.trim());
      return check.ok ? undefined : check.message;
    },
  });
  if (input === undefined) return undefined;
  const check = checkDomain(input.trim());
  if (!check.ok) return undefined;
  // Domain identities are case-insensitive and SES stores them in lower case: the records to publish must match.
  const domain = check.domain.toLowerCase();
  let tokens: string[];
  let status: string | undefined;
  try {
    tokens = (await ctx.api().createIdentity(region, domain)).dkimTokens;
  } catch (err) {
    if (!(err instanceof SesError && err.kind === 'already-exists')) {
      const again = t('Try Again');
      void ctx.ui.error(t('SES in {0} could not start verifying {1}: {2}', region, domain, (err as Error).message), again).then((choice) => {
        if (choice === again) void verifyDomain(ctx, { region }, input.trim());
      });
      return undefined;
    }
    try {
      const detail = await ctx.api().getIdentity(region, domain);
      tokens = detail.dkim?.tokens ?? [];
      status = detail.status;
    } catch (detailErr) {
      void ctx.ui.error(t('{0} is already an identity in {1}, but SES did not return its records: {2}', domain, region, (detailErr as Error).message));
      return undefined;
    }
  }
  ctx.log.info(`CreateEmailIdentity ${region} ${domain}`);
  ctx.tree.refresh(region);
  const dkim = dkimRecords(domain, tokens);
  const mailFrom = mailFromRecords(`mail.${domain}`, region);
  const verified = status === 'SUCCESS';
  await showReadOnlyDocument(`DNS records for ${domain} (${region})`, recordsDocument(domain, region, dkim, mailFrom, verified));
  void offerCopy(
    ctx,
    verified ? t('{0} is already verified in {1}; its records are shown for reference.', domain, region) : t('{0} is pending until its DKIM records are published.', domain),
    [...dkim],
    mailFrom,
  );
  return domain;
}

async function offerCopy(ctx: CommandContext, message: string, dkim: DnsRecord[], mailFrom: DnsRecord[], mailFromSet = false): Promise<void> {
  const zone = t('Copy as Zone File');
  const csv = t('Copy as CSV');
  const choice = await ctx.ui.info(message, zone, csv);
  if (choice === zone) await vscode.env.clipboard.writeText(zoneSnippet(dkim, mailFrom, mailFromSet));
  if (choice === csv) await vscode.env.clipboard.writeText(toCsv([...dkim, ...mailFrom]));
}

/** Copies one record row of the tree as its zone-file line, ready to paste into a zone. */
export async function copyDnsRecord(ctx: CommandContext, node?: { record?: DnsRecord }): Promise<void> {
  if (!node?.record) return;
  await vscode.env.clipboard.writeText(toZoneFile([node.record]));
  void ctx.ui.info(t('Copied the {0} record {1}.', node.record.type, node.record.name));
}

/** Copies the records of a domain node as a zone-file snippet, offering CSV instead. */
export async function copyDnsRecords(ctx: CommandContext, node?: Partial<IdentityTarget>): Promise<void> {
  const target = await resolveIdentity(ctx, node, t('Copy DNS Records'), (i) => i.type !== 'EMAIL_ADDRESS', (region) =>
    t('There are no domain identities in {0}: DNS records belong to domains. Use "SES: Verify Domain" first.', region));
  if (!target) return;
  const { region } = target;
  const domain = target.identity.name;
  let detail;
  try {
    detail = await ctx.api().getIdentity(region, domain);
  } catch (err) {
    void ctx.ui.error(t('Could not read the DNS records of {0} in {1}: {2}', domain, region, (err as Error).message));
    return;
  }
  const dkim = dkimRecords(domain, detail.dkim?.tokens ?? []);
  const mailFrom = detail.mailFrom ? mailFromRecords(detail.mailFrom.domain, region) : [];
  await vscode.env.clipboard.writeText(zoneSnippet(dkim, mailFrom, true));
  const csv = t('Copy as CSV instead');
  const choice = await ctx.ui.info(t('Copied {0} DNS records of {1} as a zone-file snippet.', dkim.length + mailFrom.length, domain), csv);
  if (choice === csv) await vscode.env.clipboard.writeText(toCsv([...dkim, ...mailFrom]));
}

export async function checkDomainDns(ctx: CommandContext, node?: { region?: string; domain?: string; identity?: { name: string } }): Promise<RecordCheck[] | undefined> {
  const region = await resolveRegion(ctx, node, t('Check Domain DNS'));
  if (!region) return undefined;
  let domain = node?.domain ?? node?.identity?.name;
  if (!domain) {
    let identities;
    try {
      identities = ctx.tree.regionNode(region)?.snapshot?.identities ?? (await ctx.api().listIdentities(region));
    } catch (err) {
      void ctx.ui.error(t('Could not list the identities of {0}: {1}', region, (err as Error).message));
      return undefined;
    }
    const domains = identities.filter((i) => i.type !== 'EMAIL_ADDRESS');
    if (domains.length === 0) {
      void ctx.ui.info(t('There are no domain identities in {0}. Use "SES: Verify Domain" first.', region));
      return undefined;
    }
    domain = (await ctx.ui.pick(domains.map((d) => ({ label: d.name, description: d.status })), { title: t('Check Domain DNS') }))?.label;
    if (!domain) return undefined;
  }
  let detail;
  try {
    detail = await ctx.api().getIdentity(region, domain);
  } catch (err) {
    void ctx.ui.error(t('Could not read {0} from SES in {1}: {2}', domain, region, (err as Error).message));
    return undefined;
  }
  const records = [...dkimRecords(domain, detail.dkim?.tokens ?? []), ...(detail.mailFrom ? mailFromRecords(detail.mailFrom.domain, region) : [])];
  const checks = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Looking up the DNS records of {0}…', domain) }, () => checkRecords(records, systemResolver(settings.dnsServers())));
  const bad = checks.filter((c) => c.verdict !== 'ok');
  ctx.log.info(`DNS check ${domain}: ${checks.map((c) => `${c.record.type} ${c.record.name} ${c.verdict}`).join('; ')}`);
  if (bad.length === 0) {
    void ctx.ui.info(t('All {0} DNS records of {1} are published as SES expects.', checks.length, domain));
  } else {
    await showReadOnlyDocument(`DNS check of ${domain}`, dnsReport(domain, checks, settings.dnsServers()));
    void ctx.ui.warn(t('{0} of {1} DNS records of {2} need attention; each is listed in the report.', bad.length, checks.length, domain));
  }
  return checks;
}

const verdictMark: Record<RecordCheck['verdict'], string> = { ok: '✅ ok', missing: '❌ missing', wrong: '⚠️ wrong', error: '❔ lookup failed' };

/** Record by record, as the resolver asked sees them now (SES's own check may lag by minutes to hours). */
function dnsReport(domain: string, checks: RecordCheck[], servers: string[] = []): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const asked = servers.length ? t('Looked up with the DNS servers in ses.dns.servers ({0}).', servers.join(', ')) : t('Looked up with this machine\'s resolver.');
  return [
    `# ${t('DNS check of {0}', domain)}`,
    '',
    `${asked} ${t('Fix each record that is not ok at your DNS provider, then run the check again.')}`,
    '',
    `| ${t('Record')} | ${t('Name')} | ${t('Expected')} | ${t('Found')} | ${t('Verdict')} |`,
    '|---|---|---|---|---|',
    ...checks.map((c) => `| ${c.record.type} | \`${cell(c.record.name)}\` | \`${cell(c.record.value)}\` | ${c.found.length ? c.found.map((f) => `\`${cell(f)}\``).join('<br>') : '—'} | ${verdictMark[c.verdict]} |`),
    '',
    ...checks.filter((c) => c.verdict !== 'ok').map((c) => `- ${c.message}`),
    '',
  ].join('\n');
}

export async function openInConsole(ctx: CommandContext, node?: Partial<IdentityTarget>): Promise<void> {
  const target = await resolveIdentity(ctx, node, t('Open in AWS Console'));
  if (target) await vscode.env.openExternal(vscode.Uri.parse(consoleUrl(target.region, target.identity.name), true));
}
