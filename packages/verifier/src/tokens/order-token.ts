import type { JWTPayload } from 'jose';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { OrderTokenClaims } from '@otp-verify/protocol';
import { ORDER_TOKEN_ALGORITHMS, ORDER_TOKEN_TYPE, tokenClaimsSchema } from '@otp-verify/protocol';
import { VerificationError } from '../domain/errors.js';
import type { SigningKeys } from './keystore.js';

export function signOrderToken(claims: OrderTokenClaims, keys: SigningKeys): Promise<string> {
  const { kid, alg, privateKey } = keys.current;
  return new SignJWT(claims as unknown as JWTPayload)
    .setProtectedHeader({ alg, typ: ORDER_TOKEN_TYPE, kid })
    .sign(privateKey);
}

/** Verifies a token this verifier issued for `audience` (RFC 8725: algorithm allowlist, explicit typ). */
export async function verifyOwnOrderToken(
  token: string,
  keys: SigningKeys,
  expected: { issuer: string; audience: string; now: number },
): Promise<OrderTokenClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys.verificationKeys, {
      algorithms: [...ORDER_TOKEN_ALGORITHMS],
      typ: ORDER_TOKEN_TYPE,
      issuer: expected.issuer,
      audience: expected.audience,
      currentDate: new Date(expected.now),
      requiredClaims: ['iat', 'nbf', 'exp', 'jti'],
    }));
  } catch (error) {
    const reason = error instanceof errors.JOSEError ? error.code : 'unreadable token';
    throw new VerificationError('invalid_token', `The token was refused (${reason}).`);
  }
  const claims = tokenClaimsSchema.safeParse(payload);
  if (!claims.success) throw new VerificationError('invalid_token', 'The token’s claims are incomplete.');
  return claims.data as OrderTokenClaims;
}
