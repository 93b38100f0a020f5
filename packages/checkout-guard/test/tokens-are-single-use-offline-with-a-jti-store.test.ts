/**
 * Single use without the verifier (offline mode): with a `jtiStore` the guard claims each token's jti once in
 * that store instead of redeeming it online; a replay is `already_redeemed`, a store that cannot answer refuses
 * the order (fail closed). RFC 8725 3.10 / RFC 7519 4.1.7 (jti replay); OWASP ASVS 5.0 V9.2 (one-time tokens).
 * The default stays online redemption.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryJtiStore, createOrderGuard, JtiStoreFullError, type JtiStore } from '../src/index.js';
import { SECRET_KEY } from './support/fake-verifier.js';
import { refusal } from './support/refusal.js';
import { AUDIENCE, goodClaims, ORDER, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('offline single use with a JtiStore', () => {
  const fx = useFakeVerifier();
  const { verifier } = fx;
  beforeEach(() => {
    verifier.redemptionRequests = [];
  });

  const token = (claims: Record<string, unknown> = {}) =>
    signToken(fx.key, { claims: goodClaims({ iss: verifier.issuer, ...claims }) });
  const offlineGuard = (jtiStore: JtiStore) =>
    createOrderGuard({ verifierUrl: verifier.url, audience: AUDIENCE, jtiStore });

  it('accepts a token once and refuses its replay as already_redeemed, without calling the verifier', async () => {
    const guard = offlineGuard(createMemoryJtiStore());
    const t = await token();
    await expect(guard.accept(t, ORDER)).resolves.toMatchObject({ order: ORDER });
    const replay = await refusal(guard.accept(t, ORDER));
    expect(replay.code).toBe('already_redeemed');
    expect(replay.status).toBe(409);
    expect(verifier.redemptionRequests).toHaveLength(0);
  });

  it('lets exactly one of many concurrent accepts of one token through', async () => {
    const guard = offlineGuard(createMemoryJtiStore());
    const t = await token();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => guard.accept(t, ORDER)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  });

  it('still verifies the token first: one for another order is refused and never claims its jti', async () => {
    const claimed: string[] = [];
    const guard = offlineGuard({
      claimOnce: async (jti) => {
        claimed.push(jti);
        return true;
      },
    });
    const other = await token({ order: { ...ORDER, amount: 1 } });
    expect((await refusal(guard.accept(other, ORDER))).code).toBe('order_mismatch');
    expect(claimed).toEqual([]);
  });

  it('asks the store to remember the jti until exp plus the clock tolerance', async () => {
    const seen: [string, number][] = [];
    const guard = createOrderGuard({
      verifierUrl: verifier.url,
      audience: AUDIENCE,
      clockToleranceSeconds: 45,
      jtiStore: {
        claimOnce: async (jti, expiresAt) => {
          seen.push([jti, expiresAt]);
          return true;
        },
      },
    });
    const claims = goodClaims({ iss: verifier.issuer });
    await guard.accept(await signToken(fx.key, { claims }), ORDER);
    expect(seen).toEqual([[claims.jti, (claims.exp as number) + 45]]);
  });

  it('fails closed with verifier_unavailable when the store cannot answer', async () => {
    const guard = offlineGuard({
      claimOnce: () => Promise.reject(new Error('redis down')),
    });
    const error = await refusal(guard.accept(await token(), ORDER));
    expect(error.code).toBe('verifier_unavailable');
    expect(error.status).toBe(503);
  });

  it('keeps the online redemption as the default', async () => {
    const guard = createOrderGuard({ verifierUrl: verifier.url, audience: AUDIENCE, secretKey: SECRET_KEY });
    await guard.accept(await token(), ORDER);
    expect(verifier.redemptionRequests).toHaveLength(1);
  });

  it('refuses a configuration with neither a secret key nor a jti store, or a store without claimOnce', () => {
    expect(() => createOrderGuard({ verifierUrl: verifier.url, audience: AUDIENCE } as never)).toThrow(TypeError);
    expect(() =>
      createOrderGuard({ verifierUrl: verifier.url, audience: AUDIENCE, jtiStore: {} as unknown as JtiStore }),
    ).toThrow(/claimOnce/);
  });
});

describe('the in-memory JtiStore', () => {
  it('claims once, forgets an entry only after it expires, and stays bounded', async () => {
    let now = Date.parse('2030-01-01T12:00:00Z');
    const store = createMemoryJtiStore({ maxEntries: 2, now: () => now });
    const exp = now / 1000 + 300;
    expect(await store.claimOnce('a', exp)).toBe(true);
    expect(await store.claimOnce('a', exp)).toBe(false);
    expect(await store.claimOnce('b', exp + 10)).toBe(true);
    // Full of live ids: refuse rather than forget one that could then be replayed.
    await expect(store.claimOnce('c', exp)).rejects.toBeInstanceOf(JtiStoreFullError);
    expect(await store.claimOnce('a', exp)).toBe(false);
    // Once "a" has expired its slot is free again; "b" is still remembered.
    now = (exp + 1) * 1000;
    expect(await store.claimOnce('c', exp + 300)).toBe(true);
    expect(await store.claimOnce('b', exp + 10)).toBe(false);
  });

  it('refuses nonsense arguments', async () => {
    const store = createMemoryJtiStore();
    await expect(store.claimOnce('', 1)).rejects.toThrow(TypeError);
    await expect(store.claimOnce('x', Number.NaN)).rejects.toThrow(TypeError);
    expect(() => createMemoryJtiStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});
