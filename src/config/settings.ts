import * as vscode from 'vscode';
import type { TlsMode } from '../rules/regions';
import type { Connection } from '../ses/client';

export interface SmtpSettings {
  /** Host override; empty means the region's SES host. May contain `{region}`. */
  host: string;
  port: number;
  tlsMode: 'auto' | TlsMode;
  caFile: string;
}

/** Typed reads of the `ses.*` settings: the only place that knows their names. */
export const settings = {
  connection(): Connection {
    const c = vscode.workspace.getConfiguration('ses');
    return { profile: c.get<string>('profile', '').trim(), endpoint: c.get<string>('endpoint', '').trim() };
  },
  regions(): string[] {
    const regions = vscode.workspace.getConfiguration('ses').get<string[]>('regions', []);
    return [...new Set(regions.map((r) => r.trim()).filter(Boolean))];
  },
  smtp(): SmtpSettings {
    const c = vscode.workspace.getConfiguration('ses.smtp');
    return {
      host: c.get<string>('host', '').trim(),
      port: c.get<number>('port', 587),
      tlsMode: c.get<'auto' | TlsMode>('tlsMode', 'auto'),
      caFile: c.get<string>('caFile', '').trim(),
    };
  },
  async setRegions(regions: string[]): Promise<void> {
    await vscode.workspace.getConfiguration('ses').update('regions', regions, vscode.ConfigurationTarget.Global);
  },
  async setProfile(profile: string): Promise<void> {
    await vscode.workspace.getConfiguration('ses').update('profile', profile, vscode.ConfigurationTarget.Global);
  },
};
