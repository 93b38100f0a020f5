/**
 * Attacker test 11: JWT context attacks. A token that is validly signed but used out of its context, or that
 * tries to choose its own key, is refused by POST /v1/redemptions (401 invalid_token, 409 for a replay) and by
 * checkout-guard.
 *
 * - RFC 8725 3.11 (explicit typing): another kind of JWT signed by the same key (wrong `typ`) is refused.
 * - RFC 8725 3.9 (audience) and 3.8 (issuer): brand A's token presented with brand B's secret key, or a token
 *   of another issuer, is refused. OWASP ASVS 5.0 V9.2.3 (audience), V9.2.4 (issuer).
 * - RFC 7519 4.1.4 / 4.1.5, ASVS V9.2.1: an expired token (clock moved on) and a token not valid yet
 *   (`nbf` in the future) are refused.
 * - RFC 7519 4.1.7 / RFC 8725 3.10: a replayed jti is refused (409 already_redeemed).
 * - RFC 8725 3.10 (do not trust received claims), ASVS V9.1.3 (keys only from the trusted JWKS): an unknown kid,
 *   a kid carrying a path (`../../etc/passwd`) or SQL (`' OR 1=1 --`), and `jku`, `x5u` or `jwk` headers that
 *   point at or carry the attacker's key (the token signed with that key) are all refused.
 * - RFC 7519 1 / RFC 8725 2.1: only the JWS compact serialisation is a JWT; the JSON serialisation is refused.
 *
 * Where a test needs a token signed by the verifier's own key (wrong typ, iss, nbf), it reads the private key
 * from the verifier's data directory, standing for any other token the same key might sign.
 */
import { exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { order, verifiedToken } from '../support/api.js';
import { ACME, GLOBEX, uniqueMobile } from '../support/brands.js';
import { CLOCK_START } from '../support/clock.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import type { CheckoutGuardView } from '../support/jwt-forgery.js';
import { checkoutGuard, hs256, parts, sign, verifierPrivateKey } from '../support/jwt-forgery.js';
import { expectProblem } from '../support/problem.js';

let fixture: VerifierFixture;
let guard: CheckoutGuardView;
let verifierKey: CryptoKey;
let attackerKey: CryptoKey;
let attackerJwk: Record<string, unknown>;

beforeAll(async () => {
  fixture = await startTestVerifier();
  guard = checkoutGuard(fixture);
  const { token } = await verifiedToken(fixture.api, uniqueMobile());
  verifierKey = await verifierPrivateKey(fixture.dataDir, parts(token).header.kid as string);
  const attacker = await generateKeyPair('ES256', { extractable: true });
  attackerKey = attacker.privateKey;
  attackerJwk = { ...(await exportJWK(attacker.publicKey)), alg: 'ES256', use: 'sig' };
});
afterAll(() => fixture.dispose());
afterEach(() => fixture.clock.set(CLOCK_START));

/** A fresh genuine token and its parts. */
async function genuine() {
  const { token } = await verifiedToken(fixture.api, uniqueMobile());
  return { token, ...parts(token) };
}

async function expectInvalid(token: string, guardOptions: Parameters<CheckoutGuardView['refusal']>[1] = {}) {
  expectProblem(await fixture.api.redeem(ACME.secretKey, { token }), 'invalid_token');
  expect((await guard.refusal(token, guardOptions)).code).toMatch(/^(invalid_token|token_expired)$/);
}

describe('JWT context attacks', () => {
  it('refuses a token of another type signed by the verifier’s own key (RFC 8725 3.11)', async () => {
    const { header, payload } = await genuine();
    for (const typ of ['JWT', 'at+jwt', 'order-verified', undefined]) {
      const forged = await sign(payload, { ...header, typ }, verifierKey);
      await expectInvalid(forged);
    }
    // Control: the same key and claims with the right typ pass, so typ alone made the difference.
    await expect(guard.verify(await sign(payload, header, verifierKey))).resolves.toBeDefined();
  });

  it('refuses brand A’s token redeemed with brand B’s secret key, and at brand B’s checkout (RFC 8725 3.9)', async () => {
    const { token } = await genuine();
    expectProblem(await fixture.api.redeem(GLOBEX.secretKey, { token }), 'invalid_token');
    expect((await guard.refusal(token, { audience: GLOBEX.audience })).code).toBe('invalid_token');
    // Signed by the verifier's key, claiming brand B but with brand A's aud: the aud check alone refuses it.
    const { header, payload } = parts(token);
    const crossed = await sign({ ...payload, brand: GLOBEX.id, jti: `${String(payload.jti)}-x` }, header, verifierKey);
    expectProblem(await fixture.api.redeem(GLOBEX.secretKey, { token: crossed }), 'invalid_token');
    // The refusal did not burn it: its own brand still redeems it.
    expect((await fixture.api.redeem(ACME.secretKey, { token })).status).toBe(200);
  });

  it('refuses a token naming another issuer, even signed by the verifier’s key (RFC 8725 3.8)', async () => {
    const { header, payload } = await genuine();
    for (const iss of ['https://evil.test', 'https://verify.test/', 'http://verify.test']) {
      await expectInvalid(await sign({ ...payload, iss }, header, verifierKey));
    }
  });

  it('refuses an expired token by the verifier’s clock (RFC 7519 4.1.4)', async () => {
    const { token, payload } = await genuine();
    fixture.clock.set(((payload.exp as number) + 1) * 1000);
    expectProblem(await fixture.api.redeem(ACME.secretKey, { token }), 'invalid_token');
    expect((await guard.refusal(token)).code).toBe('token_expired');
  });

  it('refuses a token whose nbf is in the future (RFC 7519 4.1.5)', async () => {
    const { header, payload } = await genuine();
    const now = Math.floor(fixture.clock() / 1000);
    await expectInvalid(await sign({ ...payload, nbf: now + 120, iat: now, exp: now + 300 }, header, verifierKey));
  });

  it('refuses a replayed jti: the second redemption is 409 already_redeemed (RFC 7519 4.1.7)', async () => {
    const { token } = await genuine();
    expect((await fixture.api.redeem(ACME.secretKey, { token, order: order() })).status).toBe(200);
    expectProblem(await fixture.api.redeem(ACME.secretKey, { token, order: order() }), 'already_redeemed');
  });

  it('refuses an unknown kid and kids carrying a path or SQL, signed with the attacker’s key (RFC 8725 3.10)', async () => {
    const { header, payload } = await genuine();
    for (const kid of [
      'unknown-kid',
      '../../etc/passwd',
      '../../../../dev/null',
      "' OR 1=1 --",
      '"; DROP TABLE keys; --',
    ]) {
      await expectInvalid(await sign(payload, { ...header, kid }, attackerKey));
    }
    // The classic kid attack: a kid naming an empty file, the token HMAC-signed with the empty secret.
    for (const kid of ['../../../../dev/null', '/dev/null'])
      await expectInvalid(hs256({ ...header, kid }, payload, ''));
    // The verifier is unharmed: it still issues and redeems tokens.
    const { token } = await genuine();
    expect((await fixture.api.redeem(ACME.secretKey, { token })).status).toBe(200);
  });

  it('refuses jku, x5u and jwk headers that point at or carry the attacker’s key (RFC 8725 3.10)', async () => {
    const { header, payload } = await genuine();
    const headers = [
      { jwk: attackerJwk },
      { jwk: attackerJwk, kid: header.kid },
      { jku: 'https://evil.test/jwks.json' },
      { jku: 'https://evil.test/jwks.json', kid: 'evil-1' },
      { x5u: 'https://evil.test/cert.pem' },
      { x5c: ['MIIBszCCAVmgAwIBAgIUevil'] },
    ];
    for (const extra of headers) await expectInvalid(await sign(payload, { ...header, ...extra }, attackerKey));
  });

  it('refuses the JWS JSON serialisation of a genuine token (RFC 7519 1: compact only)', async () => {
    const { token } = await genuine();
    const [protectedHeader, payload, signature] = token.split('.');
    const flattened = JSON.stringify({ protected: protectedHeader, payload, signature });
    const general = JSON.stringify({ payload, signatures: [{ protected: protectedHeader, signature }] });
    for (const serialised of [flattened, general]) await expectInvalid(serialised);
    expect((await fixture.api.redeem(ACME.secretKey, { token })).status).toBe(200);
  });
});
