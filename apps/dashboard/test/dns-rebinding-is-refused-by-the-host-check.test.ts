import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { PASSWORD, startStack, useStack } from './support/stack.js';

interface RawResponse {
  status: number;
  setCookie: string[];
}

/** Sends a sign-in with any Host header, as a browser does for a rebound name (fetch does not let a test set Host). */
function signInWithHost(url: string, host: string, origin: string): Promise<RawResponse> {
  const body = JSON.stringify({ username: 'operator', password: PASSWORD });
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${url}/api/session`,
      { method: 'POST', headers: { host, origin, 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, setCookie: response.headers['set-cookie'] ?? [] }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

// DNS rebinding (OWASP ASVS V14.5 / OWASP CSRF Prevention Cheat Sheet: the Origin check needs a trusted own origin):
// a page on evil.example whose name now resolves to the dashboard sends Host and Origin both evil.example.
describe('the Host check', () => {
  const stack = useStack();
  const port = () => new URL(stack.dashboard.url).port;

  it('refuses a sign-in whose Host and Origin both name another site, and sets no cookie', async () => {
    const rebound = await signInWithHost(
      stack.dashboard.url,
      `evil.example:${port()}`,
      `http://evil.example:${port()}`,
    );
    expect(rebound.status).toBe(421);
    expect(rebound.setCookie).toEqual([]);
  });

  it('answers the listening address, localhost and 127.0.0.1 on its port (the demo prints localhost)', async () => {
    for (const name of ['127.0.0.1', 'localhost', 'LOCALHOST']) {
      const own = await signInWithHost(stack.dashboard.url, `${name}:${port()}`, `http://${name}:${port()}`);
      expect(own.status).toBe(200);
    }
    const otherPort = await signInWithHost(stack.dashboard.url, 'localhost:1', 'http://localhost:1');
    expect(otherPort.status).toBe(421);
  });

  it('answers only the public origin’s host once one is set', async () => {
    const proxied = await startStack({ publicOrigin: 'https://dashboard.example' });
    try {
      const viaProxy = await signInWithHost(proxied.dashboard.url, 'dashboard.example', 'https://dashboard.example');
      expect(viaProxy.status).toBe(200);
      const direct = await signInWithHost(
        proxied.dashboard.url,
        `127.0.0.1:${new URL(proxied.dashboard.url).port}`,
        'https://dashboard.example',
      );
      expect(direct.status).toBe(421);
    } finally {
      await proxied.dispose();
    }
  });
});
