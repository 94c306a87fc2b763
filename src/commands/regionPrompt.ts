import * as vscode from 'vscode';
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
