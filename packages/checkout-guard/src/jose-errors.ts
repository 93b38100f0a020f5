import { errors } from 'jose';
import { OrderTokenError } from './errors.js';

const CLAIM_MESSAGES: Record<string, string> = {
  // RFC 8725 3.11: explicit typing, so another kind of JWT signed by the same keys is not accepted here.
  typ: 'is not an order-verified token (wrong "typ" header)',
  // RFC 8725 3.8: issuer validation.
  iss: 'was issued by another issuer',
  // RFC 8725 3.9: audience validation.
  aud: 'was issued for another audience (brand checkout)',
  nbf: 'is not valid yet ("nbf" is in the future)',
  iat: 'was issued in the future ("iat")',
};

/**
 * Turns an error thrown by jose's `jwtVerify` into an OrderTokenError: expiry (or a token older than the
 * accepted age) is `token_expired`, everything else about the token is `invalid_token`. Errors that are not
 * jose's (a bug or a misconfiguration) are returned unchanged so they surface as such.
 */
export function fromJoseError(error: unknown): unknown {
  if (error instanceof OrderTokenError) return error;
  if (error instanceof errors.JWTExpired) {
    return new OrderTokenError(
      'token_expired',
      error.claim === 'iat'
        ? 'The order-verified token is older than the accepted token age; verify the order again'
        : 'The order-verified token has expired; verify the order again',
      { cause: error },
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const message =
      error.reason === 'missing'
        ? `lacks the required "${error.claim}" claim`
        : error.reason === 'check_failed'
          ? (CLAIM_MESSAGES[error.claim] ?? `has an invalid "${error.claim}" claim`)
          : `has an invalid "${error.claim}" claim`;
    return new OrderTokenError('invalid_token', `The order-verified token ${message}`, { cause: error });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    // RFC 8725 3.1: algorithm verification against an allowlist.
    return new OrderTokenError(
      'invalid_token',
      'The order-verified token uses a signature algorithm that is not allowed',
      {
        cause: error,
      },
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new OrderTokenError('invalid_token', "The order-verified token's signature does not verify", {
      cause: error,
    });
  }
  if (error instanceof errors.JOSEError) {
    return new OrderTokenError('invalid_token', 'The order-verified token is malformed', { cause: error });
  }
  return error;
}
