import * as vscode from 'vscode';

const SCHEME = 'ses-workbench';
const contents = new Map<string, string>();
let counter = 0;

/**
 * Read-only documents for answers the extension writes (DNS records, error explanations): they open like files,
 * can be copied from, and closing them never asks to save.
 */
export function registerReadOnlyDocuments(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
    provideTextDocumentContent: (uri) => contents.get(uri.path) ?? '',
  });
}

export async function showReadOnlyDocument(title: string, markdown: string, column = vscode.ViewColumn.Active): Promise<vscode.TextDocument> {
  const name = `/${++counter}/${title.replace(/[\\/:*?"<>|]+/g, '-')}.md`;
  contents.set(name, markdown);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: SCHEME, path: name }));
  // "Beside" once: the next answer replaces the last one's column instead of opening yet another.
  const previous = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === SCHEME)?.viewColumn;
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: column === vscode.ViewColumn.Beside && previous ? previous : column });
  return doc;
}
