import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { isPending, pollReview, type ReviewPollOptions, type ReviewState } from '../production/review';
import type { ReviewView } from '../webview/productionProtocol';

const t = vscode.l10n.t;

/**
 * Watches production-access reviews: every region whose account shows a PENDING review (after a submit, or when
 * the tree loads one after a reload) is polled with backoff until AWS settles it. A change refreshes that region
 * of the tree, so a GRANTED review turns the region to production without a reload.
 */
export class ReviewMonitor implements vscode.Disposable {
  private readonly watching = new Map<string, AbortController>();
  private readonly changed = new vscode.EventEmitter<ReviewView>();
  /** Fires with every new answer of a watched review. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly ctx: CommandContext,
    private readonly options: Omit<ReviewPollOptions, 'signal'> = {},
  ) {
    this.subscription = ctx.tree.onDidLoadRegion((node) => {
      const account = node.snapshot?.account;
      if (account && isPending({ status: account.reviewStatus, caseId: account.reviewCaseId, productionAccess: account.productionAccess })) {
        this.watch(node.region);
      }
    });
  }

  isWatching(region: string): boolean {
    return this.watching.has(region);
  }

  async read(region: string): Promise<ReviewState> {
    const account = await this.ctx.api().getAccount(region);
    return { status: account.reviewStatus, caseId: account.reviewCaseId, productionAccess: account.productionAccess };
  }

  watch(region: string): void {
    if (this.watching.has(region)) return;
    const abort = new AbortController();
    this.watching.set(region, abort);
    this.ctx.log.info(`Watching the production access review in ${region}`);
    void pollReview(
      () => this.read(region),
      (state) => {
        this.changed.fire({ region, ...state });
        const shown = this.ctx.tree.regionNode(region)?.snapshot?.account;
        if (!shown || shown.reviewStatus !== state.status || shown.reviewCaseId !== state.caseId || shown.productionAccess !== state.productionAccess) {
          this.ctx.tree.refresh(region);
        }
      },
      { ...this.options, signal: abort.signal },
    ).then((outcome) => {
      if (this.watching.get(region) === abort) this.watching.delete(region);
      if (!outcome.settled) return;
      const { state } = outcome;
      this.ctx.log.info(`Production access review in ${region}: ${state.status ?? 'none'}${state.caseId ? ` (case ${state.caseId})` : ''}`);
      if (state.productionAccess) {
        void this.ctx.ui.info(t('Production access granted in {0}: SES now sends to any address from your verified identities.', region));
      } else if (state.status === 'DENIED' || state.status === 'FAILED') {
        void this.ctx.ui.warn(
          t('The production access request for {0} was {1}{2}. AWS explains why in the support case; answer there or send a new, more detailed request.', region, state.status, state.caseId ? t(' (case {0})', state.caseId) : ''),
        );
      }
    });
  }

  dispose(): void {
    for (const abort of this.watching.values()) abort.abort();
    this.watching.clear();
    this.subscription.dispose();
    this.changed.dispose();
  }
}
