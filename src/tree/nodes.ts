import * as vscode from 'vscode';
import { unicodeIdentity } from '../address';
import { dkimRecords, mailFromRecords, type DnsRecord } from '../dns/records';
import type { AccountStatus, IdentityDetail, IdentitySummary } from '../ses/client';
import { normalizeRegion } from '../rules/regions';
import type { SesError } from '../ses/errors';
import type { SesNode } from './node';

/** What a region node needs: its account status and identities, loaded when it expands. */
export interface RegionSnapshot {
  account: AccountStatus;
  identities: IdentitySummary[];
}

export interface RegionLoader {
  load(region: string): Promise<RegionSnapshot>;
  /** One identity's detail (DKIM, MAIL FROM, verification info): fetched only on hover or expand. */
  detail(region: string, name: string): Promise<IdentityDetail>;
}

const t = vscode.l10n.t;

export class RegionNode implements SesNode {
  readonly id: string;
  /** The last successful load; read by the status bar and the send panel, cleared by a refresh. */
  snapshot?: RegionSnapshot;
  /** Why the last load failed, until the next one succeeds. */
  error?: SesError;
  private loading?: Promise<SesNode[]>;

  constructor(
    readonly region: string,
    readonly loader: RegionLoader,
    private readonly regionName: string | undefined,
    private readonly onLoaded: (node: RegionNode) => void = () => undefined,
  ) {
    this.id = region;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = this.regionName;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = this.snapshot ? `region:${this.snapshot.account.productionAccess ? 'production' : 'sandbox'}` : 'region';
    return item;
  }

  invalidate(): void {
    this.snapshot = undefined;
    this.loading = undefined;
  }

  getChildren(): Promise<SesNode[]> {
    this.loading ??= this.loadChildren();
    return this.loading;
  }

  private async loadChildren(): Promise<SesNode[]> {
    try {
      this.snapshot = await this.loader.load(this.region);
      this.error = undefined;
    } catch (err) {
      this.loading = undefined;
      this.error = err as SesError;
      this.onLoaded(this);
      return [new RegionErrorNode(this, this.error)];
    }
    this.onLoaded(this);
    const { account, identities } = this.snapshot;
    const children: SesNode[] = [new AccountNode(this, account)];
    if (identities.length === 0) children.push(new NoIdentitiesNode(this));
    const sorted = [...identities].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
    for (const identity of sorted) children.push(new IdentityNode(this, identity));
    return children;
  }
}

export class AccountNode implements SesNode {
  readonly id: string;
  constructor(
    readonly parent: RegionNode,
    readonly account: AccountStatus,
  ) {
    this.id = `${parent.region}/account`;
  }

  /** Commands run from this node (Request Production Access) act on its region. */
  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.account;
    const item = new vscode.TreeItem(a.productionAccess ? t('Production') : t('Sandbox'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const quota = a.max24HourSend < 0 ? t('{0} sent, no daily limit', count(a.sentLast24Hours)) : t('{0}/{1} sent ({2}%)', count(a.sentLast24Hours), count(a.max24HourSend), percent(a));
    const parts = [quota, t('{0} msg/s', count(a.maxSendRate))];
    // SHUTDOWN is why SES stopped sending, so it names the state before a mere pause does.
    if (a.enforcementStatus === 'SHUTDOWN') parts.unshift(t('sending suspended'));
    else if (!a.sendingEnabled) parts.unshift(t('sending paused'));
    else if (a.enforcementStatus === 'PROBATION') parts.unshift(t('on probation'));
    // The review of a production access request, with its case id, until it has turned the region to production.
    if (a.reviewStatus && !(a.reviewStatus === 'GRANTED' && a.productionAccess)) {
      parts.push(a.reviewCaseId ? t('production access {0} (case {1})', a.reviewStatus, a.reviewCaseId) : t('production access {0}', a.reviewStatus));
    }
    item.description = parts.join(' · ');
    const warn = !a.sendingEnabled || a.enforcementStatus !== 'HEALTHY' || percent(a) >= 90;
    item.iconPath = new vscode.ThemeIcon(
      a.productionAccess ? 'rocket' : a.reviewStatus === 'PENDING' ? 'clock' : 'beaker',
      warn ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
    item.contextValue = `account:${a.productionAccess ? 'production' : 'sandbox'}${a.reviewStatus && !a.productionAccess ? `:${a.reviewStatus.toLowerCase()}` : ''}`;
    item.tooltip = accountTooltip(this.parent.region, a);
    return item;
  }
}

/** `50000` → `50,000`: quotas run to millions. */
const count = (n: number): string => n.toLocaleString('en-US');

function percent(a: AccountStatus): number {
  return a.max24HourSend > 0 ? Math.round((a.sentLast24Hours / a.max24HourSend) * 100) : 0;
}

function accountTooltip(region: string, a: AccountStatus): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${a.productionAccess ? t('Production access') : t('Sandbox')}** — \`${region}\`\n\n`);
  if (!a.productionAccess) {
    md.appendMarkdown(
      (a.maxSendRate === 1
        ? t('In the sandbox SES sends only from verified identities **to verified identities** or the mailbox simulator, at most {0} recipients a day and 1 message a second.', count(a.max24HourSend))
        : t('In the sandbox SES sends only from verified identities **to verified identities** or the mailbox simulator, at most {0} recipients a day and {1} messages a second.', count(a.max24HourSend), count(a.maxSendRate))) + '\n\n',
    );
  }
  md.appendMarkdown(`| | |\n|---|---|\n`);
  md.appendMarkdown(`| ${t('Sent (last 24 h)')} | ${count(a.sentLast24Hours)} / ${a.max24HourSend < 0 ? '∞' : count(a.max24HourSend)} |\n`);
  md.appendMarkdown(`| ${t('Max send rate')} | ${a.maxSendRate}/s |\n`);
  md.appendMarkdown(`| ${t('Sending enabled')} | ${a.sendingEnabled ? t('yes') : t('no')} |\n`);
  md.appendMarkdown(`| ${t('Enforcement')} | ${a.enforcementStatus} |\n`);
  if (a.reviewStatus) md.appendMarkdown(`| ${t('Production access review')} | ${a.reviewStatus}${a.reviewCaseId ? ` (case ${a.reviewCaseId})` : ''} |\n`);
  return md;
}

const stateLook: Record<string, { text: string; color: string; token: string }> = {
  SUCCESS: { text: 'verified', color: 'testing.iconPassed', token: 'verified' },
  PENDING: { text: 'pending verification', color: 'list.warningForeground', token: 'pending' },
  FAILED: { text: 'verification failed', color: 'list.errorForeground', token: 'failed' },
  TEMPORARY_FAILURE: { text: 'temporary failure', color: 'list.warningForeground', token: 'temporaryFailure' },
  NOT_STARTED: { text: 'not started', color: 'disabledForeground', token: 'notStarted' },
};

export class IdentityNode implements SesNode {
  readonly id: string;
  private detail?: Promise<IdentityDetail>;

  constructor(
    readonly parent: RegionNode,
    readonly identity: IdentitySummary,
  ) {
    this.id = `${parent.region}/identity/${identity.name}`;
  }

  get region(): string {
    return this.parent.region;
  }

  get isDomain(): boolean {
    return this.identity.type !== 'EMAIL_ADDRESS';
  }

  /** GetEmailIdentity, once per node: the list call already gave the status, this adds DKIM and MAIL FROM. */
  loadDetail(): Promise<IdentityDetail> {
    this.detail ??= this.parent.loader.detail(this.region, this.identity.name).catch((err) => {
      this.detail = undefined;
      throw err;
    });
    return this.detail;
  }

  getTreeItem(): vscode.TreeItem {
    const { name, status } = this.identity;
    const look = stateLook[status] ?? stateLook.NOT_STARTED;
    const item = new vscode.TreeItem(name, this.isDomain ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    // SES lists international names in punycode; the name as people write it helps find it.
    const readable = unicodeIdentity(name);
    item.description = readable === name ? t(look.text) : `${t(look.text)} · ${readable}`;
    item.iconPath = new vscode.ThemeIcon(this.isDomain ? 'globe' : 'mail', new vscode.ThemeColor(look.color));
    item.contextValue = `identity:${this.isDomain ? 'domain' : 'email'}:${look.token}`;
    item.accessibilityInformation = { label: `${name}, ${this.isDomain ? t('domain') : t('email address')}, ${t(look.text)}` };
    return item;
  }

  /** The Markdown tooltip, built on hover from GetEmailIdentity. */
  async tooltip(): Promise<vscode.MarkdownString> {
    const { name, status } = this.identity;
    const look = stateLook[status] ?? stateLook.NOT_STARTED;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMd(name)}** — ${this.isDomain ? t('domain') : t('email address')} in \`${this.region}\`\n\n`);
    md.appendMarkdown(`${t('Status')}: **${t(look.text)}**\n\n`);
    if (status === 'PENDING' && !this.isDomain) {
      md.appendMarkdown(t('Open the link in the verification mail SES sent to this address. The link expires after 24 hours.') + '\n\n');
    }
    if (!this.isDomain) {
      md.appendMarkdown(t('Address identities are case-sensitive: only this exact spelling (and +labels on it) is covered.') + '\n');
      return md;
    }
    try {
      const d = await this.loadDetail();
      md.appendMarkdown(`| | |\n|---|---|\n`);
      md.appendMarkdown(`| DKIM | ${d.dkim?.status ?? '—'}${d.dkim?.signingEnabled && d.dkim.status === 'SUCCESS' ? ` (${t('signing')})` : ''} |\n`);
      for (const r of dkimRecords(name, d.dkim?.tokens ?? [])) md.appendMarkdown(`| CNAME | \`${r.name}\` → \`${r.value}\` |\n`);
      md.appendMarkdown(d.mailFrom ? `| MAIL FROM | \`${d.mailFrom.domain}\` ${d.mailFrom.status ?? ''} |\n` : `| MAIL FROM | ${t('not set (SES uses amazonses.com)')} |\n`);
      if (d.verificationInfo?.errorType) md.appendMarkdown(`| ${t('Error')} | ${d.verificationInfo.errorType} |\n`);
      if (d.verificationInfo?.lastChecked) md.appendMarkdown(`| ${t('Last checked')} | ${d.verificationInfo.lastChecked.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} |\n`);
    } catch (err) {
      md.appendMarkdown(t('Details could not be loaded: {0}', (err as Error).message));
    }
    return md;
  }

  async getChildren(): Promise<SesNode[]> {
    if (!this.isDomain) return [];
    try {
      const d = await this.loadDetail();
      const records = [...dkimRecords(this.identity.name, d.dkim?.tokens ?? []), ...(d.mailFrom ? mailFromRecords(d.mailFrom.domain, this.region) : [])];
      return records.map((r) => new DnsRecordNode(this, r));
    } catch (err) {
      return [new MessageNode(this, 'details-error', t('Could not load DNS records: {0} — click to retry', (err as Error).message), 'error', { command: 'ses.refresh', title: t('Retry'), arguments: [this.parent] })];
    }
  }
}

export class DnsRecordNode implements SesNode {
  readonly id: string;
  constructor(
    readonly parent: IdentityNode,
    readonly record: DnsRecord,
  ) {
    this.id = `${parent.id}/dns/${record.type}/${record.name}`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.record.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = `${this.record.type} ${this.record.value}`;
    item.tooltip = `${this.record.name} ${this.record.type} ${this.record.value}`;
    item.iconPath = new vscode.ThemeIcon('symbol-field');
    item.contextValue = `dnsRecord:${this.record.purpose}`;
    return item;
  }
}

export class MessageNode implements SesNode {
  readonly id: string;
  constructor(
    readonly parent: SesNode,
    key: string,
    private readonly text: string,
    private readonly icon: string,
    private readonly command?: vscode.Command,
  ) {
    this.id = `${parent.id}/${key}`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.command = this.command;
    return item;
  }
}

const escapeMd = (s: string) => s.replace(/([\\`*_{}\[\]()#+\-.!|])/g, '\\$1');

export class NoIdentitiesNode implements SesNode {
  readonly id: string;
  constructor(readonly parent: RegionNode) {
    this.id = `${parent.region}/empty`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(t('No identities — Verify Address…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('add');
    item.contextValue = 'placeholder:noIdentities';
    item.command = { command: 'ses.verifyAddress', title: t('Verify Address'), arguments: [this.parent] };
    return item;
  }
}

export class RegionErrorNode implements SesNode {
  readonly id: string;
  constructor(
    readonly parent: RegionNode,
    readonly error: SesError,
  ) {
    this.id = `${parent.region}/error`;
  }
  /** The region to retry: the inline Retry action passes this node itself. */
  get region(): string {
    return this.parent.region;
  }
  getTreeItem(): vscode.TreeItem {
    const { region } = this.parent;
    const kind = this.error.kind;
    const label =
      normalizeRegion(region) !== region
        ? t('"{0}" is not an AWS region code — correct ses.regions', region)
        : kind === 'bad-setting'
          ? t('Settings do not work for SES in {0} — correct them, then click to retry', region)
        : kind === 'sso-expired'
        ? t('SSO session expired for SES in {0} — log in, then click to retry', region)
        : kind === 'credentials-expired'
          ? t('Credentials expired for SES in {0} — renew them, then click to retry', region)
        : kind === 'no-credentials' || kind === 'credentials-invalid'
          ? t('No valid credentials for SES in {0} — click to retry', region)
          : kind === 'access-denied'
            ? t('Access denied to SES in {0} — click to retry', region)
            : kind === 'throttled'
              ? t('SES in {0} is throttling requests — click to retry', region)
              : kind === 'network'
                ? t('Could not reach SES in {0} — click to retry', region)
                : t('SES in {0} answered with an error — click to retry', region);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.error.message;
    item.tooltip = new vscode.MarkdownString().appendText(this.error.message);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = `error:region:${this.error.kind}`;
    item.command = { command: 'ses.retryRegion', title: t('Retry'), arguments: [this.parent] };
    return item;
  }
}
