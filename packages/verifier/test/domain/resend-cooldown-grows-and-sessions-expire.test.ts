import { sessionViewSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, resendCooldownSeconds } from '../../src/domain/policy.js';
import { effectiveStatus, resendWaitSeconds, sessionView } from '../../src/domain/session.js';
import { CLOCK_START } from '../support/clock.js';
import { makeSession } from '../support/sessions.js';

const t0 = CLOCK_START;
const seconds = (n: number) => n * 1000;

describe('resend cooldown', () => {
  it('starts at the policy cooldown and grows with every send already made', () => {
    expect([0, 1, 2, 3, 4, 5].map((sends) => resendCooldownSeconds(DEFAULT_POLICY, sends))).toEqual([
      30, 30, 60, 90, 120, 150,
    ]);
    expect(resendCooldownSeconds({ ...DEFAULT_POLICY, resendCooldownSeconds: 45 }, 2)).toBe(90);
  });

  it('makes the customer wait the grown cooldown since the last send', () => {
    const afterOne = makeSession({ status: 'sent', sends: 1, lastSentAt: t0 });
    expect(resendWaitSeconds(afterOne, t0)).toBe(30);
    expect(resendWaitSeconds(afterOne, t0 + seconds(10))).toBe(20);
    expect(resendWaitSeconds(afterOne, t0 + seconds(29.5))).toBe(1);
    expect(resendWaitSeconds(afterOne, t0 + seconds(30))).toBe(0);
    const afterTwo = makeSession({ status: 'sent', sends: 2, lastSentAt: t0 });
    expect(resendWaitSeconds(afterTwo, t0 + seconds(30))).toBe(30);
    expect(resendWaitSeconds(makeSession(), t0)).toBe(0);
  });
});

describe('effectiveStatus', () => {
  it('reads an open session as expired from its expiry on, whatever the row says', () => {
    for (const status of ['created', 'sent'] as const) {
      const session = makeSession({ status });
      expect(effectiveStatus(session, session.expiresAt - 1)).toBe(status);
      expect(effectiveStatus(session, session.expiresAt)).toBe('expired');
    }
  });

  it('keeps a closed session in its closed status after expiry', () => {
    for (const status of ['verified', 'redeemed', 'locked', 'blocked'] as const) {
      const session = makeSession({ status });
      expect(effectiveStatus(session, session.expiresAt + seconds(3600))).toBe(status);
    }
  });
});

describe('sessionView', () => {
  it('matches the protocol schema and shows the current code expiry', () => {
    const session = makeSession({
      status: 'sent',
      sends: 1,
      attempts: 2,
      lastSentAt: t0,
      codeExpiresAt: t0 + seconds(300),
    });
    const view = sessionViewSchema.parse(sessionView(session, t0 + seconds(10)));
    expect(view).toEqual({
      id: session.id,
      status: 'sent',
      phoneMasked: '••• 67',
      expiresAt: new Date(t0 + seconds(300)).toISOString(),
      attemptsLeft: 3,
      sendsLeft: 4,
      retryAfter: 20,
    });
  });

  it('shows an expired session with nothing left to wait for or send', () => {
    const session = makeSession({ status: 'sent', sends: 1, lastSentAt: t0, codeExpiresAt: t0 + seconds(300) });
    const view = sessionView(session, session.expiresAt + 1);
    expect(view).toMatchObject({ status: 'expired', sendsLeft: 0, retryAfter: 0 });
  });

  it('never shows the phone number, only its mask', () => {
    const view = sessionView(makeSession(), t0);
    expect(JSON.stringify(view)).not.toContain('1701234567');
    expect(sessionView(makeSession({ phoneMasked: null, phoneE164: null }), t0)).not.toHaveProperty('phoneMasked');
  });
});
