/**
 * The parts of the wire contract (API.md "The order-verified token") that checkout-guard needs at run time.
 *
 * They are declared here rather than imported from `@otp-verify/protocol` because that package's entry point
 * also loads its zod schemas, and a checkout server should not need zod. The `typeof` annotations tie each
 * value to the protocol's own constant at compile time: if the protocol changes one, this file stops compiling.
 */
import type * as protocol from '@otp-verify/protocol';

/** The JWT `typ` header of an order-verified token (RFC 8725 3.11: explicit typing). */
export const ORDER_TOKEN_TYPE: typeof protocol.ORDER_TOKEN_TYPE = 'order-verified+jwt';

/** The only signature algorithms accepted (RFC 8725 3.1: the verifier, not the token, picks the algorithm). */
export const ORDER_TOKEN_ALGORITHMS: typeof protocol.ORDER_TOKEN_ALGORITHMS = ['ES256', 'EdDSA'];

/** Longest lifetime of an order-verified token (exp - iat), in seconds. */
export const ORDER_TOKEN_MAX_LIFETIME_SECONDS: typeof protocol.ORDER_TOKEN_MAX_LIFETIME_SECONDS = 300;

/** The protocol's pattern for order ids (API.md `POST /v1/sessions`). */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** ISO 4217 alphabetic currency code, as the verifier writes it. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** The verifier refuses longer tokens at `POST /v1/redemptions`, so nothing longer is worth parsing. */
export const MAX_TOKEN_LENGTH = 8192;

/** Where the verifier publishes its keys and redeems tokens, relative to its base URL (API.md). */
export const JWKS_PATH = '/.well-known/jwks.json';
export const REDEMPTIONS_PATH = '/v1/redemptions';
export const TOKEN_REFUSALS_PATH: typeof protocol.TOKEN_REFUSALS_PATH = '/v1/token-refusals';

/** The `type` URI of a problem document, built the way the protocol's `problemType()` builds it. */
export function problemTypeFor(code: string): string {
  return `https://otp-verify.dev/problems/${code.replaceAll('_', '-')}`;
}
