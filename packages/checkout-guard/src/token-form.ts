import { decodeProtectedHeader, type ProtectedHeaderParameters } from 'jose';
import { MAX_TOKEN_LENGTH } from './contract.js';
import { OrderTokenError } from './errors.js';
import { isNonEmptyString } from './shapes.js';

/** Three base64url segments: the JWS Compact Serialization (RFC 7515 7.1), the only form a JWT takes (RFC 7519 1). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Header parameters that carry or point to a key. The verifier never sets them; a token that does is trying
 * to choose its own key (RFC 8725 3.10, do not trust received claims; 2.8/3.10 on jku, x5u and jwk), so it
 * is refused outright rather than merely ignored.
 */
const KEY_CARRYING_HEADERS = ['jku', 'jwk', 'x5u', 'x5c'] as const;

function invalid(message: string, cause?: unknown): OrderTokenError {
  return new OrderTokenError('invalid_token', message, cause === undefined ? {} : { cause });
}

/**
 * Checks the token's form before any key is looked up: a string of bounded length in JWS compact serialisation
 * (no JSON serialisation, no unprotected header), whose protected header names a `kid` and carries no key of
 * its own. Returns the decoded protected header.
 */
export function readTokenHeader(token: unknown): ProtectedHeaderParameters {
  if (token === undefined || token === null || token === '') {
    throw invalid('No order-verified token was sent with the order');
  }
  if (typeof token !== 'string') throw invalid('The order-verified token must be a string');
  if (token.length > MAX_TOKEN_LENGTH) {
    throw invalid(`The order-verified token is longer than ${MAX_TOKEN_LENGTH} characters`);
  }
  if (!COMPACT_JWS.test(token)) {
    throw invalid('The order-verified token is not a JWT in compact serialisation (header.payload.signature)');
  }
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch (cause) {
    throw invalid("The order-verified token's header is not valid base64url JSON", cause);
  }
  for (const name of KEY_CARRYING_HEADERS) {
    if (Object.hasOwn(header, name)) {
      throw invalid(
        `The order-verified token carries a "${name}" header; keys are taken only from the verifier's JWKS`,
      );
    }
  }
  if (!isNonEmptyString(header.kid)) throw invalid('The order-verified token\'s header has no "kid"');
  return header;
}
