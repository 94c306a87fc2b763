import type * as vscode from 'vscode';
import { webviewPage } from './page';

/** The Send Test Email page (its behaviour is in src/webview/main.ts). */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, joinPath: typeof vscode.Uri.joinPath): string {
  return webviewPage(webview, extensionUri, joinPath, {
    title: 'Send Test Email',
    script: 'webview.js',
    styles: ['panel.css'],
    body: `<h1>Send Test Email</h1>
<p id="regionStatus" class="muted"></p>
<form id="form" autocomplete="off">
  <label for="region">Region</label>
  <select id="region" name="region"></select>
  <label for="transport">Transport</label>
  <select id="transport" name="transport">
    <option value="smtp">SMTP (nodemailer, your SMTP credentials)</option>
    <option value="api">SES API (SendEmail, your AWS profile)</option>
  </select>
  <div id="smtpRow" class="contents">
    <label for="port">SMTP</label>
    <div>
      <select id="port" name="port"></select>
      <p class="hint">Host <span id="smtpHost"></span></p>
      <p id="credentials" class="hint" hidden>No SMTP credentials stored for this region. <button id="setCredentials" type="button" class="secondary">Set SMTP Credentials…</button></p>
    </div>
  </div>
  <label for="from">From</label>
  <div class="from">
    <input id="localPart" aria-label="Local part (before the @) of the sender at a verified domain" placeholder="test" title="The part before the @; empty sends as test@" hidden>
    <select id="from" name="from" aria-label="From address"></select>
    <input id="fromName" name="fromName" placeholder="Display name (optional)" aria-label="Display name">
  </div>
  <label for="to">To</label>
  <div class="pair">
    <input id="to" name="to" placeholder="someone@example.com, other@example.com">
    <select id="simulator" aria-label="Mailbox simulator scenario">
      <option value="">Mailbox simulator…</option>
      <option value="success">Success (delivered)</option>
      <option value="bounce">Bounce</option>
      <option value="ooto">Out of the office</option>
      <option value="complaint">Complaint</option>
      <option value="suppressionlist">On the suppression list</option>
    </select>
  </div>
  <label for="cc">Cc</label>
  <input id="cc" name="cc">
  <label for="bcc">Bcc</label>
  <input id="bcc" name="bcc">
  <label for="replyTo">Reply-To</label>
  <input id="replyTo" name="replyTo">
  <label for="configurationSet">Configuration set</label>
  <select id="configurationSet" name="configurationSet"></select>
  <label for="subject">Subject</label>
  <input id="subject" name="subject">
  <label for="bodyKind">Body</label>
  <select id="bodyKind" name="bodyKind">
    <option value="text">Text</option>
    <option value="html">HTML</option>
    <option value="both">Text and HTML</option>
    <option value="file">The file from the editor</option>
  </select>
  <div id="textRow" class="contents"><label for="text">Text</label><textarea id="text" name="text"></textarea></div>
  <div id="htmlRow" class="contents"><label for="html">HTML</label><textarea id="html" name="html"></textarea></div>
  <div id="fileRow" class="contents"><label>File</label><p id="fileName" class="hint"></p></div>
  <div class="row-wide"><ul id="findings" aria-live="polite"></ul></div>
  <div class="actions">
    <button id="send" type="submit">Send</button>
    <button id="transcript" type="button" class="secondary">Show SMTP Transcript</button>
  </div>
  <div class="row-wide"><div id="result" class="result" role="status" hidden></div></div>
</form>`,
  });
}
