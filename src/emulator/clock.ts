/** Time as the emulator sees it. Injected so quota, review and expiry tests move time instead of sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests drive by hand. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(epochMs: number): void;
}

export function manualClock(start = Date.UTC(2025, 0, 15, 12, 0, 0)): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (epochMs) => {
      current = epochMs;
    },
  };
}

/** Wraps any clock with an offset the control endpoint can push forward (e.g. "skip 24 hours" while running). */
export class ShiftableClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  resetOffset(): void {
    this.offsetMs = 0;
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
