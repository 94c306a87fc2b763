import * as assert from 'node:assert/strict';
import { GetAccountCommand, ListEmailIdentitiesCommand, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Seed } from '../../../src/emulator';
import { rejectionOf, startHarness, type Harness } from './harness';

describe('emulator: fault injection and control', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  const control = (body: unknown) =>
    fetch(`${h.emulator.info.apiEndpoint}/_emulator/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('throttling: the next calls get TooManyRequestsException, which the SDK retries with its default attempts', async () => {
    assert.equal((await control({ action: 'setFaults', faults: { throttle: 1, operations: ['ListEmailIdentities'] } })).status, 200);
    await h.ses().send(new GetAccountCommand({}));
    const error = await rejectionOf(h.ses().send(new ListEmailIdentitiesCommand({})));
    assert.equal(error.name, 'TooManyRequestsException');
    assert.equal(error.status, 429);

    await control({ action: 'setFaults', faults: { throttle: 2 } });
    const retrying = h.ses('us-east-1', { maxAttempts: 3 });
    const result = await retrying.send(new ListEmailIdentitiesCommand({}));
    assert.equal(result.$metadata.attempts, 3);
  });

  it('a fault limited to one region leaves the others answering', async () => {
    await control({ action: 'setFaults', faults: { serverError: -1, regions: ['ap-south-1'] } });
    assert.equal((await rejectionOf(h.ses('ap-south-1').send(new GetAccountCommand({})))).status, 500);
    assert.ok((await h.ses('us-east-1').send(new GetAccountCommand({}))).SendQuota);
    assert.ok((await h.ses('eu-west-1').send(new ListEmailIdentitiesCommand({}))).EmailIdentities);
  });

  it('server errors: 500 InternalFailure until cleared (-1 = every call)', async () => {
    await control({ action: 'setFaults', faults: { serverError: -1 } });
    for (let i = 0; i < 2; i++) {
      const error = await rejectionOf(h.ses().send(new GetAccountCommand({})));
      assert.equal(error.status, 500);
      assert.equal(error.name, 'InternalFailure');
    }
    await control({ action: 'clearFaults' });
    await h.ses().send(new GetAccountCommand({}));
  });

  it('latency: responses are delayed by the given milliseconds', async () => {
    await control({ action: 'setFaults', faults: { latencyMs: 300 } });
    const started = Date.now();
    await h.ses().send(new GetAccountCommand({}));
    assert.ok(Date.now() - started >= 290);
  });

  it('dropped SMTP connections: the next connection closes before the greeting, the one after works', async () => {
    await control({ action: 'setFaults', faults: { dropSmtp: 1 } });
    const error = await rejectionOf(h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
    assert.match(error.code ?? '', /^(ECONNECTION|ESOCKET|ETIMEDOUT)$/);
    const info = await h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' });
    assert.match(info.response ?? '', /^250 Ok /);
  });

  it('advanceClock moves emulator time; reset restores the seed, the clock offset and an empty mailbox', async () => {
    const before = h.emulator.now();
    const advanced = (await (await control({ action: 'advanceClock', ms: 86_400_000 })).json()) as { now: string };
    assert.equal(Date.parse(advanced.now), before + 86_400_000);
    await h.ses().send(
      new SendEmailCommand({
        FromEmailAddress: 'sender@example.com',
        Destination: { ToAddresses: ['sender@example.com'] },
        Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
      }),
    );
    assert.equal(h.emulator.messages().length, 1);
    await control({ action: 'reset' });
    assert.equal(h.emulator.messages().length, 0);
    assert.equal(h.emulator.now(), before);
    assert.equal((await h.ses().send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours, 0);
  });

  it('refuses an unknown control action with 400 and a message', async () => {
    const response = await control({ action: 'explode' });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /Unknown action/);
  });
});

describe('emulator: faults set in the seed', () => {
  const seed: Seed = {
    regions: [{ region: 'us-east-1', identities: [{ name: 'sender@example.com' }] }],
    faults: { throttle: 1, serverError: 1, dropSmtp: 1, operations: ['GetAccount'] },
  };
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(seed);
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  it('are armed from the start, hit only the named operations, and are armed again by reset', async () => {
    await h.ses().send(new ListEmailIdentitiesCommand({}));
    const first = await rejectionOf(h.ses().send(new GetAccountCommand({})));
    assert.equal(first.name, 'InternalFailure');
    assert.equal(first.status, 500);
    const second = await rejectionOf(h.ses().send(new GetAccountCommand({})));
    assert.equal(second.name, 'TooManyRequestsException');
    assert.equal(second.status, 429);
    await h.ses().send(new GetAccountCommand({}));

    const dropped = await rejectionOf(h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' }));
    assert.match(dropped.code ?? '', /^(ECONNECTION|ESOCKET|ETIMEDOUT)$/);
    const info = await h.smtp().sendMail({ from: 'sender@example.com', to: 'sender@example.com', text: 't' });
    assert.match(info.response ?? '', /^250 Ok /);

    h.emulator.control({ action: 'reset' });
    assert.equal((await rejectionOf(h.ses().send(new GetAccountCommand({})))).status, 500);
  });
});
