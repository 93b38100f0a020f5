import type { TokenRefusalReason } from '@otp-verify/protocol';
import { decodeJwt, errors } from 'jose';
import { OrderTokenError } from './errors.js';

/** What the verifier's event log learns of a refused token: why, and its jti when its signature verified. */
export interface TokenRefusal {
  reason: TokenRefusalReason;
  jti?: string;
}

/** Claims jose checks after the signature, by the reason a wrong one gives. */
const CLAIM_REASONS: Partial<Record<string, TokenRefusalReason>> = {
  typ: 'wrong_type',
  iss: 'wrong_issuer',
  aud: 'wrong_audience',
  nbf: 'not_yet_valid',
  iat: 'not_yet_valid',
};

const JTI_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Why the guard's own checks refused `token` (the error verifyOrderToken or the local jti store threw), or
 * undefined for an error that says nothing about the token (a bug, the verifier unreachable). Only a refusal that
 * comes after the signature verified carries the jti: before that, the claims are whatever the sender wrote.
 */
export function refusalOf(token: unknown, error: unknown): TokenRefusal | undefined {
  if (!(error instanceof OrderTokenError) || error.code === 'verifier_unavailable') return undefined;
  if (token === undefined || token === null || token === '') return { reason: 'missing' };
  if (error.code === 'token_expired') return verified('expired', token);
  if (error.code === 'order_mismatch' || error.code === 'already_redeemed') return verified(error.code, token);
  const cause = error.cause;
  if (cause instanceof errors.JWTClaimValidationFailed && cause.reason === 'check_failed') {
    const reason = CLAIM_REASONS[cause.claim];
    if (reason !== undefined) return verified(reason, token);
  }
  if (cause instanceof errors.JOSEAlgNotAllowed) return { reason: 'algorithm_not_allowed' };
  if (cause instanceof errors.JWSSignatureVerificationFailed) return { reason: 'bad_signature' };
  if (cause instanceof errors.JWKSNoMatchingKey) return { reason: 'unknown_key' };
  return { reason: 'malformed' };
}

/** A refusal of a token whose signature verified: its jti is the verifier's own. */
function verified(reason: TokenRefusalReason, token: unknown): TokenRefusal {
  const jti = typeof token === 'string' ? decodeJwt(token).jti : undefined;
  return typeof jti === 'string' && JTI_PATTERN.test(jti) ? { reason, jti } : { reason };
}
