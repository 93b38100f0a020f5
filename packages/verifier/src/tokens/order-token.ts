import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import { SignJWT, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { OrderTokenClaims } from '@otp-verify/protocol';
import {
  ORDER_TOKEN_ALGORITHMS,
  ORDER_TOKEN_MAX_LIFETIME_SECONDS,
  ORDER_TOKEN_TYPE,
  tokenClaimsSchema,
} from '@otp-verify/protocol';
import { VerificationError } from '../domain/errors.js';
import type { SigningKeys } from './keystore.js';

/** Three base64url segments: the JWS Compact Serialization (RFC 7515 7.1), the only form a JWT takes. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Header parameters that carry or point to a key: this verifier never sets them (RFC 8725 3.10). */
const KEY_CARRYING_HEADERS = ['jku', 'jwk', 'x5u', 'x5c'] as const;

export function signOrderToken(claims: OrderTokenClaims, keys: SigningKeys): Promise<string> {
  const { kid, alg, privateKey } = keys.current;
  return new SignJWT(claims as unknown as JWTPayload)
    .setProtectedHeader({ alg, typ: ORDER_TOKEN_TYPE, kid })
    .sign(privateKey);
}

function refuse(reason: string): never {
  throw new VerificationError('invalid_token', `The token was refused (${reason}).`);
}

/**
 * Verifies a token this verifier issued for `audience`, refusing forgeries the way checkout-guard does:
 * compact serialisation only, no key-carrying header, a kid that is published now (a key that has left the JWKS
 * verifies nothing), algorithm allowlist ES256/EdDSA (RFC 8725 3.1), explicit typ (3.11), iss (3.8), aud (3.9),
 * exp/nbf/iat by the verifier's own clock, a lifetime of at most 300 s and every contract claim (3.10).
 */
export async function verifyOwnOrderToken(
  token: string,
  keys: SigningKeys,
  expected: { issuer: string; audience: string; now: number },
): Promise<OrderTokenClaims> {
  if (!COMPACT_JWS.test(token)) refuse('not a JWT in compact serialisation');
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    refuse('unreadable header');
  }
  for (const name of KEY_CARRYING_HEADERS) {
    if (Object.hasOwn(header, name)) refuse(`"${name}" header: keys come only from this verifier's JWKS`);
  }
  if (typeof header.kid !== 'string' || header.kid === '') refuse('no "kid" header');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys.verificationKeys, {
      algorithms: [...ORDER_TOKEN_ALGORITHMS],
      typ: ORDER_TOKEN_TYPE,
      issuer: expected.issuer,
      audience: expected.audience,
      currentDate: new Date(expected.now),
      maxTokenAge: ORDER_TOKEN_MAX_LIFETIME_SECONDS,
      requiredClaims: ['iat', 'nbf', 'exp', 'jti'],
    }));
  } catch (error) {
    refuse(error instanceof errors.JOSEError ? error.code : 'unreadable token');
  }
  const claims = tokenClaimsSchema.safeParse(payload);
  if (!claims.success) throw new VerificationError('invalid_token', 'The token’s claims are incomplete.');
  const { iat, exp } = claims.data;
  if (exp <= iat || exp - iat > ORDER_TOKEN_MAX_LIFETIME_SECONDS) refuse('lifetime longer than 300 s');
  return claims.data as OrderTokenClaims;
}
