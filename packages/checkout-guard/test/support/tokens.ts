import type { Order } from '@otp-verify/protocol';
import { base64url, SignJWT, type JWTHeaderParameters } from 'jose';
import type { TestKey } from './keys.js';

export const ISSUER = 'https://verify.example.test';
export const AUDIENCE = 'checkout:brand-a';
export const ORDER: Order = { id: 'ord_1001', amount: 4999, currency: 'EUR' };

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The claims of a good token issued `ageSeconds` ago, as the verifier writes them (API.md). */
export function goodClaims(overrides: Record<string, unknown> = {}, issuedAt = nowSeconds()): Record<string, unknown> {
  return {
    iss: ISSUER,
    aud: AUDIENCE,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + 300,
    jti: `jti-${Math.random().toString(36).slice(2)}`,
    sid: 'ses_123',
    brand: 'brand-a',
    order: { ...ORDER },
    phone_ref: 'pr_4f2a9c',
    amr: ['sms'],
    ...overrides,
  };
}

export interface SignOptions {
  claims?: Record<string, unknown>;
  /** Header parameters to add or replace; a value of undefined removes the parameter. */
  header?: Record<string, unknown>;
  /** Claims to leave out. */
  omit?: string[];
}

/** Signs a token with jose, as the verifier would (or as an attacker with a key would). */
export async function signToken(key: TestKey, options: SignOptions = {}): Promise<string> {
  const omit = new Set(options.omit ?? []);
  const claims = Object.fromEntries(Object.entries(options.claims ?? goodClaims()).filter(([name]) => !omit.has(name)));
  const header = { alg: key.alg, typ: 'order-verified+jwt', kid: key.kid, ...options.header } as JWTHeaderParameters;
  return new SignJWT(claims).setProtectedHeader(header).sign(key.privateKey);
}

/** base64url(JSON) of a value: for hand-crafted tokens. */
export function segment(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

export function splitToken(token: string): [string, string, string] {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) throw new Error('not a JWT');
  return [header, payload, signature];
}
