import * as vscode from 'vscode';
import type { AccountStatus } from '../ses/client';
import type { IdentitiesTreeProvider } from '../tree/provider';

const t = vscode.l10n.t;

/** Share of the daily quota at which the status bar turns to a warning. */
const QUOTA_WARNING = 0.9;

export function statusText(account: AccountStatus): { text: string; warn: boolean } {
  const quota = account.max24HourSend > 0 ? ` · ${account.sentLast24Hours}/${account.max24HourSend}` : '';
  const paused = !account.sendingEnabled;
  const nearlyUsed = account.max24HourSend > 0 && account.sentLast24Hours / account.max24HourSend >= QUOTA_WARNING;
  const mode = account.productionAccess ? t('production') : t('sandbox');
  return { text: `SES: ${mode}${paused ? ` · ${t('paused')}` : account.productionAccess ? '' : quota}`, warn: paused || nearlyUsed || account.enforcementStatus === 'SHUTDOWN' };
}

/** The active region's account at a glance; the active region is the first configured one. */
export function createStatusBar(tree: IdentitiesTreeProvider, activeRegion: () => string | undefined): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('ses.status', vscode.StatusBarAlignment.Left, 10);
  item.name = t('SES account status');
  item.command = 'ses.identities.focus';
  const update = (): void => {
    const region = activeRegion();
    const account = region ? tree.regionNode(region)?.snapshot?.account : undefined;
    if (!region || !account) {
      item.hide();
      return;
    }
    const { text, warn } = statusText(account);
    item.text = `$(mail) ${text}`;
    item.tooltip = t('{0}: {1} of {2} recipients sent in the last 24 hours, {3} per second. Click to open the SES view.', region, account.sentLast24Hours, account.max24HourSend < 0 ? '∞' : account.max24HourSend, account.maxSendRate);
    item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const subscription = tree.onDidLoadRegion(update);
  return vscode.Disposable.from(item, subscription);
}
