import type { Advice, FieldProblem, FromProductionPage, ProductionDraft, ReviewView, ToProductionPage } from './productionProtocol';

// Plain DOM: every string from the host is set as text, never as HTML. The draft lives here and in setState, so a
// failed submit, a hidden panel or a window reload never loses what the user typed.
const vscode = acquireVsCodeApi<{ draft?: ProductionDraft }>();
const post = (message: FromProductionPage): void => vscode.postMessage(message);

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const fields = ['region', 'mailType', 'websiteUrl', 'useCaseDescription', 'additionalContacts', 'contactLanguage'] as const;
const USE_CASE_MAX = 5000;

let advice: Advice[] = [];
let problems: FieldProblem[] = [];
let submitting = false;
/** Problems show for fields the user has left, and for all of them after a submit: not on a fresh form. */
const touched = new Set<string>();
let attempted = false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function readForm(): ProductionDraft {
  const value = (name: (typeof fields)[number]): string => $<HTMLInputElement>(name).value ?? '';
  const mailType = value('mailType');
  return {
    region: value('region'),
    mailType: mailType === 'MARKETING' || mailType === 'TRANSACTIONAL' ? mailType : '',
    websiteUrl: value('websiteUrl'),
    useCaseDescription: value('useCaseDescription'),
    additionalContacts: value('additionalContacts'),
    contactLanguage: value('contactLanguage') === 'JA' ? 'JA' : 'EN',
  };
}

function writeForm(d: ProductionDraft): void {
  for (const name of fields) {
    const input = $<HTMLInputElement>(name);
    const v = String(d[name] ?? '');
    if (input instanceof HTMLSelectElement && v && ![...input.options].some((o) => o.value === v)) input.append(new Option(v, v));
    input.value = v;
  }
  count();
}

function count(): void {
  const text = $<HTMLTextAreaElement>('useCaseDescription').value;
  const words = text.trim() ? text.trim().split(/\s+/).length : 0;
  const over = text.trim().length > USE_CASE_MAX;
  const counter = $('useCaseCount');
  counter.textContent = `${words} word${words === 1 ? '' : 's'} · ${text.trim().length}/${USE_CASE_MAX} characters`;
  counter.classList.toggle('problem', over);
}

function changed(): void {
  const draft = readForm();
  vscode.setState({ draft });
  count();
  post({ type: 'draft', draft });
}

function showProblems(): void {
  for (const name of fields) {
    if (name === 'region') continue;
    const problem = attempted || touched.has(name) ? problems.find((p) => p.field === name) : undefined;
    const line = $(`problem-${name}`);
    line.textContent = problem?.message ?? '';
    line.hidden = !problem;
    $(name).classList.toggle('invalid', !!problem);
    $(name).setAttribute('aria-invalid', problem ? 'true' : 'false');
  }
}

function showAdvice(items: Advice[]): void {
  advice = items;
  $('adviceBox').hidden = items.length === 0;
  $('advice').replaceChildren(
    ...items.map((a) => {
      const item = el('li', undefined, 'advice');
      item.dataset.topic = a.topic;
      item.append(el('strong', a.title), el('p', a.suggestion));
      return item;
    }),
  );
  updateSubmit();
}

function updateSubmit(): void {
  const button = $<HTMLButtonElement>('submit');
  button.disabled = submitting;
  button.textContent = submitting ? 'Submitting…' : advice.length ? 'Submit Anyway' : 'Submit Request';
  button.classList.toggle('danger', advice.length > 0);
}

function showReview(review: ReviewView): void {
  const status = $('accountStatus');
  if (review.loadError) status.textContent = `Could not read the account in ${review.region}: ${review.loadError}`;
  else if (review.productionAccess) status.textContent = `${review.region} has production access: you can send to any address.`;
  else if (review.status) status.textContent = `${review.region} is in the sandbox. Production access review: ${review.status}${review.caseId ? `, case ${review.caseId}` : ''}.`;
  else status.textContent = `${review.region} is in the SES sandbox: at most 200 recipients a day, 1 message a second, and only to verified addresses.`;
}

function showResult(content: HTMLElement[], className: string): void {
  const result = $('result');
  result.className = className;
  result.replaceChildren(...content);
  result.hidden = false;
  result.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

window.addEventListener('message', (event: MessageEvent<ToProductionPage>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': {
      const select = $<HTMLSelectElement>('region');
      select.replaceChildren(...message.regions.map((r) => new Option(r, r)));
      const saved = vscode.getState()?.draft;
      // A restored draft keeps what the user typed, but the region the command was opened for wins.
      const draft = saved ? { ...saved, region: message.draft.region } : message.draft;
      writeForm(draft);
      for (const name of fields) if (String(draft[name] ?? '').trim()) touched.add(name);
      changed();
      break;
    }
    case 'review':
      showReview(message.review);
      break;
    case 'check':
      problems = message.problems;
      showProblems();
      showAdvice(message.advice);
      // "Not sent: fix the marked field" is over once nothing is marked any more.
      if (problems.length === 0 && $('result').classList.contains('failed')) $('result').hidden = true;
      break;
    case 'submitting':
      submitting = true;
      updateSubmit();
      $('result').hidden = true;
      break;
    case 'submitted': {
      submitting = false;
      // The request is in: advice about what to write no longer applies.
      showAdvice([]);
      updateSubmit();
      showReview(message.review);
      const caseText = message.review.caseId ? ` Case ${message.review.caseId}.` : '';
      showResult([el('strong', `Request sent for ${message.review.region}.`), el('p', `Review status: ${message.review.status ?? 'PENDING'}.${caseText} AWS usually answers within 24 hours; the SES view shows the status and updates itself.`)], 'result ok');
      break;
    }
    case 'failed':
      submitting = false;
      updateSubmit();
      attempted = true;
      problems = message.problems;
      showProblems();
      showResult([el('strong', 'The request was not sent.'), el('p', message.message), el('p', 'Your draft is kept: change it and submit again.')], 'result failed');
      break;
    default: {
      const never: never = message;
      void never;
    }
  }
});

const form = $<HTMLFormElement>('form');
form.addEventListener('input', changed);
form.addEventListener('change', changed);
form.addEventListener('focusout', (event) => {
  const id = (event.target as HTMLElement | null)?.id;
  if (id && !touched.has(id)) {
    touched.add(id);
    showProblems();
  }
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (submitting) return;
  const draft = readForm();
  vscode.setState({ draft });
  post({ type: 'submit', draft });
});
$('guide').addEventListener('click', () => post({ type: 'openGuide' }));

post({ type: 'ready' });
