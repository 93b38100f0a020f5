import { ORDER_TOKEN_MAX_LIFETIME_SECONDS } from './contract.js';

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
/** More skew than this would stretch a 5-minute token noticeably; fix the clock (NTP) instead. */
export const MAX_CLOCK_TOLERANCE_SECONDS = 60;

/** The clock skew accepted on exp, nbf and iat (RFC 7519 4.1.4: "some small leeway"). 0-60 s, default 30. */
export function clockToleranceSeconds(value: number | undefined): number {
  if (value === undefined) return DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_CLOCK_TOLERANCE_SECONDS) {
    throw new RangeError(
      `checkout-guard: clockToleranceSeconds must be from 0 to ${MAX_CLOCK_TOLERANCE_SECONDS} (got ${String(value)})`,
    );
  }
  return value;
}

/** How old (by iat) a token may be. 1-300 s, default 300: the contract's longest token lifetime. */
export function maxTokenAgeSeconds(value: number | undefined): number {
  if (value === undefined) return ORDER_TOKEN_MAX_LIFETIME_SECONDS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > ORDER_TOKEN_MAX_LIFETIME_SECONDS) {
    throw new RangeError(
      `checkout-guard: maxTokenAgeSeconds must be from 1 to ${ORDER_TOKEN_MAX_LIFETIME_SECONDS} (got ${String(value)})`,
    );
  }
  return value;
}
