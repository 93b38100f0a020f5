import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE } from '../src/auth/throttle.js';
import type { DashboardClient } from './support/dashboard-client.js';
import { PASSWORD, useStack } from './support/stack.js';

const DAY_MS = 24 * 60 * 60_000;
const GLOBAL_CEILING = 10;

/** Signs in from a client address, as the trusted proxy in front of the dashboard reports it. */
function signInFrom(client: DashboardClient, address: string, username: string, password: string) {
  return client.request('POST', '/api/session', {
    body: { username, password },
    headers: { 'x-forwarded-for': address },
  });
}

// OWASP ASVS V2.2.1 and NIST SP 800-63B 5.2.2: a limit on failed attempts that an attacker can neither outrun by
// sending them at once nor turn against the account's owner on another network.
describe('the sign-in lockout', () => {
  const stack = useStack({
    trustProxy: 'loopback',
    // A lower per-username ceiling than the default 100, so reaching it costs fewer scrypt evaluations here.
    throttle: { failuresToLock: { ...DEFAULT_THROTTLE.failuresToLock, user: GLOBAL_CEILING } },
  });
  beforeEach(() => stack.clock.advance(DAY_MS));

  it('holds against 40 wrong passwords sent at once: the right one that follows is refused too', async () => {
    const wrong = Array.from({ length: 40 }, (_, attempt) =>
      signInFrom(stack.client(), '192.0.2.10', 'operator', `wrong password ${attempt}`),
    );
    await Promise.race(wrong);
    const right = await signInFrom(stack.client(), '192.0.2.10', 'operator', PASSWORD);
    const statuses = [...(await Promise.all(wrong)).map((response) => response.status), right.status];

    expect(right.status).toBe(429);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    // Each 401 is one scrypt evaluation of a guess; a 429 never reaches scrypt.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(
      DEFAULT_THROTTLE.failuresToLock.userOnNetwork,
    );
  });

  it('lets the owner sign in from their network while a stranger has locked the username elsewhere', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signInFrom(stack.client(), '198.51.100.7', 'operator', 'a stranger guessing')).status).toBe(401);
    }
    expect((await signInFrom(stack.client(), '198.51.100.7', 'operator', PASSWORD)).status).toBe(429);
    expect((await signInFrom(stack.client(), '203.0.113.9', 'operator', PASSWORD)).status).toBe(200);
  });

  it('counts an IPv6 attacker by the /64, however many addresses of it they use', async () => {
    for (let host = 1; host <= 5; host += 1) {
      const address = `2001:db8:7:7::${host}`;
      expect((await signInFrom(stack.client(), address, 'acme-analyst', 'rotating guesses')).status).toBe(401);
    }
    expect((await signInFrom(stack.client(), '2001:db8:7:7:ffff::1', 'acme-analyst', PASSWORD)).status).toBe(429);
    expect((await signInFrom(stack.client(), '2001:db8:7:8::1', 'acme-analyst', PASSWORD)).status).toBe(200);
  });

  it('locks a /64 that sprays many usernames, not the networks beside it', async () => {
    const sprayed = Array.from({ length: 20 }, (_, user) =>
      signInFrom(stack.client(), `2001:db8:9:9::${user + 1}`, `sprayed-${user}`, 'Summer2030!!'),
    );
    expect((await Promise.all(sprayed)).map((response) => response.status)).toEqual(Array(20).fill(401));
    expect((await signInFrom(stack.client(), '2001:db8:9:9::abcd', 'operator', PASSWORD)).status).toBe(429);
    expect((await signInFrom(stack.client(), '2001:db8:9:a::1', 'operator', PASSWORD)).status).toBe(200);
  });

  it('stops guessing spread over many networks at the per-username ceiling, for every network', async () => {
    for (let network = 1; network <= GLOBAL_CEILING; network += 1) {
      expect((await signInFrom(stack.client(), `10.0.${network}.1`, 'initech-analyst', 'distributed')).status).toBe(
        401,
      );
    }
    expect((await signInFrom(stack.client(), '203.0.113.50', 'initech-analyst', PASSWORD)).status).toBe(429);
  });
});
