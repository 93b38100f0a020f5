import type {
  BrandSettings,
  CheckResponse,
  CreateSessionResponse,
  ErrorCode,
  Problem,
  SendResponse,
  SessionStatus,
  SessionView,
} from '@otp-verify/protocol';
import { ERROR_STATUS, ERROR_TITLES, problemType } from '@otp-verify/protocol';
import type { CheckAnswer } from './states.js';

/**
 * The theme gallery's scripted answers: what a verifier would say (API.md) at each point of the flow, made up
 * here so every cell reaches its state at once. They are not a verifier: nothing is stored or checked.
 */
export interface Answer<Body> {
  status: number;
  body: Body;
}

/** As the verifier masks a number: its last two digits only. */
const PHONE_MASKED = '••• 67';
const SESSION_LIFETIME_MS = 10 * 60_000;
const TOKEN_LIFETIME_MS = 5 * 60_000;
const RESEND_COOLDOWN_SECONDS = 30;
const SENDS_LEFT = 4;
const ATTEMPTS = 5;

const inFuture = (now: number, milliseconds: number): string => new Date(now + milliseconds).toISOString();

export function problem(code: ErrorCode, detail: string, extra: Partial<Problem> = {}): Answer<Problem> {
  const status = ERROR_STATUS[code];
  return { status, body: { type: problemType(code), title: ERROR_TITLES[code], status, code, detail, ...extra } };
}

/** The brand's settings with guest checkout on, so the phone step shows even for a brand that texts registered numbers only. */
export function withGuestCheckout(settings: BrandSettings): BrandSettings {
  return { ...settings, guestCheckout: true };
}

/**
 * A verifier that is down, as the gateway in front of it answers: 503, which the element reads as the
 * verifier's own trouble (internal_error) and offers "Try again".
 */
export function verifierDown(): Answer<Problem> {
  const { body } = problem('internal_error', 'The verifier is down for maintenance.');
  return { status: 503, body: { ...body, status: 503, title: 'The verifier is unavailable' } };
}

export function sessionCreated(now: number, id: string, codeLength: number): Answer<CreateSessionResponse> {
  return {
    status: 201,
    body: {
      id,
      clientSecret: `${id}-secret`,
      status: 'created',
      expiresAt: inFuture(now, SESSION_LIFETIME_MS),
      codeLength,
      phoneMasked: PHONE_MASKED,
    },
  };
}

export function codeSent(now: number): Answer<SendResponse> {
  return {
    status: 202,
    body: {
      status: 'sent',
      phoneMasked: PHONE_MASKED,
      retryAfter: RESEND_COOLDOWN_SECONDS,
      expiresAt: inFuture(now, SESSION_LIFETIME_MS),
      sendsLeft: SENDS_LEFT,
    },
  };
}

/** A session the checkout server made, read back by the element: just sent, or already over. */
export function sessionRead(now: number, id: string, status: SessionStatus): Answer<SessionView> {
  const sent = status === 'sent';
  return {
    status: 200,
    body: {
      id,
      status,
      phoneMasked: PHONE_MASKED,
      expiresAt: inFuture(now, sent ? SESSION_LIFETIME_MS : 0),
      attemptsLeft: sent ? ATTEMPTS : 0,
      sendsLeft: sent ? SENDS_LEFT : 0,
      retryAfter: sent ? RESEND_COOLDOWN_SECONDS : 0,
    },
  };
}

export function codeChecked(now: number, answer: Exclude<CheckAnswer, 'held'>): Answer<CheckResponse | Problem> {
  switch (answer) {
    case 'wrong':
      return problem('invalid_code', 'The code is wrong.', { attemptsLeft: ATTEMPTS - 1 });
    case 'locked':
      return problem('locked', 'Too many wrong codes.');
    case 'verified':
      return {
        status: 200,
        // Not a JWT: the gallery's token opens no order anywhere.
        body: { status: 'verified', token: 'gallery-token', tokenExpiresAt: inFuture(now, TOKEN_LIFETIME_MS) },
      };
  }
}
