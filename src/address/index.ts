export { checkAddress, checkDomain, addressProblem, domainProblem } from './validate';
export type { AddressCheck, DomainCheck } from './validate';
export { asciiAddress, asciiDomain, asciiIdentity, unicodeIdentity, withLowerDomain } from './idn';
export {
  displayNameSpecials,
  displayNameNeedsQuoting,
  displayNameNeedsEncoding,
  encodeWords,
  formatDisplayName,
  formatMailbox,
  parseAddressList,
  splitEntries,
} from './mailbox';
export type { Mailbox, ParsedList } from './mailbox';

import { addressProblem } from './validate';
import { formatMailbox } from './mailbox';

/** For `validateInput` of an address prompt: the problem in words, or undefined when it is fine. */
export const validateEmailAddress = (input: string): string | undefined => addressProblem(input);

/** `formatAddress('a@x.com', 'Acme, Inc.')` → `"Acme, Inc." <a@x.com>`. */
export const formatAddress = (address: string, name?: string): string => formatMailbox({ address, name });
