import type { Order } from './schemas.js';

/** The JWT `typ` header of an order-verified token (RFC 8725 3.11: explicit typing). */
export const ORDER_TOKEN_TYPE = 'order-verified+jwt';

/** Signature algorithms a verifier may use; a checkout guard accepts only these. */
export const ORDER_TOKEN_ALGORITHMS = ['ES256', 'EdDSA'] as const;
export type OrderTokenAlgorithm = (typeof ORDER_TOKEN_ALGORITHMS)[number];

/** Longest lifetime of an order-verified token, in seconds. */
export const ORDER_TOKEN_MAX_LIFETIME_SECONDS = 300;

export type AuthenticationMethod = 'sms' | 'email';

/** The claims of an order-verified token. */
export interface OrderTokenClaims {
  iss: string;
  aud: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  sid: string;
  brand: string;
  order: Order;
  /** Keyed hash of the phone number, stable per brand; never the number itself. */
  phone_ref: string;
  amr: AuthenticationMethod[];
}
