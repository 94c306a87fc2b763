import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import type { RegionNode } from '../tree/nodes';

export const WALKTHROUGH_ID = 'ses-workbench.ses-workbench#ses.firstEmail';

/**
 * The walkthrough's steps complete on context keys (`completionEvents: onContext:…`). This sets the keys that
 * follow from what the tree loads and what secret storage holds. A key only ever turns on in a session: VS Code
 * remembers a completed step itself. (`ses.hasSentTestMail` and `ses.productionAccessRequested` come through `done`.)
 *
 * VS Code completes a step only when its context expression turns true after the walkthrough was registered; a key
 * that was already true then counts as "seen this session" and never completes the step. The walkthroughs service
 * starts lazily (when a walkthrough or the Welcome page first opens), often after this extension has set its keys,
 * so `open()` turns the keys off while the walkthrough opens and on again afterwards.
 */
export class WalkthroughProgress implements vscode.Disposable {
  private readonly set = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ctx: CommandContext) {
    this.disposables = [
      ctx.tree.onDidLoadRegion((node) => this.regionLoaded(node)),
      ctx.secrets.onDidChange(() => void this.checkSmtpCredentials()),
    ];
    void this.checkSmtpCredentials();
  }

  /** Opens the walkthrough so that the steps already done show as done. */
  async open(): Promise<void> {
    const on = [...this.set];
    for (const key of on) await vscode.commands.executeCommand('setContext', key, false);
    try {
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
      // The service registers extension walkthroughs asynchronously once it exists.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      for (const key of on) await vscode.commands.executeCommand('setContext', key, true);
    }
  }

  /** A step done by a feature of its own (a test mail sent, a production access request made). */
  done(key: 'ses.hasSentTestMail' | 'ses.productionAccessRequested'): void {
    this.turnOn(key);
  }

  private turnOn(key: string): void {
    if (this.set.has(key)) return;
    this.set.add(key);
    void vscode.commands.executeCommand('setContext', key, true);
  }

  private regionLoaded(node: RegionNode): void {
    const snapshot = node.snapshot;
    if (!snapshot) return;
    // A region loaded: the credentials work and a region is chosen.
    this.turnOn('ses.connected');
    const verified = snapshot.identities.filter((i) => i.status === 'SUCCESS');
    if (verified.length > 0) this.turnOn('ses.hasVerifiedSender');
    // A recipient is covered by a second verified identity, or by a verified domain (it covers all its addresses);
    // with production access no recipient needs verifying.
    if (verified.length >= 2 || verified.some((i) => i.type !== 'EMAIL_ADDRESS') || snapshot.account.productionAccess) {
      this.turnOn('ses.hasVerifiedRecipient');
    }
    const review = snapshot.account.reviewStatus;
    if (review === 'PENDING' || review === 'GRANTED') this.turnOn('ses.productionAccessRequested');
  }

  async checkSmtpCredentials(): Promise<void> {
    for (const region of this.ctx.regions()) {
      if (await this.ctx.secrets.has(region)) {
        this.turnOn('ses.hasSmtpCredentials');
        return;
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
