import * as assert from 'node:assert';
import type { IdentityState } from '../../../src/rules/identities';
import { locate } from '../../../src/rules/find';

const ids = (...list: [string, IdentityState['type'], IdentityState['status']][]): IdentityState[] => list.map(([name, type, status]) => ({ name, type, status }));

describe('Find Identity across regions', () => {
  const regions = [
    { region: 'us-east-1', identities: ids(['Sender@example.com', 'EMAIL_ADDRESS', 'SUCCESS']) },
    { region: 'eu-west-1', identities: ids(['example.com', 'DOMAIN', 'SUCCESS']) },
    { region: 'ap-south-1', identities: ids(['sender@example.com', 'EMAIL_ADDRESS', 'PENDING']) },
    { region: 'us-west-2', identities: ids() },
    { region: 'sa-east-1', error: 'ECONNREFUSED' },
  ];

  it('says where an address is verified, pending, mis-cased, missing or unknown', () => {
    const answer = locate('sender@example.com', regions);
    assert.deepStrictEqual(answer, [
      { region: 'us-east-1', state: 'case-mismatch', identity: 'Sender@example.com' },
      { region: 'eu-west-1', state: 'verified', by: 'example.com' },
      { region: 'ap-south-1', state: 'pending', identity: 'sender@example.com' },
      { region: 'us-west-2', state: 'missing' },
      { region: 'sa-east-1', state: 'unknown', error: 'ECONNREFUSED' },
    ]);
  });

  it('finds a domain case-insensitively and a +label address through its base address', () => {
    assert.strictEqual(locate('EXAMPLE.com', regions)[1].state, 'verified');
    assert.deepStrictEqual(locate('Sender+test@example.com', regions)[0], { region: 'us-east-1', state: 'verified', by: 'Sender@example.com' });
  });
});
