import * as vscode from 'vscode';
import type { AccountStatus } from '../ses/client';
import type { SesNode } from '../tree/node';
import type { IdentitiesTreeProvider } from '../tree/provider';

const t = vscode.l10n.t;

/** Share of the daily quota at which the status bar turns to a warning. */
const QUOTA_WARNING = 0.9;

export function statusText(account: AccountStatus): { text: string; warn: boolean } {
  const quota = account.max24HourSend > 0 ? ` · ${account.sentLast24Hours}/${account.max24HourSend}` : '';
  const paused = !account.sendingEnabled;
  const nearlyUsed = account.max24HourSend > 0 && account.sentLast24Hours / account.max24HourSend >= QUOTA_WARNING;
  const mode = account.productionAccess ? t('production') : t('sandbox');
  const stopped = account.enforcementStatus === 'SHUTDOWN' ? t('suspended') : paused ? t('paused') : account.enforcementStatus === 'PROBATION' ? t('probation') : undefined;
  return { text: `SES: ${mode}${stopped ? ` · ${stopped}` : account.productionAccess ? '' : quota}`, warn: paused || nearlyUsed || account.enforcementStatus !== 'HEALTHY' };
}

/** The region a tree node belongs to: its own, or its nearest ancestor's. */
function regionOf(node: SesNode | undefined): string | undefined {
  for (let n = node; n; n = n.parent) {
    const region = (n as { region?: unknown }).region;
    if (typeof region === 'string') return region;
  }
  return undefined;
}

/**
 * The account of the active region at a glance: the region the user last selected or expanded in the tree,
 * else the first configured one.
 */
export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('ses.status', vscode.StatusBarAlignment.Left, 10);
  private touched?: string;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly tree: IdentitiesTreeProvider,
    view: vscode.TreeView<SesNode>,
    private readonly regions: () => string[],
  ) {
    this.item.name = t('SES account status');
    this.item.command = 'ses.identities.focus';
    this.subscriptions = [
      tree.onDidLoadRegion(() => this.update()),
      // Regions removed: the item must not keep showing one (a reload in progress keeps the last figures).
      tree.onDidChangeTreeData(() => {
        const region = this.activeRegion();
        if (!region || !this.tree.regionNode(region)) this.item.hide();
      }),
      view.onDidChangeSelection((e) => this.touch(regionOf(e.selection[0]))),
      view.onDidExpandElement((e) => this.touch(regionOf(e.element))),
    ];
  }

  /** The region shown: the last one touched while it is still configured, else the first configured. */
  activeRegion(): string | undefined {
    const regions = this.regions();
    return this.touched && regions.includes(this.touched) ? this.touched : regions[0];
  }

  /** Makes `region` the active one (a node of it was selected or expanded, or a command acted on it). */
  touch(region: string | undefined): void {
    if (!region || region === this.touched) return;
    this.touched = region;
    this.update();
  }

  update(): void {
    const region = this.activeRegion();
    const node = region ? this.tree.regionNode(region) : undefined;
    const account = node?.snapshot?.account;
    if (region && node?.error) {
      this.item.text = `$(warning) SES: ${t('{0} unavailable', region)}`;
      this.item.tooltip = t('{0}: {1} Click to open the SES view.', region, node.error.message);
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.show();
      return;
    }
    if (!region || !account) {
      this.item.hide();
      return;
    }
    const { text, warn } = statusText(account);
    this.item.text = `$(mail) ${text}`;
    this.item.tooltip = t('{0}: {1} of {2} recipients sent in the last 24 hours, {3} per second. Click to open the SES view.', region, account.sentLast24Hours, account.max24HourSend < 0 ? '∞' : account.max24HourSend, account.maxSendRate);
    this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
