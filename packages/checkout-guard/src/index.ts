export type { Order, OrderTokenClaims, Problem } from '@otp-verify/protocol';
export {
  OrderTokenError,
  isOrderTokenError,
  ORDER_TOKEN_ERROR_STATUS,
  ORDER_TOKEN_ERROR_TITLES,
  type OrderTokenErrorCode,
  type OrderTokenErrorStatus,
  type OrderTokenErrorOptions,
} from './errors.js';
export { createVerifierKeys, type VerifierKeys, type VerifierKeysOptions } from './keys.js';
export { verifyOrderToken, type VerifyOrderTokenOptions } from './verify.js';
export { redeemOrderToken, type RedeemOrderTokenOptions } from './redeem.js';
export {
  createOrderGuard,
  type OrderGuard,
  type OrderGuardOptions,
  type OrderGuardBaseOptions,
  type OnlineRedemptionOptions,
  type LocalJtiStoreOptions,
} from './guard.js';
export { createMemoryJtiStore, JtiStoreFullError, type JtiStore, type MemoryJtiStoreOptions } from './jti-store.js';
export { orderTokenProblem, type OrderTokenProblem } from './problem.js';
export { requireVerifiedOrder, sendOrderTokenProblem, type RequireVerifiedOrderOptions } from './express.js';
export type { VerifierUrlOptions } from './verifier-url.js';
export type { RefusalReportCounts } from './refusal-report.js';
export type { TokenRefusal } from './refusal-reason.js';
