import * as assert from 'node:assert';
import { pollReview, type ReviewState } from '../../../src/production/review';

const pending: ReviewState = { status: 'PENDING', caseId: '42', productionAccess: false };
const granted: ReviewState = { status: 'GRANTED', caseId: '42', productionAccess: true };

function script(answers: (ReviewState | Error)[]) {
  const sleeps: number[] = [];
  let calls = 0;
  return {
    sleeps,
    sleep: async (ms: number) => void sleeps.push(ms),
    read: async () => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

describe('Polling a production access review', () => {
  it('backs off while PENDING and stops once GRANTED, reporting each change', async () => {
    const s = script([pending, pending, pending, granted]);
    const seen: ReviewState[] = [];
    const outcome = await pollReview(s.read, (state) => seen.push(state), { sleep: s.sleep, initialDelayMs: 1000, maxDelayMs: 3000 });
    assert.deepStrictEqual(outcome, { settled: true, state: granted });
    assert.deepStrictEqual(s.sleeps, [1000, 2000, 3000, 3000]);
    assert.deepStrictEqual(seen, [pending, granted]);
  });

  it('stops on DENIED too, and retries through errors on the same schedule', async () => {
    const denied: ReviewState = { status: 'DENIED', caseId: '42', productionAccess: false };
    const s = script([new Error('throttled'), pending, denied]);
    const outcome = await pollReview(s.read, () => undefined, { sleep: s.sleep, initialDelayMs: 10, maxDelayMs: 1000 });
    assert.deepStrictEqual(outcome, { settled: true, state: denied });
    assert.deepStrictEqual(s.sleeps, [10, 20, 40]);
  });

  it('ends when cancelled', async () => {
    const abort = new AbortController();
    const s = script([pending]);
    let reads = 0;
    const outcome = await pollReview(async () => {
      if (++reads === 3) abort.abort();
      return s.read();
    }, () => undefined, { sleep: s.sleep, signal: abort.signal });
    assert.deepStrictEqual(outcome, { settled: false, reason: 'cancelled' });
    assert.strictEqual(reads, 3);
  });
});
