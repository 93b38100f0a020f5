import type { Challenge } from '@otp-verify/protocol';
import type { FailureCode } from './api/failure.js';

export interface OtpSessionCreatedDetail {
  sessionId: string;
  expiresAt: string;
  codeLength: number;
}

export interface OtpCodeSentDetail {
  phoneMasked: string;
  /** Seconds before a new code can be sent. */
  retryAfter: number;
  expiresAt: string;
  sendsLeft: number;
}

export interface OtpVerifiedDetail {
  /** The order-verified JWT, for the checkout server. */
  token: string;
  expiresAt: string;
}

export interface OtpErrorDetail {
  code: FailureCode;
  retryAfter?: number;
  attemptsLeft?: number;
}

export interface OtpExpiredDetail {
  /** `session`: the code can no longer be checked; `token`: the verification lapsed before the order was placed. */
  expired: 'session' | 'token';
  expiresAt: string;
}

/**
 * The verifier asks for a check before it sends a code. The page resolves it (shows the brand's captcha with
 * `siteKey`, or has its server re-verify the customer and call the step-up endpoint), then calls
 * `continueAfterChallenge()`.
 */
export interface OtpVerifyChallengeDetail {
  challenge: Challenge;
  sessionId: string;
  /** The brand's captcha site key, for `captcha`. */
  siteKey?: string;
  /** The risk engine's reasons, where the brand shows them. */
  reasons?: string[];
}

declare global {
  interface HTMLElementEventMap {
    'otp-session-created': CustomEvent<OtpSessionCreatedDetail>;
    'otp-code-sent': CustomEvent<OtpCodeSentDetail>;
    'otp-verified': CustomEvent<OtpVerifiedDetail>;
    'otp-error': CustomEvent<OtpErrorDetail>;
    'otp-expired': CustomEvent<OtpExpiredDetail>;
    'otp-verify-challenge': CustomEvent<OtpVerifyChallengeDetail>;
  }
}

/** The events the element dispatches (the Custom Elements Manifest test checks the manifest against it). */
export const OTP_EVENT_NAMES = [
  'otp-session-created',
  'otp-code-sent',
  'otp-verified',
  'otp-error',
  'otp-expired',
  'otp-verify-challenge',
] as const;

export type OtpEventName = (typeof OTP_EVENT_NAMES)[number];

type DetailOf<K extends OtpEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches one of the element's events; they cross shadow roots so any ancestor can listen. */
export function emit<K extends OtpEventName>(target: EventTarget, type: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
