import * as assert from 'node:assert';
import { redactTranscript } from '../../../src/sending/transcript';

// SES's published password vector and a key id of the real shape: the lines below are what a server receives,
// with none of the masking nodemailer applies to its own log.
const username = 'AKIAIOSFODNN7EXAMPLE';
const password = 'BMPPgbAHoFVbze1Ud0oA5uNdXRwUXUZ+qOwphGJbl/cS';
const credentials = { username, password };
const b64 = (s: string) => Buffer.from(s).toString('base64');
const plainBlob = b64(`\0${username}\0${password}`);

/** Every form of the credentials that must never reach the output channel. */
const forbidden = [password, b64(password), b64(password).replace(/=+$/, ''), plainBlob, plainBlob.replace(/=+$/, ''), b64(username), b64(username).replace(/=+$/, '')];

function assertClean(lines: string[]): void {
  const text = lines.join('\n');
  for (const form of forbidden) assert.ok(!text.includes(form), `the transcript holds ${form}`);
}

const greeting = ['S: 220 email-smtp.amazonaws.com ESMTP SimpleEmailService', 'C: EHLO [127.0.0.1]', 'S: 250-email-smtp.amazonaws.com', 'S: 250 AUTH PLAIN LOGIN'];
const envelope = ['C: MAIL FROM:<sender@example.com>', 'S: 250 Ok', 'C: RCPT TO:<success@simulator.amazonses.com>', 'S: 250 Ok'];

describe('redactTranscript', () => {
  it('redacts AUTH PLAIN with its initial response, keeping the mechanism and the 235', () => {
    const out = redactTranscript([...greeting, `C: AUTH PLAIN ${plainBlob}`, 'S: 235 Authentication successful', ...envelope], credentials);
    assert.deepStrictEqual(out, [...greeting, 'C: AUTH PLAIN [redacted]', 'S: 235 Authentication successful', ...envelope]);
    assertClean(out);
  });

  it('redacts AUTH PLAIN whose credentials follow a 334, and keeps the 535', () => {
    const out = redactTranscript(['C: AUTH PLAIN', 'S: 334 ', `C: ${plainBlob}`, 'S: 535 Authentication Credentials Invalid', 'C: QUIT'], credentials);
    assert.deepStrictEqual(out, ['C: AUTH PLAIN', 'S: 334 [redacted]', 'C: [redacted]', 'S: 535 Authentication Credentials Invalid', 'C: QUIT']);
    assertClean(out);
  });

  it('redacts AUTH LOGIN: both challenges and both base64 replies, up to the 235', () => {
    const raw = [...greeting, 'C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', `C: ${b64(username)}`, 'S: 334 UGFzc3dvcmQ6', `C: ${b64(password)}`, 'S: 235 Authentication successful', ...envelope];
    const out = redactTranscript(raw, credentials);
    assert.deepStrictEqual(out, [
      ...greeting,
      'C: AUTH LOGIN',
      'S: 334 [redacted]',
      'C: [redacted]',
      'S: 334 [redacted]',
      'C: [redacted]',
      'S: 235 Authentication successful',
      ...envelope,
    ]);
    assertClean(out);
  });

  it('redacts AUTH LOGIN with the user name inline, and ends the exchange at a 535', () => {
    const out = redactTranscript([`C: AUTH LOGIN ${b64(username)}`, 'S: 334 UGFzc3dvcmQ6', `C: ${b64(password)}`, 'S: 535 Authentication Credentials Invalid', 'C: QUIT', 'S: 221 Bye'], credentials);
    assert.deepStrictEqual(out, ['C: AUTH LOGIN [redacted]', 'S: 334 [redacted]', 'C: [redacted]', 'S: 535 Authentication Credentials Invalid', 'C: QUIT', 'S: 221 Bye']);
  });

  it('redacts an exchange the client cancels with "*"', () => {
    const out = redactTranscript(['C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', 'C: *', 'S: 501 Authentication aborted', ...envelope], credentials);
    assert.deepStrictEqual(out, ['C: AUTH LOGIN', 'S: 334 [redacted]', 'C: [redacted]', 'S: 501 Authentication aborted', ...envelope]);
  });

  it('blanks the credentials anywhere else, in library notes and server text alike', () => {
    const out = redactTranscript(
      [`Error: login as ${username} with ${password} failed`, `S: 535 rejected ${b64(password)}`, `AUTH PLAIN ${plainBlob}`, `decoded ${b64(username)}`, `C: ${b64(password).replace(/=+$/, '')}`],
      credentials,
    );
    assertClean(out);
    assert.strictEqual(out[0], `Error: login as ${username} with [redacted] failed`, 'the key id alone is not a secret');
    assert.strictEqual(out[2], 'AUTH PLAIN [redacted]');
  });

  it('blanks the PLAIN blob with an authorization identity too', () => {
    const withAuthzid = b64(`${username}\0${username}\0${password}`);
    assertClean(redactTranscript([`note ${withAuthzid}`], credentials));
    assert.deepStrictEqual(redactTranscript([`note ${withAuthzid}`], credentials), ['note [redacted]']);
  });

  it('leaves lines outside AUTH alone, and does not blank a very short password all over the transcript', () => {
    const out = redactTranscript([...envelope, 'C: AUTH PLAIN AGFiAGFi', 'S: 235 Authentication successful', 'C: DATA'], { username: 'ab', password: 'ab' });
    assert.deepStrictEqual(out, [...envelope, 'C: AUTH PLAIN [redacted]', 'S: 235 Authentication successful', 'C: DATA']);
  });
});
