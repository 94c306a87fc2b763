import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { chooseRegions, selectProfile } from './connection';
import { checkDomainDns, copyDnsRecord, copyDnsRecords, openInConsole, verifyDomain } from './domains';
import { findIdentity } from './find';
import { useMailboxSimulator } from './productionAccess';
import { copyIdentityArn, copyIdentityName, deleteIdentity, refresh, refreshAll, resendVerification, verifyAddress } from './identities';
import { clearSmtpCredentials, setSmtpCredentials } from './smtpCredentials';
import { createSmtpPassword, explainError } from './tools';

type Command = (ctx: CommandContext, ...args: any[]) => unknown;

/** Every command in one table; each is a plain function of its dependencies and an optional tree node. */
export const commands: Record<string, Command> = {
  'ses.refresh': refresh,
  'ses.refreshAll': refreshAll,
  'ses.retryRegion': refresh,
  'ses.verifyAddress': verifyAddress,
  'ses.verifyDomain': verifyDomain,
  'ses.resendVerification': resendVerification,
  'ses.deleteIdentity': deleteIdentity,
  'ses.findIdentity': findIdentity,
  'ses.checkDomainDns': checkDomainDns,
  'ses.copyDnsRecords': copyDnsRecords,
  'ses.copyDnsRecord': copyDnsRecord,
  'ses.openInConsole': openInConsole,
  'ses.copyIdentityName': copyIdentityName,
  'ses.copyIdentityArn': copyIdentityArn,
  'ses.setSmtpCredentials': setSmtpCredentials,
  'ses.clearSmtpCredentials': clearSmtpCredentials,
  'ses.createSmtpPassword': createSmtpPassword,
  'ses.explainError': explainError,
  'ses.selectProfile': selectProfile,
  'ses.chooseRegions': chooseRegions,
  'ses.useMailboxSimulator': useMailboxSimulator,
};

export function registerCommands(ctx: CommandContext, extra: Record<string, Command>): vscode.Disposable[] {
  return Object.entries({ ...commands, ...extra }).map(([id, run]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => run(ctx, ...args)),
  );
}
