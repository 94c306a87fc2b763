import * as vscode from 'vscode';
import { smtpPasswordShape } from '../smtp-password/derive';
import type { CommandContext } from './context';
import { resolveRegion } from './regionPrompt';

const t = vscode.l10n.t;

/** Why a value typed as an SMTP password will be refused by SES, or undefined when it looks right. */
export function smtpPasswordProblem(password: string): string | undefined {
  switch (smtpPasswordShape(password)) {
    case 'empty':
      return t('Enter the SMTP password.');
    case 'iam-secret':
      return t('This looks like an IAM secret access key (40 characters), not an SMTP password. SES would answer 535. Use "SES: Create SMTP Password from IAM Secret Key" to derive one.');
    case 'smtp-sigv2':
      return t('This is a retired Signature Version 2 SMTP password (44 characters starting with "A"). SES refuses it; create new SMTP credentials or derive a password from the IAM secret key.');
    case 'other':
      return t('An SES SMTP password has 44 characters and starts with "B" (this has {0}). Copy it again from the SES console or the credentials CSV, or derive it with "SES: Create SMTP Password from IAM Secret Key".', password.length);
    default:
      return undefined;
  }
}

export function smtpUsernameProblem(username: string): string | undefined {
  if (!username) return t('Enter the SMTP user name: the access key id of the IAM user, 20 characters starting with AKIA.');
  if (/^ASIA/.test(username)) return t('Temporary (STS) access keys cannot be used for SMTP. Use the access key of an IAM user (AKIA…).');
  if (!/^[A-Z0-9]{16,128}$/.test(username)) return t('The SMTP user name is an access key id such as AKIAIOSFODNN7EXAMPLE: capital letters and digits only.');
  return undefined;
}

export async function setSmtpCredentials(ctx: CommandContext, node?: { region?: string }): Promise<boolean> {
  const region = await resolveRegion(ctx, node, t('Set SMTP Credentials'));
  if (!region) return false;
  // The user name (an access key id, not a secret) of credentials stored before: changing only the password is common.
  const stored = await ctx.secrets.get(region);
  const username = await ctx.ui.input({
    value: stored?.username,
    title: t('SMTP credentials for {0} (1/2): user name', region),
    prompt: t('The SMTP user name from the SES console (an access key id). SMTP credentials are per region.'),
    placeHolder: 'AKIA…',
    ignoreFocusOut: true,
    validateInput: (v) => smtpUsernameProblem(v.trim()),
  });
  if (username === undefined) return false;
  const password = await ctx.ui.input({
    title: t('SMTP credentials for {0} (2/2): password', region),
    prompt: t('The SMTP password (44 characters, starting with B), not the IAM secret key. Kept in VS Code secret storage.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => smtpPasswordProblem(v.trim()),
  });
  if (password === undefined) return false;
  await ctx.secrets.set(region, { username: username.trim(), password: password.trim() });
  ctx.log.info(`SMTP credentials stored for ${region}`);
  void ctx.ui.info(t('SMTP credentials for {0} are stored in VS Code secret storage.', region));
  return true;
}

export async function clearSmtpCredentials(ctx: CommandContext, node?: { region?: string }): Promise<void> {
  const region = await resolveRegion(ctx, node, t('Clear SMTP Credentials'));
  if (!region) return;
  if (!(await ctx.secrets.has(region))) {
    void ctx.ui.info(t('No SMTP credentials were stored for {0}.', region));
    return;
  }
  await ctx.secrets.clear(region);
  ctx.log.info(`SMTP credentials cleared for ${region}`);
  void ctx.ui.info(t('SMTP credentials for {0} were removed.', region));
}
