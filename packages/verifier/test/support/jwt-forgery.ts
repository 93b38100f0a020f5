import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CryptoKey, JSONWebKeySet, JWK } from 'jose';
import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import type { Order, OrderTokenClaims } from '@otp-verify/protocol';
import type { VerifierKeys } from '@otp-verify/checkout-guard';
import { OrderTokenError, createVerifierKeys, verifyOrderToken } from '@otp-verify/checkout-guard';
import { order } from './api.js';
import { ACME, PUBLIC_URL } from './brands.js';
import type { VerifierFixture } from './fixture.js';

/** base64url(JSON) of a value: one segment of a hand-made token. */
export function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function parts(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
} {
  return {
    header: decodeProtectedHeader(token) as Record<string, unknown>,
    payload: decodeJwt(token) as Record<string, unknown>,
    signature: token.split('.')[2] ?? '',
  };
}

/** `header.payload.` signed with HMAC-SHA256 under `secret`: the algorithm-confusion forgery. */
export function hs256(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  secret: Buffer | string,
): string {
  const input = `${segment({ ...header, alg: 'HS256' })}.${segment(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** Signs claims with any key and header: an attacker's key, or the verifier's own (read from its data dir). */
export function sign(
  payload: Record<string, unknown>,
  header: Record<string, unknown>,
  key: CryptoKey,
): Promise<string> {
  return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(key);
}

/** The verifier's private key `kid` as stored in its data directory (a test may read it; clients never can). */
export async function verifierPrivateKey(dataDir: string, kid: string): Promise<CryptoKey> {
  const stored = JSON.parse(readFileSync(join(dataDir, 'keys', `${kid}.json`), 'utf8')) as {
    alg: string;
    privateJwk: JWK;
  };
  return (await importJWK(stored.privateJwk, stored.alg)) as CryptoKey;
}

export async function publishedKeys(fixture: VerifierFixture): Promise<JSONWebKeySet> {
  const response = await fixture.api.request('GET', '/.well-known/jwks.json');
  if (response.status !== 200) throw new Error(`JWKS answered ${response.status}`);
  return response.body as JSONWebKeySet;
}

/** A checkout server's view of the verifier: checkout-guard's own verifyOrderToken with a JWKS cache. */
export interface CheckoutGuardView {
  keys: VerifierKeys;
  verify(token: string, options?: { audience?: string; order?: Order; at?: number }): Promise<OrderTokenClaims>;
  /** The OrderTokenError the guard refuses `token` with (fails if it is accepted). */
  refusal(token: string, options?: { audience?: string; order?: Order; at?: number }): Promise<OrderTokenError>;
}

export function checkoutGuard(fixture: VerifierFixture, cooldownSeconds = 30): CheckoutGuardView {
  const keys = createVerifierKeys(fixture.url, { cooldownSeconds });
  const verify: CheckoutGuardView['verify'] = (token, options = {}) =>
    verifyOrderToken(token, {
      issuer: PUBLIC_URL,
      audience: options.audience ?? ACME.audience,
      order: options.order ?? order(),
      keys,
      clockToleranceSeconds: 0,
      now: new Date(options.at ?? fixture.clock()),
    });
  return {
    keys,
    verify,
    async refusal(token, options) {
      try {
        await verify(token, options);
      } catch (error) {
        if (error instanceof OrderTokenError) return error;
        throw error;
      }
      throw new Error('checkout-guard accepted a token it must refuse');
    },
  };
}
