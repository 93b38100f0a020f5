import type { Order, OrderTokenClaims } from '@otp-verify/protocol';
import { readOrderTokenClaims } from './claims.js';
import { OrderTokenError } from './errors.js';
import { assertCartOrder } from './order-binding.js';
import { isPlainObject } from './shapes.js';
import { readTokenHeader } from './token-form.js';
import { parseVerifierUrl, redemptionsUrlOf, type VerifierUrlOptions } from './verifier-url.js';

export interface RedeemOrderTokenOptions extends VerifierUrlOptions {
  /** The verifier's base URL; the call goes to `{verifierUrl}/v1/redemptions`. */
  verifierUrl: string | URL;
  /** The brand's secret key (`sk_…`). Server-side only. */
  secretKey: string;
  /** The cart's order: the verifier refuses the redemption (`order_mismatch`) if the token is for another. */
  order?: Order;
  /** A fetch implementation (tests, proxies). Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Timeout of the whole call in milliseconds, 1-60000. Default 5000. */
  timeoutMs?: number;
}

export const DEFAULT_REDEMPTION_TIMEOUT_MS = 5000;

/** Checks a secret key from configuration; passing the publishable brand id is the usual mistake. */
export function checkSecretKey(secretKey: unknown): asserts secretKey is string {
  if (typeof secretKey !== 'string' || !secretKey.startsWith('sk_') || secretKey.length < 4) {
    throw new TypeError("checkout-guard: secretKey must be the brand's secret key (sk_…), not its publishable id");
  }
}

export function checkTimeoutMs(value: number | undefined): number {
  if (value === undefined) return DEFAULT_REDEMPTION_TIMEOUT_MS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > 60_000) {
    throw new RangeError(`checkout-guard: timeoutMs must be from 1 to 60000 (got ${String(value)})`);
  }
  return Math.round(value);
}

function unavailable(message: string, cause: unknown): OrderTokenError {
  return new OrderTokenError('verifier_unavailable', message, { cause });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function problemCode(body: unknown): string | undefined {
  return isPlainObject(body) && typeof body.code === 'string' ? body.code : undefined;
}

/**
 * Redeems an order-verified token once at the verifier (`POST {verifierUrl}/v1/redemptions`, API.md), so it is
 * single use across every checkout instance (OWASP ASVS 5.0 V2.3.x, replay of a business step), and returns
 * the claims the verifier read from it. Throws OrderTokenError:
 * 409 → `already_redeemed`; 401 → `invalid_token`; 422 → `order_mismatch`; network error, timeout, 429, 5xx or
 * an unexpected answer → `verifier_unavailable`. A refused secret key, a redirect or another 4xx is a
 * configuration error of the checkout server and throws a plain Error (answer it with a 500).
 */
export async function redeemOrderToken(token: string, options: RedeemOrderTokenOptions): Promise<OrderTokenClaims> {
  const url = redemptionsUrlOf(parseVerifierUrl(options.verifierUrl, options));
  checkSecretKey(options.secretKey);
  const timeoutMs = checkTimeoutMs(options.timeoutMs);
  if (options.order !== undefined) assertCartOrder(options.order);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('checkout-guard: fetch must be a function');
  // Refuses an absent or malformed token without a round trip.
  readTokenHeader(token);

  let response: Response;
  let body: unknown;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.secretKey}`,
        'content-type': 'application/json',
        accept: 'application/json, application/problem+json',
      },
      body: JSON.stringify(options.order === undefined ? { token } : { token, order: options.order }),
      // Never follow a redirect with the secret key in the request.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await readJson(response);
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    throw unavailable(
      timedOut
        ? 'The verifier did not answer the redemption in time; try again shortly'
        : 'The verifier could not be reached to redeem the token; try again shortly',
      new Error(`POST ${url.href} failed`, { cause }),
    );
  }

  const { status } = response;
  const code = problemCode(body);
  const cause = new Error(`POST ${url.href} answered ${status}${code === undefined ? '' : ` ${code}`}`);

  if (status === 200) {
    if (!isPlainObject(body) || body.redeemed !== true) {
      throw unavailable('The verifier gave an unexpected answer to the redemption', cause);
    }
    try {
      return readOrderTokenClaims(body.claims);
    } catch (error) {
      throw unavailable('The verifier gave an unexpected answer to the redemption', error);
    }
  }
  if (status === 409) {
    throw new OrderTokenError('already_redeemed', 'This order-verified token was already used for an order', {
      cause,
    });
  }
  if (status === 401 && code === 'invalid_secret_key') {
    throw new Error(
      "checkout-guard: the verifier refused the secret key; check that secretKey is the brand's current sk_ key",
      { cause },
    );
  }
  if (status === 401) {
    throw new OrderTokenError('invalid_token', 'The verifier refused the order-verified token', { cause });
  }
  if (status === 422) {
    throw new OrderTokenError(
      'order_mismatch',
      'The verifier says the order-verified token was issued for another order',
      { cause },
    );
  }
  if (status === 408 || status === 429 || status >= 500) {
    throw unavailable('The verifier is unavailable; try again shortly', cause);
  }
  if (status >= 300 && status < 400) {
    throw new Error(
      `checkout-guard: the verifier answered the redemption with a redirect (${status}); set verifierUrl to its final URL`,
      { cause },
    );
  }
  if (status >= 400 && status < 500) {
    throw new Error(`checkout-guard: the verifier refused the redemption request (${status} ${code ?? 'no code'})`, {
      cause,
    });
  }
  throw unavailable('The verifier gave an unexpected answer to the redemption', cause);
}
