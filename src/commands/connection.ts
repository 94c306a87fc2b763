import * as vscode from 'vscode';
import { settings } from '../config/settings';
import { SES_REGIONS } from '../rules/regions';
import { listProfiles } from '../ses/profiles';
import type { CommandContext } from './context';

const t = vscode.l10n.t;

export async function selectProfile(ctx: CommandContext): Promise<void> {
  const profiles = await listProfiles();
  const current = settings.connection().profile;
  const items: (vscode.QuickPickItem & { profile: string })[] = [
    { label: t('Default credential chain'), description: t('environment, default profile, SSO, instance role'), profile: '' },
    ...profiles.map((p) => ({
      label: p.name,
      description: [p.source === 'role' ? `role ${p.roleArn}` : p.source, p.region].filter(Boolean).join(' · '),
      profile: p.name,
    })),
  ];
  // A single-select pick shows no checkmark: say which one is in use.
  for (const item of items) if (item.profile === current) item.detail = t('$(check) in use');
  const picked = await ctx.ui.pick(items, {
    title: t('Select AWS Profile for SES'),
    placeHolder: profiles.length ? t('Profiles from your AWS config and credentials files') : t('No profiles found in ~/.aws/config or ~/.aws/credentials'),
  });
  if (!picked) return;
  await settings.setProfile(picked.profile);
  const region = profiles.find((p) => p.name === picked.profile)?.region;
  if (region && !ctx.regions().includes(region)) {
    const add = t('Add {0}', region);
    if ((await ctx.ui.info(t('Profile {0} defaults to {1}, which is not shown in the SES view.', picked.profile, region), add)) === add) {
      await settings.setRegions([...ctx.regions(), region]);
    }
  }
}

export async function chooseRegions(ctx: CommandContext): Promise<void> {
  const current = new Set(ctx.regions());
  const items = SES_REGIONS.map((r) => ({ label: r.code, description: r.name, picked: current.has(r.code) }));
  // Regions configured by hand that are not in our list (new regions, the emulator's) stay choosable.
  for (const code of current) if (!items.some((i) => i.label === code)) items.push({ label: code, description: '', picked: true });
  const picked = await ctx.ui.pickMany(items, {
    title: t('Choose SES Regions'),
    placeHolder: t('Identities, sandbox status and quotas are separate in each region'),
    matchOnDescription: true,
  });
  if (!picked) return;
  await settings.setRegions(picked.map((p) => p.label));
}
