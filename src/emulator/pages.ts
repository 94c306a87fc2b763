import type { StoredMessage } from './mailbox';

/** Escapes text for HTML content and attribute values: every string from mail or requests goes through this. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * CSP for the emulator's pages: nothing loads from anywhere, styles only by nonce, mail HTML only in a sandboxed
 * srcdoc frame (which inherits this policy, so remote images and scripts in mail stay blocked).
 */
export function pageCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; frame-src 'self'; img-src data:; form-action 'none'; base-uri 'none'`;
}

function page(title: string, nonce: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:1.5rem;color:#1b1b1b}
h1{font-size:1.4rem} .msg{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:.75rem 1rem}
.meta{color:#555;font-size:.85rem} table.h{border-collapse:collapse;font-size:.8rem} table.h td{padding:0 .5rem 0 0;vertical-align:top}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f6f6;padding:.5rem} iframe{width:100%;height:320px;border:1px solid #ddd}
.tag{display:inline-block;padding:0 .4rem;border-radius:4px;background:#e8eefc;font-size:.75rem} .link{font-size:1.05rem}
</style></head><body>${body}</body></html>`;
}

export function mailboxPage(messages: StoredMessage[], nonce: string): string {
  const items = [...messages].reverse().map((m) => {
    const headers = Object.entries(m.headers)
      .map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`)
      .join('');
    const link = m.verificationLink && /^https?:\/\//.test(m.verificationLink)
      ? `<p class="link">Verification link: <a href="${escapeHtml(m.verificationLink)}">${escapeHtml(m.verificationLink)}</a></p>`
      : '';
    const html = m.html
      ? `<h4>HTML</h4><iframe sandbox="" referrerpolicy="no-referrer" srcdoc="${escapeHtml(m.html)}" title="HTML body of ${escapeHtml(m.subject)}"></iframe>`
      : '';
    return `<article class="msg" id="${escapeHtml(m.id)}">
<div><span class="tag">${escapeHtml(m.kind)}</span> <span class="tag">${escapeHtml(m.via)}</span> <span class="tag">${escapeHtml(m.region)}</span></div>
<h3>${escapeHtml(m.subject || '(no subject)')}</h3>
<p class="meta">From ${escapeHtml(m.from)} · To ${escapeHtml(m.to.join(', '))}${m.cc.length ? ` · Cc ${escapeHtml(m.cc.join(', '))}` : ''}${m.bcc.length ? ` · Bcc ${escapeHtml(m.bcc.join(', '))}` : ''} · ${escapeHtml(m.receivedAt)}</p>
${link}
<details><summary>Headers</summary><table class="h">${headers}</table></details>
${m.text ? `<h4>Text</h4><pre>${escapeHtml(m.text)}</pre>` : ''}
${html}
</article>`;
  });
  const body = `<h1>SES emulator mailbox</h1><p class="meta">${messages.length} message(s). Reload to see new mail. JSON: <a href="/_emulator/messages">/_emulator/messages</a></p>${items.join('\n') || '<p>No mail yet.</p>'}`;
  return page('SES emulator mailbox', nonce, body);
}

/** Worded after the page SES shows when a verification link is opened. */
export function verifiedPage(identity: string, region: string, nonce: string): string {
  return page('Email address verified', nonce, `<h1>Congratulations!</h1>
<p>You have successfully verified the email address <strong>${escapeHtml(identity)}</strong> with Amazon SES in region <strong>${escapeHtml(region)}</strong>. You can now send email from this address.</p>
<p class="meta">SES Workbench emulator · <a href="/_emulator/mailbox">mailbox</a></p>`);
}

export function expiredPage(identity: string, nonce: string): string {
  return page('Verification link expired', nonce, `<h1>The verification link has expired</h1>
<p>The link to verify <strong>${escapeHtml(identity)}</strong> expired: links are valid for 24 hours. Request verification again (delete the identity and create it again).</p>
<p class="meta">SES Workbench emulator · <a href="/_emulator/mailbox">mailbox</a></p>`);
}

export function unknownLinkPage(nonce: string): string {
  return page('Verification link not recognised', nonce, `<h1>This verification link is not valid</h1>
<p>The link is unknown to this emulator, or its identity was deleted.</p>`);
}
