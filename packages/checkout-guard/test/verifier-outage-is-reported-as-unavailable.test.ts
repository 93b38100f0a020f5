/**
 * When the verifier's JWKS cannot be fetched the order is refused with verifier_unavailable (503), never
 * accepted (fail closed, OWASP ASVS 5.0 V16.5.3) and never blamed on the shopper's token.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { createVerifierKeys } from '../src/index.js';
import { refusal } from './support/refusal.js';
import { ORDER, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('verifier outage', () => {
  const fx = useFakeVerifier();
  const { verifier } = fx;

  beforeEach(() => {
    verifier.jwksStatus = 200;
  });

  const verifyWith = async (url: string, options = {}) =>
    fx.verify(await signToken(fx.key), { keys: createVerifierKeys(url, options) });

  it('answers verifier_unavailable when the JWKS endpoint fails', async () => {
    verifier.jwksStatus = 500;
    const error = await refusal(verifyWith(verifier.url));
    expect(error.code).toBe('verifier_unavailable');
    expect(error.status).toBe(503);
    expect(error.message).not.toContain(verifier.url);
  });

  it('answers verifier_unavailable when the verifier cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect((await refusal(verifyWith(`http://127.0.0.1:${port}`))).code).toBe('verifier_unavailable');
  });

  it('answers verifier_unavailable when the JWKS does not answer in time', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const error = await refusal(verifyWith(`http://127.0.0.1:${port}`, { timeoutMs: 200 }));
      expect(error.code).toBe('verifier_unavailable');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('answers verifier_unavailable for a JWKS that is not a key set', async () => {
    const fetch = (async () => new Response('<html>maintenance</html>', { status: 200 })) as typeof globalThis.fetch;
    expect((await refusal(verifyWith(verifier.url, { fetch }))).code).toBe('verifier_unavailable');
  });

  it('makes keys.reload() (a start-up check) fail with verifier_unavailable, then succeed', async () => {
    const keys = createVerifierKeys(verifier.url);
    verifier.jwksStatus = 503;
    expect((await refusal(keys.reload())).code).toBe('verifier_unavailable');
    verifier.jwksStatus = 200;
    await expect(keys.reload()).resolves.toBeUndefined();
  });

  it('verifies again once the JWKS is back (control)', async () => {
    await expect(verifyWith(verifier.url)).resolves.toMatchObject({ order: ORDER });
  });
});
