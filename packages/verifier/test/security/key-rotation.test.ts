/**
 * Attacker test 12: key rotation. `otp-verify keys rotate` (here: rotateSigningKey, the function the CLI calls)
 * on a RUNNING verifier: the new key signs at once, without a restart; a token signed by the old kid still
 * redeems while the old key is retired but published; a checkout guard that cached the old JWKS verifies new
 * tokens after its refresh on the unknown kid; once retired + 300 s lifetime + 60 s tolerance has passed the old
 * kid is gone from the JWKS and whatever it signs is refused. Key files stay mode 0600 in a 0700 directory.
 *
 * RFC 8725 3.10 (keys only from the trusted key set), RFC 7517 (kid), OWASP ASVS 5.0 V11.2.3 / V13.3.4
 * (cryptographic keys rotated, secrets not readable by others), NIST SP 800-57 Part 1 5.3 (cryptoperiods:
 * a retired key verifies only what it signed during its validity).
 */
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifiedToken } from '../support/api.js';
import { ACME, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { checkoutGuard, parts, publishedKeys, sign, verifierPrivateKey } from '../support/jwt-forgery.js';
import { expectProblem } from '../support/problem.js';
import { listSigningKeys, RETIRED_KEY_GRACE_SECONDS, rotateSigningKey } from '../../src/tokens/key-files.js';

const fixture = useTestVerifier();

const mode = (path: string) => statSync(path).mode & 0o777;
const kidOf = (token: string) => parts(token).header.kid as string;

/** Waits until the running verifier publishes exactly `kids` (it watches its key directory). */
async function untilPublished(kids: string[]): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const published = (await publishedKeys(fixture)).keys.map((key) => key.kid).sort();
    if (JSON.stringify(published) === JSON.stringify([...kids].sort())) return;
    if (Date.now() > deadline) throw new Error(`JWKS still has ${published.join(', ')}; expected ${kids.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('signing key rotation on a running verifier', () => {
  it('rotates in a new key, keeps the old one until its tokens expired, then refuses it', async () => {
    const guard = checkoutGuard(fixture, 1);
    const before = await verifiedToken(fixture.api, uniqueMobile());
    const redeemLater = await verifiedToken(fixture.api, uniqueMobile());
    const oldKid = kidOf(before.token);
    await expect(guard.verify(before.token)).resolves.toBeDefined(); // the guard now caches [oldKid]

    const rotation = await rotateSigningKey(fixture.dataDir, { alg: 'ES256', now: new Date(fixture.clock()) });
    const newKid = rotation.created.kid;
    expect(newKid).not.toBe(oldKid);
    expect(rotation.retired.map((key) => key.kid)).toEqual([oldKid]);

    // No restart: the running verifier publishes both keys and signs with the new one.
    await untilPublished([oldKid, newKid]);
    const after = await verifiedToken(fixture.api, uniqueMobile());
    expect(kidOf(after.token)).toBe(newKid);

    // A token of the old kid still redeems while the old key is retired but published.
    expect((await fixture.api.redeem(ACME.secretKey, { token: redeemLater.token })).status).toBe(200);

    // The guard that cached the old JWKS refreshes on the unknown kid (after its cooldown) and accepts.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(guard.verify(after.token)).resolves.toMatchObject({ brand: ACME.id });
    expect((await fixture.api.redeem(ACME.secretKey, { token: after.token })).status).toBe(200);

    // One second before the grace ends the old key still verifies a token it signed within it.
    const oldKey = await verifierPrivateKey(fixture.dataDir, oldKid);
    const signedByOld = async () => {
      const now = Math.floor(fixture.clock() / 1000);
      const { header, payload } = parts(before.token);
      return sign({ ...payload, iat: now, nbf: now, exp: now + 300, jti: `late-${now}` }, header, oldKey);
    };
    fixture.clock.advanceSeconds(RETIRED_KEY_GRACE_SECONDS - 1);
    expect((await publishedKeys(fixture)).keys.map((key) => key.kid)).toContain(oldKid);

    // After retirement + lifetime + tolerance the old kid has left the JWKS and is refused everywhere, even on
    // a token that is otherwise fresh and valid.
    fixture.clock.advanceSeconds(1);
    expect((await publishedKeys(fixture)).keys.map((key) => key.kid)).toEqual([newKid]);
    const late = await signedByOld();
    expectProblem(await fixture.api.redeem(ACME.secretKey, { token: late }), 'invalid_token');
    expectProblem(await fixture.api.redeem(ACME.secretKey, { token: before.token }), 'invalid_token');
    const freshGuard = checkoutGuard(fixture);
    expect((await freshGuard.refusal(late)).code).toBe('invalid_token');
    // The new key carries on.
    const next = await verifiedToken(fixture.api, uniqueMobile());
    expect(kidOf(next.token)).toBe(newKid);
    expect((await fixture.api.redeem(ACME.secretKey, { token: next.token })).status).toBe(200);

    const listed = listSigningKeys(fixture.dataDir, new Date(fixture.clock()));
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kid: oldKid, state: 'removed' }),
        expect.objectContaining({ kid: newKid, state: 'signing', retiredAt: undefined }),
      ]),
    );
  });

  it('lets caches keep the JWKS only briefly, so a rotated-in kid reaches checkout guards within seconds', async () => {
    const response = await fixture.api.request('GET', '/.well-known/jwks.json');
    const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(30);
  });

  it('keeps key files mode 0600 in a 0700 directory, and a later rotation deletes removed keys', async () => {
    const directory = join(fixture.dataDir, 'keys');
    const rotation = await rotateSigningKey(fixture.dataDir, { alg: 'ES256', now: new Date(fixture.clock()) });
    expect(rotation.deleted).toHaveLength(1);
    const files = readdirSync(directory);
    expect(files).toHaveLength(2);
    expect(files.every((file) => file.endsWith('.json'))).toBe(true);
    expect(mode(directory)).toBe(0o700);
    for (const file of files) expect(mode(join(directory, file))).toBe(0o600);
    await untilPublished(rotation.retired.map((key) => key.kid).concat(rotation.created.kid));
  });

  it('refuses to use a key file others can read, and the running verifier keeps its keys', async () => {
    const directory = join(fixture.dataDir, 'keys');
    const [file] = readdirSync(directory);
    const kidsBefore = (await publishedKeys(fixture)).keys.map((key) => key.kid);
    chmodSync(join(directory, file as string), 0o644);
    try {
      expect(() => listSigningKeys(fixture.dataDir)).toThrow(/readable by others.*chmod 600/);
      await expect(rotateSigningKey(fixture.dataDir, { alg: 'ES256' })).rejects.toThrow(/chmod 600/);
      await fixture.verifier.context.keys.reload();
      expect((await publishedKeys(fixture)).keys.map((key) => key.kid)).toEqual(kidsBefore);
      expect(
        (await fixture.api.redeem(ACME.secretKey, { token: (await verifiedToken(fixture.api, uniqueMobile())).token }))
          .status,
      ).toBe(200);
    } finally {
      chmodSync(join(directory, file as string), 0o600);
    }
  });
});
