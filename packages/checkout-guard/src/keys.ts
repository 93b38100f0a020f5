import { createRemoteJWKSet, customFetch, errors, type JWTVerifyGetKey } from 'jose';
import { OrderTokenError } from './errors.js';
import { jwksUrlOf, parseVerifierUrl, type VerifierUrlOptions } from './verifier-url.js';

export interface VerifierKeysOptions extends VerifierUrlOptions {
  /**
   * After a fetch, a token with an unknown `kid` does not trigger another fetch for this long, so a flood of
   * forged kids cannot hammer the verifier. A key rotated in is picked up at most this late. 1-300, default 30.
   */
  cooldownSeconds?: number;
  /** The key set is fetched again when it is older than this. cooldownSeconds-86400, default 600. */
  cacheMaxAgeSeconds?: number;
  /** Timeout of one JWKS fetch, in milliseconds. 1-60000, default 5000. */
  timeoutMs?: number;
  /** A fetch implementation (tests, proxies). Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
}

/** The verifier's public keys, fetched from its JWKS and cached. Create once per process and reuse. */
export interface VerifierKeys {
  /** Where the keys are fetched from. */
  readonly jwksUrl: URL;
  /**
   * Picks the key for a token by its `kid` and `alg`, from the JWKS only (RFC 8725 3.10: never from the token's
   * own `jwk`, `jku` or `x5u`). Throws OrderTokenError `invalid_token` for a kid the verifier does not publish
   * and `verifier_unavailable` when the JWKS cannot be fetched.
   */
  readonly getKey: JWTVerifyGetKey;
  /** Fetches the key set now (for instance at start-up, to fail fast). */
  reload(): Promise<void>;
}

function boundedNumber(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`checkout-guard: ${name} must be a number from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}

function unavailable(jwksUrl: URL, cause: unknown): OrderTokenError {
  return new OrderTokenError(
    'verifier_unavailable',
    "The verifier's public keys could not be fetched; try again shortly",
    { cause: new Error(`fetching ${jwksUrl.href} failed`, { cause }) },
  );
}

/**
 * A JWKS cache over jose's `createRemoteJWKSet` for `{verifierUrl}/.well-known/jwks.json` (or a JWKS URL
 * given directly). A token with an unknown kid makes it fetch the set again at most once per cooldown period;
 * concurrent fetches are shared.
 */
export function createVerifierKeys(
  verifierUrlOrJwksUrl: string | URL,
  options: VerifierKeysOptions = {},
): VerifierKeys {
  const jwksUrl = jwksUrlOf(parseVerifierUrl(verifierUrlOrJwksUrl, options));
  const cooldownSeconds = boundedNumber('cooldownSeconds', options.cooldownSeconds, 30, 1, 300);
  const cacheMaxAgeSeconds = boundedNumber(
    'cacheMaxAgeSeconds',
    options.cacheMaxAgeSeconds,
    600,
    cooldownSeconds,
    86_400,
  );
  const timeoutMs = Math.round(boundedNumber('timeoutMs', options.timeoutMs, 5000, 1, 60_000));
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('checkout-guard: fetch must be a function');
  }

  const remote = createRemoteJWKSet(jwksUrl, {
    cooldownDuration: cooldownSeconds * 1000,
    cacheMaxAge: cacheMaxAgeSeconds * 1000,
    timeoutDuration: timeoutMs,
    ...(options.fetch === undefined ? {} : { [customFetch]: options.fetch }),
  });

  const getKey: JWTVerifyGetKey = async (protectedHeader, token) => {
    try {
      return await remote(protectedHeader, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) {
        throw new OrderTokenError(
          'invalid_token',
          `The order-verified token is signed with a key the verifier does not publish (kid ${JSON.stringify(String(protectedHeader.kid).slice(0, 64))})`,
          { cause: error },
        );
      }
      if (error instanceof errors.JWKSMultipleMatchingKeys) {
        throw new OrderTokenError('invalid_token', "The order-verified token's kid matches more than one key", {
          cause: error,
        });
      }
      throw unavailable(jwksUrl, error);
    }
  };

  return {
    jwksUrl,
    getKey,
    async reload() {
      try {
        await remote.reload();
      } catch (error) {
        throw unavailable(jwksUrl, error);
      }
    },
  };
}
