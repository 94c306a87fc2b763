import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { adviseUseCase, type Advice } from '../production/advice';
import { emptyDraft, toAccountDetails, validateDraft, type FieldProblem, type ProductionDraft } from '../production/validate';
import type { FromProductionPage, ReviewView, ToProductionPage } from '../webview/productionProtocol';
import { productionAccessHtml } from './productionAccessHtml';
import type { ReviewMonitor } from './productionAccessReview';
import { asProductionDraft, asProductionMessage } from './productionAccessValidate';

const t = vscode.l10n.t;
export const PRODUCTION_PANEL_TYPE = 'ses.requestProductionAccess';
/** AWS's page on what a production access request should say; the advice is drawn from it. */
export const PRODUCTION_GUIDE_URL = 'https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html';
const DRAFT_KEY = 'ses.productionAccess.draft';

/** What a submit did: sent or not, and why not. Returned to callers (and tests) as well as shown on the page. */
export interface SubmitResult {
  sent: boolean;
  problems: FieldProblem[];
  advice: Advice[];
  error?: string;
  review?: ReviewView;
}

/**
 * Opens and restores the Request Production Access form (one at a time). The last draft is kept in workspace
 * state as well as in the page, so closing the panel or a failed submit never loses it.
 */
export class ProductionAccessForms implements vscode.Disposable {
  current?: ProductionAccessPanel;

  constructor(
    readonly ctx: CommandContext,
    readonly extensionUri: vscode.Uri,
    readonly monitor: ReviewMonitor,
    private readonly memento: vscode.Memento,
  ) {}

  savedDraft(): ProductionDraft | undefined {
    return asProductionDraft(this.memento.get(DRAFT_KEY));
  }

  saveDraft(draft: ProductionDraft): void {
    void this.memento.update(DRAFT_KEY, draft);
  }

  open(region: string): ProductionAccessPanel {
    if (this.current) {
      this.current.panel.reveal();
      this.current.setRegion(region);
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(PRODUCTION_PANEL_TYPE, t('Request Production Access'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: this.roots(),
    });
    return this.attach(panel, { ...(this.savedDraft() ?? emptyDraft(region)), region });
  }

  /** Restores the panel after a window reload; the draft written on the last keystroke wins over the page's lazily saved state. */
  revive(panel: vscode.WebviewPanel, state: unknown): ProductionAccessPanel {
    const saved = this.savedDraft() ?? asProductionDraft((state as { draft?: unknown } | undefined)?.draft);
    return this.attach(panel, saved ?? emptyDraft(this.ctx.regions()[0] ?? 'us-east-1'));
  }

  private roots(): vscode.Uri[] {
    return [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')];
  }

  private attach(panel: vscode.WebviewPanel, draft: ProductionDraft): ProductionAccessPanel {
    panel.webview.options = { enableScripts: true, localResourceRoots: this.roots() };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'ses.svg');
    panel.webview.html = productionAccessHtml(panel.webview, this.extensionUri, vscode.Uri.joinPath);
    const form = new ProductionAccessPanel(panel, this, draft);
    this.current = form;
    panel.onDidDispose(() => {
      if (this.current === form) this.current = undefined;
    });
    return form;
  }

  dispose(): void {
    this.current?.dispose();
  }
}

/** The form's host side: validates and advises on every change, sends PutAccountDetails, reports the review. */
export class ProductionAccessPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private draft: ProductionDraft;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly forms: ProductionAccessForms,
    draft: ProductionDraft,
  ) {
    this.draft = draft;
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      forms.monitor.onDidChange((review) => {
        if (review.region === this.draft.region) this.post({ type: 'review', review });
      }),
    );
  }

  private get ctx(): CommandContext {
    return this.forms.ctx;
  }

  /** The draft as the host last saw it (the page sends every change). */
  get currentDraft(): ProductionDraft {
    return this.draft;
  }

  private disposed = false;

  private post(message: ToProductionPage): void {
    // A submit or a review check can finish after the panel was closed.
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = asProductionMessage(raw);
    if (!message) {
      this.ctx.log.warn('Ignored a malformed message from the Request Production Access page');
      return;
    }
    await this.handle(message);
  }

  private async handle(message: FromProductionPage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post({ type: 'init', draft: this.draft, regions: this.regionChoices() });
        await this.loadReview();
        return;
      case 'draft': {
        const regionChanged = message.draft.region !== this.draft.region;
        this.update(message.draft);
        if (regionChanged) await this.loadReview();
        return;
      }
      case 'submit':
        await this.submit(message.draft);
        return;
      case 'openGuide':
        await vscode.env.openExternal(vscode.Uri.parse(PRODUCTION_GUIDE_URL));
        return;
      default: {
        const never: never = message;
        void never;
      }
    }
  }

  setRegion(region: string): void {
    if (region === this.draft.region) return;
    this.draft = { ...this.draft, region };
    this.post({ type: 'init', draft: this.draft, regions: this.regionChoices() });
    void this.loadReview();
  }

  /** Takes a new draft: keeps it, and answers with its problems and the advice on it. */
  update(draft: ProductionDraft): { problems: FieldProblem[]; advice: Advice[] } {
    this.draft = draft;
    this.forms.saveDraft(draft);
    const check = { problems: validateDraft(draft), advice: adviseUseCase(draft) };
    this.post({ type: 'check', ...check });
    return check;
  }

  /**
   * Validates and sends the request. Nothing is sent while SES would refuse a field; advice never blocks. On any
   * failure the draft stays as it was, on the page and here.
   */
  async submit(draft: ProductionDraft): Promise<SubmitResult> {
    const { problems, advice } = this.update(draft);
    if (problems.length > 0) {
      const message = problems.length === 1 ? t('Fix the marked field first.') : t('Fix the {0} marked fields first.', problems.length);
      this.post({ type: 'failed', message, problems });
      return { sent: false, problems, advice, error: message };
    }
    const region = draft.region;
    this.post({ type: 'submitting' });
    try {
      await this.ctx.api().putAccountDetails(region, toAccountDetails(draft));
    } catch (err) {
      const message = (err as Error).message;
      this.ctx.log.warn(`PutAccountDetails failed in ${region}: ${message}`);
      this.post({ type: 'failed', message: t('SES refused the request in {0}: {1}', region, message), problems: [] });
      return { sent: false, problems: [], advice, error: message };
    }
    this.ctx.log.info(`Production access requested in ${region} (${draft.mailType})`);
    void vscode.commands.executeCommand('setContext', 'ses.productionAccessRequested', true);
    const review = await this.readReview(region);
    this.post({ type: 'submitted', review });
    this.ctx.tree.refresh(region);
    if (!review.loadError && !review.productionAccess) this.forms.monitor.watch(region);
    return { sent: true, problems: [], advice, review };
  }

  private async readReview(region: string): Promise<ReviewView> {
    try {
      return { region, ...(await this.forms.monitor.read(region)) };
    } catch (err) {
      return { region, productionAccess: false, loadError: (err as Error).message };
    }
  }

  private async loadReview(): Promise<void> {
    const region = this.draft.region;
    const review = await this.readReview(region);
    if (region === this.draft.region) this.post({ type: 'review', review });
  }

  private regionChoices(): string[] {
    const regions = this.ctx.regions();
    return regions.includes(this.draft.region) ? regions : [...regions, this.draft.region];
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
