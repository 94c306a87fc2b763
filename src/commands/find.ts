import * as vscode from 'vscode';
import { addressProblem, asciiIdentity, domainProblem } from '../address';
import { locate, type Whereabouts } from '../rules/find';
import type { CommandContext } from './context';

const t = vscode.l10n.t;

const look: Record<Whereabouts['state'], { icon: string; text: (w: Whereabouts) => string }> = {
  verified: { icon: 'pass', text: (w) => (w.state === 'verified' && w.by !== undefined ? t('verified (by {0})', w.by) : t('verified')) },
  pending: { icon: 'clock', text: () => t('pending verification') },
  failed: { icon: 'error', text: () => t('verification failed') },
  'temporary-failure': { icon: 'warning', text: () => t('temporary failure') },
  'not-started': { icon: 'circle-outline', text: () => t('not started') },
  'case-mismatch': { icon: 'case-sensitive', text: (w) => (w.state === 'case-mismatch' ? t('only {0} is verified: address identities are case-sensitive', w.identity) : '') },
  missing: { icon: 'circle-slash', text: () => t('missing — select to verify here') },
  unknown: { icon: 'question', text: (w) => (w.state === 'unknown' ? t('could not check: {0}', w.error) : '') },
};

/** Searches every configured region for an address or domain and says where it can be used. */
export async function findIdentity(ctx: CommandContext, given?: string): Promise<Whereabouts[] | undefined> {
  const query = (typeof given === 'string' ? given : await ctx.ui.input({
    title: t('Find Identity in every region'),
    prompt: t('An address or a domain. Identities are per region: verified in one region means nothing in another.'),
    placeHolder: 'sender@example.com',
    ignoreFocusOut: true,
    validateInput: (value) => findProblem(value.trim()),
  }))?.trim();
  if (!query || findProblem(query)) return undefined;
  // SES lists international domains in punycode: look for the name as SES stores it.
  const name = asciiIdentity(query);
  // Asked afresh, not read from the tree: the tree may have been drawn before a link was opened or an identity added.
  const regions = await Promise.all(
    ctx.regions().map(async (region) => {
      try {
        return { region, identities: await ctx.api().listIdentities(region) };
      } catch (err) {
        return { region, error: (err as Error).message };
      }
    }),
  );
  const answer = locate(name, regions);
  const picked = await ctx.ui.pick(
    answer.map((w) => ({ label: `$(${look[w.state].icon}) ${w.region}`, description: look[w.state].text(w), region: w.region, state: w.state })),
    { title: t('Where {0} can be used', name === query ? query : `${query} (${name})`) },
  );
  if (picked?.state === 'missing') {
    await vscode.commands.executeCommand(query.includes('@') ? 'ses.verifyAddress' : 'ses.verifyDomain', { region: picked.region }, query);
  }
  return answer;
}

const findProblem = (value: string): string | undefined =>
  value === '' ? undefined : value.includes('@') ? addressProblem(value) : domainProblem(value);
