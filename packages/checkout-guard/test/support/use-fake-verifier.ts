import { afterAll, beforeAll } from 'vitest';
import {
  createVerifierKeys,
  verifyOrderToken,
  type OrderTokenClaims,
  type VerifierKeys,
  type VerifyOrderTokenOptions,
} from '../../src/index.js';
import { FakeVerifier } from './fake-verifier.js';
import { createTestKey, type TestAlgorithm, type TestKey } from './keys.js';
import { AUDIENCE, ISSUER, ORDER } from './tokens.js';

export interface FakeVerifierFixture {
  readonly verifier: FakeVerifier;
  /** The ES256 key the verifier publishes. Read it inside tests or hooks, not while the suite is collected. */
  readonly key: TestKey;
  /** A JWKS cache for the verifier, as a checkout server creates it. Read it inside tests or hooks. */
  readonly keys: VerifierKeys;
  /** verifyOrderToken() with ISSUER, AUDIENCE, ORDER and `keys`; `options` replace any of these. */
  verify(token: string, options?: Partial<VerifyOrderTokenOptions>): Promise<OrderTokenClaims>;
  /** Creates another test key and adds it to the verifier's JWKS (call it from a beforeAll). */
  publish(alg: TestAlgorithm, kid: string): Promise<TestKey>;
}

/**
 * Registers hooks that start a FakeVerifier publishing one ES256 test key (kid "k1" unless given) before the
 * suite and stop it after. `verifier` and `verify` can be used at once; `key` and `keys` are set by the beforeAll.
 */
export function useFakeVerifier({ kid = 'k1' }: { kid?: string } = {}): FakeVerifierFixture {
  const verifier = new FakeVerifier();
  let key: TestKey | undefined;
  let keys: VerifierKeys | undefined;

  beforeAll(async () => {
    key = await createTestKey('ES256', kid);
    await verifier.start();
    verifier.keys = [key.publicJwk];
    keys = createVerifierKeys(verifier.url);
  });
  afterAll(() => verifier.stop());

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useFakeVerifier: ${name} is only set once its beforeAll has run`);
    return value;
  };
  const fixture: FakeVerifierFixture = {
    verifier,
    get key() {
      return ready(key, 'key');
    },
    get keys() {
      return ready(keys, 'keys');
    },
    verify: (token, options = {}) =>
      verifyOrderToken(token, { issuer: ISSUER, audience: AUDIENCE, order: ORDER, keys: fixture.keys, ...options }),
    async publish(alg, publishedKid) {
      const published = await createTestKey(alg, publishedKid);
      verifier.keys.push(published.publicJwk);
      return published;
    },
  };
  return fixture;
}
