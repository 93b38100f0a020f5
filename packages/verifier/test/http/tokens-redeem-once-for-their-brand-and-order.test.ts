import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { redemptionResponseSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/config/brands.js';
import { order, verifiedToken } from '../support/api.js';
import { ACME, GLOBEX, INITECH, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

const fixture = useTestVerifier();

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('POST /v1/redemptions', () => {
  it('redeems a token once; the second time is 409 already_redeemed', async () => {
    const { token } = await verifiedToken(fixture.api, uniqueMobile());
    const first = await fixture.api.redeem(ACME.secretKey, { token });
    expect(first.status).toBe(200);
    expect(redemptionResponseSchema.parse(first.body).redeemed).toBe(true);
    expectProblem(await fixture.api.redeem(ACME.secretKey, { token }), 'already_redeemed');
    expectProblem(await fixture.api.redeem(ACME.secretKey, { token, order: order() }), 'already_redeemed');
  });

  it('concurrent redemptions of one token: exactly one succeeds', async () => {
    const { token } = await verifiedToken(fixture.api, uniqueMobile());
    const responses = await Promise.all(Array.from({ length: 5 }, () => fixture.api.redeem(ACME.secretKey, { token })));
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 200)) expectProblem(response, 'already_redeemed');
  });

  it('422 order_mismatch when the order differs in id, amount or currency; the token stays unused', async () => {
    const { token } = await verifiedToken(fixture.api, uniqueMobile());
    for (const [changed, field] of [
      [order({ id: 'order-9999' }), 'id'],
      [order({ amount: 1 }), 'amount'],
      [order({ currency: 'USD' }), 'currency'],
    ] as const) {
      const problem = expectProblem(
        await fixture.api.redeem(ACME.secretKey, { token, order: changed }),
        'order_mismatch',
      );
      expect(problem.detail).toContain(field);
    }
    expect((await fixture.api.redeem(ACME.secretKey, { token, order: order() })).status).toBe(200);
  });

  it('401 invalid_token for garbage', async () => {
    for (const token of ['garbage', 'a.b.c', 'eyJhbGciOiJFUzI1NiJ9.e30.', '...']) {
      expectProblem(await fixture.api.redeem(ACME.secretKey, { token }), 'invalid_token');
    }
  });

  it('401 invalid_token for a tampered payload (amount lowered, signature kept)', async () => {
    const { token } = await verifiedToken(fixture.api, uniqueMobile());
    const [header, , signature] = token.split('.');
    const claims = decodeJwt(token);
    const tampered = `${header}.${base64url({ ...claims, order: { ...order(), amount: 1 } })}.${signature}`;
    expectProblem(await fixture.api.redeem(ACME.secretKey, { token: tampered }), 'invalid_token');
    expect((await fixture.api.redeem(ACME.secretKey, { token })).status).toBe(200);
  });

  it('401 invalid_token for the same claims signed by a key not in the JWKS, or unsigned', async () => {
    const { token } = await verifiedToken(fixture.api, uniqueMobile());
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', typ: header.typ, kid: header.kid })
      .sign(privateKey);
    expectProblem(await fixture.api.redeem(ACME.secretKey, { token: forged }), 'invalid_token');
    const unsigned = `${base64url({ alg: 'none', typ: header.typ, kid: header.kid })}.${base64url(claims)}.`;
    expectProblem(await fixture.api.redeem(ACME.secretKey, { token: unsigned }), 'invalid_token');
  });

  it('401 invalid_token when presented with another brand’s secret key', async () => {
    const { token } = await verifiedToken(fixture.api, uniqueMobile());
    expectProblem(await fixture.api.redeem(GLOBEX.secretKey, { token }), 'invalid_token');
    expectProblem(await fixture.api.redeem(INITECH.secretKey, { token }), 'invalid_token');
    expect((await fixture.api.redeem(ACME.secretKey, { token })).status).toBe(200);
  });

  it('401 invalid_token once the token has expired (5 minutes)', async () => {
    const { token } = await verifiedToken(fixture.api, uniqueMobile());
    fixture.clock.advanceSeconds(301);
    expectProblem(await fixture.api.redeem(ACME.secretKey, { token }), 'invalid_token');
  });

  it('401 invalid_secret_key without a key, with an unknown key, a client secret, or the stored hash of the key', async () => {
    const session = await verifiedToken(fixture.api, uniqueMobile());
    for (const credential of [undefined, 'sk_test_unknown', session.clientSecret, sha256Hex(ACME.secretKey)]) {
      expectProblem(await fixture.api.redeem(credential, { token: session.token }), 'invalid_secret_key');
    }
    expect((await fixture.api.redeem(ACME.secretKey, { token: session.token })).status).toBe(200);
  });
});
