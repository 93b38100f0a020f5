/**
 * Ed25519 as an option (OTP_VERIFY_SIGNING_ALG=EdDSA): a verifier started with EdDSA signs its order-verified
 * tokens with an Ed25519 key (JWS `alg: EdDSA`, RFC 8037 3.1), publishes it as an OKP/Ed25519 JWK with a kid,
 * and checkout-guard accepts them. Switching an ES256 data directory to EdDSA rotates: the ES256 key is retired
 * but stays published until its tokens have expired. RFC 8725 3.1 (allowlist ES256/EdDSA), OWASP ASVS 5.0 V11.3.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_TOKEN_TYPE } from '@otp-verify/protocol';
import { verifiedToken } from '../support/api.js';
import { ACME, uniqueMobile } from '../support/brands.js';
import { testClock } from '../support/clock.js';
import { startTestVerifier } from '../support/fixture.js';
import { checkoutGuard, parts, publishedKeys } from '../support/jwt-forgery.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'otp-verify-ed25519-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('Ed25519 signing keys', () => {
  it('a verifier started with EdDSA issues EdDSA tokens from an OKP/Ed25519 key that checkout-guard accepts', async () => {
    const fixture = await startTestVerifier({ signingAlg: 'EdDSA' });
    try {
      const { token } = await verifiedToken(fixture.api, uniqueMobile());
      const { header } = parts(token);
      expect(header).toEqual({ alg: 'EdDSA', typ: ORDER_TOKEN_TYPE, kid: expect.any(String) });
      const jwks = await publishedKeys(fixture);
      expect(jwks.keys).toEqual([
        { kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: header.kid, alg: 'EdDSA', use: 'sig' },
      ]);
      await expect(checkoutGuard(fixture).verify(token)).resolves.toMatchObject({ brand: ACME.id });
      expect((await fixture.api.redeem(ACME.secretKey, { token })).status).toBe(200);
    } finally {
      await fixture.dispose();
    }
  });

  it('switching an ES256 data directory to EdDSA rotates and keeps the ES256 key published', async () => {
    const dataDir = join(root, 'switch');
    const clock = testClock();
    const es256 = await startTestVerifier({ dataDir, clock });
    const issued = await verifiedToken(es256.api, uniqueMobile());
    await es256.stop();

    const eddsa = await startTestVerifier({ dataDir, clock, signingAlg: 'EdDSA' });
    try {
      const algs = (await publishedKeys(eddsa)).keys.map((key) => `${key.kty}/${key.alg}`).sort();
      expect(algs).toEqual(['EC/ES256', 'OKP/EdDSA']);
      expect(parts((await verifiedToken(eddsa.api, uniqueMobile())).token).header.alg).toBe('EdDSA');
      expect((await eddsa.api.redeem(ACME.secretKey, { token: issued.token })).status).toBe(200);
    } finally {
      await eddsa.stop();
    }
  });
});
