import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const run = (args: string[], input?: string) =>
  spawnSync(tsx, ['src/diagnosis/cli.ts', ...args], { cwd: root, input, encoding: 'utf8', timeout: 30_000 });

describe('diagnosis: explain in the terminal', () => {
  it('--json with a context file prints {kind,title,explanation,fixes} and never the password', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explain-'));
    const file = join(dir, 'context.json');
    const password = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    writeFileSync(file, JSON.stringify({ password, smtpHost: 'email-smtp.eu-west-1.amazonaws.com' }));
    const result = run(['--json', '--context', file, 'Invalid login: 535 Authentication Credentials Invalid']);
    assert.equal(result.status, 0, result.stderr);
    const answer = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(answer), ['kind', 'title', 'explanation', 'fixes']);
    assert.equal(answer.kind, 'iam-secret-as-smtp-password');
    assert.ok(!result.stdout.includes(password));
    assert.deepEqual((answer.fixes as unknown[])[0], { type: 'derive-smtp-password', label: 'Create the SMTP password for eu-west-1', region: 'eu-west-1' });
  });

  it('reads the failure from standard input and prints readable text', () => {
    const result = run([], 'postfix/smtp[1]: connect to email-smtp.us-east-1.amazonaws.com[52.0.0.1]:25: Connection timed out\n');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Port 25 is blocked on the way to SES/);
    assert.match(result.stdout, /What to do:\n  - Use port 587 with STARTTLS/);
    assert.match(result.stdout, /\(smtp-port-blocked\)\s*$/);
  });

  it('an empty argument or empty standard input prints the usage to stderr and exits 2', () => {
    for (const result of [run(['']), run(['--', '  ']), run([], ''), run([], '\n  \n'), run(['--json'], '')]) {
      assert.equal(result.status, 2, result.stdout);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /Usage: npm run --silent explain/);
      assert.doesNotMatch(result.stderr, /Not recognised/);
    }
  });

  it('exits 1 for text that is not an SES failure, 2 for a bad context file', () => {
    assert.equal(run(['TypeError: x is not a function']).status, 1);
    const bad = run(['--context', '/nonexistent/context.json', '535 Authentication Credentials Invalid']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Cannot read the context file/);
  });

  it('refuses a context field it does not know, or of the wrong shape, saying which', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explain-'));
    const typo = join(dir, 'typo.json');
    writeFileSync(typo, JSON.stringify({ sandbox: true }));
    const unknown = run(['--context', typo, '535 Authentication Credentials Invalid']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown field "sandbox"/);
    const shape = join(dir, 'shape.json');
    writeFileSync(shape, JSON.stringify({ region: 'us-east-1', verifiedIdentities: 'nope' }));
    const wrong = run(['--context', shape, '535 Authentication Credentials Invalid']);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /"verifiedIdentities" must be an object of region → list of identities/);
  });

  it('takes productionAccess at its word: a recipient checked in a region said to be in production means it is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explain-'));
    const file = join(dir, 'context.json');
    writeFileSync(file, JSON.stringify({ region: 'us-east-1', from: 'sender@example.com', to: 'bob@x.com', verifiedIdentities: { 'us-east-1': ['sender@example.com'] }, productionAccess: { 'us-east-1': true } }));
    const result = run(['--json', '--context', file, '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: bob@x.com']);
    const answer = JSON.parse(result.stdout) as { kind: string; explanation: string };
    assert.equal(answer.kind, 'sandbox-recipient-not-verified');
    assert.match(answer.explanation, /^You said us-east-1 has production access, but SES checked a recipient/);
  });
});
