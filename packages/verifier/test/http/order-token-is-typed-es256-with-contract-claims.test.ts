import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { ORDER_TOKEN_TYPE, tokenClaimsSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { order, verifiedToken } from '../support/api.js';
import { ACME, PUBLIC_URL } from '../support/brands.js';
import { CLOCK_START } from '../support/clock.js';
import { useTestVerifier } from '../support/fixture.js';

const fixture = useTestVerifier();

describe('the order-verified token', () => {
  it('has header alg ES256, typ order-verified+jwt and a kid published in the JWKS', async () => {
    const { token } = await verifiedToken(fixture.api, '+491701234567');
    const header = decodeProtectedHeader(token);
    expect(header).toEqual({ alg: 'ES256', typ: ORDER_TOKEN_TYPE, kid: expect.any(String) });

    const jwksResponse = await fixture.api.request('GET', '/.well-known/jwks.json');
    expect(jwksResponse.status).toBe(200);
    expect(jwksResponse.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const jwks = jwksResponse.body as JSONWebKeySet;
    const key = jwks.keys.find((candidate) => candidate.kid === header.kid);
    expect(key).toMatchObject({ kid: header.kid, alg: 'ES256', use: 'sig', kty: 'EC', crv: 'P-256' });
    for (const published of jwks.keys) expect(published).not.toHaveProperty('d');

    // A checkout server verifying with only the published JWKS accepts it.
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: PUBLIC_URL,
      audience: ACME.audience,
      typ: ORDER_TOKEN_TYPE,
      algorithms: ['ES256'],
      currentDate: new Date(CLOCK_START),
    });
    expect(payload.sub).toBeUndefined();
  });

  it('carries iss, aud, a 300 s lifetime, jti, sid, brand, order, phone_ref and amr, and not the phone number', async () => {
    const phone = '+491709876543';
    const session = await verifiedToken(fixture.api, phone, { order: order({ id: 'order-42', amount: 4999 }) });
    const claims = decodeJwt(session.token);
    expect(tokenClaimsSchema.parse(claims)).toEqual({
      iss: PUBLIC_URL,
      aud: ACME.audience,
      iat: Math.floor(fixture.clock() / 1000),
      nbf: Math.floor(fixture.clock() / 1000),
      exp: Math.floor(fixture.clock() / 1000) + 300,
      jti: expect.stringMatching(/^.{16,}$/),
      sid: session.id,
      brand: ACME.id,
      order: { id: 'order-42', amount: 4999, currency: 'EUR' },
      phone_ref: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
      amr: ['sms'],
    });
    expect(Object.keys(claims).sort()).toEqual(
      ['iss', 'aud', 'iat', 'nbf', 'exp', 'jti', 'sid', 'brand', 'order', 'phone_ref', 'amr'].sort(),
    );
    const text = Buffer.from(session.token.split('.')[1] ?? '', 'base64url').toString('utf8');
    expect(text).not.toContain('1709876543');
    expect(text).not.toContain('9876543');
  });

  it('gives every token its own jti', async () => {
    const tokens = [];
    for (let i = 0; i < 3; i += 1) tokens.push((await verifiedToken(fixture.api, '+491701234500')).token);
    expect(new Set(tokens.map((token) => decodeJwt(token).jti)).size).toBe(3);
  });
});
