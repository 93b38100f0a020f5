/** Stable machine-readable error codes of API v1 and the HTTP status each one is sent with. */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_client_secret: 401,
  invalid_customer_token: 401,
  invalid_secret_key: 401,
  invalid_token: 401,
  invalid_signature: 401,
  origin_not_allowed: 403,
  guest_checkout_disabled: 403,
  blocked: 403,
  unknown_brand: 404,
  session_not_found: 404,
  unknown_provider: 404,
  not_found: 404,
  method_not_allowed: 405,
  session_closed: 409,
  already_redeemed: 409,
  expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_phone: 422,
  country_not_allowed: 422,
  invalid_code: 422,
  order_mismatch: 422,
  locked: 423,
  rate_limited: 429,
  internal_error: 500,
  delivery_unavailable: 503,
  directory_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  invalid_request: 'The request is malformed',
  invalid_client_secret: 'The session credential is missing or wrong',
  invalid_customer_token: 'The customer token could not be verified',
  invalid_secret_key: 'The secret key is missing or wrong',
  invalid_token: 'The order-verified token is not valid',
  invalid_signature: 'The request signature is missing, wrong or too old',
  origin_not_allowed: 'This origin may not use the brand',
  guest_checkout_disabled: 'The brand does not allow a typed phone number',
  blocked: 'The request was blocked',
  unknown_brand: 'No such brand',
  session_not_found: 'No such session',
  unknown_provider: 'No such provider, or it takes no delivery receipts',
  not_found: 'No such resource',
  method_not_allowed: 'Method not allowed on this resource',
  session_closed: 'The session is closed',
  already_redeemed: 'The token was already redeemed',
  expired: 'The code has expired',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body must be JSON',
  invalid_phone: 'The phone number is not valid',
  country_not_allowed: 'The brand does not serve this country',
  invalid_code: 'The code is wrong',
  order_mismatch: 'The order does not match the token',
  locked: 'Too many wrong codes: the session is locked',
  rate_limited: 'Too many requests',
  internal_error: 'Internal error',
  delivery_unavailable: 'The message could not be sent',
  directory_unavailable: 'The brand’s customer directory could not be reached',
};

/** The `type` URI of a problem document (RFC 9457) for an error code. */
export function problemType(code: ErrorCode): string {
  return `https://otp-verify.dev/problems/${code.replaceAll('_', '-')}`;
}
