/**
 * Hand-written shape checks for the values checkout-guard reads from tokens, carts and the verifier
 * (no schema library at run time). Each returns a description of the first problem, or undefined.
 */
import type { Order } from '@otp-verify/protocol';
import { CURRENCY_PATTERN, ORDER_ID_PATTERN } from './contract.js';

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** A JWT NumericDate (RFC 7519 2): seconds since the epoch, a finite non-negative number. */
export function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Amounts are integers in minor units (API.md conventions): 4999 for 49.99. */
export function isMinorUnitAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** What is wrong with an `{ id, amount, currency }` order, if anything. */
export function orderShapeProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'it is not an object';
  if (typeof value.id !== 'string' || !ORDER_ID_PATTERN.test(value.id)) {
    return 'id must be 1-128 characters of A-Z a-z 0-9 . _ : -';
  }
  if (!isMinorUnitAmount(value.amount)) {
    return 'amount must be a non-negative integer in minor units (4999 for 49.99)';
  }
  if (typeof value.currency !== 'string' || !CURRENCY_PATTERN.test(value.currency)) {
    return 'currency must be an upper-case ISO 4217 code such as EUR';
  }
  return undefined;
}

export function isOrder(value: unknown): value is Order {
  return orderShapeProblem(value) === undefined;
}
