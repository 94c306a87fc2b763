/**
 * Faults the emulator injects so clients' retries and error handling can be tested against a real server.
 * Counts say how many of the next requests/connections are hit; -1 means every one until cleared.
 */
export interface Faults {
  /** Added to every API response. */
  latencyMs?: number;
  /** API calls answered 429 TooManyRequestsException. */
  throttle?: number;
  /** API calls answered 500 InternalFailure. */
  serverError?: number;
  /** SMTP connections closed right after accept, before the greeting. */
  dropSmtp?: number;
  /** Restricts throttle and serverError to these operation names (e.g. ["ListEmailIdentities"]). */
  operations?: string[];
  /** Restricts throttle and serverError to calls signed for these regions (one region down, the others up). */
  regions?: string[];
}

export type ApiFault = 'throttle' | 'serverError';

export class FaultInjector {
  private faults: Faults = {};

  set(faults: Faults): void {
    this.faults = { ...faults };
  }

  current(): Faults {
    return { ...this.faults };
  }

  latencyMs(): number {
    return Math.max(0, this.faults.latencyMs ?? 0);
  }

  /** Consumes one API fault for this operation in this region, if one is armed. */
  takeApiFault(operation: string, region?: string): ApiFault | undefined {
    const ops = this.faults.operations;
    if (ops && ops.length > 0 && !ops.includes(operation)) return undefined;
    const regions = this.faults.regions;
    if (regions && regions.length > 0 && (!region || !regions.includes(region))) return undefined;
    if (this.take('serverError')) return 'serverError';
    if (this.take('throttle')) return 'throttle';
    return undefined;
  }

  takeSmtpDrop(): boolean {
    return this.take('dropSmtp');
  }

  private take(kind: 'throttle' | 'serverError' | 'dropSmtp'): boolean {
    const left = this.faults[kind] ?? 0;
    if (left === 0) return false;
    if (left > 0) this.faults[kind] = left - 1;
    return true;
  }
}
