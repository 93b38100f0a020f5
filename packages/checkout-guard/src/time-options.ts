import { ORDER_TOKEN_MAX_LIFETIME_SECONDS } from './contract.js';

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
/** More skew than this would stretch a 5-minute token noticeably; fix the clock (NTP) instead. */
export const MAX_CLOCK_TOLERANCE_SECONDS = 60;

/** The clock skew accepted on exp, nbf and iat (RFC 7519 4.1.4: "some small leeway"). 0-60 s, default 30. */
export function clockToleranceSeconds(value: number | undefined): number {
  return boundedSeconds(
    'clockToleranceSeconds',
    value,
    0,
    MAX_CLOCK_TOLERANCE_SECONDS,
    DEFAULT_CLOCK_TOLERANCE_SECONDS,
  );
}

/** How old (by iat) a token may be. 1-300 s, default 300: the contract's longest token lifetime. */
export function maxTokenAgeSeconds(value: number | undefined): number {
  return boundedSeconds(
    'maxTokenAgeSeconds',
    value,
    1,
    ORDER_TOKEN_MAX_LIFETIME_SECONDS,
    ORDER_TOKEN_MAX_LIFETIME_SECONDS,
  );
}

function boundedSeconds(name: string, value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`checkout-guard: ${name} must be from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}
