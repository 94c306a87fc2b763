import type * as vscode from 'vscode';
import type { Draft, Transport } from '../webview/protocol';

export interface HistoryEntry {
  time: string;
  region: string;
  from: string;
  to: string;
  transport: Transport;
  outcome: string;
  ok: boolean;
  draft: Draft;
}

const KEY = 'ses.testMailHistory';
const LIMIT = 20;

/** The last test mails, newest first, kept in the extension's global state (no secrets in a draft). */
export class TestMailHistory {
  constructor(private readonly state: vscode.Memento) {}

  entries(): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(KEY, []);
  }

  async add(entry: HistoryEntry): Promise<void> {
    await this.state.update(KEY, [entry, ...this.entries()].slice(0, LIMIT));
  }
}
