import * as vscode from 'vscode';
import { SesError } from '../ses/errors';
import type { IdentityNode, RegionNode } from '../tree/nodes';
import { addressProblem } from '../address';
import type { CommandContext } from './context';
import { resolveRegion } from './regionPrompt';

const t = vscode.l10n.t;

export async function verifyAddress(ctx: CommandContext, node?: RegionNode | { region?: string }, given?: string): Promise<string | undefined> {
  const region = await resolveRegion(ctx, node, t('Verify Address'));
  if (!region) return undefined;
  const address = await ctx.ui.input({
    value: typeof given === 'string' ? given : undefined,
    title: t('Verify Address in {0}', region),
    prompt: t('SES mails a verification link to this address. Address identities are case-sensitive.'),
    placeHolder: 'someone@example.com',
    ignoreFocusOut: true,
    validateInput: (value) => addressProblem(value.trim()),
  });
  if (address === undefined) return undefined;
  const name = address.trim();
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Asking SES in {0} to verify {1}…', region, name) },
      () => ctx.api().createIdentity(region, name),
    );
  } catch (err) {
    if (err instanceof SesError && err.kind === 'already-exists') {
      ctx.tree.refresh(region);
      void ctx.ui.info(t('{0} is already an identity in {1}. Its status is shown in the SES view.', name, region));
      return name;
    }
    ctx.log.error(`CreateEmailIdentity ${region}: ${(err as Error).message}`);
    void ctx.ui.error(t('SES in {0} could not start verifying {1}: {2}', region, name, (err as Error).message));
    return undefined;
  }
  ctx.log.info(`CreateEmailIdentity ${region} ${name}`);
  ctx.tree.refresh(region);
  void ctx.ui.info(
    t('SES sent a verification link to {0}. It is pending until the link is opened; the link expires in 24 hours.', name),
  );
  return name;
}

export async function deleteIdentity(ctx: CommandContext, node?: IdentityNode): Promise<void> {
  if (!node) return;
  const { region } = node;
  const { name } = node.identity;
  const confirmed = await ctx.ui.confirm(
    t('Delete {0} from SES in {1}?', name, region),
    t('Mail from or (in the sandbox) to this identity will be rejected in {0} until it is verified again. Other regions are not affected.', region),
    t('Delete'),
  );
  if (!confirmed) return;
  try {
    await ctx.api().deleteIdentity(region, name);
    ctx.log.info(`DeleteEmailIdentity ${region} ${name}`);
  } catch (err) {
    void ctx.ui.error(t('Could not delete {0} in {1}: {2}', name, region, (err as Error).message));
  }
  ctx.tree.refresh(region);
}

export async function copyIdentityName(_ctx: CommandContext, node?: IdentityNode): Promise<void> {
  if (node) await vscode.env.clipboard.writeText(node.identity.name);
}

export function refresh(ctx: CommandContext, node?: { region?: string }): void {
  ctx.tree.refresh(node?.region);
}
