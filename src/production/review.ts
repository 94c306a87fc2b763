/** The review of a production-access request, as GetAccount reports it in `Details.ReviewDetails`. */
export type ReviewStatus = 'PENDING' | 'GRANTED' | 'DENIED' | 'FAILED';

export interface ReviewState {
  status?: string;
  caseId?: string;
  productionAccess: boolean;
}

export interface ReviewPollOptions {
  /** First wait; doubles after every unchanged answer up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type ReviewOutcome = { settled: true; state: ReviewState } | { settled: false; reason: 'cancelled' };

/** AWS answers most requests within a day: check often at first, then every five minutes. */
export const REVIEW_POLL = { initialDelayMs: 2_000, maxDelayMs: 5 * 60_000 } as const;

const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/** True while the review still waits for AWS. */
export const isPending = (state: ReviewState): boolean => state.status === 'PENDING' && !state.productionAccess;

/**
 * Polls the review with exponential backoff while it is PENDING; stops when it settles (GRANTED, DENIED,
 * FAILED, or production access appears) or the caller cancels. Every answer that differs from the previous one
 * goes to `onChange`; an answer that changed restarts the backoff. Errors are retried on the same schedule.
 */
export async function pollReview(
  read: () => Promise<ReviewState>,
  onChange: (state: ReviewState) => void,
  options: ReviewPollOptions = {},
): Promise<ReviewOutcome> {
  const initial = options.initialDelayMs ?? REVIEW_POLL.initialDelayMs;
  const max = options.maxDelayMs ?? REVIEW_POLL.maxDelayMs;
  const sleep = options.sleep ?? sleepFor;
  let delay = initial;
  let last: string | undefined;
  for (;;) {
    await sleep(delay, options.signal);
    if (options.signal?.aborted) return { settled: false, reason: 'cancelled' };
    let state: ReviewState;
    try {
      state = await read();
    } catch {
      delay = Math.min(delay * 2, max);
      continue;
    }
    if (options.signal?.aborted) return { settled: false, reason: 'cancelled' };
    const key = `${state.status}/${state.caseId}/${state.productionAccess}`;
    if (key !== last) {
      const first = last === undefined;
      last = key;
      onChange(state);
      if (!first) delay = initial;
    }
    if (!isPending(state)) return { settled: true, state };
    delay = Math.min(delay * 2, max);
  }
}
