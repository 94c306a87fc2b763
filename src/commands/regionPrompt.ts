import * as vscode from 'vscode';
import type { IdentitySummary } from '../ses/client';
import type { RegionNode } from '../tree/nodes';
import type { CommandContext } from './context';

/** A node carries its region; from the palette we ask, unless only one region is configured. */
export async function resolveRegion(ctx: CommandContext, node?: { region?: string } | RegionNode, purpose?: string): Promise<string | undefined> {
  if (node && typeof node.region === 'string') return node.region;
  const regions = ctx.regions();
  if (regions.length === 0) {
    const choose = vscode.l10n.t('Choose Regions');
    if ((await ctx.ui.warn(vscode.l10n.t('No SES regions are chosen.'), choose)) === choose) {
      await vscode.commands.executeCommand('ses.chooseRegions');
    }
    return undefined;
  }
  if (regions.length === 1) return regions[0];
  const picked = await ctx.ui.pick(
    regions.map((r) => ({ label: r })),
    { title: purpose, placeHolder: vscode.l10n.t('SES region (identities and sandbox status are separate in each region)'), ignoreFocusOut: true },
  );
  return picked?.label;
}

/** An identity in a region: what a tree node carries, or what the palette asks for. */
export interface IdentityTarget {
  region: string;
  identity: IdentitySummary;
}

/** From the tree the node says which identity; from the palette we ask for the region, then the identity. */
export async function resolveIdentity(
  ctx: CommandContext,
  node: Partial<IdentityTarget> | undefined,
  purpose: string,
  eligible: (identity: IdentitySummary) => boolean = () => true,
  /** What to say when the region has no identity this command can act on. */
  none?: (region: string) => string,
): Promise<IdentityTarget | undefined> {
  if (node?.region && node.identity) return { region: node.region, identity: node.identity };
  const region = await resolveRegion(ctx, undefined, purpose);
  if (!region) return undefined;
  let identities: readonly IdentitySummary[];
  try {
    identities = ctx.tree.regionNode(region)?.snapshot?.identities ?? (await ctx.api().listIdentities(region));
  } catch (err) {
    void ctx.ui.error(vscode.l10n.t('Could not list the identities of {0}: {1}', region, (err as Error).message));
    return undefined;
  }
  const candidates = identities.filter(eligible);
  if (candidates.length === 0) {
    void ctx.ui.info(none ? none(region) : vscode.l10n.t('No identity in {0} fits "{1}".', region, purpose));
    return undefined;
  }
  const picked = await ctx.ui.pick(
    candidates.map((identity) => ({ label: identity.name, description: `${identity.type === 'EMAIL_ADDRESS' ? 'address' : 'domain'} · ${identity.status}`, identity })),
    { title: `${purpose} (${region})`, placeHolder: vscode.l10n.t('Identity in {0}', region), matchOnDescription: true, ignoreFocusOut: true },
  );
  return picked ? { region, identity: picked.identity } : undefined;
}
