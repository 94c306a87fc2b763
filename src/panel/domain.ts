import { parseAddressList } from '../address';
import type { CommandContext } from '../commands/context';
import { diagnose } from '../diagnosis';
import { preflight } from '../preflight';
import { smtpHostRegion } from '../rules/regions';
import type { DiagnosisContext, Fix } from '../diagnosis/types';
import type { Memento } from 'vscode';
import type { Draft } from '../webview/protocol';
import { runFix } from './fixes';
import type { TestMailHistory } from './history';
import type { PanelDomain, PanelFinding, RegionFacts } from './testEmailPanel';

/** What the diagnosis engine should know about the draft and its region; never the password itself. */
export function diagnosisContext(draft: Draft, facts: RegionFacts, profile?: string): DiagnosisContext {
  const list = (text: string) => parseAddressList(text).mailboxes.map((m) => m.address);
  const verifiedIdentities: Record<string, string[]> = {};
  const productionAccess: Record<string, boolean> = {};
  verifiedIdentities[facts.region] = facts.identities.filter((i) => i.status === 'SUCCESS').map((i) => i.name);
  for (const other of facts.otherRegions) verifiedIdentities[other.region] = other.identities.filter((i) => i.status === 'SUCCESS').map((i) => i.name);
  if (facts.account) productionAccess[facts.region] = facts.account.productionAccess;
  return {
    region: draft.region,
    transport: draft.transport,
    smtpHost: facts.smtp.host,
    port: draft.port,
    tls: facts.smtp.tls,
    // A raw .eml carries its own From header, which SES checks as the sender; the draft's From is only the envelope.
    from: (facts.headerFrom && list(facts.headerFrom)[0]) || draft.from,
    to: [...list(draft.to), ...list(draft.cc), ...list(draft.bcc)],
    configurationSet: draft.configurationSet || undefined,
    passwordShape: facts.smtp.passwordShape,
    credentialRegions: facts.smtp.hasCredentials ? [facts.region] : [],
    verifiedIdentities,
    productionAccess,
    profile,
  };
}

const LAST_DRAFT = 'ses.lastDraft';

export function panelDomain(ctx: CommandContext, history: TestMailHistory, state: Memento, onSent: () => void = () => undefined): PanelDomain {
  return {
    history,
    sent: onSent,
    lastDraft: () => state.get<Draft>(LAST_DRAFT),
    saveDraft: (draft) => void state.update(LAST_DRAFT, draft),
    preflight: (draft, facts) =>
      withoutHostSwitch(facts, preflight(
        {
          region: draft.region,
          from: draft.from,
          fromName: draft.fromName,
          to: draft.to,
          cc: draft.cc,
          bcc: draft.bcc,
          replyTo: draft.replyTo,
          configurationSet: draft.configurationSet,
          transport: draft.transport,
          smtpHost: facts.smtp.host,
          port: draft.port,
          tls: facts.smtp.tls,
          passwordShape: facts.smtp.passwordShape,
          headerFrom: facts.headerFrom,
          bodyBytes: facts.bodyBytes,
        },
        {
          identities: facts.loaded ? facts.identities : undefined,
          otherRegions: facts.otherRegions,
          account: facts.account,
          configurationSets: facts.loaded ? facts.configurationSets : undefined,
          hasSmtpCredentials: facts.smtp.hasCredentials,
        },
      )),
    explain: (failure, draft, facts) => {
      const d = diagnose(failure, diagnosisContext(draft, facts, ctx.api().connection.profile || undefined));
      const [finding] = withoutHostSwitch(facts, [{ kind: d.kind, severity: 'error', willReject: true, title: d.title, explanation: d.explanation, fixes: d.fixes }]);
      return finding;
    },
    runFix: (fix, panel) => runFix(fix as unknown as Fix, panel),
  };
}

/** An SMTP host that is not SES's own (the local emulator, a relay) is the user's choice: no fix offers to replace it. */
function withoutHostSwitch<F extends PanelFinding>(facts: RegionFacts, findings: F[]): F[] {
  if (smtpHostRegion(facts.smtp.host)) return findings;
  return findings.map((f) => ({ ...f, fixes: f.fixes.filter((fix) => fix.type !== 'use-smtp-host') }));
}
