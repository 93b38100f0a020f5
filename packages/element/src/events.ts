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

declare global {
  interface HTMLElementEventMap {
    'otp-session-created': CustomEvent<OtpSessionCreatedDetail>;
    'otp-code-sent': CustomEvent<OtpCodeSentDetail>;
    'otp-verified': CustomEvent<OtpVerifiedDetail>;
    'otp-error': CustomEvent<OtpErrorDetail>;
    'otp-expired': CustomEvent<OtpExpiredDetail>;
  }
}

/** The events the element dispatches (the Custom Elements Manifest test checks the manifest against it). */
export const OTP_EVENT_NAMES = [
  'otp-session-created',
  'otp-code-sent',
  'otp-verified',
  'otp-error',
  'otp-expired',
] as const;

export type OtpEventName = (typeof OTP_EVENT_NAMES)[number];

type DetailOf<K extends OtpEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches one of the element's events; they cross shadow roots so any ancestor can listen. */
export function emit<K extends OtpEventName>(target: EventTarget, type: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
