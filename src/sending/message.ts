import { parseAddressList } from '../address';
/** A test mail as the user composed it; transport-neutral. */
export interface TestMessage {
  from: string;
  fromName?: string;
  /** Recipients as header mailboxes: a bare address or `"Name" <address>` (quoted or encoded as a header needs). */
  to: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  subject: string;
  text?: string;
  html?: string;
  /** A complete RFC 5322 message (an `.eml` file), sent as it is. */
  raw?: string;
  configurationSet?: string;
}

export interface SendResult {
  messageId: string;
  /** The server's final answer, e.g. `250 Ok 0100018f…`. */
  response: string;
  elapsedMs: number;
  /** SMTP session lines with the AUTH exchange redacted; empty for the API. */
  transcript: string[];
}

/** A failed send keeps what happened so far, so the UI can explain it and show the transcript. */
export class SendFailure extends Error {
  constructor(
    readonly cause: unknown,
    readonly transport: 'smtp' | 'api',
    readonly transcript: string[],
    readonly elapsedMs: number,
  ) {
    super((cause as Error)?.message ?? String(cause));
    this.name = 'SendFailure';
  }
}

export function allRecipients(m: TestMessage): string[] {
  return [...m.to, ...(m.cc ?? []), ...(m.bcc ?? [])];
}

/** `"Doe, Jane" <jane@example.com>` → `jane@example.com`; a bare address stays as it is. */
export function bareAddress(mailbox: string): string {
  return parseAddressList(mailbox).mailboxes[0]?.address ?? mailbox;
}
