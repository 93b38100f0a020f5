/**
 * RFC 8725 3.10 (do not trust received claims: "jku", "x5u" and "jwk" header parameters can make a verifier
 * use an attacker's key) and 2.8; OWASP ASVS 5.0 V9.1.3 (key material only from trusted, pre-configured
 * sources). The verification key is picked by kid from the verifier's JWKS and nowhere else.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKey, type TestKey } from './support/keys.js';
import { refusal } from './support/refusal.js';
import { ORDER, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('keys come only from the verifier JWKS', () => {
  const fx = useFakeVerifier({ kid: 'legit' });
  const { verify } = fx;
  let attacker: TestKey;
  let attackerServer: Server;
  let attackerUrl: string;
  let attackerRequests = 0;

  beforeAll(async () => {
    attacker = await createTestKey('ES256', 'attacker');
    // A JWKS the attacker controls, serving the attacker's key under both kids.
    attackerServer = createServer((_req, res) => {
      attackerRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [attacker.publicJwk, { ...attacker.publicJwk, kid: fx.key.kid }] }));
    });
    await new Promise<void>((resolve) => attackerServer.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attackerServer.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(async () => {
    attackerServer.closeAllConnections();
    await new Promise((resolve) => attackerServer.close(resolve));
  });

  it('accepts a token signed with the published key (control)', async () => {
    await expect(verify(await signToken(fx.key))).resolves.toMatchObject({ order: ORDER });
  });

  it('refuses a token signed with a key whose kid the JWKS does not have', async () => {
    const error = await refusal(verify(await signToken(attacker)));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/does not publish/);
  });

  it('refuses a token that carries its own "jwk" header with the attacker key', async () => {
    for (const kid of [attacker.kid, fx.key.kid]) {
      const token = await signToken(attacker, { header: { kid, jwk: attacker.publicJwk } });
      const error = await refusal(verify(token));
      expect(error.code).toBe('invalid_token');
      expect(error.message).toMatch(/"jwk"/);
    }
  });

  it('refuses a token whose "jku" or "x5u" points to the attacker JWKS, without fetching it', async () => {
    for (const name of ['jku', 'x5u']) {
      for (const kid of [attacker.kid, fx.key.kid]) {
        const token = await signToken(attacker, { header: { kid, [name]: attackerUrl } });
        const error = await refusal(verify(token));
        expect(error.code).toBe('invalid_token');
        expect(error.message).toContain(`"${name}"`);
      }
    }
    expect(attackerRequests).toBe(0);
  });

  it('refuses a token with an embedded x5c certificate chain', async () => {
    const token = await signToken(attacker, { header: { x5c: ['MIIB'] } });
    expect((await refusal(verify(token))).message).toMatch(/"x5c"/);
  });

  it('refuses a token without kid (every verifier key has one)', async () => {
    const error = await refusal(verify(await signToken(fx.key, { header: { kid: undefined } })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/kid/);
  });
});
