import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export interface PageParts {
  title: string;
  /** The page's bundle in `dist/`, e.g. `webview.js`. */
  script: string;
  /** Style sheets in `media/`. */
  styles: string[];
  /** The body's markup, written by us: it never contains text from the user or from SES. */
  body: string;
}

/**
 * The shell of every webview page: a strict CSP (no inline anything, scripts only by a fresh nonce), styles and
 * the script from the extension's own folders.
 */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, joinPath: typeof vscode.Uri.joinPath, parts: PageParts): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(joinPath(extensionUri, 'dist', parts.script));
  const styles = parts.styles.map((name) => webview.asWebviewUri(joinPath(extensionUri, 'media', name)));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((s) => `<link rel="stylesheet" href="${s}">`).join('\n')}
<title>${parts.title}</title>
</head>
<body>
${parts.body}
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
