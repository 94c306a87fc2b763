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

/** "SES: Send to the Mailbox Simulator": the Send Test Email panel addressed to the simulator (no recipient to verify). */
export async function useMailboxSimulator(ctx: CommandContext, node?: { region?: string }): Promise<void> {
  const region = await resolveRegion(ctx, node, t('Send to the Mailbox Simulator'));
  if (!region) return;
  await vscode.commands.executeCommand('ses.sendTestEmail', { region, to: SIMULATOR_SUCCESS });
}

/** "SES: Get Started": the walkthrough "Send your first email with SES". */
export async function openWalkthrough(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'ses-workbench.ses-workbench#ses.firstEmail', false);
}
