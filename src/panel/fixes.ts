import * as vscode from 'vscode';
import type { Fix } from '../diagnosis/types';
import type { TestEmailPanel } from './testEmailPanel';

/** Turns a fix from the pre-flight or the diagnosis engine into what the user asked for. */
export async function runFix(fix: Fix, panel?: TestEmailPanel): Promise<void> {
  switch (fix.type) {
    case 'verify-identity':
      await vscode.commands.executeCommand('ses.verifyAddress', { region: fix.region }, fix.identity);
      return;
    case 'switch-region':
      await panel?.patchDraft({ region: fix.region });
      return;
    case 'use-simulator':
      await panel?.patchDraft({ to: fix.address });
      return;
    case 'use-address':
      await panel?.patchDraft(fix.field === 'from' ? { from: fix.address } : { to: replaceAddress(panel.currentDraft.to, fix.replaces, fix.address) });
      return;
    case 'set-smtp-credentials':
      await vscode.commands.executeCommand('ses.setSmtpCredentials', { region: fix.region });
      return;
    case 'derive-smtp-password':
      await vscode.commands.executeCommand('ses.createSmtpPassword', { region: fix.region });
      return;
    case 'use-smtp-host':
      await vscode.workspace.getConfiguration('ses.smtp').update('host', fix.host, vscode.ConfigurationTarget.Global);
      if (panel) await panel.loadRegion(panel.currentDraft.region);
      return;
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

function replaceAddress(list: string, from: string, to: string): string {
  return list.includes(from) ? list.split(from).join(to) : list ? `${list}, ${to}` : to;
}
