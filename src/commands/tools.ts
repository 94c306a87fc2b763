import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnose, formatDiagnosis, type Diagnosis } from '../diagnosis';
import { runFix } from '../panel/fixes';
import { deriveSmtpPassword, maskSecrets, smtpPasswordShape } from '../smtp-password/derive';
import type { CommandContext } from './context';
import { showReadOnlyDocument } from './readOnlyDocument';
import { resolveRegion } from './regionPrompt';
import { smtpUsernameProblem } from './smtpCredentials';

const t = vscode.l10n.t;

function secretKeyProblem(key: string): string | undefined {
  if (key.length === 40) return undefined;
  const shape = smtpPasswordShape(key);
  if (shape === 'smtp-sigv4') return t('This is already an SMTP password (44 characters, starting with B): store it with "SES: Set SMTP Credentials" instead.');
  if (shape === 'smtp-sigv2') return t('This is a retired Signature Version 2 SMTP password; enter the IAM secret access key (40 characters) to derive a current one.');
  return t('An IAM secret access key has 40 characters; this has {0}.', key.length);
}

/**
 * Derives the region's SMTP password from an IAM secret access key and stores it with the access key id.
 * The secret key is used once, in memory, and never stored or logged.
 */
export async function createSmtpPassword(ctx: CommandContext, node?: { region?: string }): Promise<boolean> {
  const region = await resolveRegion(ctx, node, t('Create SMTP Password from IAM Secret Key'));
  if (!region) return false;
  const stored = await ctx.secrets.get(region);
  const username = await ctx.ui.input({
    value: stored?.username,
    title: t('SMTP password for {0} (1/2): access key id', region),
    prompt: t('The access key id of an IAM user allowed to ses:SendRawEmail. It is also the SMTP user name.'),
    placeHolder: 'AKIA…',
    ignoreFocusOut: true,
    validateInput: (v) => smtpUsernameProblem(v.trim()),
  });
  if (username === undefined) return false;
  const secret = await ctx.ui.input({
    title: t('SMTP password for {0} (2/2): secret access key', region),
    prompt: t('The IAM secret access key (40 characters). Only the derived SMTP password is stored; the key is not.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => secretKeyProblem(v.trim()),
  });
  if (secret === undefined) return false;
  await ctx.secrets.set(region, { username: username.trim(), password: deriveSmtpPassword(secret.trim(), region) });
  ctx.log.info(`SMTP password derived and stored for ${region}`);
  void ctx.ui.info(t('The SMTP password for {0} was derived and stored in VS Code secret storage. SMTP passwords are per region.', region));
  return true;
}

/** Opens the Send Test Email panel with the editor's file (HTML, text or .eml) as the body. */
export async function sendFileAsTestEmail(ctx: CommandContext, open: (file: vscode.Uri) => unknown, uri?: vscode.Uri): Promise<void> {
  const file = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!file) {
    void ctx.ui.warn(t('Open an HTML, text or .eml file first.'));
    return;
  }
  const ext = path.extname(file.fsPath).toLowerCase();
  if (!['.html', '.htm', '.txt', '.text', '.eml', '.md'].includes(ext)) {
    void ctx.ui.warn(t('{0} is not an HTML, text or .eml file.', path.basename(file.fsPath)));
    return;
  }
  open(file);
}

/** Explains an SES failure from the selection or pasted text; the answer opens as a document with its fixes. */
export async function explainError(ctx: CommandContext, given?: string): Promise<Diagnosis | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
  const text =
    (typeof given === 'string' ? given : undefined) ??
    selected ??
    (await ctx.ui.input({
      title: t('Explain SES Error'),
      prompt: t('Paste the error as your app or log printed it (SMTP reply, SDK exception, PHPMailer, boto3…).'),
      placeHolder: '554 Message rejected: Email address is not verified…',
      ignoreFocusOut: true,
    }));
  if (!text?.trim()) return undefined;
  const regions = ctx.regions();
  const credentialRegions: string[] = [];
  for (const region of regions) if (await ctx.secrets.has(region)) credentialRegions.push(region);
  const verifiedIdentities: Record<string, string[]> = {};
  const productionAccess: Record<string, boolean> = {};
  for (const region of regions) {
    const snapshot = ctx.tree.regionNode(region)?.snapshot;
    if (!snapshot) continue;
    verifiedIdentities[region] = snapshot.identities.filter((i) => i.status === 'SUCCESS').map((i) => i.name);
    productionAccess[region] = snapshot.account.productionAccess;
  }
  const diagnosis = diagnose(text, { credentialRegions, verifiedIdentities, productionAccess, profile: ctx.api().connection.profile || undefined });
  const answer = `# ${formatDiagnosis(diagnosis)}\n\n---\n\n${t('The failure as given')}:\n\n\`\`\`text\n${text.trim()}\n\`\`\`\n`;
  await showReadOnlyDocument(`SES error explained - ${diagnosis.kind}`, maskSecrets(answer), vscode.ViewColumn.Beside);
  // Showing the header as it will be written is no action outside the panel.
  const fixes = diagnosis.fixes.filter((f) => f.type !== 'quote-display-name');
  if (fixes.length) {
    const more = t('All fixes…');
    const labels = fixes.length > 3 ? [...fixes.slice(0, 2).map((f) => f.label), more] : fixes.map((f) => f.label);
    // The title may quote the pasted text: masked like the document.
    void ctx.ui.info(maskSecrets(diagnosis.title), ...labels).then(async (choice) => {
      const fix = choice === more
        ? (await ctx.ui.pick(fixes.map((f) => ({ label: f.label, fix: f })), { title: t('Fix: {0}', diagnosis.title) }))?.fix
        : fixes.find((f) => f.label === choice);
      if (fix) await runFix(fix);
    });
  }
  return diagnosis;
}
