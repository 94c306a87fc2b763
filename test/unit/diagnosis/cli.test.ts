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
});
