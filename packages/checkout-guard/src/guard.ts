import type { Order, OrderTokenClaims } from '@otp-verify/protocol';
import { OrderTokenError } from './errors.js';
import type { JtiStore } from './jti-store.js';
import { createVerifierKeys, type VerifierKeys } from './keys.js';
import { assertCartOrder } from './order-binding.js';
import { checkSecretKey, checkTimeoutMs, redeemOrderToken } from './redeem.js';
import { refusalOf } from './refusal-reason.js';
import { createRefusalReporter, type RefusalReportCounts } from './refusal-report.js';
import { isNonEmptyString } from './shapes.js';
import { clockToleranceSeconds, maxTokenAgeSeconds } from './time-options.js';
import { parseVerifierUrl, verifierBase, type VerifierUrlOptions } from './verifier-url.js';
import { verifyOrderToken } from './verify.js';

export interface OrderGuardBaseOptions extends VerifierUrlOptions {
  /** The verifier's public base URL, e.g. https://verify.example.com. */
  verifierUrl: string | URL;
  /** The expected `iss`. Default: verifierUrl without a trailing slash. */
  issuer?: string;
  /** This brand's checkout audience (the token's `aud`). */
  audience: string;
  /** Accepted clock skew in seconds, 0-60. Default 30. */
  clockToleranceSeconds?: number;
  /** Oldest accepted token by `iat`, in seconds, 1-300. Default 300. */
  maxTokenAgeSeconds?: number;
  /** Timeout of each call to the verifier (JWKS, redemption) in milliseconds. Default 5000. */
  timeoutMs?: number;
  /** A fetch implementation for the JWKS and redemption calls. Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Keys to share between guards; by default the guard creates its own cache once. */
  keys?: VerifierKeys;
  /**
   * Report the tokens this guard refuses to the verifier's event log (`POST /v1/token-refusals`, with the secret
   * key), in the background: never awaited, so the answer and its latency are the same. Default: on when the
   * guard has the secret key.
   */
  reportRefusals?: boolean;
}

/** Default: single use by redeeming the token at the verifier (`POST /v1/redemptions`), shared by all instances. */
export interface OnlineRedemptionOptions {
  /** The brand's secret key (`sk_…`), for the redemption call. */
  secretKey: string;
  jtiStore?: undefined;
}

/**
 * Offline: single use by claiming the token's jti in a local store instead of redeeming it at the verifier.
 * Tokens are still verified against the JWKS. The verifier's funnel does not learn the order was accepted, and
 * only instances sharing the store refuse each other's replays.
 */
export interface LocalJtiStoreOptions {
  jtiStore: JtiStore;
  secretKey?: string;
}

export type OrderGuardOptions = OrderGuardBaseOptions & (OnlineRedemptionOptions | LocalJtiStoreOptions);

export interface OrderGuard {
  /**
   * Accepts an order only with a valid, unused token bound to exactly this order: verifies it locally, then
   * redeems it once at the verifier (or, with `jtiStore`, claims its jti in that store). Resolves with the claims; rejects with an OrderTokenError to answer the
   * client with, or a TypeError/Error for a bug or misconfiguration of the checkout server.
   */
  accept(token: string | undefined, order: Order): Promise<OrderTokenClaims>;
  /** How the refusal reports fared so far (all zero when reporting is off). */
  refusalReports(): RefusalReportCounts;
}

/**
 * One object per checkout server process: validates its options now (so a misconfiguration fails at start-up,
 * not on the first order) and keeps one JWKS cache for every call.
 */
export function createOrderGuard(options: OrderGuardOptions): OrderGuard {
  const verifierUrl = parseVerifierUrl(options.verifierUrl, options);
  const issuer = options.issuer ?? verifierBase(verifierUrl);
  if (!isNonEmptyString(issuer)) throw new TypeError('checkout-guard: issuer must be a non-empty string');
  if (!isNonEmptyString(options.audience)) {
    throw new TypeError("checkout-guard: audience must be the brand's checkout audience (a non-empty string)");
  }
  const jtiStore = options.jtiStore;
  if (jtiStore !== undefined && typeof jtiStore?.claimOnce !== 'function') {
    throw new TypeError('checkout-guard: jtiStore must have a claimOnce(jti, expiresAt) method');
  }
  if (jtiStore === undefined || options.secretKey !== undefined) checkSecretKey(options.secretKey);
  const clockTolerance = clockToleranceSeconds(options.clockToleranceSeconds);
  const maxTokenAge = maxTokenAgeSeconds(options.maxTokenAgeSeconds);
  const timeoutMs = checkTimeoutMs(options.timeoutMs);
  const keys =
    options.keys ??
    createVerifierKeys(verifierUrl, {
      timeoutMs,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      ...(options.allowInsecureHttp === undefined ? {} : { allowInsecureHttp: options.allowInsecureHttp }),
    });
  const { audience, secretKey } = options;
  const reporter =
    options.reportRefusals === false || secretKey === undefined
      ? undefined
      : createRefusalReporter({ verifierUrl, secretKey, timeoutMs, fetch: options.fetch ?? globalThis.fetch });
  /** Reports (in the background) a refusal by the guard's own checks of `token`. */
  const reportRefusal = (token: unknown, error: unknown) => {
    if (reporter === undefined) return;
    const refusal = refusalOf(token, error);
    if (refusal !== undefined) reporter.report(refusal);
  };

  return {
    async accept(token, order) {
      assertCartOrder(order);
      if (token === undefined || token === null || token === '') {
        const missing = new OrderTokenError('invalid_token', 'No order-verified token was sent with the order');
        reportRefusal(token, missing);
        throw missing;
      }
      let claims: OrderTokenClaims;
      try {
        claims = await verifyOrderToken(token, {
          issuer,
          audience,
          order,
          keys,
          clockToleranceSeconds: clockTolerance,
          maxTokenAgeSeconds: maxTokenAge,
        });
        if (jtiStore !== undefined) await claimLocally(jtiStore, claims, clockTolerance);
      } catch (error) {
        reportRefusal(token, error);
        throw error;
      }
      if (jtiStore !== undefined) return claims;
      const redeemed = await redeemOrderToken(token, {
        verifierUrl,
        secretKey: secretKey as string,
        order,
        timeoutMs,
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        ...(options.allowInsecureHttp === undefined ? {} : { allowInsecureHttp: options.allowInsecureHttp }),
      });
      if (redeemed.jti !== claims.jti) {
        throw new OrderTokenError('verifier_unavailable', 'The verifier redeemed a different token', {
          cause: new Error(`redeemed jti ${redeemed.jti}, verified jti ${claims.jti}`),
        });
      }
      return claims;
    },
    refusalReports: () => reporter?.counts() ?? { sent: 0, failed: 0, dropped: 0 },
  };
}

/** Single use through the local store: remembered until the token can no longer pass `exp` + tolerance. */
async function claimLocally(store: JtiStore, claims: OrderTokenClaims, clockTolerance: number): Promise<void> {
  let claimed: boolean;
  try {
    claimed = await store.claimOnce(claims.jti, claims.exp + clockTolerance);
  } catch (cause) {
    throw new OrderTokenError(
      'verifier_unavailable',
      'The used-token store could not record the token; try again shortly',
      {
        cause,
      },
    );
  }
  if (claimed !== true) {
    throw new OrderTokenError('already_redeemed', 'This order-verified token was already used for an order');
  }
}
