import type { Order } from '@otp-verify/protocol';

/**
 * Why an order was refused. Each code comes with the HTTP status a checkout server can answer its own client
 * with; the statuses of the codes the verifier also uses match API.md (`ERROR_STATUS` in the protocol).
 */
export const ORDER_TOKEN_ERROR_STATUS = {
  /** Missing, malformed, forged, wrongly typed, for another issuer or audience, or with bad claims. */
  invalid_token: 401,
  /** Past `exp`, or older than the accepted token age. The customer has to verify again. */
  token_expired: 401,
  /** The token is valid but was issued for another order id, amount or currency than the cart's. */
  order_mismatch: 422,
  /** The token was already used for an order (on this or another checkout instance). */
  already_redeemed: 409,
  /** The verifier (its JWKS or its redemption endpoint) could not be reached or answered unexpectedly. */
  verifier_unavailable: 503,
} as const;

export type OrderTokenErrorCode = keyof typeof ORDER_TOKEN_ERROR_STATUS;
export type OrderTokenErrorStatus = (typeof ORDER_TOKEN_ERROR_STATUS)[OrderTokenErrorCode];

/** Short, constant titles for problem documents (RFC 9457 `title`). */
export const ORDER_TOKEN_ERROR_TITLES: Record<OrderTokenErrorCode, string> = {
  invalid_token: 'The order-verified token is not valid',
  token_expired: 'The order-verified token has expired',
  order_mismatch: 'The order does not match the token',
  already_redeemed: 'The token was already redeemed',
  verifier_unavailable: 'The verification service is unavailable',
};

export interface OrderTokenErrorOptions {
  cause?: unknown;
  /** For `order_mismatch`: the fields of the order that differ. */
  mismatchedFields?: readonly (keyof Order)[];
}

/**
 * The order cannot be accepted with this token. `message` says what went wrong in words a checkout developer
 * (and, as the problem `detail`, the shopper's browser) can read; it never contains keys or secrets. Internal
 * details, such as the network error behind `verifier_unavailable`, are kept in `cause` for logs.
 */
export class OrderTokenError extends Error {
  override readonly name = 'OrderTokenError';
  readonly code: OrderTokenErrorCode;
  readonly status: OrderTokenErrorStatus;
  readonly title: string;
  readonly mismatchedFields: readonly (keyof Order)[];

  constructor(code: OrderTokenErrorCode, message: string, options: OrderTokenErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ORDER_TOKEN_ERROR_STATUS[code];
    this.title = ORDER_TOKEN_ERROR_TITLES[code];
    this.mismatchedFields = options.mismatchedFields ?? [];
  }
}

export function isOrderTokenError(value: unknown): value is OrderTokenError {
  return value instanceof OrderTokenError;
}
