import { caseMismatch, identityCovers, type IdentityState } from './identities';

export type Whereabouts =
  | { region: string; state: 'verified'; by: string }
  | { region: string; state: 'pending' | 'failed' | 'temporary-failure' | 'not-started'; identity: string }
  | { region: string; state: 'case-mismatch'; identity: string }
  | { region: string; state: 'missing' }
  | { region: string; state: 'unknown'; error: string };

const notVerified: Record<string, 'pending' | 'failed' | 'temporary-failure' | 'not-started'> = {
  PENDING: 'pending',
  FAILED: 'failed',
  TEMPORARY_FAILURE: 'temporary-failure',
  NOT_STARTED: 'not-started',
};

/**
 * Where an address or domain can be used, region by region: the region-mismatch trap made visible.
 * An address counts as verified when an address identity or a domain identity covers it.
 */
export function locate(query: string, regions: { region: string; identities?: readonly IdentityState[]; error?: string }[]): Whereabouts[] {
  const isAddress = query.includes('@');
  const wanted = isAddress ? query : query.toLowerCase();
  return regions.map(({ region, identities, error }): Whereabouts => {
    if (!identities) return { region, state: 'unknown', error: error ?? 'not loaded' };
    if (isAddress) {
      const by = identities.find((i) => identityCovers(i, wanted));
      if (by) return { region, state: 'verified', by: by.name };
      const mismatch = caseMismatch(identities, wanted);
      if (mismatch) return { region, state: 'case-mismatch', identity: mismatch.name };
    }
    const exact = identities.find((i) => (i.type === 'EMAIL_ADDRESS' ? i.name === wanted : i.name.toLowerCase() === wanted));
    if (exact) return exact.status === 'SUCCESS' ? { region, state: 'verified', by: exact.name } : { region, state: notVerified[exact.status] ?? 'not-started', identity: exact.name };
    const domain = isAddress ? wanted.slice(wanted.lastIndexOf('@') + 1).toLowerCase() : wanted;
    const pendingDomain = identities.find((i) => i.type !== 'EMAIL_ADDRESS' && (domain === i.name.toLowerCase() || domain.endsWith(`.${i.name.toLowerCase()}`)));
    if (pendingDomain) return { region, state: notVerified[pendingDomain.status] ?? 'not-started', identity: pendingDomain.name };
    return { region, state: 'missing' };
  });
}
