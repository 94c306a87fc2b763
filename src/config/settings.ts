import * as vscode from 'vscode';
import { normalizeRegion, type TlsMode } from '../rules/regions';
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
    const raw = vscode.workspace.getConfiguration('ses').get<unknown>('regions', []);
    // Settings are hand-edited JSON: a stray number or null must not cost the valid entries.
    const regions = Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string') : [];
    // `EU-WEST-1` means eu-west-1; anything not shaped like a region is kept, to show as an error node that says so.
    return [...new Set(regions.map((r) => normalizeRegion(r) ?? r.trim()).filter(Boolean))];
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
  /** Resolvers for "Check Domain DNS" (`ip` or `ip:port`); empty means the system's. */
  dnsServers(): string[] {
    return vscode.workspace.getConfiguration('ses').get<string[]>('dns.servers', []).map((s) => s.trim()).filter(Boolean);
  },
  async setRegions(regions: string[]): Promise<void> {
    await updateWhereDefined('regions', regions);
  },
  async setProfile(profile: string): Promise<void> {
    await updateWhereDefined('profile', profile);
  },
};

/**
 * Writes a setting where it is in effect: a value in the workspace (or folder) settings would hide one written to
 * the user settings, and the user's choice would seem to do nothing.
 */
async function updateWhereDefined(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('ses');
  const where = config.inspect(key);
  const inWorkspace = where?.workspaceValue !== undefined || where?.workspaceFolderValue !== undefined;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}
