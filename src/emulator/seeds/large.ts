import type { Seed } from '../seed';
import sample from './sample.json';

/**
 * The sample seed plus `count` identities in us-east-1 (10,000 = SES's per-region maximum): mostly verified
 * addresses, every tenth pending, every fiftieth a domain. Generated, so the repository carries no 10,000-line file.
 */
export function largeSeed(count = 10_000): Seed {
  const seed = structuredClone(sample) as Seed;
  const region = seed.regions.find((r) => r.region === 'us-east-1')!;
  const identities = (region.identities ??= []);
  for (let i = identities.length; i < count; i++) {
    const n = String(i).padStart(5, '0');
    if (i % 50 === 0) identities.push({ name: `domain-${n}.example.net`, status: 'SUCCESS' });
    else identities.push({ name: `user-${n}@example.com`, status: i % 10 === 0 ? 'PENDING' : 'SUCCESS' });
  }
  return seed;
}
