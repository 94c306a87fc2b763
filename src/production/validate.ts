import { splitEntries } from '../address/mailbox';
import { checkAddress } from '../address/validate';

/**
 * The production-access request as the user fills it in: the fields of SES's PutAccountDetails, kept as typed
 * (additional contacts are one text field, split on commas, semicolons, spaces or line breaks; a display name is dropped).
 */
export interface ProductionDraft {
  region: string;
  mailType: '' | MailType;
  websiteUrl: string;
  useCaseDescription: string;
  additionalContacts: string;
  contactLanguage: ContactLanguage;
}

export type MailType = 'MARKETING' | 'TRANSACTIONAL';
export type ContactLanguage = 'EN' | 'JA';
export type DraftField = Exclude<keyof ProductionDraft, 'region'>;

/** What the API would refuse, tied to the field to change. */
export interface FieldProblem {
  field: DraftField;
  message: string;
}

/** PutAccountDetails limits, from the SES API v2 reference (API_PutAccountDetails). */
export const LIMITS = {
  websiteUrlMax: 1000,
  useCaseMax: 5000,
  contactsMax: 4,
  contactMin: 6,
  contactMax: 254,
} as const;

export const MAIL_TYPES: readonly MailType[] = ['TRANSACTIONAL', 'MARKETING'];
export const CONTACT_LANGUAGES: readonly ContactLanguage[] = ['EN', 'JA'];

export const emptyDraft = (region: string): ProductionDraft => ({
  region,
  mailType: '',
  websiteUrl: '',
  useCaseDescription: '',
  additionalContacts: '',
  contactLanguage: 'EN',
});

/** The additional contacts as separate addresses (blank entries dropped; `Ops Team <ops@acme.com>` is ops@acme.com). */
export function splitContacts(text: string): string[] {
  return splitEntries(text)
    .flatMap((entry) => {
      const angle = /<([^<>]*)>\s*$/.exec(entry);
      return angle ? [angle[1]] : entry.split(/\s+/);
    })
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Everything SES would refuse in this draft, one problem per field at most, each saying what to change.
 * An empty list means PutAccountDetails will accept the request (whether AWS grants it is `adviseUseCase`'s concern).
 */
export function validateDraft(draft: ProductionDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: DraftField, message: string) => problems.push({ field, message });

  if (!draft.mailType) add('mailType', 'Choose the mail type: Transactional (receipts, password resets, notifications) or Marketing (newsletters, offers).');
  else if (!MAIL_TYPES.includes(draft.mailType)) add('mailType', `Mail type must be MARKETING or TRANSACTIONAL, not "${draft.mailType}".`);

  const url = websiteUrlProblem(draft.websiteUrl);
  if (url) add('websiteUrl', url);

  const description = draft.useCaseDescription.trim();
  // SES accepts a request without a description (AWS has deprecated the field); an empty one gets advice instead.
  if (description.length > LIMITS.useCaseMax) {
    add('useCaseDescription', `The description is ${description.length} characters; SES accepts at most ${LIMITS.useCaseMax}. Shorten it by ${description.length - LIMITS.useCaseMax}.`);
  }

  const contacts = contactsProblem(draft.additionalContacts);
  if (contacts) add('additionalContacts', contacts);

  if (!CONTACT_LANGUAGES.includes(draft.contactLanguage)) add('contactLanguage', `Contact language must be EN (English) or JA (Japanese), not "${draft.contactLanguage}".`);
  return problems;
}

function websiteUrlProblem(raw: string): string | undefined {
  const typed = raw.trim();
  if (!typed) return 'Enter the URL of your website, e.g. https://www.example.com; AWS looks at it to understand what you send.';
  if (typed.length > LIMITS.websiteUrlMax) return `The URL is ${typed.length} characters; SES accepts at most ${LIMITS.websiteUrlMax}.`;
  if (/\s/.test(typed)) return 'The URL contains a space; remove it.';
  if (!/^https?:\/\//i.test(typed)) {
    return /^[a-z][a-z0-9+.-]*:/i.test(typed)
      ? `The URL must start with http:// or https://, not "${typed.split(':')[0]}:".`
      : `The URL must start with http:// or https://, e.g. ${typed.includes('.') ? `https://${typed}` : 'https://www.example.com'}.`;
  }
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return `"${typed}" is not a valid URL; check the host name.`;
  }
  if (!url.hostname.includes('.')) return `"${url.hostname}" is not a public host name; enter your website's address, e.g. https://www.example.com.`;
  return undefined;
}

function contactsProblem(text: string): string | undefined {
  const contacts = splitContacts(text);
  if (contacts.length === 0) return undefined;
  if (contacts.length > LIMITS.contactsMax) {
    return `SES takes at most ${LIMITS.contactsMax} additional contacts; you entered ${contacts.length}. Remove ${contacts.length - LIMITS.contactsMax}.`;
  }
  const seen = new Set<string>();
  for (const contact of contacts) {
    const check = checkAddress(contact);
    if (!check.ok) return `${check.message}`;
    if (contact.length < LIMITS.contactMin) return `"${contact}" is shorter than ${LIMITS.contactMin} characters, which SES refuses.`;
    const key = contact.toLowerCase();
    if (seen.has(key)) return `"${contact}" is listed twice; remove the duplicate.`;
    seen.add(key);
  }
  return undefined;
}

/** The PutAccountDetails input for a draft that passed `validateDraft` (asks for production access). */
export function toAccountDetails(draft: ProductionDraft): {
  MailType: MailType;
  WebsiteURL: string;
  ContactLanguage: ContactLanguage;
  UseCaseDescription?: string;
  AdditionalContactEmailAddresses?: string[];
  ProductionAccessEnabled: true;
} {
  const contacts = splitContacts(draft.additionalContacts);
  const description = draft.useCaseDescription.trim();
  return {
    MailType: draft.mailType as MailType,
    WebsiteURL: draft.websiteUrl.trim(),
    ContactLanguage: draft.contactLanguage,
    ...(description ? { UseCaseDescription: description } : {}),
    ...(contacts.length ? { AdditionalContactEmailAddresses: contacts } : {}),
    ProductionAccessEnabled: true,
  };
}
