import * as vscode from 'vscode';
import type { Fix } from '../diagnosis/types';
import { smtpHostFor } from '../rules/regions';
import type { Draft } from '../webview/protocol';
import { TestEmailPanel } from './testEmailPanel';

/** Fixes that change the draft: from Explain Error, with no panel open, they open it first. */
const DRAFT_FIXES: ReadonlySet<Fix['type']> = new Set(['switch-region', 'use-simulator', 'use-address', 'change-port', 'choose-configuration-set']);

/** Turns a fix from the pre-flight or the diagnosis engine into what the user asked for. */
export async function runFix(fix: Fix, panel?: TestEmailPanel): Promise<void> {
  if (!panel && DRAFT_FIXES.has(fix.type)) {
    await vscode.commands.executeCommand('ses.sendTestEmail');
    panel = TestEmailPanel.current;
    await panel?.ready;
  }
  switch (fix.type) {
    case 'verify-identity':
      await vscode.commands.executeCommand('ses.verifyAddress', { region: fix.region }, fix.identity);
      return;
    case 'switch-region':
      await panel?.patchDraft({ region: fix.region });
      return;
    case 'use-simulator':
      // "Instead": the simulator becomes the only recipient, or an unverified Cc or Bcc would still block the send.
      await panel?.patchDraft({ to: fix.address, cc: '', bcc: '' });
      return;
    case 'use-address':
      if (panel) await panel.patchDraft(fix.field === 'from' ? { from: fix.address } : replaceRecipient(panel.currentDraft, fix.replaces, fix.address));
      return;
    case 'set-smtp-credentials':
      await vscode.commands.executeCommand('ses.setSmtpCredentials', { region: fix.region });
      return;
    case 'derive-smtp-password':
      await vscode.commands.executeCommand('ses.createSmtpPassword', { region: fix.region });
      return;
    case 'use-smtp-host': {
      // The host SES derives for the region is the default: drop the override rather than pin every region to one host.
      const config = vscode.workspace.getConfiguration('ses.smtp');
      const where = config.inspect<string>('host');
      const target = where?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const derived = panel && fix.host === smtpHostFor(panel.currentDraft.region);
      await config.update('host', derived ? undefined : fix.host, target);
      if (panel) await panel.loadRegion(panel.currentDraft.region);
      return;
    }
    case 'change-port':
      await panel?.patchDraft({ port: fix.port });
      return;
    case 'request-production-access':
      await vscode.commands.executeCommand('ses.requestProductionAccess', { region: fix.region });
      return;
    case 'quote-display-name':
      // The From header is built with the display name quoted or encoded; keeping the name as typed is enough.
      return;
    case 'choose-configuration-set':
      await panel?.patchDraft({ configurationSet: '' });
      return;
    case 'check-dkim-records':
      await vscode.commands.executeCommand('ses.checkDomainDns', { region: fix.region, domain: fix.domain });
      return;
    case 'open-url':
      await vscode.env.openExternal(vscode.Uri.parse(fix.url));
      return;
    case 'run-command': {
      const terminal = vscode.window.createTerminal('SES');
      terminal.show();
      terminal.sendText(fix.command, false);
      return;
    }
    default: {
      const never: never = fix;
      void never;
    }
  }
}

/** Replaces an address in whichever recipient field holds it (To when none does). */
function replaceRecipient(draft: Draft, from: string, to: string): Partial<Draft> {
  // Letter case is the very thing that differs, and a library may have changed it on the way (nodemailer writes
  // domains in lower case): find the address whatever its case, and never add one that is already there.
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const field of ['to', 'cc', 'bcc', 'replyTo'] as const) {
    if (new RegExp(escaped, 'i').test(draft[field])) return { [field]: draft[field].replace(new RegExp(escaped, 'gi'), to) };
  }
  return draft.to.includes(to) ? {} : { to: draft.to ? `${draft.to}, ${to}` : to };
}
