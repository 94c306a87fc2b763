import type { ShiftableClock } from './clock';
import type { Faults } from './faults';
import type { DnsRecord, EnforcementStatus, ReviewOutcome } from './seed';
import type { EmulatorState } from './state';

/** Requests accepted by `POST /_emulator/control` (and `RunningEmulator.control`). Documented in README.md. */
export type ControlRequest =
  | { action: 'advanceClock'; ms: number }
  | { action: 'setDns'; records: DnsRecord[]; replace?: boolean }
  | { action: 'removeDns'; name: string; type?: DnsRecord['type'] }
  | { action: 'setFaults'; faults: Faults }
  | { action: 'clearFaults' }
  | { action: 'setAccount'; region: string; account: AccountPatch }
  | { action: 'addConfigurationSet'; region: string; name: string }
  | { action: 'clearMailbox' }
  | { action: 'reset' }
  | { action: 'status' };

export interface AccountPatch {
  productionAccessEnabled?: boolean;
  sendingEnabled?: boolean;
  enforcementStatus?: EnforcementStatus;
  max24HourSend?: number;
  maxSendRate?: number;
  reviewOutcome?: ReviewOutcome;
  reviewDelayMinutes?: number;
}

export interface ControlResult {
  ok: true;
  now: string;
  faults: Faults;
  dns?: DnsRecord[];
}

export class ControlError extends Error {}

export function applyControl(state: EmulatorState, clock: ShiftableClock, request: ControlRequest): ControlResult {
  if (!request || typeof request !== 'object') throw new ControlError('Body must be a JSON object with "action"');
  switch (request.action) {
    case 'advanceClock':
      if (typeof request.ms !== 'number' || !Number.isFinite(request.ms) || request.ms < 0) throw new ControlError('"ms" must be a non-negative number');
      clock.advance(request.ms);
      break;
    case 'setDns':
      if (!Array.isArray(request.records)) throw new ControlError('"records" must be an array of {name, type, value}');
      try {
        if (request.replace) state.dns.replace(request.records);
        else state.dns.add(request.records);
      } catch (error) {
        throw new ControlError((error as Error).message);
      }
      break;
    case 'removeDns':
      state.dns.remove(request.name, request.type);
      break;
    case 'setFaults':
      state.faults.set(request.faults ?? {});
      break;
    case 'clearFaults':
      state.faults.set({});
      break;
    case 'setAccount': {
      const account = state.region(requireString(request.region, 'region')).account;
      const patch = request.account ?? {};
      if (patch.productionAccessEnabled !== undefined) account.productionAccessEnabled = patch.productionAccessEnabled;
      if (patch.sendingEnabled !== undefined) account.sendingEnabled = patch.sendingEnabled;
      if (patch.enforcementStatus !== undefined) account.enforcementStatus = patch.enforcementStatus;
      if (patch.max24HourSend !== undefined) account.max24HourSend = patch.max24HourSend;
      if (patch.maxSendRate !== undefined) account.maxSendRate = patch.maxSendRate;
      if (patch.max24HourSend !== undefined || patch.maxSendRate !== undefined) account.quotaFromSeed = true;
      if (patch.reviewOutcome !== undefined) account.reviewOutcome = patch.reviewOutcome;
      if (patch.reviewDelayMinutes !== undefined) account.reviewDelayMs = patch.reviewDelayMinutes * 60_000;
      break;
    }
    case 'addConfigurationSet':
      state.region(requireString(request.region, 'region')).configurationSets.add(requireString(request.name, 'name'));
      break;
    case 'clearMailbox':
      state.mailbox.clear();
      break;
    case 'reset':
      clock.resetOffset();
      state.reset();
      break;
    case 'status':
      return { ok: true, now: new Date(state.now()).toISOString(), faults: state.faults.current(), dns: state.dns.all() };
    default:
      throw new ControlError(`Unknown action "${(request as { action?: unknown }).action}"`);
  }
  return { ok: true, now: new Date(state.now()).toISOString(), faults: state.faults.current() };
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new ControlError(`"${name}" must be a non-empty string`);
  return value;
}
