import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSIS_KINDS, diagnose, type DiagnosisContext, type DiagnosisKind } from '../../../src/diagnosis';

interface CorpusCase {
  kind: DiagnosisKind;
  source: string;
  text?: string;
  error?: Record<string, unknown>;
  context?: DiagnosisContext;
}

const read = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { cases: CorpusCase[] }).cases;
/** The shared corpus, and the cases an audit of the diagnosis found misdiagnosed. */
const corpus = [...read(join(__dirname, '../../corpus/failures.json')), ...read(join(__dirname, 'corpus/audit.json'))];

/** An error object as nodemailer or the AWS SDK throws it: a real Error carrying the listed fields. */
function toFailure(entry: CorpusCase): unknown {
  if (entry.text !== undefined) return entry.text;
  const error = new Error(String(entry.error?.message ?? ''));
  Object.assign(error, entry.error);
  return error;
}

describe('diagnosis: corpus of failures as people meet them', () => {
  it('covers every kind at least three times, from at least two different sources', () => {
    for (const kind of DIAGNOSIS_KINDS) {
      const cases = corpus.filter((c) => c.kind === kind);
      assert.ok(cases.length >= 3, `${kind}: ${cases.length} cases`);
      assert.ok(new Set(cases.map((c) => c.source)).size >= 2, `${kind}: one source only`);
    }
  });

  for (const entry of corpus) {
    const label = (entry.text ?? String(entry.error?.message ?? '')).replace(/\s+/g, ' ').slice(0, 70);
    it(`${entry.kind} ← ${entry.source}: "${label}"`, () => {
      const diagnosis = diagnose(toFailure(entry), entry.context);
      assert.equal(diagnosis.kind, entry.kind, `${diagnosis.kind}: ${diagnosis.title}`);
      assert.ok(diagnosis.title.length > 5);
      assert.ok(diagnosis.explanation.length > 40);
      if (entry.context?.password) {
        const output = JSON.stringify(diagnosis);
        assert.ok(!output.includes(entry.context.password), 'the password must never appear in the answer');
      }
    });
  }
});
