import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, verifiedToken } from '../support/api.js';
import { ACME } from '../support/brands.js';
import { testClock } from '../support/clock.js';
import { startTestVerifier } from '../support/fixture.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'otp-verify-restart-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the data directory', () => {
  it('is created on first start, private, with private key and secrets files', async () => {
    const dataDir = join(root, 'first', 'nested', 'data');
    const fixture = await startTestVerifier({ dataDir });
    try {
      expect(statSync(dataDir).isDirectory()).toBe(true);
      expect(mode(dataDir) & 0o077).toBe(0);
      expect(mode(join(dataDir, 'secrets.json'))).toBe(0o600);
      const keyFiles = readdirSync(join(dataDir, 'keys'));
      expect(keyFiles).toHaveLength(1);
      expect(mode(join(dataDir, 'keys'))).toBe(0o700);
      for (const file of keyFiles) expect(mode(join(dataDir, 'keys', file))).toBe(0o600);
    } finally {
      await fixture.dispose();
    }
  });

  it('keeps signing keys, code keys, phone-ref keys and sessions across a restart', async () => {
    const dataDir = join(root, 'restart');
    const clock = testClock();
    const phone = '+491701234567';

    const before = await startTestVerifier({ dataDir, clock });
    const jwksBefore = (await before.api.request('GET', '/.well-known/jwks.json')).body as JSONWebKeySet;
    const issued = await verifiedToken(before.api, phone);
    const pending = await createSession(before.api, '+491707654321');
    expect((await before.api.send(pending.id, pending.clientSecret)).status).toBe(202);
    const pendingCode = await before.api.latestCode(pending.phone);
    await before.stop();

    const after = await startTestVerifier({ dataDir, clock });
    try {
      const jwksAfter = (await after.api.request('GET', '/.well-known/jwks.json')).body as JSONWebKeySet;
      expect(jwksAfter).toEqual(jwksBefore);
      expect(readdirSync(join(dataDir, 'keys'))).toHaveLength(1);

      // A token issued before the restart still verifies and redeems.
      expect((await after.api.redeem(ACME.secretKey, { token: issued.token })).status).toBe(200);
      // A code sent before the restart still checks (the code HMAC key persisted).
      const checked = await after.api.check(pending.id, pending.clientSecret, pendingCode);
      expect(checked.status).toBe(200);

      // Same kid, same phone reference for the same customer.
      const again = await verifiedToken(after.api, phone);
      expect(decodeProtectedHeader(again.token).kid).toBe(decodeProtectedHeader(issued.token).kid);
      expect(decodeJwt(again.token).phone_ref).toBe(decodeJwt(issued.token).phone_ref);
    } finally {
      await after.stop();
    }
  });

  it('gives a fresh data directory fresh keys', async () => {
    const a = await startTestVerifier();
    const b = await startTestVerifier();
    try {
      const kidA = ((await a.api.request('GET', '/.well-known/jwks.json')).body as JSONWebKeySet).keys[0]?.kid;
      const kidB = ((await b.api.request('GET', '/.well-known/jwks.json')).body as JSONWebKeySet).keys[0]?.kid;
      expect(kidA).toEqual(expect.any(String));
      expect(kidA).not.toBe(kidB);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});
