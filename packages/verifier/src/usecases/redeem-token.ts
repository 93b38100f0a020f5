import type { Order, OrderTokenClaims, RedemptionRequest } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import { VerificationError } from '../domain/errors.js';
import { verifyOwnOrderToken } from '../tokens/order-token.js';
import type { VerifierContext } from './context.js';

/** Accepts a token once, for the brand whose secret key presents it, and marks its order accepted. */
export async function redeemToken(
  context: VerifierContext,
  brand: Brand,
  request: RedemptionRequest,
): Promise<OrderTokenClaims> {
  const now = context.clock();
  const claims = await verifyOwnOrderToken(request.token, context.keys, {
    issuer: context.issuer,
    audience: brand.audience,
    now,
  });
  if (claims.brand !== brand.id) throw new VerificationError('invalid_token', 'The token belongs to another brand.');
  if (request.order !== undefined) refuseOtherOrder(claims.order, request.order);
  const redeemed = context.store.redeemToken(claims.jti, now);
  context.metrics.redemptions.inc({
    brand: brand.id,
    result: redeemed === undefined ? 'already_redeemed' : 'redeemed',
  });
  if (redeemed === undefined)
    throw new VerificationError('already_redeemed', 'This token was already used for an order.');
  return claims;
}

function refuseOtherOrder(bound: Order, presented: Order): void {
  const differing = (['id', 'amount', 'currency'] as const).filter((field) => bound[field] !== presented[field]);
  if (differing.length > 0) {
    const verb = differing.length === 1 ? 'differs' : 'differ';
    throw new VerificationError(
      'order_mismatch',
      `The order's ${differing.join(' and ')} ${verb} from what was verified.`,
    );
  }
}
