/** Mail the emulator accepted (sent through the API or SMTP) or wrote itself (verification requests). */
export interface StoredMessage {
  id: string;
  region: string;
  kind: 'verification' | 'sent';
  via: 'api' | 'smtp';
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: string;
  verificationLink?: string;
}

export class Mailbox {
  private messages: StoredMessage[] = [];

  add(message: StoredMessage): void {
    this.messages.push(message);
  }

  list(): StoredMessage[] {
    return [...this.messages];
  }

  clear(): void {
    this.messages = [];
  }
}
