import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatMailbox, parseAddressList } from '../address';
import type { CommandContext } from '../commands/context';
import { settings } from '../config/settings';
import { SMTP_PORTS, smtpHostFor, tlsModeForPort, type TlsMode } from '../rules/regions';
import type { IdentitySummary } from '../ses/client';
import type { RegionSnapshot } from '../tree/nodes';
import { sendViaApi } from '../sending/api';
import { SendFailure, type SendResult, type TestMessage } from '../sending/message';
import { sendViaSmtp } from '../sending/smtp';
import { smtpPasswordShape, type SmtpPasswordShape } from '../smtp-password/derive';
import type { Draft, FindingView, FromPage, PortOption, RegionView, ToPage } from '../webview/protocol';
import type { TestMailHistory } from './history';
import { bodyFileFacts, lastTextEditor, readBodyFile, type BodyFile, type BodyFileFacts } from './bodyFile';
import { panelHtml } from './html';
import { asMessage } from './validate';

const t = vscode.l10n.t;
export const PANEL_TYPE = 'ses.sendTestEmail';

/** A fix as the domain engines describe it; the panel only needs a label and hands it to `runFix`. */
export interface PanelFix {
  label: string;
  type: string;
  [key: string]: unknown;
}

export interface PanelFinding {
  severity: 'error' | 'warning' | 'info';
  willReject: boolean;
  title: string;
  explanation: string;
  fixes: PanelFix[];
}

/** What the panel needs from the domain: a pre-flight check and a failure explanation, with one vocabulary. */
export interface PanelDomain {
  readonly history: TestMailHistory;
  /** A test mail was delivered (the walkthrough's "send" step). */
  sent(): void;
  /** The last draft, kept across closing the panel (the page's own state covers a window reload). */
  lastDraft(): Draft | undefined;
  saveDraft(draft: Draft): void;
  preflight(draft: Draft, facts: RegionFacts): PanelFinding[];
  explain(failure: unknown, draft: Draft, facts: RegionFacts): PanelFinding & { kind: string };
  runFix(fix: PanelFix, panel: TestEmailPanel): Promise<void>;
}

/** What the host knows about the draft's region when it checks or explains. */
export interface RegionFacts {
  region: string;
  /** False when the region could not be loaded: the pre-flight then says nothing about identities. */
  loaded: boolean;
  identities: IdentitySummary[];
  otherRegions: { region: string; identities: IdentitySummary[]; configurationSets?: string[] }[];
  account?: import('../ses/client').AccountStatus;
  /** Undefined when SES could not list them: the pre-flight then says nothing about the set. */
  configurationSets?: string[];
  /** The From header of the .eml file that goes out raw, if that is the body. */
  headerFrom?: string;
  /** The body file's size, if that is the body. */
  bodyBytes?: number;
  /** The stored password is described only by its shape: the value itself stays in SecretStorage until a send. */
  smtp: { host: string; port: number; tls: TlsMode; passwordShape?: SmtpPasswordShape; hasCredentials: boolean };
}

export const defaultDraft = (region: string): Draft => ({
  region,
  transport: 'smtp',
  from: '',
  fromName: '',
  to: '',
  cc: '',
  bcc: '',
  replyTo: '',
  subject: 'SES Workbench test',
  bodyKind: 'text',
  text: 'Hello from SES Workbench.',
  html: '<p>Hello from <b>SES Workbench</b>.</p>',
  configurationSet: '',
  port: settings.smtp().port,
});

/** The Send Test Email panel: one at a time; the page holds the draft, the host holds secrets and does the work. */
export class TestEmailPanel implements vscode.Disposable {
  static current: TestEmailPanel | undefined;
  private draft: Draft;
  private facts?: RegionFacts;
  private findings: PanelFinding[] = [];
  private failure?: PanelFinding;
  private lastTranscript: string[] = [];
  /** The From header of the body file, when it is an .eml (read when the file is chosen). */
  private fileFacts: BodyFileFacts = {};
  private readonly disposables: vscode.Disposable[] = [];
  private markReady: () => void = () => undefined;
  /** Resolves once the page has asked for its state and the region has been loaded. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  static show(ctx: CommandContext, domain: PanelDomain, extensionUri: vscode.Uri, options: { region?: string; file?: BodyFile; to?: string; draft?: Draft } = {}): TestEmailPanel {
    if (TestEmailPanel.current) {
      const existing = TestEmailPanel.current;
      existing.panel.reveal();
      const file = options.file ?? fileOf(options.draft);
      if (file) existing.setFile(file);
      const patch: Partial<Draft> = { ...(options.draft ?? {}), ...(options.region ? { region: options.region } : {}), ...(options.to ? { to: options.to } : {}) };
      if (Object.keys(patch).length) void existing.patchDraft(patch);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_TYPE, t('Send Test Email'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    const last = domain.lastDraft();
    const region = options.region ?? options.draft?.region ?? last?.region ?? ctx.regions()[0] ?? 'us-east-1';
    const draft: Draft = { ...defaultDraft(region), ...(last ?? {}), ...(options.draft ?? {}), region, ...(options.to ? { to: options.to } : {}) };
    if (options.file) Object.assign(draft, { file: options.file.uri.toString(), bodyKind: 'file' });
    return new TestEmailPanel(panel, ctx, domain, extensionUri, draft, fileOf(draft));
  }

  /**
   * Restores a panel after a window reload. The draft the host wrote on the last keystroke wins over the page's
   * saved state: the workbench persists that state lazily, and a reload right after typing can lose it.
   */
  static revive(panel: vscode.WebviewPanel, state: unknown, ctx: CommandContext, domain: PanelDomain, extensionUri: vscode.Uri): TestEmailPanel {
    const saved = (state as { draft?: Draft } | undefined)?.draft;
    const draft = domain.lastDraft() ?? saved;
    const region = draft?.region ?? ctx.regions()[0] ?? 'us-east-1';
    return new TestEmailPanel(panel, ctx, domain, extensionUri, { ...defaultDraft(region), ...(draft ?? {}) });
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ctx: CommandContext,
    private readonly domain: PanelDomain,
    extensionUri: vscode.Uri,
    draft: Draft,
    private file?: BodyFile,
  ) {
    TestEmailPanel.current = this;
    this.draft = draft;
    this.file ??= fileOf(draft);
    // What the panel opened with is the last draft, even if it closes before the page has said a word.
    domain.saveDraft(draft);
    void this.learnFileFacts();
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'ses.svg');
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
    panel.webview.html = panelHtml(panel.webview, extensionUri, vscode.Uri.joinPath);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      ctx.secrets.onDidChange(() => void this.loadRegion(this.draft.region)),
      // The SMTP host, port or TLS settings changed: the host line and the pre-flight follow.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ses.smtp')) void this.loadRegion(this.draft.region);
      }),
      // The tree reloaded the region (a refresh, a granted production access, a link opened): check against the news.
      ctx.tree.onDidLoadRegion((node) => {
        if (node.region === this.draft.region && node.snapshot) void this.loadRegion(node.region, node.snapshot);
      }),
    );
  }

  get currentDraft(): Draft {
    return this.draft;
  }

  private disposed = false;
  private sending = false;

  private post(message: ToPage): void {
    // Loads finish after the user may have closed the panel: there is nobody left to tell.
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = asMessage(raw);
    if (!message) {
      this.ctx.log.warn('Ignored a malformed message from the Send Test Email page');
      return;
    }
    await this.handle(message);
  }

  private async handle(message: FromPage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post({ type: 'init', draft: this.draft, regions: this.regionChoices(), file: this.fileView() });
        await this.loadRegion(this.draft.region);
        this.markReady();
        return;
      case 'draft': {
        const regionChanged = message.draft.region !== this.facts?.region;
        this.draft = this.withFile(message.draft);
        // Choosing "the file from the editor": say at once which file will go.
        const editorFile = lastTextEditor();
        if (this.draft.bodyKind === 'file' && !this.file && editorFile) this.setFile(editorFile, false);
        this.domain.saveDraft(this.draft);
        if (regionChanged) await this.loadRegion(message.draft.region);
        else this.check();
        return;
      }
      case 'send':
        if (this.sending) return; // one send at a time, whatever the page asks
        this.draft = this.withFile(message.draft);
        this.sending = true;
        try {
          await this.send();
        } finally {
          this.sending = false;
        }
        return;
      case 'fix': {
        const source = message.source === 'failure' ? this.failure : this.findings[message.findingIndex];
        const fix = source?.fixes[message.fixIndex];
        if (fix) await this.domain.runFix(fix, this);
        return;
      }
      case 'setSmtpCredentials':
        await vscode.commands.executeCommand('ses.setSmtpCredentials', { region: this.draft.region });
        return;
      case 'showTranscript':
        this.ctx.log.show(true);
        return;
      default: {
        const never: never = message;
        void never;
      }
    }
  }

  async patchDraft(patch: Partial<Draft>): Promise<void> {
    this.draft = { ...this.draft, ...patch };
    this.post({ type: 'patchDraft', patch });
    if (patch.region && patch.region !== this.facts?.region) await this.loadRegion(patch.region);
    else this.check();
  }

  /** Runs one of the fixes offered with a finding or a failure. */
  applyFix(fix: PanelFix): Promise<void> {
    return this.domain.runFix(fix, this);
  }

  /** Makes `file` the body; `reset` rewrites the form with the file chosen (a Send File command), else only its name shows. */
  setFile(file: BodyFile, reset = true): void {
    this.file = file;
    void this.learnFileFacts();
    this.draft = this.withFile(reset ? { ...this.draft, bodyKind: 'file' } : this.draft);
    this.domain.saveDraft(this.draft);
    if (reset) this.post({ type: 'init', draft: this.draft, regions: this.regionChoices(), file: this.fileView() });
    else this.post({ type: 'file', name: this.fileView()?.name ?? '' });
  }

  /** Learns what the pre-flight needs of the body file (its size, an .eml's From header). */
  private async learnFileFacts(): Promise<void> {
    const file = this.file;
    const facts = file ? await bodyFileFacts(file) : {};
    if (this.file !== file) return;
    this.fileFacts = facts;
    this.check();
  }

  /** The page's draft with the body file the host holds. */
  private withFile(draft: Draft): Draft {
    const { file: _ignored, ...rest } = draft;
    return this.file ? { ...rest, file: this.file.uri.toString() } : rest;
  }

  private fileView(): { name: string } | undefined {
    return this.file ? { name: path.basename(this.file.uri.fsPath) } : undefined;
  }

  private regionChoices(): string[] {
    const regions = this.ctx.regions();
    return regions.includes(this.draft.region) ? regions : [...regions, this.draft.region];
  }

  /** Loads what the pre-flight needs about a region: identities (one call per 1,000), account, sets, credentials. */
  async loadRegion(region: string, known?: RegionSnapshot): Promise<void> {
    const api = this.ctx.api();
    // The tree just loaded this region: take its account and identities, keep what else was known of it.
    const previous = known && this.facts?.loaded && this.facts.region === region ? this.facts : undefined;
    const smtpSettings = settings.smtp();
    const port = this.draft.port;
    const tls = tlsFor(port);
    const host = smtpSettings.host ? smtpSettings.host.replace('{region}', region) : smtpHostFor(region);
    const credentials = await this.ctx.secrets.get(region);
    const view: RegionView = {
      region,
      sandbox: true,
      senders: [],
      configurationSets: [],
      smtpHost: host,
      ports: this.portOptions(smtpSettings.port),
      hasSmtpCredentials: !!credentials,
    };
    try {
      const [identities, account, configurationSets] = await Promise.all([
        known?.identities ?? api.listIdentities(region),
        known?.account ?? api.getAccount(region),
        previous ? previous.configurationSets : api.listConfigurationSets(region).catch(() => undefined),
      ]);
      const otherRegions = previous?.otherRegions ?? (await Promise.all(
        this.ctx.regions()
          .filter((r) => r !== region)
          .map(async (r) => ({
            region: r,
            identities: this.ctx.tree.regionNode(r)?.snapshot?.identities ?? (await api.listIdentities(r).catch(() => [])),
            configurationSets: await api.listConfigurationSets(r).catch(() => undefined),
          })),
      ));
      this.facts = { region, loaded: true, identities, otherRegions, account, configurationSets, smtp: { host, port, tls, passwordShape: credentials ? smtpPasswordShape(credentials.password) : undefined, hasCredentials: !!credentials } };
      view.sandbox = !account.productionAccess;
      view.senders = senderOptions(identities);
      view.configurationSets = configurationSets ?? [];
    } catch (err) {
      this.facts = { region, loaded: false, identities: [], otherRegions: [], configurationSets: [], smtp: { host, port, tls, passwordShape: credentials ? smtpPasswordShape(credentials.password) : undefined, hasCredentials: !!credentials } };
      view.loadError = (err as Error).message;
    }
    if (region !== this.draft.region) return;
    this.post({ type: 'region', view });
    this.check();
  }

  private portOptions(configured: number): PortOption[] {
    const options = SMTP_PORTS.map(({ port, tls }) => ({ port, label: `${port} — ${tls === 'implicit' ? t('TLS wrapper (implicit TLS)') : t('STARTTLS')}${port === 25 ? t(' (often blocked on EC2)') : ''}` }));
    if (!SMTP_PORTS.some((p) => p.port === configured)) {
      const tls = settings.smtp().tlsMode;
      options.unshift({ port: configured, label: `${configured} — ${tls === 'implicit' ? t('TLS wrapper (implicit TLS)') : t('STARTTLS')} ${t('(from settings)')}` });
    }
    return options;
  }

  private check(): void {
    if (!this.facts) return;
    this.facts.smtp.port = this.draft.port;
    this.facts.smtp.tls = tlsFor(this.draft.port);
    this.facts.headerFrom = this.draft.bodyKind === 'file' ? this.fileFacts.headerFrom : undefined;
    this.facts.bodyBytes = this.draft.bodyKind === 'file' ? this.fileFacts.bytes : undefined;
    this.findings = this.domain.preflight(this.draft, this.facts);
    this.post({ type: 'preflight', findings: this.findings.map(toView) });
  }

  private async buildMessage(): Promise<TestMessage> {
    const d = this.draft;
    // Display names are kept, written as a header needs them (quoted, or encoded when not ASCII).
    const list = (text: string): string[] => parseAddressList(text).mailboxes.map((m) => (m.name ? formatMailbox(m) : m.address));
    const message: TestMessage = {
      from: d.from,
      fromName: d.fromName.trim() || undefined,
      to: list(d.to),
      cc: list(d.cc),
      bcc: list(d.bcc),
      replyTo: list(d.replyTo),
      subject: d.subject,
      configurationSet: d.configurationSet || undefined,
    };
    const file = this.file ?? lastTextEditor();
    if (d.bodyKind === 'file' && !file) throw new Error(t('No file to send: open an HTML, text or .eml file in the editor, or choose another body.'));
    if (d.bodyKind === 'file' && file) {
      if (!this.file) this.setFile(file, false);
      const content = await readBodyFile(file);
      const ext = path.extname(file.uri.fsPath).toLowerCase();
      if (ext === '.eml') message.raw = content;
      else if (ext === '.html' || ext === '.htm') message.html = content;
      else message.text = content;
    } else {
      if (d.bodyKind === 'text' || d.bodyKind === 'both') message.text = d.text;
      if (d.bodyKind === 'html' || d.bodyKind === 'both') message.html = d.html;
    }
    return message;
  }

  async send(): Promise<SendResult | undefined> {
    const d = this.draft;
    this.failure = undefined;
    let message: TestMessage;
    try {
      message = await this.buildMessage();
    } catch (err) {
      this.failure = { severity: 'error', willReject: true, title: (err as Error).message, explanation: '', fixes: [] };
      this.post({ type: 'failed', kind: 'unknown', ...toView(this.failure) });
      return undefined;
    }
    this.post({ type: 'sending' });
    try {
      let result: SendResult;
      if (d.transport === 'api') {
        result = await sendViaApi(this.ctx.api(), d.region, message);
      } else {
        const credentials = await this.ctx.secrets.get(d.region);
        if (!credentials) {
          // The pre-flight's own words for it (one source of explanations), when the region's facts are known.
          const missing = this.facts
            ? this.domain.preflight(d, { ...this.facts, smtp: { ...this.facts.smtp, hasCredentials: false } }).find((f) => f.fixes.some((fix) => fix.type === 'set-smtp-credentials'))
            : undefined;
          this.failure = missing ?? {
            severity: 'error',
            willReject: true,
            title: t('No SMTP credentials for {0}', d.region),
            explanation: t('SMTP credentials are per region. Store the SMTP user name and password for {0}, or send through the SES API instead.', d.region),
            fixes: [{ type: 'set-smtp-credentials', region: d.region, label: t('Set SMTP Credentials…') }],
          };
          this.post({ type: 'failed', kind: 'smtp-auth-failed', ...toView(this.failure) });
          return undefined;
        }
        const smtp = settings.smtp();
        const ca = smtp.caFile ? await fs.readFile(smtp.caFile, 'utf8').catch(() => undefined) : undefined;
        const facts = this.facts?.smtp;
        result = await sendViaSmtp(
          { region: d.region, host: facts?.host ?? smtpHostFor(d.region), port: d.port, tls: facts?.tls ?? 'starttls', username: credentials.username, password: credentials.password, ca },
          message,
        );
      }
      this.lastTranscript = result.transcript;
      this.logTranscript(result.transcript, `sent ${result.messageId} in ${result.elapsedMs} ms`);
      this.post({ type: 'sent', messageId: result.messageId, elapsedMs: result.elapsedMs, transport: d.transport, response: result.response });
      await this.remember(true, `sent ${result.messageId}`);
      this.domain.sent();
      this.ctx.tree.refresh(d.region);
      return result;
    } catch (err) {
      const failure = err instanceof SendFailure ? err : new SendFailure(err, d.transport, [], 0);
      this.lastTranscript = failure.transcript;
      this.logTranscript(failure.transcript, `failed: ${failure.message}`);
      const explained = this.domain.explain(failure.cause, d, this.facts ?? { region: d.region, loaded: false, identities: [], otherRegions: [], configurationSets: [], smtp: { host: '', port: d.port, tls: 'starttls', hasCredentials: false } });
      this.failure = explained;
      this.post({ type: 'failed', kind: explained.kind, ...toView(explained) });
      await this.remember(false, explained.title);
      return undefined;
    }
  }

  private async remember(ok: boolean, outcome: string): Promise<void> {
    const d = this.draft;
    await this.domain.history.add({ time: new Date().toISOString(), region: d.region, from: d.from, to: d.to, transport: d.transport, outcome, ok, draft: d });
  }

  /** The last failure's explanation, as shown to the user. */
  get lastFailure(): (PanelFinding & { kind?: string }) | undefined {
    return this.failure;
  }

  get currentFindings(): readonly PanelFinding[] {
    return this.findings;
  }

  get transcript(): readonly string[] {
    return this.lastTranscript;
  }

  private logTranscript(lines: string[], outcome: string): void {
    const d = this.draft;
    this.ctx.log.info(`Test mail via ${d.transport.toUpperCase()} in ${d.region} from ${d.from}: ${outcome}`);
    for (const line of lines) this.ctx.log.info(`  ${line}`);
  }

  dispose(): void {
    this.disposed = true;
    if (TestEmailPanel.current === this) TestEmailPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function toView(f: PanelFinding): FindingView {
  // A fix that only shows the header as it will be written is no action: it is not offered as a button.
  const fixes = f.fixes.map((fix, index) => ({ label: fix.label, index, type: fix.type })).filter((fix) => fix.type !== 'quote-display-name');
  return { severity: f.severity, willReject: f.willReject, title: f.title, explanation: f.explanation, fixes: fixes.map(({ label, index }) => ({ label, index })) };
}

/** The TLS mode for a port: SES's own ports speak as SES does there; `ses.smtp.tlsMode` decides only for other ports. */
function tlsFor(port: number): TlsMode {
  const configured = settings.smtp().tlsMode;
  return tlsModeForPort(port) ?? (configured !== 'auto' ? configured : 'starttls');
}

/** The body file a draft names, if any. */
function fileOf(draft: Draft | undefined): BodyFile | undefined {
  return draft?.file ? { uri: vscode.Uri.parse(draft.file, true) } : undefined;
}

/** Verified address identities, and verified domains as `*@domain` (any local part may send). */
function senderOptions(identities: IdentitySummary[]): { value: string; label: string }[] {
  return identities
    .filter((i) => i.status === 'SUCCESS')
    .map((i) => {
      // SES keeps an identity whose sending was turned off; mail from it is refused, so the list says so.
      const off = i.sendingEnabled === false ? ` — ${t('sending disabled for this identity')}` : '';
      return i.type === 'EMAIL_ADDRESS' ? { value: i.name, label: `${i.name}${off}` } : { value: `*@${i.name}`, label: `any address @${i.name} (verified domain)${off}` };
    });
}
