import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DIAGNOSIS_KINDS, diagnose } from '../../../src/diagnosis';

const FRAGMENTS = [
  '554 Message rejected: ', 'Email address is not verified. ', 'The following identities failed the check in region ', 'EU-WEST-1: ',
  'a@b.example', ', ', '...', '535 Authentication Credentials Invalid', 'wrong version number', 'email-smtp.us-east-1.amazonaws.com',
  ':465', 'Greeting never received', 'ETIMEDOUT', 'Illegal address', 'Configuration set <x> does not exist', 'is not authorized to perform',
  'ses:SendRawEmail', 'Daily message quota exceeded', '(in reply to end of DATA command)', 'to=<', '>', 'from=<', '\n', '"', "'", '`',
];

const kinds = new Set<string>(DIAGNOSIS_KINDS);

function check(failure: unknown, context?: unknown): void {
  const d = diagnose(failure, context as never);
  assert.ok(kinds.has(d.kind), `kind ${d.kind}`);
  assert.equal(typeof d.title, 'string');
  assert.equal(typeof d.explanation, 'string');
  assert.ok(Array.isArray(d.fixes));
  for (const fix of d.fixes) assert.equal(typeof fix.label, 'string');
}

describe('diagnosis: never throws, always answers a kind of the list', () => {
  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => check(text)), { numRuns: 500 });
  });
  it('text built from SES fragments, with arbitrary contexts', () => {
    const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, fc.anything(), (t, context) => check(t, context)), { numRuns: 500 });
  });
  it('arbitrary values and objects, as failure and as context', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true }), fc.anything(), (failure, context) => check(failure, context)), { numRuns: 500 });
  });
  it('error-shaped objects with odd field types', () => {
    const errorLike = fc.record(
      {
        name: fc.oneof(fc.string(), fc.constantFrom('MessageRejected', 'AccessDeniedException', 'Error'), fc.integer()),
        message: fc.oneof(fc.string(), fc.constant(undefined), fc.integer()),
        code: fc.oneof(fc.string(), fc.constantFrom('EAUTH', 'ESOCKET', 'ETIMEDOUT'), fc.constant(null)),
        responseCode: fc.oneof(fc.integer(), fc.string()),
        command: fc.oneof(fc.string(), fc.constant('CONN')),
        $metadata: fc.oneof(fc.object(), fc.constant(null)),
        cause: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(errorLike, (e) => check(e)), { numRuns: 500 });
  });
  it('objects whose getters throw, and cycles', () => {
    const hostile = { get message(): string { throw new Error('boom'); }, get name(): string { throw new Error('boom'); } };
    check(hostile);
    const cyclic: Record<string, unknown> = { message: '535 Authentication Credentials Invalid' };
    cyclic.cause = cyclic;
    check(cyclic);
    check(new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } }));
  });
});
