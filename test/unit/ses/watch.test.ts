import * as assert from 'node:assert';
import { watchUntilVerified } from '../../../src/ses/watch';

/** A virtual clock: sleeping advances time instantly, so a 24-hour watch runs in milliseconds. */
function virtualTime() {
  let now = 0;
  const sleeps: number[] = [];
  return { now: () => now, sleeps, sleep: async (ms: number) => { sleeps.push(ms); now += ms; } };
}

describe('Watching an identity until it is verified', () => {
  it('backs off exponentially and reports verified once SES says SUCCESS', async () => {
    const time = virtualTime();
    const answers = ['PENDING', 'PENDING', 'PENDING', 'SUCCESS'] as const;
    let calls = 0;
    const outcome = await watchUntilVerified(async () => answers[calls++], { ...time, initialDelayMs: 1000, maxDelayMs: 3000 });
    assert.strictEqual(outcome, 'verified');
    assert.deepStrictEqual(time.sleeps, [1000, 2000, 3000, 3000]);
  });

  it('gives up when the 24-hour link lifetime has passed', async () => {
    const time = virtualTime();
    const outcome = await watchUntilVerified(async () => 'PENDING', { ...time, initialDelayMs: 60_000, maxDelayMs: 3600_000 });
    assert.strictEqual(outcome, 'expired');
    assert.strictEqual(time.now(), 24 * 3600_000);
  });

  it('keeps watching through transient errors and stops when cancelled', async () => {
    const controller = new AbortController();
    let calls = 0;
    const outcome = await watchUntilVerified(
      async () => {
        calls++;
        if (calls === 1) throw new Error('TooManyRequestsException');
        if (calls === 3) controller.abort();
        return 'PENDING';
      },
      { initialDelayMs: 1, maxDelayMs: 2, signal: controller.signal },
    );
    assert.strictEqual(outcome, 'cancelled');
    assert.strictEqual(calls, 3);
  });

  it('reports a deleted identity and a failed one', async () => {
    assert.strictEqual(await watchUntilVerified(async () => 'DELETED', { initialDelayMs: 1 }), 'deleted');
    assert.strictEqual(await watchUntilVerified(async () => 'FAILED', { initialDelayMs: 1 }), 'failed');
  });
});
