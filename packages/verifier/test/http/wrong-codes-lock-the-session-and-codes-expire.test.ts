import { sessionViewSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { createSession, sessionWithCode } from '../support/api.js';
import { uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

const fixture = useTestVerifier();

/** A code of the right length that is certainly not `code`. */
function wrong(code: string, salt = 1): string {
  return code
    .split('')
    .map((digit, index) => (index === 0 ? String((Number(digit) + salt) % 10) : digit))
    .join('');
}

describe('POST /v1/sessions/{id}/check refusals', () => {
  it('422 invalid_code counts attempts down; the 5th wrong code locks (423); then even the right code fails', async () => {
    const { api } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    for (const left of [4, 3, 2, 1]) {
      const problem = expectProblem(
        await api.check(session.id, session.clientSecret, wrong(session.code)),
        'invalid_code',
      );
      expect(problem.attemptsLeft).toBe(left);
    }
    const locked = expectProblem(await api.check(session.id, session.clientSecret, wrong(session.code)), 'locked');
    expect(locked.attemptsLeft).toBe(0);
    expectProblem(await api.check(session.id, session.clientSecret, session.code), 'locked');
    expectProblem(await api.send(session.id, session.clientSecret), 'session_closed');
    const view = sessionViewSchema.parse((await api.getSession(session.id, session.clientSecret)).body);
    expect(view).toMatchObject({ status: 'locked', attemptsLeft: 0 });
  });

  it('a resend does not reset the attempts', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    for (let i = 0; i < 3; i += 1) await api.check(session.id, session.clientSecret, wrong(session.code));
    clock.advanceSeconds(30);
    expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
    const code = await api.latestCode(session.phone);
    const problem = expectProblem(await api.check(session.id, session.clientSecret, wrong(code)), 'invalid_code');
    expect(problem.attemptsLeft).toBe(1);
  });

  it('concurrent guesses are counted one by one: never more than 5 comparisons', async () => {
    const { api } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    const guesses = Array.from({ length: 12 }, (_, i) => wrong(session.code, (i % 9) + 1));
    const responses = await Promise.all(guesses.map((guess) => api.check(session.id, session.clientSecret, guess)));
    const codes = responses.map((response) => (response.body as { code: string }).code);
    expect(codes.filter((code) => code === 'invalid_code')).toHaveLength(4);
    expect(codes.filter((code) => code === 'locked')).toHaveLength(8);
    const attemptsLeft = responses.flatMap((response) => {
      const body = response.body as { code: string; attemptsLeft?: number };
      return body.code === 'invalid_code' ? [body.attemptsLeft] : [];
    });
    expect(attemptsLeft.sort()).toEqual([1, 2, 3, 4]);
  });

  it('the right code sent many times at once yields exactly one token', async () => {
    const { api } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => api.check(session.id, session.clientSecret, session.code)),
    );
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 200)) expectProblem(response, 'session_closed');
  });

  it('410 expired once the code is older than 5 minutes; a new code then works', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    clock.advanceSeconds(299);
    clock.advance(999);
    expectProblem(await api.check(session.id, session.clientSecret, wrong(session.code)), 'invalid_code');
    clock.advance(1);
    expectProblem(await api.check(session.id, session.clientSecret, session.code), 'expired');
    expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
    const fresh = await api.latestCode(session.phone);
    expect((await api.check(session.id, session.clientSecret, fresh)).status).toBe(200);
  });

  it('410 expired once the whole session has expired', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    clock.advanceSeconds(1800);
    expectProblem(await api.check(session.id, session.clientSecret, session.code), 'expired');
  });

  it('409 session_closed for a code checked again after verification', async () => {
    const { api } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    expect((await api.check(session.id, session.clientSecret, session.code)).status).toBe(200);
    expectProblem(await api.check(session.id, session.clientSecret, session.code), 'session_closed');
  });

  it('400 invalid_request before any code was sent, and for a code of the wrong length (no attempt counted)', async () => {
    const { api } = fixture;
    const unsent = await createSession(api, uniqueMobile());
    expectProblem(await api.check(unsent.id, unsent.clientSecret, '123456'), 'invalid_request');

    const session = await sessionWithCode(api, uniqueMobile());
    expectProblem(await api.check(session.id, session.clientSecret, `${session.code}0`), 'invalid_request');
    expectProblem(await api.check(session.id, session.clientSecret, session.code.slice(1)), 'invalid_request');
    const view = sessionViewSchema.parse((await api.getSession(session.id, session.clientSecret)).body);
    expect(view.attemptsLeft).toBe(5);
  });

  it('401 invalid_client_secret and 404 session_not_found', async () => {
    const { api } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    expectProblem(await api.check(session.id, undefined, session.code), 'invalid_client_secret');
    expectProblem(await api.check(session.id, 'cs_guess', session.code), 'invalid_client_secret');
    expectProblem(await api.check('ses_unknown', session.clientSecret, session.code), 'session_not_found');
    const view = sessionViewSchema.parse((await api.getSession(session.id, session.clientSecret)).body);
    expect(view).toMatchObject({ status: 'sent', attemptsLeft: 5 });
  });
});
