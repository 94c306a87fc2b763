import * as vscode from 'vscode';
import type { ProductionAccessForms, ProductionAccessPanel } from '../panel/productionAccessPanel';
import type { CommandContext } from './context';
import { resolveRegion } from './regionPrompt';

const t = vscode.l10n.t;

/** The mailbox simulator's address that always succeeds; it works in the sandbox without verification. */
export const SIMULATOR_SUCCESS = 'success@simulator.amazonses.com';

/** "SES: Request Production Access": the form for one region (from the account node, or asked for). */
export async function requestProductionAccess(ctx: CommandContext, forms: ProductionAccessForms, node?: { region?: string }): Promise<ProductionAccessPanel | undefined> {
  const region = await resolveRegion(ctx, node, t('Request Production Access'));
  if (!region) return undefined;
  const account = ctx.tree.regionNode(region)?.snapshot?.account;
  if (account?.productionAccess) {
    void ctx.ui.info(t('{0} already has production access: SES sends to any address from your verified identities.', region));
    return undefined;
  }
  return forms.open(region);
}

/**
 * "SES: Send to the Mailbox Simulator": the Send Test Email panel addressed to the simulator (no recipient to
 * verify). It asks for no region: the first sandboxed region is the one that needs the simulator, and the panel
 * lets the user pick another. (A quick pick opened from a walkthrough button closes as the walkthrough takes focus back.)
 */
export async function useMailboxSimulator(ctx: CommandContext, node?: { region?: string }): Promise<void> {
  const loaded = ctx.tree.regions().filter((r) => r.snapshot);
  const region = node?.region ?? loaded.find((r) => !r.snapshot?.account.productionAccess)?.region ?? ctx.regions()[0];
  await vscode.commands.executeCommand('ses.sendTestEmail', { ...(region ? { region } : {}), to: SIMULATOR_SUCCESS });
}
