export { preflight, willReject } from './preflight';
export type { Finding, PreflightAccount, PreflightDraft, PreflightFacts, Severity } from './preflight';
