import type { Order, OrderTokenClaims } from '@otp-verify/protocol';
import { jwtVerify } from 'jose';
import { readOrderTokenClaims } from './claims.js';
import { ORDER_TOKEN_ALGORITHMS, ORDER_TOKEN_TYPE } from './contract.js';
import { fromJoseError } from './jose-errors.js';
import type { VerifierKeys } from './keys.js';
import { assertCartOrder, assertOrderMatches } from './order-binding.js';
import { isNonEmptyString } from './shapes.js';
import { clockToleranceSeconds, maxTokenAgeSeconds } from './time-options.js';
import { readTokenHeader } from './token-form.js';

export interface VerifyOrderTokenOptions {
  /** The expected `iss`: the verifier's public URL. */
  issuer: string;
  /** The expected `aud`: this brand's checkout audience. */
  audience: string;
  /** The cart's order; the token must be bound to exactly this id, amount (minor units) and currency. */
  order: Order;
  /** The verifier's keys, from `createVerifierKeys()` (create once, reuse). */
  keys: VerifierKeys;
  /** Accepted clock skew in seconds, 0-60. Default 30. */
  clockToleranceSeconds?: number;
  /** Oldest accepted token by `iat`, in seconds, 1-300. Default 300. */
  maxTokenAgeSeconds?: number;
  /** The current time (tests). Default: now. */
  now?: Date;
}

/** Claims every order-verified token must carry (RFC 8725 3.10; API.md "The order-verified token"). */
const REQUIRED_CLAIMS = ['iss', 'aud', 'iat', 'nbf', 'exp', 'jti', 'sid', 'brand', 'order', 'phone_ref', 'amr'];

function checkOptions(options: VerifyOrderTokenOptions): void {
  if (!isNonEmptyString(options.issuer)) throw new TypeError('checkout-guard: issuer must be a non-empty string');
  if (!isNonEmptyString(options.audience)) throw new TypeError('checkout-guard: audience must be a non-empty string');
  if (typeof options.keys?.getKey !== 'function') {
    throw new TypeError('checkout-guard: keys must come from createVerifierKeys()');
  }
  if (options.now !== undefined && !(options.now instanceof Date && Number.isFinite(options.now.getTime()))) {
    throw new TypeError('checkout-guard: now must be a valid Date');
  }
  assertCartOrder(options.order);
}

/**
 * Verifies an order-verified token locally and returns its claims, or throws an OrderTokenError:
 * - form: compact serialisation only, no key-carrying header (`jwk`, `jku`, `x5u`, `x5c`), a `kid`;
 * - signature with a key from the verifier's JWKS only, algorithm ES256 or EdDSA (RFC 8725 3.1, 3.10);
 * - `typ: order-verified+jwt` (RFC 8725 3.11), `iss` (3.8), `aud` (3.9), `exp`/`nbf`/`iat` with the clock
 *   tolerance, token age, all contract claims present and well formed (3.10, OWASP ASVS 5.0 V9.2);
 * - the bound order equals the cart's `{ id, amount, currency }` exactly, else `order_mismatch`.
 * This does not make the token single use: `redeemOrderToken()` (or `createOrderGuard()`) does.
 * Bad options (a clock tolerance over 60 s, a malformed cart order) throw TypeError/RangeError.
 */
export async function verifyOrderToken(token: string, options: VerifyOrderTokenOptions): Promise<OrderTokenClaims> {
  checkOptions(options);
  const clockTolerance = clockToleranceSeconds(options.clockToleranceSeconds);
  const maxTokenAge = maxTokenAgeSeconds(options.maxTokenAgeSeconds);
  readTokenHeader(token);

  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, options.keys.getKey, {
      algorithms: [...ORDER_TOKEN_ALGORITHMS],
      typ: ORDER_TOKEN_TYPE,
      issuer: options.issuer,
      audience: options.audience,
      maxTokenAge,
      clockTolerance,
      requiredClaims: REQUIRED_CLAIMS,
      ...(options.now === undefined ? {} : { currentDate: options.now }),
    }));
  } catch (error) {
    throw fromJoseError(error);
  }

  const claims = readOrderTokenClaims(payload);
  assertOrderMatches(claims.order, options.order);
  return claims;
}
