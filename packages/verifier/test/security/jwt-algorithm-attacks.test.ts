/**
 * Attacker test 10: JWT algorithm attacks on the order-verified token.
 *
 * - RFC 8725 2.1 / 3.1 (weak signatures and algorithm verification): the verifier, not the token, picks the
 *   algorithm; `alg: none` (and its case variant `noNE`) is never accepted.
 * - RFC 8725 2.1 / 3.1 (algorithm confusion): an HS256 token whose HMAC secret is the verifier's *public* key,
 *   as the JWK JSON, the SPKI PEM or the SPKI DER, is refused: a public key is never used as an HMAC secret.
 * - RFC 7515 5.2 / OWASP ASVS 5.0 V9.1.1 (token integrity): a payload changed under a kept signature is refused.
 *
 * Each forgery starts from a genuine token obtained through the real flow (session, SMS to the dev inbox,
 * check) and is presented where it would be used: POST /v1/redemptions with the brand's secret key (401
 * invalid_token) and checkout-guard's verifyOrderToken against the verifier's real JWKS.
 */
import type { JsonWebKey } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifiedToken } from '../support/api.js';
import { ACME, uniqueMobile } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import type { CheckoutGuardView } from '../support/jwt-forgery.js';
import { checkoutGuard, hs256, parts, publishedKeys, segment } from '../support/jwt-forgery.js';
import { expectProblem } from '../support/problem.js';

let fixture: VerifierFixture;
let guard: CheckoutGuardView;
let genuine: string;
let publicJwk: JWK;

beforeAll(async () => {
  fixture = await startTestVerifier();
  guard = checkoutGuard(fixture);
  genuine = (await verifiedToken(fixture.api, uniqueMobile())).token;
  const kid = parts(genuine).header.kid;
  const key = (await publishedKeys(fixture)).keys.find((candidate) => candidate.kid === kid);
  if (key === undefined) throw new Error('the genuine token’s kid is not in the JWKS');
  publicJwk = key;
});
afterAll(() => fixture.dispose());

/** The forged token is refused by the verifier's redemption and by checkout-guard, both as invalid_token. */
async function expectRefusedEverywhere(forged: string): Promise<void> {
  expectProblem(await fixture.api.redeem(ACME.secretKey, { token: forged }), 'invalid_token');
  expect((await guard.refusal(forged)).code).toBe('invalid_token');
}

describe('JWT algorithm attacks (RFC 8725 3.1)', () => {
  it('the genuine token passes checkout-guard (control: the refusals below are about the forgery)', async () => {
    await expect(guard.verify(genuine)).resolves.toMatchObject({ brand: ACME.id });
  });

  it.each(['none', 'noNE', 'None', 'NONE'])('refuses alg "%s" with an empty or a kept signature', async (alg) => {
    const { header, payload, signature } = parts(genuine);
    const unsigned = `${segment({ ...header, alg })}.${segment(payload)}`;
    await expectRefusedEverywhere(`${unsigned}.`);
    await expectRefusedEverywhere(`${unsigned}.${signature}`);
  });

  it('refuses HS256 signed with the public key as JWK JSON', async () => {
    const { header, payload } = parts(genuine);
    for (const secret of [
      JSON.stringify(publicJwk),
      JSON.stringify({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y }),
    ]) {
      await expectRefusedEverywhere(hs256(header, payload, secret));
    }
  });

  it('refuses HS256 signed with the public key as SPKI PEM and as SPKI DER', async () => {
    const { header, payload } = parts(genuine);
    const publicKey = createPublicKey({ key: publicJwk as JsonWebKey, format: 'jwk' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const der = publicKey.export({ type: 'spki', format: 'der' });
    for (const secret of [pem, pem.trim(), der]) await expectRefusedEverywhere(hs256(header, payload, secret));
  });

  it('refuses a tampered payload (amount lowered, signature kept)', async () => {
    const { header, payload, signature } = parts(genuine);
    const order = payload.order as { amount: number };
    const cheaper = { ...payload, order: { ...order, amount: 1 } };
    await expectRefusedEverywhere(`${segment(header)}.${segment(cheaper)}.${signature}`);
  });

  it('still redeems the genuine token afterwards: no forgery consumed or broke it', async () => {
    expect((await fixture.api.redeem(ACME.secretKey, { token: genuine })).status).toBe(200);
  });
});
