import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import type { RegionNode } from '../tree/nodes';

/**
 * The walkthrough's steps complete on context keys (`completionEvents: onContext:…`). This sets the keys that
 * follow from what the tree loads and what secret storage holds. A key only ever turns on in a session: VS Code
 * remembers a completed step itself. (`ses.hasSentTestMail` is set by the Send Test Email panel,
 * `ses.productionAccessRequested` also by the production access form.)
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

  private turnOn(key: string): void {
    if (this.set.has(key)) return;
    this.set.add(key);
    void vscode.commands.executeCommand('setContext', key, true);
  }

  private regionLoaded(node: RegionNode): void {
    const snapshot = node.snapshot;
    if (!snapshot) return;
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
