import * as assert from 'node:assert/strict';
import { asMessage } from '../../../src/panel/validate';

// The page is untrusted: the host acts only on messages of the right shape.
describe('panel: messages from the Send Test Email page', () => {
  const draft = {
    region: 'eu-west-1', transport: 'smtp', from: 'a@example.com', fromName: '', to: 'b@example.com', cc: '', bcc: '', replyTo: '',
    subject: 's', bodyKind: 'text', text: 't', html: '', configurationSet: '', port: 587,
  };

  it('takes a well-formed draft, and only the fields it knows: the page cannot name a file to send', () => {
    const message = asMessage({ type: 'send', draft: { ...draft, file: 'file:///etc/passwd', extra: 1 } });
    assert.deepEqual(message, { type: 'send', draft });
  });

  it('refuses a region that is not a region code, a port out of range, an unknown transport or message', () => {
    assert.equal(asMessage({ type: 'draft', draft: { ...draft, region: 'http://evil.example/' } }), undefined);
    assert.equal(asMessage({ type: 'draft', draft: { ...draft, port: 70000 } }), undefined);
    assert.equal(asMessage({ type: 'draft', draft: { ...draft, transport: 'carrier-pigeon' } }), undefined);
    assert.equal(asMessage({ type: 'runShell', command: 'rm -rf /' }), undefined);
    assert.equal(asMessage({ type: 'fix', source: 'preflight', findingIndex: 'x', fixIndex: 0 }), undefined);
  });
});
