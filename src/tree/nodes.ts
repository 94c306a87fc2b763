import * as vscode from 'vscode';
import type { AccountStatus, IdentitySummary } from '../ses/client';
import type { SesError } from '../ses/errors';
import type { SesNode } from './node';

/** What a region node needs: its account status and identities, loaded when it expands. */
export interface RegionSnapshot {
  account: AccountStatus;
  identities: IdentitySummary[];
}

export interface RegionLoader {
  load(region: string): Promise<RegionSnapshot>;
}

const t = vscode.l10n.t;

export class RegionNode implements SesNode {
  readonly id: string;
  /** The last successful load; read by the status bar and the send panel, cleared by a refresh. */
  snapshot?: RegionSnapshot;
  private loading?: Promise<SesNode[]>;

  constructor(
    readonly region: string,
    private readonly loader: RegionLoader,
    private readonly regionName: string | undefined,
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
    } catch (err) {
      this.loading = undefined;
      return [new RegionErrorNode(this, err as SesError)];
    }
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

  getTreeItem(): vscode.TreeItem {
    const a = this.account;
    const item = new vscode.TreeItem(a.productionAccess ? t('Production') : t('Sandbox'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const quota = a.max24HourSend < 0 ? t('{0} sent, no daily limit', a.sentLast24Hours) : t('{0}/{1} sent ({2}%)', a.sentLast24Hours, a.max24HourSend, percent(a));
    const parts = [quota, t('{0} msg/s', a.maxSendRate)];
    if (!a.sendingEnabled) parts.unshift(t('sending paused'));
    if (a.reviewStatus === 'PENDING') parts.push(t('production access pending'));
    item.description = parts.join(' · ');
    const warn = !a.sendingEnabled || a.enforcementStatus !== 'HEALTHY' || percent(a) >= 90;
    item.iconPath = new vscode.ThemeIcon(
      a.productionAccess ? 'rocket' : 'beaker',
      warn ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
    item.contextValue = `account:${a.productionAccess ? 'production' : 'sandbox'}`;
    item.tooltip = accountTooltip(this.parent.region, a);
    return item;
  }
}

function percent(a: AccountStatus): number {
  return a.max24HourSend > 0 ? Math.round((a.sentLast24Hours / a.max24HourSend) * 100) : 0;
}

function accountTooltip(region: string, a: AccountStatus): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${a.productionAccess ? t('Production access') : t('Sandbox')}** — \`${region}\`\n\n`);
  if (!a.productionAccess) {
    md.appendMarkdown(t('In the sandbox SES sends only from verified identities **to verified identities** or the mailbox simulator, at most {0} recipients a day and {1} message(s) a second.', a.max24HourSend, a.maxSendRate) + '\n\n');
  }
  md.appendMarkdown(`| | |\n|---|---|\n`);
  md.appendMarkdown(`| ${t('Sent (last 24 h)')} | ${a.sentLast24Hours} / ${a.max24HourSend < 0 ? '∞' : a.max24HourSend} |\n`);
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
  constructor(
    readonly parent: RegionNode,
    readonly identity: IdentitySummary,
  ) {
    this.id = `${parent.region}/identity/${identity.name}`;
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const { name, type, status } = this.identity;
    const look = stateLook[status] ?? stateLook.NOT_STARTED;
    const isDomain = type !== 'EMAIL_ADDRESS';
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = t(look.text);
    item.iconPath = new vscode.ThemeIcon(isDomain ? 'globe' : 'mail', new vscode.ThemeColor(look.color));
    item.contextValue = `identity:${isDomain ? 'domain' : 'email'}:${look.token}`;
    item.tooltip = new vscode.MarkdownString(
      `**${name}** — ${isDomain ? t('domain') : t('email address')} in \`${this.region}\`\n\n${t('Status')}: ${t(look.text)}` +
        (status === 'PENDING' && !isDomain ? `\n\n${t('Open the link in the verification mail SES sent to this address. The link expires after 24 hours.')}` : ''),
    );
    item.accessibilityInformation = { label: `${name}, ${isDomain ? t('domain') : t('email address')}, ${t(look.text)}` };
    return item;
  }
}

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
  getTreeItem(): vscode.TreeItem {
    const { region } = this.parent;
    const label =
      this.error.kind === 'sso-expired' || this.error.kind === 'no-credentials' || this.error.kind === 'credentials-expired'
        ? t('No valid credentials for SES in {0} — click to retry', region)
        : t('Could not reach SES in {0} — click to retry', region);
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
