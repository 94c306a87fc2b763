import * as path from 'node:path';
import * as vscode from 'vscode';

const t = vscode.l10n.t;

/** The file whose content is the body of a test mail (HTML, text, or an `.eml` sent as it is). */
export interface BodyFile {
  uri: vscode.Uri;
}

/** What the pre-flight needs to know of a body file before it is sent. */
export interface BodyFileFacts {
  /** The From header of an `.eml`: SES checks it as well as the envelope sender. */
  headerFrom?: string;
  bytes?: number;
}

/** The text file the user last looked at: when the panel has focus there is no active editor to ask. */
let lastTextEditorUri: vscode.Uri | undefined;

export function trackTextEditors(): vscode.Disposable {
  lastTextEditorUri = vscode.window.activeTextEditor?.document.uri;
  return vscode.window.onDidChangeActiveTextEditor((editor) => {
    if (editor && editor.document.uri.scheme !== 'output') lastTextEditorUri = editor.document.uri;
  });
}

export function lastTextEditor(): BodyFile | undefined {
  return lastTextEditorUri ? { uri: lastTextEditorUri } : undefined;
}

export const isEml = (file: BodyFile): boolean => path.extname(file.uri.fsPath).toLowerCase() === '.eml';

export async function bodyFileFacts(file: BodyFile): Promise<BodyFileFacts> {
  const bytes = await vscode.workspace.fs.stat(file.uri).then((s) => s.size, () => undefined);
  if (!isEml(file)) return { bytes };
  const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(file.uri).then((b) => b, () => new Uint8Array()));
  const head = content.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  return { bytes, headerFrom: /^From:[ \t]*(.+)$/im.exec(head)?.[1]?.trim() };
}

/**
 * The file's text through its document, so an open editor's unsaved text is what goes. An untitled file lives only
 * while its editor is open: opening its address again would make a new, empty one, so a closed one is refused.
 */
export async function readBodyFile(file: BodyFile): Promise<string> {
  const key = file.uri.toString();
  const gone = file.uri.scheme === 'untitled' && !vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === key);
  const document = gone ? undefined : await vscode.workspace.openTextDocument(file.uri).then((doc) => doc, () => undefined);
  if (!document) {
    throw new Error(t('{0} can no longer be read (closed or deleted): open an HTML, text or .eml file and use "Send File as Test Email", or choose another body.', path.basename(file.uri.path)));
  }
  return document.getText();
}
