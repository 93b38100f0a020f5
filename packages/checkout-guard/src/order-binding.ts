import type { Order } from '@otp-verify/protocol';
import { OrderTokenError } from './errors.js';
import { orderShapeProblem } from './shapes.js';

/**
 * Checks the cart order a checkout server passes in. A malformed cart order is a bug in the checkout server,
 * not something the shopper did, so it throws a TypeError (answered as a 500), not an OrderTokenError.
 */
export function assertCartOrder(order: unknown): asserts order is Order {
  const problem = orderShapeProblem(order);
  if (problem !== undefined) throw new TypeError(`checkout-guard: the cart order is not valid: ${problem}`);
}

const ORDER_FIELDS = ['id', 'amount', 'currency'] as const;

/**
 * The order bound in the token must be exactly the cart's: same id, same integer amount in minor units,
 * same currency (DESIGN.md step 4; OWASP ASVS 5.0 V2.3.1 business logic in sequence and unmodified).
 */
export function assertOrderMatches(bound: Order, cart: Order): void {
  const differing = ORDER_FIELDS.filter((field) => bound[field] !== cart[field]);
  if (differing.length === 0) return;
  const details = differing.map(
    (field) => `${field} differs (token: ${JSON.stringify(bound[field])}, cart: ${JSON.stringify(cart[field])})`,
  );
  throw new OrderTokenError(
    'order_mismatch',
    `The order-verified token was issued for another order: ${details.join('; ')}`,
    { mismatchedFields: differing },
  );
}
