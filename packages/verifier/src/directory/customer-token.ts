import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { BrandConfig } from '../config/brand-schema.js';
import { CUSTOMER_TOKEN_ALGORITHMS } from '../config/brand-schema.js';
import { VerificationError } from '../domain/errors.js';

interface CustomerAuth {
  issuer: string;
  audience: string;
  algorithms: string[];
  keys: JWTVerifyGetKey;
}

/** Claims an OIDC ID token always carries (OpenID Connect Core 2); iss and aud are checked by value. */
const REQUIRED_CLAIMS = ['sub', 'iat', 'exp'];
/** Seconds of clock skew tolerated between the brand's issuer and the verifier. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Reads the registered phone number from a brand's customer-auth OIDC ID token: signature against
 * the issuer's JWKS (fetched with a timeout and cached, one key set per brand, built once at start),
 * an algorithm allowlist, issuer, audience, expiry, the required claims, and `phone_number_verified`
 * must be true. The number itself is never logged or returned to the page.
 */
export class CustomerTokenVerifier {
  private readonly byBrand = new Map<string, CustomerAuth>();

  constructor(
    brands: readonly BrandConfig[],
    private readonly clock: () => number = Date.now,
  ) {
    for (const brand of brands) {
      if (brand.customerAuth === undefined) continue;
      const { issuer, audience, jwksUri, algorithms, jwksTimeoutMs } = brand.customerAuth;
      const jwks = new URL(jwksUri ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`);
      this.byBrand.set(brand.id, {
        issuer,
        audience,
        algorithms: [...(algorithms ?? CUSTOMER_TOKEN_ALGORITHMS)],
        keys: createRemoteJWKSet(jwks, { timeoutDuration: jwksTimeoutMs }),
      });
    }
  }

  async phoneNumber(brand: string, token: string): Promise<string> {
    const auth = this.byBrand.get(brand);
    if (auth === undefined) {
      throw new VerificationError('invalid_customer_token', 'This brand has no customer-auth issuer configured.');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, auth.keys, {
        issuer: auth.issuer,
        audience: auth.audience,
        algorithms: auth.algorithms,
        requiredClaims: REQUIRED_CLAIMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(this.clock()),
      }));
    } catch (error) {
      if (isIssuerUnreachable(error)) {
        throw new VerificationError(
          'directory_unavailable',
          'The brand’s login service could not be reached to check the customer token. Try again in a moment.',
          { retryAfter: 5 },
        );
      }
      const reason = error instanceof errors.JOSEError ? error.code : 'unreadable token';
      throw new VerificationError('invalid_customer_token', `The customer token was refused (${reason}).`);
    }
    if (typeof payload.phone_number !== 'string' || payload.phone_number_verified !== true) {
      throw new VerificationError('invalid_customer_token', 'The customer token carries no verified phone number.');
    }
    return payload.phone_number;
  }
}

/**
 * The issuer's key set could not be fetched (network error, timeout, non-200 or unreadable answer): the
 * customer is not at fault, so this is a 503, not a 401. A token that is merely wrong never gets here.
 */
function isIssuerUnreachable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  if (!(error instanceof errors.JOSEError)) {
    // undici's network failures (refused, reset, DNS) reach us as `TypeError: fetch failed`.
    return error instanceof TypeError && error.message === 'fetch failed';
  }
  return error.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set HTTP response/.test(error.message);
}
