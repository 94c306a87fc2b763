import type * as vscode from 'vscode';
import { webviewPage } from './page';

/** The Request Production Access page (its behaviour is in src/webview/productionMain.ts). */
export function productionAccessHtml(webview: vscode.Webview, extensionUri: vscode.Uri, joinPath: typeof vscode.Uri.joinPath): string {
  return webviewPage(webview, extensionUri, joinPath, {
    title: 'Request Production Access',
    script: 'production.js',
    styles: ['panel.css', 'production.css'],
    body: `<h1>Request Production Access</h1>
<p id="accountStatus" class="muted" role="status"></p>
<form id="form" autocomplete="off" novalidate>
  <label for="region">Region</label>
  <div>
    <select id="region" name="region"></select>
    <p class="hint">Production access is granted per region.</p>
  </div>
  <label for="mailType">Mail type</label>
  <div>
    <select id="mailType" name="mailType" aria-describedby="problem-mailType">
      <option value="">Choose…</option>
      <option value="TRANSACTIONAL">Transactional: receipts, password resets, notifications</option>
      <option value="MARKETING">Marketing: newsletters, offers, announcements</option>
    </select>
    <p id="problem-mailType" class="problem" hidden></p>
  </div>
  <label for="websiteUrl">Website URL</label>
  <div>
    <input id="websiteUrl" name="websiteUrl" type="url" placeholder="https://www.example.com" aria-describedby="problem-websiteUrl">
    <p id="problem-websiteUrl" class="problem" hidden></p>
  </div>
  <label for="useCaseDescription">Use case</label>
  <div>
    <textarea id="useCaseDescription" name="useCaseDescription" rows="10" aria-describedby="useCaseCount problem-useCaseDescription"
      placeholder="What you send and to whom, how often and how much, how recipients sign up, how you handle bounces, complaints and unsubscribes."></textarea>
    <p id="useCaseCount" class="hint"></p>
    <p id="problem-useCaseDescription" class="problem" hidden></p>
  </div>
  <label for="additionalContacts">Additional contacts</label>
  <div>
    <input id="additionalContacts" name="additionalContacts" placeholder="ops@example.com, owner@example.com" aria-describedby="contactsHint problem-additionalContacts">
    <p id="contactsHint" class="hint">Optional: up to four addresses AWS notifies about SES matters, separated by commas.</p>
    <p id="problem-additionalContacts" class="problem" hidden></p>
  </div>
  <label for="contactLanguage">Contact language</label>
  <div>
    <select id="contactLanguage" name="contactLanguage" aria-describedby="problem-contactLanguage">
      <option value="EN">English</option>
      <option value="JA">Japanese</option>
    </select>
    <p id="problem-contactLanguage" class="problem" hidden></p>
  </div>
  <div class="row-wide" id="adviceBox" hidden>
    <h2>Before you send: AWS is likely to deny this request</h2>
    <ul id="advice" aria-live="polite"></ul>
  </div>
  <div class="actions">
    <button id="submit" type="submit">Submit Request</button>
    <button id="guide" type="button" class="secondary">AWS Guidance on Requests</button>
  </div>
  <div class="row-wide"><div id="result" class="result" role="status" hidden></div></div>
</form>`,
  });
}
