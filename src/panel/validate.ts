import { normalizeRegion } from '../rules/regions';
import type { Draft, FromPage } from '../webview/protocol';

/** The page is untrusted: every message is checked for shape before the host acts on it. */
const stringFields = ['region', 'from', 'fromName', 'to', 'cc', 'bcc', 'replyTo', 'subject', 'text', 'html', 'configurationSet'] as const;
const MAX_FIELD = 10 * 1024 * 1024;

export function asDraft(value: unknown): Draft | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  for (const f of stringFields) if (typeof v[f] !== 'string' || (v[f] as string).length > MAX_FIELD) return undefined;
  if (v.transport !== 'smtp' && v.transport !== 'api') return undefined;
  if (!['text', 'html', 'both', 'file'].includes(v.bodyKind as string)) return undefined;
  if (typeof v.port !== 'number' || !Number.isInteger(v.port) || v.port < 1 || v.port > 65535) return undefined;
  // The region names the SES endpoint the host will call: only a region code, never a URL or a path.
  if (!normalizeRegion(v.region as string)) return undefined;
  const draft = {} as Record<string, unknown>;
  for (const f of [...stringFields, 'transport', 'bodyKind', 'port']) draft[f] = v[f];
  return draft as unknown as Draft;
}

export function asMessage(value: unknown): FromPage | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  switch (v.type) {
    case 'ready':
    case 'showTranscript':
    case 'setSmtpCredentials':
      return { type: v.type };
    case 'draft':
    case 'send': {
      const draft = asDraft(v.draft);
      return draft ? { type: v.type, draft } : undefined;
    }
    case 'fix':
      if ((v.source === 'preflight' || v.source === 'failure') && Number.isInteger(v.findingIndex) && Number.isInteger(v.fixIndex)) {
        return { type: 'fix', source: v.source, findingIndex: v.findingIndex as number, fixIndex: v.fixIndex as number };
      }
      return undefined;
    default:
      return undefined;
  }
}
