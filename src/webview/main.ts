import type { Draft, FindingView, FixView, FromPage, RegionView, ToPage } from './protocol';

// The page is plain DOM: every string from the host is set as text, never as HTML.
const vscode = acquireVsCodeApi<{ draft?: Draft }>();
const post = (message: FromPage): void => vscode.postMessage(message);

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
const fields = ['region', 'transport', 'from', 'fromName', 'to', 'cc', 'bcc', 'replyTo', 'subject', 'bodyKind', 'text', 'html', 'configurationSet', 'port'] as const;

let draft: Draft | undefined;
let region: RegionView | undefined;
let findings: FindingView[] = [];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A verified domain is offered as `*@domain`; the sender is then the local part typed beside it. */
function senderAddress(): string {
  const chosen = $<HTMLSelectElement>('from').value;
  if (!chosen.startsWith('*@')) return chosen;
  const local = $<HTMLInputElement>('localPart').value.trim() || 'test';
  return `${local}${chosen.slice(1)}`;
}

function showSender(from: string): void {
  const select = $<HTMLSelectElement>('from');
  const local = $<HTMLInputElement>('localPart');
  const at = from.lastIndexOf('@');
  const domainOption = at > 0 ? [...select.options].find((o) => o.value.startsWith('*@') && o.value.slice(2).toLowerCase() === from.slice(at + 1).toLowerCase()) : undefined;
  if (from && ![...select.options].some((o) => o.value === from) && domainOption) {
    select.value = domainOption.value;
    // An emptied local part means the default ("test", shown as the placeholder): leave it empty.
    if (senderAddress() !== from) local.value = from.slice(0, at);
  } else if (from) {
    if (![...select.options].some((o) => o.value === from)) select.append(new Option(from, from));
    select.value = from;
  }
  local.hidden = !select.value.startsWith('*@');
}

function readForm(): Draft {
  const value = (name: (typeof fields)[number]): string => ($<HTMLInputElement>(name).value ?? '').toString();
  return {
    region: value('region'),
    transport: value('transport') === 'api' ? 'api' : 'smtp',
    from: senderAddress(),
    fromName: value('fromName'),
    to: value('to'),
    cc: value('cc'),
    bcc: value('bcc'),
    replyTo: value('replyTo'),
    subject: value('subject'),
    bodyKind: (value('bodyKind') || 'text') as Draft['bodyKind'],
    text: value('text'),
    html: value('html'),
    configurationSet: value('configurationSet'),
    port: Number(value('port')) || 587,
  };
}

function writeForm(d: Draft): void {
  for (const name of fields) {
    if (name === 'from') continue;
    const input = $<HTMLInputElement>(name);
    const v = String(d[name] ?? '');
    if (input instanceof HTMLSelectElement && v && ![...input.options].some((o) => o.value === v)) {
      input.append(new Option(v, v));
    }
    input.value = v;
  }
  showSender(d.from);
  showBody();
}

function fillSelect(id: string, options: { value: string; label: string }[], keep: string): void {
  const select = $<HTMLSelectElement>(id);
  select.replaceChildren(...options.map((o) => new Option(o.label, o.value)));
  // A value the user chose before the list arrived is kept, even if the list no longer offers it.
  if (keep && !options.some((o) => o.value === keep)) select.append(new Option(keep, keep));
  select.value = keep || options[0]?.value || '';
}

function showBody(): void {
  $('localPart').hidden = !$<HTMLSelectElement>('from').value.startsWith('*@');
  $('transcript').hidden = $<HTMLSelectElement>('transport').value !== 'smtp';
  const kind = $<HTMLSelectElement>('bodyKind').value;
  $('textRow').hidden = !(kind === 'text' || kind === 'both');
  $('htmlRow').hidden = !(kind === 'html' || kind === 'both');
  $('fileRow').hidden = kind !== 'file';
  $('smtpRow').hidden = $<HTMLSelectElement>('transport').value !== 'smtp';
}

/** The form changed: `edit` when the user (or a fix they chose) changed the draft, not a reload of the region. */
function changed(edit = false): void {
  if (edit) {
    // Any earlier result (sent or failed) was for the draft as it was; the message id stays in the history.
    if (!$('result').classList.contains('pending')) $('result').hidden = true;
    $('findings').hidden = false;
  }
  draft = readForm();
  vscode.setState({ draft });
  showBody();
  post({ type: 'draft', draft });
}

function fixButtons(fixes: FixView[], onClick: (fix: FixView) => void): HTMLElement {
  const row = el('div', undefined, 'fixes');
  for (const fix of fixes) {
    const button = el('button', fix.label, 'secondary');
    button.type = 'button';
    button.addEventListener('click', () => onClick(fix));
    row.append(button);
  }
  return row;
}

function renderFindings(): void {
  const list = $('findings');
  list.replaceChildren(
    ...findings.map((f, findingIndex) => {
      const item = el('li', undefined, `finding ${f.severity}`);
      item.append(el('strong', f.title), el('p', f.explanation));
      item.append(fixButtons(f.fixes, (fix) => post({ type: 'fix', source: 'preflight', findingIndex, fixIndex: fix.index })));
      return item;
    }),
  );
  const rejecting = findings.filter((f) => f.willReject);
  const send = $<HTMLButtonElement>('send');
  send.textContent = rejecting.length ? `Send anyway — SES will reject this: ${rejecting[0].title}` : 'Send';
  send.classList.toggle('danger', rejecting.length > 0);
}

function renderRegion(view: RegionView): void {
  region = view;
  const current = readForm();
  fillSelect('from', view.senders.map((s) => ({ value: s.value, label: s.label })), '');
  showSender(current.from);
  fillSelect('configurationSet', [{ value: '', label: '(none)' }, ...view.configurationSets.map((c) => ({ value: c, label: c }))], current.configurationSet);
  fillSelect('port', view.ports.map((p) => ({ value: String(p.port), label: p.label })), String(current.port));
  $('smtpHost').textContent = view.smtpHost;
  $('regionStatus').textContent = view.loadError
    ? `Could not load ${view.region}: ${view.loadError}`
    : view.sandbox
      ? `${view.region} is in the SES sandbox: recipients must be verified too.`
      : `${view.region} has production access.`;
  $('credentials').hidden = view.hasSmtpCredentials || $<HTMLSelectElement>('transport').value !== 'smtp';
  changed();
}

function renderResult(content: HTMLElement[], className: string): void {
  const result = $('result');
  result.className = className;
  result.replaceChildren(...content);
  result.hidden = false;
  result.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

window.addEventListener('message', (event: MessageEvent<ToPage>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': {
      fillSelect('region', message.regions.map((r) => ({ value: r, label: r })), message.draft.region);
      // The host's draft is the truth: it was restored from this page's saved state after a reload. (A file chosen
      // with "Send File as Test Email" comes with bodyKind "file" already; a file alone does not decide the body.)
      draft = message.draft;
      $('fileName').textContent = message.file?.name ?? '';
      writeForm(draft);
      post({ type: 'draft', draft });
      break;
    }
    case 'file':
      $('fileName').textContent = message.name;
      break;
    case 'region':
      // A result belongs to the region it was sent in.
      if (region && region.region !== message.view.region) $('result').hidden = true;
      renderRegion(message.view);
      break;
    case 'preflight':
      findings = message.findings;
      renderFindings();
      break;
    case 'patchDraft':
      writeForm({ ...readForm(), ...message.patch });
      changed(true);
      break;
    case 'sending':
      $<HTMLButtonElement>('send').disabled = true;
      renderResult([el('p', 'Sending…')], 'result pending');
      break;
    case 'sent':
      $<HTMLButtonElement>('send').disabled = false;
      renderResult(
        [
          el('strong', `Sent through ${message.transport === 'smtp' ? 'SMTP' : 'the SES API'} in ${message.elapsedMs} ms`),
          el('p', `Message ID: ${message.messageId}`),
          ...(message.response && message.response !== message.messageId ? [el('p', message.response, 'muted')] : []),
        ],
        'result ok',
      );
      break;
    case 'failed':
      $<HTMLButtonElement>('send').disabled = false;
      renderResult(
        [
          el('strong', message.title),
          el('p', message.explanation),
          fixButtons(message.fixes, (fix) => post({ type: 'fix', source: 'failure', findingIndex: 0, fixIndex: fix.index })),
        ],
        'result failed',
      );
      // The failure speaks for this draft now; the predictions return with the next edit.
      $('findings').hidden = true;
      break;
    default: {
      const never: never = message;
      void never;
    }
  }
});

$<HTMLSelectElement>('simulator').addEventListener('change', (event) => {
  event.stopPropagation();
  const scenario = $<HTMLSelectElement>('simulator').value;
  if (!scenario) return;
  $<HTMLInputElement>('to').value = `${scenario}@simulator.amazonses.com`;
  $<HTMLSelectElement>('simulator').value = '';
  changed(true);
});
form.addEventListener('input', () => changed(true));
form.addEventListener('change', () => changed(true));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  // One mail per click: a double click must not send twice (the host says when the send is over).
  const button = $<HTMLButtonElement>('send');
  if (button.disabled) return;
  button.disabled = true;
  post({ type: 'send', draft: readForm() });
});
$('setCredentials').addEventListener('click', () => post({ type: 'setSmtpCredentials' }));
$('transcript').addEventListener('click', () => post({ type: 'showTranscript' }));
void region;
post({ type: 'ready' });
