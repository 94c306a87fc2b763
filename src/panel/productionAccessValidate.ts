import type { FromProductionPage, ProductionDraft } from '../webview/productionProtocol';

/** The page is untrusted: every message from the Request Production Access page is checked before the host acts. */
const MAX_FIELD = 64 * 1024;
const textFields = ['region', 'websiteUrl', 'useCaseDescription', 'additionalContacts'] as const;

export function asProductionDraft(value: unknown): ProductionDraft | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  for (const f of textFields) if (typeof v[f] !== 'string' || (v[f] as string).length > MAX_FIELD) return undefined;
  if (v.mailType !== '' && v.mailType !== 'MARKETING' && v.mailType !== 'TRANSACTIONAL') return undefined;
  if (v.contactLanguage !== 'EN' && v.contactLanguage !== 'JA') return undefined;
  return {
    region: v.region as string,
    mailType: v.mailType,
    websiteUrl: v.websiteUrl as string,
    useCaseDescription: v.useCaseDescription as string,
    additionalContacts: v.additionalContacts as string,
    contactLanguage: v.contactLanguage,
  };
}

export function asProductionMessage(value: unknown): FromProductionPage | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  switch (v.type) {
    case 'ready':
    case 'openGuide':
      return { type: v.type };
    case 'draft':
    case 'submit': {
      const draft = asProductionDraft(v.draft);
      return draft ? { type: v.type, draft } : undefined;
    }
    default:
      return undefined;
  }
}
