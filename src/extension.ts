import * as vscode from 'vscode';
import type { CommandContext } from './commands/context';
import { requestProductionAccess } from './commands/productionAccess';
import { registerReadOnlyDocuments } from './commands/readOnlyDocument';
import { registerCommands } from './commands/register';
import { sendFileAsTestEmail } from './commands/tools';
import { vscodeUi } from './commands/ui';
import { FileMemento } from './config/fileMemento';
import { settings } from './config/settings';
import { SmtpSecrets } from './config/smtpSecrets';
import { panelDomain } from './panel/domain';
import { TestMailHistory } from './panel/history';
import { PRODUCTION_PANEL_TYPE, ProductionAccessForms } from './panel/productionAccessPanel';
import { ReviewMonitor } from './panel/productionAccessReview';
import { trackTextEditors } from './panel/bodyFile';
import { PANEL_TYPE, TestEmailPanel } from './panel/testEmailPanel';
import { normalizeRegion, regionName } from './rules/regions';
import { SesApi } from './ses/client';
import { SesError } from './ses/errors';
import { StatusBar } from './statusbar/statusBar';
import { IdentitiesTreeProvider } from './tree/provider';
import { WalkthroughProgress } from './walkthrough/progress';

/** The composition root: builds the services, registers the features, nothing else. */
/** What `activate` returns: the services, for extension-host tests and other extensions. */
export interface WorkbenchApi extends CommandContext {
  currentPanel(): TestEmailPanel | undefined;
  readonly statusBar: StatusBar;
}

export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  const log = vscode.window.createOutputChannel('SES Workbench', { log: true });
  let api = new SesApi(settings.connection());
  const tree = new IdentitiesTreeProvider(
    {
      load: async (region) => {
        if (!normalizeRegion(region)) {
          throw new SesError('bad-setting', `"${region}" is not an AWS region code (like eu-west-1). Correct ses.regions, or run "SES: Choose Regions".`, region);
        }
        const [account, identities] = await Promise.all([api.getAccount(region), api.listIdentities(region)]);
        return { account, identities };
      },
      detail: (region, name) => api.getIdentity(region, name),
    },
    regionName,
  );
  const ctx: CommandContext = {
    api: () => api,
    regions: () => settings.regions(),
    tree,
    secrets: new SmtpSecrets(context.secrets),
    log,
    ui: vscodeUi,
  };
  const history = new TestMailHistory(context.globalState);
  const drafts = new FileMemento(vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'drafts.json').fsPath);
  const walkthrough = new WalkthroughProgress(ctx);
  const domain = panelDomain(ctx, history, drafts, () => walkthrough.done('ses.hasSentTestMail'));
  const reviews = new ReviewMonitor(ctx);
  const productionForms = new ProductionAccessForms(ctx, context.extensionUri, reviews, drafts);

  const view = vscode.window.createTreeView('ses.identities', { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new StatusBar(tree, view, () => settings.regions());
  const openPanel = (c: CommandContext, node?: { region?: string; identity?: { name: string }; to?: unknown }) =>
    TestEmailPanel.show(c, domain, context.extensionUri, { region: node?.region, ...(typeof node?.to === 'string' ? { to: node.to } : {}) });
  const showHistory = async (c: CommandContext) => {
    const entries = history.entries();
    if (entries.length === 0) {
      void c.ui.info(vscode.l10n.t('No test mails sent yet. Use "SES: Send Test Email".'));
      return;
    }
    const picked = await c.ui.pick(
      entries.map((e) => ({
        label: `$(${e.ok ? 'pass' : 'error'}) ${e.from} → ${e.to}`,
        description: `${e.region} · ${e.transport.toUpperCase()} · ${new Date(e.time).toLocaleString()}`,
        detail: e.outcome,
        entry: e,
      })),
      { title: vscode.l10n.t('Test Mail History'), placeHolder: vscode.l10n.t('Reopen a test mail to check or resend it'), matchOnDescription: true },
    );
    if (picked) TestEmailPanel.show(c, domain, context.extensionUri, { draft: picked.entry.draft });
  };
  const openFile = (c: CommandContext, uri?: vscode.Uri) =>
    sendFileAsTestEmail(c, (file) => TestEmailPanel.show(c, domain, context.extensionUri, { file: { uri: file } }), uri);

  const updateConnection = async (): Promise<void> => {
    const regions = settings.regions();
    let hasCredentials = true;
    try {
      await api.checkCredentials();
    } catch (err) {
      // An expired SSO session is not a missing setup: each region shows an error node naming the login to run.
      hasCredentials = err instanceof SesError && err.kind === 'sso-expired';
      log.warn(`No usable AWS credentials: ${(err as Error).message}`);
    }
    await vscode.commands.executeCommand('setContext', 'ses.hasCredentials', hasCredentials);
    await vscode.commands.executeCommand('setContext', 'ses.hasRegions', regions.length > 0);
    await vscode.commands.executeCommand('setContext', 'ses.ready', true);
    tree.setRegions(hasCredentials ? regions : []);
  };

  context.subscriptions.push(
    registerReadOnlyDocuments(),
    log,
    tree,
    view,
    statusBar,
    trackTextEditors(),
    { dispose: () => api.dispose() },
    reviews,
    productionForms,
    walkthrough,
    ...registerCommands(ctx, {
      'ses.sendTestEmail': openPanel,
      'ses.sendFileAsTestEmail': openFile,
      'ses.showHistory': showHistory,
      'ses.requestProductionAccess': (c: CommandContext, node?: { region?: string }) => requestProductionAccess(c, productionForms, node),
      'ses.openWalkthrough': () => walkthrough.open(),
    }),
    vscode.window.registerWebviewPanelSerializer(PRODUCTION_PANEL_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        productionForms.revive(panel, state);
      },
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        TestEmailPanel.revive(panel, state, ctx, domain, context.extensionUri);
      },
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ses.profile') || e.affectsConfiguration('ses.endpoint')) {
        api.dispose();
        api = new SesApi(settings.connection());
        tree.setRegions([]);
        void updateConnection();
      } else if (e.affectsConfiguration('ses.regions')) {
        void updateConnection();
      }
    }),
  );
  void updateConnection();
  return Object.assign(ctx, { currentPanel: () => TestEmailPanel.current, statusBar });
}

export function deactivate(): void {}
