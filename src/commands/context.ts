import type * as vscode from 'vscode';
import type { SmtpSecrets } from '../config/smtpSecrets';
import type { SesApi } from '../ses/client';
import type { IdentitiesTreeProvider } from '../tree/provider';
import type { Ui } from './ui';

/** What commands depend on; built once in `extension.ts` and passed to every command. */
export interface CommandContext {
  /** The SES API for the current profile and endpoint; rebuilt when those settings change. */
  api(): SesApi;
  regions(): string[];
  readonly tree: IdentitiesTreeProvider;
  readonly secrets: SmtpSecrets;
  readonly log: vscode.LogOutputChannel;
  ui: Ui;
}
