import { sendResponseSchema, sessionViewSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api.js';
import { createSession, order, sessionWithCode } from '../support/api.js';
import { ACME, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

const fixture = useTestVerifier();

function expectRateLimited(response: ApiResponse, retryAfter?: number): number {
  const problem = expectProblem(response, 'rate_limited');
  expect(problem.retryAfter).toEqual(expect.any(Number));
  expect(problem.retryAfter).toBeGreaterThan(0);
  expect(response.headers.get('retry-after')).toBe(String(problem.retryAfter));
  if (retryAfter !== undefined) expect(problem.retryAfter).toBe(retryAfter);
  return problem.retryAfter as number;
}

describe('POST /v1/sessions/{id}/send limits', () => {
  it('429 rate_limited with Retry-After within the cooldown, counting down with the clock', async () => {
    const { api, clock } = fixture;
    const session = await createSession(api, uniqueMobile());
    expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
    expectRateLimited(await api.send(session.id, session.clientSecret), 30);
    clock.advanceSeconds(12);
    expectRateLimited(await api.send(session.id, session.clientSecret), 18);
    expect(await api.inbox(session.phone)).toHaveLength(1);
  });

  it('cooldowns grow 30, 60, 90, 120 s; the 6th send is refused even after every cooldown', async () => {
    const { api, clock } = fixture;
    const session = await createSession(api, uniqueMobile());
    const retryAfters: number[] = [];
    const sendsLeft: number[] = [];
    for (let send = 1; send <= 5; send += 1) {
      const sent = await api.send(session.id, session.clientSecret);
      expect(sent.status).toBe(202);
      const body = sendResponseSchema.parse(sent.body);
      retryAfters.push(body.retryAfter);
      sendsLeft.push(body.sendsLeft);
      if (send < 5) {
        // One second short of the cooldown is still too soon.
        clock.advanceSeconds(body.retryAfter - 1);
        expectRateLimited(await api.send(session.id, session.clientSecret), 1);
        clock.advanceSeconds(1);
      }
    }
    expect(retryAfters.slice(0, 4)).toEqual([30, 60, 90, 120]);
    expect(sendsLeft).toEqual([4, 3, 2, 1, 0]);
    clock.advanceSeconds(600);
    expectRateLimited(await api.send(session.id, session.clientSecret));
    expect(await api.inbox(session.phone)).toHaveLength(5);
    const view = sessionViewSchema.parse((await api.getSession(session.id, session.clientSecret)).body);
    expect(view.sendsLeft).toBe(0);
  });

  it('a resend replaces the code: the earlier code no longer verifies', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    clock.advanceSeconds(30);
    expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
    const newCode = await api.latestCode(session.phone);
    if (newCode !== session.code) {
      expectProblem(await api.check(session.id, session.clientSecret, session.code), 'invalid_code');
    }
    expect((await api.check(session.id, session.clientSecret, newCode)).status).toBe(200);
  });

  it('401 invalid_client_secret without a secret, with a wrong one, and with another session’s', async () => {
    const { api } = fixture;
    const session = await createSession(api, uniqueMobile());
    const other = await createSession(api, uniqueMobile());
    for (const secret of [undefined, 'cs_wrong', other.clientSecret, ACME.secretKey]) {
      expectProblem(await api.send(session.id, secret), 'invalid_client_secret');
      expectProblem(await api.getSession(session.id, secret), 'invalid_client_secret');
    }
    expect(await api.inbox(session.phone)).toHaveLength(0);
  });

  it('404 session_not_found for an unknown session id', async () => {
    const session = await createSession(fixture.api, uniqueMobile());
    expectProblem(await fixture.api.send('ses_unknown', session.clientSecret), 'session_not_found');
    expectProblem(await fixture.api.getSession('ses_unknown', session.clientSecret), 'session_not_found');
  });

  it('409 session_closed once verified, and once the session has expired', async () => {
    const { api, clock } = fixture;
    const verified = await sessionWithCode(api, uniqueMobile());
    expect((await api.check(verified.id, verified.clientSecret, verified.code)).status).toBe(200);
    clock.advanceSeconds(30);
    expectProblem(await api.send(verified.id, verified.clientSecret), 'session_closed');

    const stale = await createSession(api, uniqueMobile());
    clock.advanceSeconds(1800);
    expectProblem(await api.send(stale.id, stale.clientSecret), 'session_closed');
    const view = sessionViewSchema.parse((await api.getSession(stale.id, stale.clientSecret)).body);
    expect(view.status).toBe('expired');
  });

  it('422 invalid_phone when neither the session nor the request has a number, or the number is bad', async () => {
    const { api } = fixture;
    const created = await api.createSession(
      { brand: ACME.id, order: order() },
      { bearer: ACME.secretKey, origin: null },
    );
    const { id, clientSecret } = created.body as { id: string; clientSecret: string };
    expectProblem(await api.send(id, clientSecret), 'invalid_phone');
    expectProblem(await api.send(id, clientSecret, { phone: '+49 30 12345678' }), 'invalid_phone');
    expectProblem(await api.send(id, clientSecret, { phone: '+1 202 555 0143' }), 'country_not_allowed');
    expect((await api.send(id, clientSecret, { phone: uniqueMobile() })).status).toBe(202);
  });

  it('400 invalid_request for a second phone number, or a channel the brand does not use', async () => {
    const { api } = fixture;
    const session = await createSession(api, uniqueMobile());
    expectProblem(await api.send(session.id, session.clientSecret, { phone: uniqueMobile() }), 'invalid_request');
    expectProblem(await api.send(session.id, session.clientSecret, { channel: 'email' }), 'invalid_request');
    expect(await api.inbox(session.phone)).toHaveLength(0);
  });
});
