import { strict as assert } from 'node:assert';
import { caseMismatch, identityCovers, isCovered, type IdentityState } from '../../../src/rules/identities';

const address = (name: string, status: IdentityState['status'] = 'SUCCESS'): IdentityState => ({ name, type: 'EMAIL_ADDRESS', status });
const domain = (name: string, status: IdentityState['status'] = 'SUCCESS'): IdentityState => ({ name, type: 'DOMAIN', status });

describe('rules: which identity covers an address', () => {
  it('an address verified with its +label covers itself exactly, but not the bare address nor another case', () => {
    const tagged = address('user+tag@example.com');
    for (const covers of [(a: string) => identityCovers(tagged, a), (a: string) => isCovered([tagged], a)]) {
      assert.equal(covers('user+tag@example.com'), true);
      assert.equal(covers('user@example.com'), false);
      assert.equal(covers('User+tag@example.com'), false);
      assert.equal(covers('user+TAG@example.com'), false);
    }
  });

  it('a verified bare address still covers any +label of itself', () => {
    assert.equal(isCovered([address('user@example.com')], 'user+anything@example.com'), true);
    assert.equal(identityCovers(address('user@example.com'), 'user+anything@example.com'), true);
  });

  it('only SUCCESS covers: PENDING, FAILED, TEMPORARY_FAILURE and NOT_STARTED cover nothing', () => {
    for (const status of ['PENDING', 'FAILED', 'TEMPORARY_FAILURE', 'NOT_STARTED'] as const) {
      assert.equal(isCovered([address('user@example.com', status), domain('example.org', status)], 'user@example.com'), false, status);
      assert.equal(identityCovers(domain('example.org', status), 'a@mail.example.org'), false, status);
    }
  });

  it('domains compare without case and cover subdomains, addresses compare with case', () => {
    assert.equal(isCovered([domain('Example.org')], 'a@MAIL.example.ORG'), true);
    assert.equal(isCovered([domain('example.org')], 'a@notexample.org'), false);
    assert.equal(isCovered([address('Boss@Example.com')], 'boss@example.com'), false);
  });

  it('caseMismatch names the verified address that differs only in case, a +label identity included', () => {
    const identities = [address('User+Tag@example.com'), address('Boss@Example.com')];
    assert.equal(caseMismatch(identities, 'user+tag@example.com')?.name, 'User+Tag@example.com');
    assert.equal(caseMismatch(identities, 'boss+x@example.com')?.name, 'Boss@Example.com');
    assert.equal(caseMismatch(identities, 'User+Tag@example.com'), undefined);
    assert.equal(caseMismatch([address('user+tag@example.com', 'PENDING')], 'USER+TAG@example.com'), undefined);
  });
});
