/**
 * The code goes only to the phone number the brand's customer-auth service registered and verified.
 *
 * Requirements: issue 3 "Where the phone number comes from" (customerToken); OpenID Connect Core 1.0 3.1.3.7
 * (ID token validation: iss, aud, signature with the issuer's keys, exp) and 5.1 (`phone_number` is used only
 * when `phone_number_verified` is true); RFC 8725 2.1 and 3.1 (an algorithm allowlist, never `none`);
 * OWASP ASVS 5.0.0 V9.1.1 (signature checked before the contents are used), V9.1.2 (algorithm allowlist) and
 * V9.2.1 (exp/nbf checked); V16.5.2 (an unreachable issuer fails closed with a clear answer).
 * The issuer is real: a node:http server on 127.0.0.1 serving a JWKS for keys this test generates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CryptoKey } from 'jose';
import { SignJWT, base64url, generateKeyPair } from 'jose';
import { order } from '../support/api.js';
import { ApiClient } from '../support/api.js';
import type { TestIssuer } from '../support/customer-auth.js';
import { UMBRELLA, customerAuthBrands, startIssuer } from '../support/customer-auth.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

const REGISTERED = '+4917055501234';

let issuer: TestIssuer;
let fixture: VerifierFixture;
let page: ApiClient;
let otherKey: CryptoKey;

beforeAll(async () => {
  issuer = await startIssuer();
  fixture = await startTestVerifier({ brands: customerAuthBrands({ issuerUrl: issuer.url }) });
  page = new ApiClient(fixture.url, UMBRELLA.origin);
  ({ privateKey: otherKey } = await generateKeyPair('ES256'));
});
afterAll(async () => {
  await fixture.dispose();
  await issuer.stop();
});

const withToken = (customerToken: string) => ({ brand: UMBRELLA.id, order: order(), customerToken });
const verifiedPhone = { phone_number: REGISTERED, phone_number_verified: true };

describe('customerToken: the brand’s OIDC ID token, verified against its issuer’s JWKS', () => {
  it('a page may not add an email address to it: the code would leave the registered phone (issue 6 fallback)', async () => {
    const created = await page.createSession({
      ...withToken(await issuer.idToken(verifiedPhone)),
      email: 'attacker@example.com',
    });
    expect(expectProblem(created, 'invalid_request').detail).toMatch(/create the session server-to-server/);
  });

  it('a valid token opens a session for the claim’s number, which receives the code; the page sees it masked', async () => {
    const created = await page.createSession(withToken(await issuer.idToken(verifiedPhone)));
    expect(created.status).toBe(201);
    const session = created.body as { id: string; clientSecret: string; phoneMasked: string };
    expect(session.phoneMasked).toBe('••• 34');
    const sent = await page.send(session.id, session.clientSecret);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ status: 'sent', phoneMasked: '••• 34' });
    const viewed = await page.getSession(session.id, session.clientSecret);
    const [message] = await fixture.api.inbox(REGISTERED);
    expect(message).toMatchObject({ to: REGISTERED, sessionId: session.id });
    // The element never receives the registered number in full, in any format.
    for (const response of [created, sent, viewed]) {
      expect(JSON.stringify(response.body)).not.toMatch(/5550123|555 ?01 ?234|17055501/);
    }
    expect(issuer.jwksRequests).toBe(1);
  });

  it('401 invalid_customer_token when phone_number_verified is false, missing or not the boolean true', async () => {
    for (const claims of [
      { phone_number: REGISTERED, phone_number_verified: false },
      { phone_number: REGISTERED },
      { phone_number: REGISTERED, phone_number_verified: 'true' },
      { phone_number_verified: true },
    ]) {
      const problem = expectProblem(
        await page.createSession(withToken(await issuer.idToken(claims))),
        'invalid_customer_token',
      );
      expect(problem.detail).toMatch(/verified phone number/);
    }
    expect(await fixture.api.inbox(REGISTERED)).toHaveLength(1);
  });

  it('401 for another issuer, another audience, an expired token and a token missing a required claim', async () => {
    const refused = [
      await issuer.idToken(verifiedPhone, { issuer: 'https://login.evil.test' }),
      await issuer.idToken(verifiedPhone, { audience: 'another-client' }),
      await issuer.idToken(verifiedPhone, { issuedAt: -7200, expiresIn: 3600 }),
      // A token without sub (OIDC Core 2: REQUIRED).
      await issuer.idToken(verifiedPhone, { subject: null }),
    ];
    for (const token of refused) {
      expectProblem(await page.createSession(withToken(token)), 'invalid_customer_token');
    }
  });

  it('401 for a token signed by a key the issuer does not publish, under its kid or another', async () => {
    for (const kid of [issuer.kid, 'unknown-kid']) {
      const token = await issuer.idToken(verifiedPhone, { key: otherKey, kid });
      expectProblem(await page.createSession(withToken(token)), 'invalid_customer_token');
    }
  });

  it('401 for alg none, a symmetric algorithm and a tampered payload (RFC 8725 2.1, 3.1)', async () => {
    const valid = await issuer.idToken({ phone_number: '+4917055509999', phone_number_verified: true });
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<string, unknown>;
    const forged = base64url.encode(JSON.stringify({ ...claims, phone_number: '+4917066600000' }));
    const none = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: issuer.kid })
      .sign(new TextEncoder().encode('a shared secret the attacker chose, 32+ bytes long'));
    for (const token of [`${none}.${payload}.`, `${none}.${forged}.`, hs256, `${header}.${forged}.${signature}`]) {
      expectProblem(await page.createSession(withToken(token)), 'invalid_customer_token');
    }
    expect(await fixture.api.inbox('+4917066600000')).toHaveLength(0);
  });

  it('422 country_not_allowed for a verified number outside the brand’s countries', async () => {
    const token = await issuer.idToken({ phone_number: '+12025550143', phone_number_verified: true });
    expectProblem(await page.createSession(withToken(token)), 'country_not_allowed');
  });

  it('a token is not a way around the brand’s origins, and is not mixed with a typed number', async () => {
    const token = await issuer.idToken(verifiedPhone);
    expectProblem(await page.createSession(withToken(token), { origin: null }), 'origin_not_allowed');
    expectProblem(await page.createSession({ ...withToken(token), phone: '+4917012345678' }), 'invalid_request');
  });

  it('a typed number is refused at this brand: no guest checkout (guest_checkout_disabled)', async () => {
    expectProblem(
      await page.createSession({ brand: UMBRELLA.id, order: order(), phone: '+4917012345678' }),
      'guest_checkout_disabled',
    );
  });
});

describe('customerToken when the issuer cannot be reached', () => {
  // Decision: 503 directory_unavailable with Retry-After, not 401: the customer's token is not at fault,
  // and a 401 would send them to log in again for nothing. A wrong token is still a 401 (above).
  it('503 directory_unavailable when the issuer refuses connections, and when it does not answer in time', async () => {
    const down = await startIssuer();
    await down.stop();
    const hanging = await startIssuer();
    const { server } = await import('node:http').then(({ createServer }) => {
      const server = createServer(() => undefined);
      return new Promise<{ server: ReturnType<typeof createServer> }>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve({ server })),
      );
    });
    const hangingUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      for (const [issuerUrl, signer] of [
        [down.url, down],
        [hangingUrl, hanging],
      ] as const) {
        const unreachable = await startTestVerifier({
          brands: customerAuthBrands({ issuerUrl, jwksTimeoutMs: 200 }),
        });
        try {
          const token = await signer.idToken(verifiedPhone, { issuer: issuerUrl });
          const client = new ApiClient(unreachable.url, UMBRELLA.origin);
          const started = Date.now();
          const response = await client.createSession(withToken(token));
          const problem = expectProblem(response, 'directory_unavailable');
          expect(response.headers.get('retry-after')).toBe('5');
          expect(problem.detail).toMatch(/login service/);
          expect(Date.now() - started).toBeLessThan(2000);
        } finally {
          await unreachable.dispose();
        }
      }
    } finally {
      await hanging.stop();
      server.closeAllConnections();
      server.close();
    }
  });
});
