import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { BrandConfig } from '../config/brand-schema.js';
import { VerificationError } from '../domain/errors.js';

interface CustomerAuth {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

/**
 * Reads the registered phone number from a brand's customer-auth OIDC ID token: signature against
 * the issuer's JWKS, issuer, audience, expiry, and `phone_number_verified` must be true.
 */
export class CustomerTokenVerifier {
  private readonly byBrand = new Map<string, CustomerAuth>();

  constructor(brands: readonly BrandConfig[]) {
    for (const brand of brands) {
      if (brand.customerAuth === undefined) continue;
      const { issuer, audience, jwksUri } = brand.customerAuth;
      const jwks = new URL(jwksUri ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`);
      this.byBrand.set(brand.id, { issuer, audience, keys: createRemoteJWKSet(jwks, { timeoutDuration: 3000 }) });
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
        algorithms: ['RS256', 'ES256', 'EdDSA', 'PS256'],
      }));
    } catch (error) {
      const reason = error instanceof errors.JOSEError ? error.code : 'unreadable token';
      throw new VerificationError('invalid_customer_token', `The customer token was refused (${reason}).`);
    }
    if (typeof payload.phone_number !== 'string' || payload.phone_number_verified !== true) {
      throw new VerificationError('invalid_customer_token', 'The customer token carries no verified phone number.');
    }
    return payload.phone_number;
  }
}
