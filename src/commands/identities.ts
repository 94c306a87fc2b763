import * as vscode from 'vscode';
import { SesError } from '../ses/errors';
import { watchUntilVerified, type WatchOutcome } from '../ses/watch';
import type { RegionNode } from '../tree/nodes';
import { addressProblem, checkAddress } from '../address';
import type { CommandContext } from './context';
import { resolveIdentity, resolveRegion, type IdentityTarget } from './regionPrompt';

const t = vscode.l10n.t;

export async function verifyAddress(ctx: CommandContext, node?: RegionNode | { region?: string }, given?: string): Promise<string | undefined> {
  const region = await resolveRegion(ctx, node, t('Verify Address'));
  if (!region) return undefined;
  const address = await ctx.ui.input({
    value: typeof given === 'string' ? given : undefined,
    title: t('Verify Address in {0}', region),
    prompt: t('SES mails a verification link to this address. Address identities are case-sensitive.'),
    placeHolder: 'someone@example.com',
    ignoreFocusOut: true,
    validateInput: (value) => addressProblem(value.trim()),
  });
  if (address === undefined) return undefined;
  const check = checkAddress(address.trim());
  if (!check.ok) return undefined;
  // SES stores the domain of an international address in punycode; create it the way SES will show it.
  const name = check.address;
  const variant = (ctx.tree.regionNode(region)?.snapshot?.identities ?? []).find(
    (i) => i.type === 'EMAIL_ADDRESS' && i.name !== name && i.name.toLowerCase() === name.toLowerCase(),
  );
  if (variant) {
    const proceed = await ctx.ui.confirm(
      t('{0} is already an identity in {1}, spelled {2}.', name, region, variant.name),
      t('Address identities are case-sensitive: SES treats {0} and {1} as two different senders. Verify this spelling as well?', name, variant.name),
      t('Verify {0}', name),
    );
    if (!proceed) return undefined;
  }
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Asking SES in {0} to verify {1}…', region, name) },
      () => ctx.api().createIdentity(region, name),
    );
  } catch (err) {
    if (err instanceof SesError && err.kind === 'already-exists') {
      ctx.tree.refresh(region);
      const status = await ctx.api().getIdentity(region, name).then((d) => d.status, () => undefined);
      if (status === 'PENDING') {
        void ctx.ui.info(t('{0} is already waiting for verification in {1}: open the link in its mail, or use "Resend Verification Email" for a new one.', name, region));
        void watchIdentity(ctx, region, name);
      } else {
        void ctx.ui.info(t('{0} is already an identity in {1}. Its status is shown in the SES view.', name, region));
      }
      return name;
    }
    ctx.log.error(`CreateEmailIdentity ${region}: ${(err as Error).message}`);
    // What was typed is kept: Try Again opens the prompt with it.
    const again = t('Try Again');
    void ctx.ui.error(t('SES in {0} could not start verifying {1}: {2}', region, name, (err as Error).message), again).then((choice) => {
      if (choice === again) void verifyAddress(ctx, { region }, name);
    });
    return undefined;
  }
  ctx.log.info(`CreateEmailIdentity ${region} ${name}`);
  ctx.tree.refresh(region);
  void ctx.ui.info(
    t('SES sent a verification link to {0}. It is pending until the link is opened; the link expires in 24 hours.', name),
  );
  void watchIdentity(ctx, region, name);
  return name;
}

/** Identities being watched, so a second Verify of the same address does not start a second watch. */
const watching = new Map<string, Promise<WatchOutcome>>();

/**
 * Watches a pending address until its link is opened, so the tree turns green without a manual refresh.
 * Shown as a cancellable notification; stops after the link's 24-hour lifetime.
 */
export function watchIdentity(ctx: CommandContext, region: string, name: string): Promise<WatchOutcome> {
  const key = `${region}/${name}`;
  const existing = watching.get(key);
  if (existing) return existing;
  const run = vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Waiting for {0} to be verified in {1} (open the link in the mail)…', name, region), cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const outcome = await watchUntilVerified(
        async () => {
          try {
            return (await ctx.api().getIdentity(region, name)).status;
          } catch (err) {
            if (err instanceof SesError && err.kind === 'not-found') return 'DELETED';
            throw err;
          }
        },
        { signal: controller.signal, initialDelayMs: 2000, maxDelayMs: 60_000 },
      );
      ctx.log.info(`Watch ${region} ${name}: ${outcome}`);
      if (outcome !== 'cancelled') ctx.tree.refresh(region);
      if (outcome === 'verified') void ctx.ui.info(t('{0} is verified in {1}. It can now send{2}.', name, region, t(' (and, in the sandbox, receive)')));
      if (outcome === 'failed') void ctx.ui.warn(t('Verification of {0} in {1} failed. Use "Resend Verification Email" to try again.', name, region));
      if (outcome === 'expired') void ctx.ui.warn(t('The verification link for {0} has expired. Use "Resend Verification Email" to get a new one.', name));
      return outcome;
    },
  );
  const tracked = Promise.resolve(run).finally(() => watching.delete(key));
  watching.set(key, tracked);
  return tracked;
}

/** SES API v2 has no "resend": deleting and re-creating the pending identity mails a fresh 24-hour link. */
export async function resendVerification(ctx: CommandContext, node?: Partial<IdentityTarget>): Promise<void> {
  const target = await resolveIdentity(ctx, node, t('Resend Verification Email'), (i) => i.type === 'EMAIL_ADDRESS' && i.status !== 'SUCCESS', (region) =>
    t('No address in {0} is waiting for its verification link.', region));
  if (!target) return;
  const { region } = target;
  const { name } = target.identity;
  try {
    await ctx.api().deleteIdentity(region, name);
    await ctx.api().createIdentity(region, name);
  } catch (err) {
    void ctx.ui.error(t('Could not resend the verification mail to {0}: {1}', name, (err as Error).message));
    return;
  }
  ctx.log.info(`Resent verification ${region} ${name}`);
  ctx.tree.refresh(region);
  void ctx.ui.info(t('SES sent a new verification link to {0}; it expires in 24 hours.', name));
  void watchIdentity(ctx, region, name);
}

export async function deleteIdentity(ctx: CommandContext, node?: Partial<IdentityTarget>): Promise<void> {
  const target = await resolveIdentity(ctx, node, t('Delete Identity'));
  if (!target) return;
  const { region } = target;
  const { name } = target.identity;
  const confirmed = await ctx.ui.confirm(
    t('Delete {0} from SES in {1}?', name, region),
    t('Mail from or (in the sandbox) to this identity will be rejected in {0} until it is verified again. Other regions are not affected.', region),
    t('Delete'),
  );
  if (!confirmed) return;
  try {
    await ctx.api().deleteIdentity(region, name);
    ctx.log.info(`DeleteEmailIdentity ${region} ${name}`);
  } catch (err) {
    void ctx.ui.error(t('Could not delete {0} in {1}: {2}', name, region, (err as Error).message));
  }
  ctx.tree.refresh(region);
}

export async function copyIdentityName(ctx: CommandContext, node?: Partial<IdentityTarget>): Promise<void> {
  const target = await resolveIdentity(ctx, node, t('Copy Identity Name'));
  if (target) await vscode.env.clipboard.writeText(target.identity.name);
}

/** Account ids given by the user, per profile, for credential sources that do not state one. */
const givenAccountIds = new Map<string, string>();

/**
 * `arn:aws:ses:<region>:<account>:identity/<name>`, as IAM policies and sending authorization need it. The account id
 * comes from the credentials when their source states it; otherwise the user is asked once per profile.
 */
export async function copyIdentityArn(ctx: CommandContext, given?: Partial<IdentityTarget>): Promise<string | undefined> {
  const node = await resolveIdentity(ctx, given, t('Copy Identity ARN'));
  if (!node) return undefined;
  const profile = ctx.api().connection.profile;
  let account: string | undefined;
  try {
    account = (await ctx.api().accountId()) ?? givenAccountIds.get(profile);
  } catch (err) {
    void ctx.ui.error(t('Could not read the AWS account id: {0}', (err as Error).message));
    return undefined;
  }
  if (!account) {
    account = (await ctx.ui.input({
      title: t('AWS account id for {0}', profile || t('the default credentials')),
      prompt: t('These credentials do not state their account. Add aws_account_id to the profile to skip this question.'),
      placeHolder: '123456789012',
      ignoreFocusOut: true,
      validateInput: (v) => (/^\d{12}$/.test(v.trim()) ? undefined : t('An AWS account id is 12 digits.')),
    }))?.trim();
    if (!account || !/^\d{12}$/.test(account)) return undefined;
    givenAccountIds.set(profile, account);
  }
  const arn = `arn:aws:ses:${node.region}:${account}:identity/${node.identity.name}`;
  await vscode.env.clipboard.writeText(arn);
  return arn;
}

export function refresh(ctx: CommandContext, node?: { region?: string }): void {
  ctx.tree.refresh(node?.region);
}

/** The view's title button: VS Code hands it the focused row, which must not narrow it to that row's region. */
export function refreshAll(ctx: CommandContext): void {
  ctx.tree.refresh();
}
