import type { VerificationStatus } from '../rules/identities';

export interface WatchOptions {
  /** First wait; doubles up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** SES's verification link lives 24 hours; watching longer is pointless. */
  lifetimeMs?: number;
  signal?: AbortSignal;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type WatchOutcome = 'verified' | 'failed' | 'expired' | 'cancelled' | 'deleted';

const abortableSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/**
 * Polls an identity's status with exponential backoff until it is verified, fails, disappears, the link's
 * lifetime passes, or the caller cancels. Transient errors are retried on the same schedule.
 */
export async function watchUntilVerified(
  status: () => Promise<VerificationStatus | 'DELETED'>,
  options: WatchOptions = {},
): Promise<WatchOutcome> {
  const { initialDelayMs = 3000, maxDelayMs = 5 * 60_000, lifetimeMs = 24 * 3600_000, signal } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const deadline = now() + lifetimeMs;
  let delay = initialDelayMs;
  while (!signal?.aborted) {
    await sleep(Math.min(delay, Math.max(0, deadline - now())), signal);
    if (signal?.aborted) break;
    try {
      const current = await status();
      if (current === 'SUCCESS') return 'verified';
      if (current === 'FAILED') return 'failed';
      if (current === 'DELETED') return 'deleted';
    } catch {
      // A throttled or unreachable SES is no reason to stop watching.
    }
    if (now() >= deadline) return 'expired';
    delay = Math.min(delay * 2, maxDelayMs);
  }
  return 'cancelled';
}
