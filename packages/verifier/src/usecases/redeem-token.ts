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
  const refused = (reason: string, sessionId: string | null) =>
    context.store.appendEvent({
      at: now,
      type: 'token.refused',
      brand: brand.id,
      sessionId,
      data: { reason, reportedBy: 'verifier' },
    });
  let claims: OrderTokenClaims;
  try {
    claims = await verifyOwnOrderToken(request.token, context.keys, {
      issuer: context.issuer,
      audience: brand.audience,
      now,
    });
  } catch (error) {
    if (error instanceof VerificationError) refused(error.code, null);
    throw error;
  }
  // A valid token of another brand says nothing this brand may record about that brand's session.
  if (claims.brand !== brand.id) {
    refused('invalid_token', null);
    throw new VerificationError('invalid_token', 'The token belongs to another brand.');
  }
  const mismatch = request.order === undefined ? undefined : otherOrder(claims.order, request.order);
  if (mismatch !== undefined) {
    refused('order_mismatch', claims.sid);
    throw mismatch;
  }
  const redeemed = context.store.transaction(() => {
    const session = context.store.redeemToken(claims.jti, now);
    if (session === undefined) refused('already_redeemed', claims.sid);
    else {
      context.store.appendEvent({ at: now, type: 'token.redeemed', brand: brand.id, sessionId: session.id });
      context.store.recordOutcome(session.id, 'order_accepted', now);
    }
    return session;
  });
  context.metrics.redemptions.inc({
    brand: brand.id,
    result: redeemed === undefined ? 'already_redeemed' : 'redeemed',
  });
  if (redeemed === undefined)
    throw new VerificationError('already_redeemed', 'This token was already used for an order.');
  return claims;
}

/** The refusal when the presented order differs from the one the token binds. */
function otherOrder(bound: Order, presented: Order): VerificationError | undefined {
  const differing = (['id', 'amount', 'currency'] as const).filter((field) => bound[field] !== presented[field]);
  if (differing.length === 0) return undefined;
  const verb = differing.length === 1 ? 'differs' : 'differ';
  return new VerificationError(
    'order_mismatch',
    `The order's ${differing.join(' and ')} ${verb} from what was verified.`,
  );
}
