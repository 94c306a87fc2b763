/**
 * Which verified identity lets an address send or receive in the sandbox: one source of truth for the emulator
 * (which enforces it) and the pre-flight (which predicts it). Rules from AWS's SES developer guide.
 */

export type IdentityType = 'EMAIL_ADDRESS' | 'DOMAIN' | 'MANAGED_DOMAIN';
export type VerificationStatus = 'PENDING' | 'SUCCESS' | 'FAILED' | 'TEMPORARY_FAILURE' | 'NOT_STARTED';

export interface IdentityState {
  name: string;
  type: IdentityType;
  status: VerificationStatus;
}

export const SIMULATOR_DOMAIN = 'simulator.amazonses.com';

/** Splits `local@domain`; the local part keeps its case, the domain is lower-cased (DNS is case-insensitive). */
export function splitAddress(address: string): { local: string; domain: string } | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  return { local: address.slice(0, at), domain: address.slice(at + 1).toLowerCase() };
}

/** `user+label@x` → `user@x`: SES treats a +label on a verified address as the address itself. */
export function withoutLabel(address: string): string {
  const parts = splitAddress(address);
  if (!parts) return address;
  const plus = parts.local.indexOf('+');
  const local = plus > 0 ? parts.local.slice(0, plus) : parts.local;
  return `${local}@${address.slice(address.lastIndexOf('@') + 1)}`;
}

export function isSimulatorAddress(address: string): boolean {
  return splitAddress(address)?.domain === SIMULATOR_DOMAIN;
}

function domainCovers(domain: string, addressDomain: string): boolean {
  const d = domain.toLowerCase();
  return addressDomain === d || addressDomain.endsWith(`.${d}`);
}

/** Does this identity, as it stands, cover the address? Only verified identities cover anything. */
export function identityCovers(identity: IdentityState, address: string): boolean {
  if (identity.status !== 'SUCCESS') return false;
  const parts = splitAddress(address);
  if (!parts) return false;
  if (identity.type === 'EMAIL_ADDRESS') {
    // SES compares address identities as exact strings: `a@EXAMPLE.com` verified does not cover `a@example.com`.
    // A verified `a+tag@x` covers itself; stripping the label alone would miss it.
    return identity.name === address || identity.name === withoutLabel(address);
  }
  return domainCovers(identity.name, parts.domain);
}

/**
 * Whether any identity covers the address. One pass without per-identity allocation: the pre-flight calls it on
 * every keystroke against up to 10,000 identities (SES's per-region limit).
 */
export function isCovered(identities: Iterable<IdentityState>, address: string): boolean {
  const parts = splitAddress(address);
  if (!parts) return false;
  const bare = withoutLabel(address);
  for (const identity of identities) {
    if (identity.status !== 'SUCCESS') continue;
    if (identity.type === 'EMAIL_ADDRESS') {
      if (identity.name === address || identity.name === bare) return true;
    } else if (domainCoversFast(identity.name, parts.domain)) {
      return true;
    }
  }
  return false;
}

function domainCoversFast(domain: string, addressDomain: string): boolean {
  if (domain.length > addressDomain.length) return false;
  if (domain.length === addressDomain.length) return domain === addressDomain || domain.toLowerCase() === addressDomain;
  return addressDomain.charCodeAt(addressDomain.length - domain.length - 1) === 46 /* . */ && addressDomain.endsWith(domain.toLowerCase());
}

/** A verified address identity that differs from `address` only in letter case: SES's case-sensitivity trap. */
export function caseMismatch(identities: Iterable<IdentityState>, address: string): IdentityState | undefined {
  const bare = withoutLabel(address);
  const wantedBare = bare.toLowerCase();
  const wantedExact = address.toLowerCase();
  for (const identity of identities) {
    if (identity.type !== 'EMAIL_ADDRESS' || identity.status !== 'SUCCESS' || identity.name === bare || identity.name === address) continue;
    // Lengths first: this runs against up to 10,000 identities per keystroke.
    if (identity.name.length === bare.length && identity.name.toLowerCase() === wantedBare) return identity;
    if (identity.name.length === address.length && identity.name.toLowerCase() === wantedExact) return identity;
  }
  return undefined;
}
