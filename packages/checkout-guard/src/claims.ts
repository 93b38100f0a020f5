import type { AuthenticationMethod, OrderTokenClaims } from '@otp-verify/protocol';
import { ORDER_TOKEN_MAX_LIFETIME_SECONDS } from './contract.js';
import { OrderTokenError } from './errors.js';
import { isNonEmptyString, isNumericDate, isOrder, isPlainObject, orderShapeProblem } from './shapes.js';

const AUTHENTICATION_METHODS: readonly AuthenticationMethod[] = ['sms', 'email'];

function refuse(claim: string, problem: string): never {
  throw new OrderTokenError('invalid_token', `The order-verified token's "${claim}" claim ${problem}`);
}

function requireString(payload: Record<string, unknown>, claim: string): string {
  const value = payload[claim];
  if (value === undefined) refuse(claim, 'is missing');
  if (!isNonEmptyString(value)) refuse(claim, 'must be a non-empty string');
  return value;
}

function requireNumericDate(payload: Record<string, unknown>, claim: string): number {
  const value = payload[claim];
  if (value === undefined) refuse(claim, 'is missing');
  if (!isNumericDate(value)) refuse(claim, 'must be a NumericDate (seconds since the epoch)');
  return value;
}

/**
 * Reads the claims of an order-verified token whose signature, typ, iss, aud and times have been checked,
 * and checks their shapes (API.md "The order-verified token"). Anything unexpected refuses the token:
 * RFC 8725 3.10 (do not trust received claims) and OWASP ASVS 5.0 V9.2 (token content validated before use).
 * Returns a fresh object holding only the contract's claims.
 */
export function readOrderTokenClaims(payload: unknown): OrderTokenClaims {
  if (!isPlainObject(payload)) {
    throw new OrderTokenError('invalid_token', 'The order-verified token has no claims object');
  }
  const iss = requireString(payload, 'iss');
  // The contract's aud is a single string (the brand's checkout audience), never an array.
  const aud = requireString(payload, 'aud');
  const iat = requireNumericDate(payload, 'iat');
  const nbf = requireNumericDate(payload, 'nbf');
  const exp = requireNumericDate(payload, 'exp');
  const jti = requireString(payload, 'jti');
  const sid = requireString(payload, 'sid');
  const brand = requireString(payload, 'brand');
  const phoneRef = requireString(payload, 'phone_ref');

  // RFC 8725 3.10 / API.md: a token lives at most 5 minutes; a longer-lived one was not issued by the contract.
  if (exp - iat > ORDER_TOKEN_MAX_LIFETIME_SECONDS) {
    refuse('exp', `is more than ${ORDER_TOKEN_MAX_LIFETIME_SECONDS} seconds after "iat"`);
  }
  if (exp <= iat) refuse('exp', 'must be after "iat"');

  const order = payload.order;
  if (order === undefined) refuse('order', 'is missing');
  if (!isOrder(order)) refuse('order', `is malformed: ${orderShapeProblem(order)}`);

  const amr = payload.amr;
  if (amr === undefined) refuse('amr', 'is missing');
  // API.md: amr is ["sms"] or ["email"].
  if (!Array.isArray(amr) || amr.length !== 1 || !AUTHENTICATION_METHODS.includes(amr[0] as AuthenticationMethod)) {
    refuse('amr', 'must be ["sms"] or ["email"]');
  }

  return {
    iss,
    aud,
    iat,
    nbf,
    exp,
    jti,
    sid,
    brand,
    order: { id: order.id, amount: order.amount, currency: order.currency },
    phone_ref: phoneRef,
    amr: [amr[0] as AuthenticationMethod],
  };
}
