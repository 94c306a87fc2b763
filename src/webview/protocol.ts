/**
 * The messages between the Send Test Email panel and the extension host: imported (type-only) by both sides.
 * The host validates every message from the page before acting on it.
 */

export type Transport = 'smtp' | 'api';
export type BodyKind = 'text' | 'html' | 'both' | 'file';

/** Everything the user typed, kept as typed (lists are the raw text) so nothing is lost by a failed send. */
export interface Draft {
  region: string;
  transport: Transport;
  from: string;
  fromName: string;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  bodyKind: BodyKind;
  text: string;
  html: string;
  configurationSet: string;
  /** SMTP port; the TLS mode follows from it (or from `ses.smtp.tlsMode` for a custom port). */
  port: number;
  /** The body file's URI, kept by the host only: the page can neither see nor choose a path. */
  file?: string;
}

export interface SenderOption {
  /** An address identity, or `*@domain` for a verified domain (any local part). */
  value: string;
  label: string;
}

export interface PortOption {
  port: number;
  label: string;
}

/** A fix offered with a finding or a failure; opaque to the page, handed back to the host when clicked. */
export interface FixView {
  label: string;
  index: number;
}

export interface FindingView {
  severity: 'error' | 'warning' | 'info';
  willReject: boolean;
  title: string;
  explanation: string;
  fixes: FixView[];
}

export interface RegionView {
  region: string;
  sandbox: boolean;
  senders: SenderOption[];
  configurationSets: string[];
  smtpHost: string;
  ports: PortOption[];
  hasSmtpCredentials: boolean;
  /** Why the region's data could not be loaded, if it could not. */
  loadError?: string;
}

export type ToPage =
  | { type: 'init'; draft: Draft; regions: string[]; file?: { name: string } }
  | { type: 'region'; view: RegionView }
  | { type: 'preflight'; findings: FindingView[] }
  | { type: 'patchDraft'; patch: Partial<Draft> }
  | { type: 'file'; name: string }
  | { type: 'sending' }
  | { type: 'sent'; messageId: string; elapsedMs: number; transport: Transport; response: string }
  | { type: 'failed'; title: string; explanation: string; fixes: FixView[]; kind: string };

export type FromPage =
  | { type: 'ready' }
  | { type: 'draft'; draft: Draft }
  | { type: 'send'; draft: Draft }
  | { type: 'fix'; source: 'preflight' | 'failure'; findingIndex: number; fixIndex: number }
  | { type: 'setSmtpCredentials' }
  | { type: 'showTranscript' };
