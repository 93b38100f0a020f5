/**
 * The brand's secret key goes only to the configured verifier (OWASP ASVS 5.0 V13.3 secret management,
 * V12.3.1 TLS to back-end services): a redirect from the redemption endpoint is not followed, and plain http
 * is refused for anything but this machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderTokenError, redeemOrderToken } from '../src/index.js';
import { SECRET_KEY } from './support/fake-verifier.js';
import { createTestKey } from './support/keys.js';
import { signToken } from './support/tokens.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe('the secret key', () => {
  const elsewhereSeen: (string | undefined)[] = [];
  const elsewhere = createServer((req, res) => {
    elsewhereSeen.push(req.headers.authorization);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  let redirecting: Server;
  let redirectingUrl: string;

  beforeAll(async () => {
    const elsewhereUrl = await listen(elsewhere);
    redirecting = createServer((_req, res) => {
      res.writeHead(307, { location: `${elsewhereUrl}/collect` });
      res.end();
    });
    redirectingUrl = await listen(redirecting);
  });
  afterAll(async () => {
    await close(redirecting);
    await close(elsewhere);
  });

  it('is not sent on to where a redirect points', async () => {
    const token = await signToken(await createTestKey('ES256', 'k1'));
    const promise = redeemOrderToken(token, { verifierUrl: redirectingUrl, secretKey: SECRET_KEY });
    await expect(promise).rejects.toThrow(/redirect \(307\)/);
    await expect(promise).rejects.not.toBeInstanceOf(OrderTokenError);
    expect(elsewhereSeen).toEqual([]);
  });

  it('is not sent over plain http to another machine', async () => {
    const token = await signToken(await createTestKey('ES256', 'k1'));
    await expect(
      redeemOrderToken(token, { verifierUrl: 'http://verify.example.com', secretKey: SECRET_KEY }),
    ).rejects.toThrow(/must be https/);
  });
});
