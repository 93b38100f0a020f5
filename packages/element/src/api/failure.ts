import type { Challenge, ErrorCode, Problem } from '@otp-verify/protocol';

/** Failures the element detects itself, beside the verifier's error codes. */
export type LocalFailureCode =
  'network_error' | 'not_configured' | 'phone_missing' | 'code_incomplete' | 'session_expired' | 'token_expired';

/** A verifier error code, a local one, or a code a newer verifier added. */
export type FailureCode = ErrorCode | LocalFailureCode | (string & {});

export interface Failure {
  code: FailureCode;
  attemptsLeft?: number;
  retryAfter?: number;
  /** With `challenge_required`: what the page must resolve before the send is repeated. */
  challenge?: Challenge;
  /** The risk engine's reasons, where the brand shows them. */
  reasons?: string[];
}

function nonNegativeInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Reads a problem+json body; falls back on the HTTP status when the body is not one (a proxy's HTML page). */
export function failureFromResponse(status: number, body: unknown, retryAfterHeader: string | null): Failure {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Partial<Record<keyof Problem, unknown>>;
  const code =
    typeof problem.code === 'string' && problem.code !== ''
      ? problem.code
      : status === 429
        ? 'rate_limited'
        : status >= 500
          ? 'internal_error'
          : 'invalid_request';
  const failure: Failure = { code };
  const attemptsLeft = nonNegativeInteger(problem.attemptsLeft);
  const retryAfter = nonNegativeInteger(problem.retryAfter) ?? nonNegativeInteger(Number(retryAfterHeader ?? NaN));
  if (attemptsLeft !== undefined) failure.attemptsLeft = attemptsLeft;
  if (retryAfter !== undefined) failure.retryAfter = retryAfter;
  if (problem.challenge === 'captcha' || problem.challenge === 'step_up') failure.challenge = problem.challenge;
  if (Array.isArray(problem.reasons))
    failure.reasons = problem.reasons.filter((r): r is string => typeof r === 'string');
  return failure;
}

/** Whether the session can no longer be used, so the only way forward is a new session. */
export function endsSession(failure: Failure): boolean {
  switch (failure.code) {
    case 'locked':
    case 'session_closed':
    case 'session_not_found':
    case 'invalid_client_secret':
    case 'session_expired':
      return true;
    case 'invalid_code':
      return failure.attemptsLeft === 0;
    default:
      return false;
  }
}
