/**
 * Single use across all checkout instances (DESIGN.md step 4; RFC 8725 3.10 replay; OWASP ASVS 5.0 V2.3.x
 * and V9.2: one-time tokens are consumed server side): redemption at the verifier answers 200 the first time
 * and 409 after; its failures map to OrderTokenError codes; it times out instead of hanging.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOrderGuard, OrderTokenError, redeemOrderToken } from '../src/index.js';
import { SECRET_KEY } from './support/fake-verifier.js';
import { createTestKey } from './support/keys.js';
import { refusal } from './support/refusal.js';
import { AUDIENCE, goodClaims, ORDER, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('redemption', () => {
  const fx = useFakeVerifier();
  const { verifier } = fx;

  beforeEach(() => {
    verifier.redemptionOverride = undefined;
    verifier.hangRedemptions = false;
    verifier.redemptionRequests = [];
  });

  const token = (claims: Record<string, unknown> = {}) =>
    signToken(fx.key, { claims: goodClaims({ iss: verifier.issuer, ...claims }) });
  const redeem = (t: string, options: { order?: typeof ORDER; secretKey?: string; timeoutMs?: number } = {}) =>
    redeemOrderToken(t, { verifierUrl: verifier.url, secretKey: SECRET_KEY, ...options });

  it('returns the claims the first time and already_redeemed after', async () => {
    const t = await token();
    const claims = await redeem(t, { order: ORDER });
    expect(claims).toMatchObject({ order: ORDER, aud: AUDIENCE });
    const again = await refusal(redeem(t, { order: ORDER }));
    expect(again.code).toBe('already_redeemed');
    expect(again.status).toBe(409);
  });

  it('sends the token and order as JSON with the secret key as a bearer credential', async () => {
    const t = await token();
    await redeem(t, { order: ORDER });
    expect(verifier.redemptionRequests).toEqual([
      { authorization: `Bearer ${SECRET_KEY}`, contentType: 'application/json', body: { token: t, order: ORDER } },
    ]);
  });

  it('makes a token single use across checkout instances, even when they redeem at the same moment', async () => {
    const t = await token();
    const instances = Array.from({ length: 4 }, () =>
      createOrderGuard({ verifierUrl: verifier.url, audience: AUDIENCE, secretKey: SECRET_KEY }),
    );
    const outcomes = await Promise.allSettled(instances.map((guard) => guard.accept(t, ORDER)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refused).toHaveLength(3);
    for (const error of refused) expect((error as OrderTokenError).code).toBe('already_redeemed');
  });

  it('maps 401 invalid_token and 422 order_mismatch from the verifier', async () => {
    const forged = await signToken(await createTestKey('ES256', fx.key.kid), {
      claims: goodClaims({ iss: verifier.issuer }),
    });
    expect((await refusal(redeem(forged))).code).toBe('invalid_token');
    const mismatch = await refusal(redeem(await token(), { order: { ...ORDER, amount: 5000 } }));
    expect(mismatch.code).toBe('order_mismatch');
    expect(mismatch.status).toBe(422);
  });

  it('reports a refused secret key as a configuration error, not as a problem with the shopper\u2019s token', async () => {
    const promise = redeem(await token(), { secretKey: 'sk_wrong' });
    await expect(promise).rejects.toThrow(/refused the secret key/);
    await expect(promise).rejects.not.toBeInstanceOf(OrderTokenError);
  });

  it('refuses a publishable id passed as the secret key before any request', async () => {
    await expect(redeem(await token(), { secretKey: 'brand-a' })).rejects.toThrow(TypeError);
    expect(verifier.redemptionRequests).toHaveLength(0);
  });

  it.each([500, 502, 503, 429])('maps a %i answer to verifier_unavailable', async (status) => {
    verifier.redemptionOverride = { status, code: 'internal_error' };
    const error = await refusal(redeem(await token()));
    expect(error.code).toBe('verifier_unavailable');
    expect(error.status).toBe(503);
  });

  it('times out with verifier_unavailable when the verifier does not answer', async () => {
    verifier.hangRedemptions = true;
    const error = await refusal(redeem(await token(), { timeoutMs: 200 }));
    expect(error.code).toBe('verifier_unavailable');
    expect(error.message).toMatch(/in time/);
    expect(verifier.redemptionRequests).toHaveLength(1);
  });

  it('maps a verifier that cannot be reached to verifier_unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await refusal(
      redeemOrderToken(await token(), { verifierUrl: `http://127.0.0.1:${port}`, secretKey: SECRET_KEY }),
    );
    expect(error.code).toBe('verifier_unavailable');
  });

  it('maps a 200 that is not a redemption to verifier_unavailable', async () => {
    const fetch = (async () =>
      new Response(JSON.stringify({ ok: true }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })) as typeof globalThis.fetch;
    const error = await refusal(
      redeemOrderToken(await token(), { verifierUrl: verifier.url, secretKey: SECRET_KEY, fetch }),
    );
    expect(error.code).toBe('verifier_unavailable');
  });

  it('refuses a missing or malformed token without calling the verifier', async () => {
    for (const t of ['', 'not-a-jwt', undefined as unknown as string]) {
      expect((await refusal(redeem(t))).code).toBe('invalid_token');
    }
    expect(verifier.redemptionRequests).toHaveLength(0);
  });
});
