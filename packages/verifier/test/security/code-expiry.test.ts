/**
 * Property: a code is accepted only within its validity (5 minutes by default, hard cap 10), and no code is
 * accepted after its session's lifetime; the clock is the verifier's injected clock, moved by hand.
 *
 * Requirements: OWASP ASVS 5.0 6.5.5 (out-of-band requests, codes or tokens have a defined lifetime, at most
 * 10 minutes); NIST SP 800-63B-4 3.1.3.2 (SP 800-63B rev. 3 5.1.3.2: the out-of-band secret is valid for a
 * limited time, 10 minutes at most). (PSD2 RTS art. 4(3)(d)'s 5 minutes is an inactivity limit after
authentication, not a code lifetime; it only inspired the default.)
 * Built in: src/store/sqlite/sqlite-store.ts (countAttempt: `code_expires_at > now AND expires_at > now`),
 * src/usecases/send-code.ts (codeExpiresAt = min(now + validity, session expiry)), src/domain/policy.ts
 * (POLICY_BOUNDS.codeValiditySeconds max 600), src/config/brand-schema.ts (overrides only within bounds).
 */
import { sessionViewSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { ConfigError } from '../../src/config/config-error.js';
import { createSession, sessionWithCode } from '../support/api.js';
import { storedSession } from '../support/attacker.js';
import { rawTestBrands, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

const fixture = useTestVerifier();

describe('code lifetime (5 minutes)', () => {
  it('the code works at 4:59.999 after it was sent', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    clock.advance(5 * 60_000 - 1);
    const checked = await api.check(session.id, session.clientSecret, session.code);
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
  });

  it('the same code is refused 410 expired at exactly 5:00, without counting an attempt', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    const sentAt = clock();
    const view = sessionViewSchema.parse((await api.getSession(session.id, session.clientSecret)).body);
    expect(Date.parse(view.expiresAt) - sentAt).toBe(5 * 60_000);
    clock.advance(5 * 60_000);
    expectProblem(await api.check(session.id, session.clientSecret, session.code), 'expired');
    expectProblem(await api.check(session.id, session.clientSecret, session.code), 'expired');
    expect(storedSession(fixture.dataDir, session.id)).toMatchObject({ attempts: 0, token_jti: null });
    // A new code (the cooldown has long passed) works; the expired one never comes back.
    expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
    const fresh = await api.latestCode(session.phone);
    if (fresh !== session.code) {
      expectProblem(await api.check(session.id, session.clientSecret, session.code), 'invalid_code');
    }
    expect((await api.check(session.id, session.clientSecret, fresh)).status).toBe(200);
  });
});

describe('session lifetime (30 minutes)', () => {
  it('a code sent near the end of the session expires with the session, not 5 minutes later', async () => {
    const { api, clock } = fixture;
    const early = await createSession(api, uniqueMobile());
    const late = await createSession(api, uniqueMobile());
    clock.advanceSeconds(29 * 60);
    for (const session of [early, late]) {
      expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
    }
    const earlyCode = await api.latestCode(early.phone);
    const lateCode = await api.latestCode(late.phone);
    clock.advance(60_000 - 1);
    expect((await api.check(early.id, early.clientSecret, earlyCode)).status).toBe(200);
    clock.advance(1);
    expectProblem(await api.check(late.id, late.clientSecret, lateCode), 'expired');
    expect(sessionViewSchema.parse((await api.getSession(late.id, late.clientSecret)).body).status).toBe('expired');
    expectProblem(await api.send(late.id, late.clientSecret), 'session_closed');
    expect(storedSession(fixture.dataDir, late.id)).toMatchObject({ attempts: 0, token_jti: null });
  });
});

describe('brands cannot stretch the lifetime past the bound', () => {
  it.each([601, 3600])('codeValiditySeconds %i is a configuration error', (seconds) => {
    const raw = rawTestBrands();
    (raw.brands[0] as { policy?: object }).policy = { codeValiditySeconds: seconds };
    expect(() => brandRegistry(raw, 'test')).toThrow(ConfigError);
  });

  it('codeValiditySeconds 600 (the cap) is allowed', () => {
    const raw = rawTestBrands();
    (raw.brands[0] as { policy?: object }).policy = { codeValiditySeconds: 600 };
    expect(brandRegistry(raw, 'test').get('acme')?.effectivePolicy.codeValiditySeconds).toBe(600);
  });
});
