import type { Channel, Order, SessionStatus, SessionView } from '@otp-verify/protocol';
import type { VerificationPolicy } from './policy.js';
import { resendCooldownSeconds } from './policy.js';
import type { Challenge } from './risk/risk-rules.js';

/** A verification session as the store keeps it. Times are epoch milliseconds. */
export interface Session {
  id: string;
  brand: string;
  order: Order;
  locale: string;
  status: SessionStatus;
  clientSecretHash: string;
  /** The number codes go to; erased once the session is closed. */
  phoneE164: string | null;
  phoneRef: string | null;
  phoneMasked: string | null;
  /** The customer's address for codes by email, from a trusted source only; erased once the session is closed. */
  email: string | null;
  checkoutHost: string;
  policy: VerificationPolicy;
  createdAt: number;
  expiresAt: number;
  codeHash: string | null;
  codeKeyId: string | null;
  codeExpiresAt: number | null;
  /** The channel the current code went out by (an SMS that fell back to email: email). */
  codeChannel: Channel | null;
  lastSentAt: number | null;
  sends: number;
  attempts: number;
  tokenJti: string | null;
  /** Challenges of the risk engine this session passed (captcha, step-up); they waive the rules that asked for them. */
  challengesPassed: Challenge[];
}

/** The progress fields of a session that has just been created: no code sent or tried, no token issued. */
export const NEW_SESSION_PROGRESS: Readonly<
  Pick<
    Session,
    | 'codeHash'
    | 'codeKeyId'
    | 'codeExpiresAt'
    | 'codeChannel'
    | 'lastSentAt'
    | 'sends'
    | 'attempts'
    | 'tokenJti'
    | 'challengesPassed'
  >
> = Object.freeze({
  codeHash: null,
  codeKeyId: null,
  codeExpiresAt: null,
  codeChannel: null,
  lastSentAt: null,
  sends: 0,
  attempts: 0,
  tokenJti: null,
  challengesPassed: [],
});

const CLOSED_STATUSES: ReadonlySet<SessionStatus> = new Set(['verified', 'redeemed', 'locked', 'expired', 'blocked']);

/** The status a reader sees: an open session past its lifetime is expired, whatever the row says. */
export function effectiveStatus(session: Session, now: number): SessionStatus {
  if (!CLOSED_STATUSES.has(session.status) && now >= session.expiresAt) return 'expired';
  return session.status;
}

export function isClosed(status: SessionStatus): boolean {
  return CLOSED_STATUSES.has(status);
}

export function secondsUntil(time: number, now: number): number {
  return Math.max(0, Math.ceil((time - now) / 1000));
}

/** Seconds until the next send is allowed (0 = now). */
export function resendWaitSeconds(session: Session, now: number): number {
  if (session.lastSentAt === null) return 0;
  const nextAllowed = session.lastSentAt + resendCooldownSeconds(session.policy, session.sends) * 1000;
  return secondsUntil(nextAllowed, now);
}

export function sendsLeft(session: Session): number {
  return Math.max(0, session.policy.maxSends - session.sends);
}

export function attemptsLeft(session: Session): number {
  return Math.max(0, session.policy.maxAttempts - session.attempts);
}

/** The expiry a client should show: the current code's if one was sent, else the session's. */
export function visibleExpiry(session: Session): number {
  return session.codeExpiresAt === null ? session.expiresAt : Math.min(session.codeExpiresAt, session.expiresAt);
}

export function sessionView(session: Session, now: number): SessionView {
  const status = effectiveStatus(session, now);
  return {
    id: session.id,
    status,
    ...(session.phoneMasked === null ? {} : { phoneMasked: session.phoneMasked }),
    expiresAt: new Date(visibleExpiry(session)).toISOString(),
    attemptsLeft: attemptsLeft(session),
    sendsLeft: isClosed(status) ? 0 : sendsLeft(session),
    retryAfter: isClosed(status) ? 0 : resendWaitSeconds(session, now),
  };
}
