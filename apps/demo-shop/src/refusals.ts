import type { OrderTokenError } from '@otp-verify/checkout-guard';

const EXPLANATIONS: Record<OrderTokenError['code'], string> = {
  invalid_token: 'Verify your phone number with the code we text you before placing the order.',
  token_expired: 'Your verification expired before the order was placed. Verify again to place it.',
  order_mismatch: 'Your cart changed after you verified. Verify again to place the order as it is now.',
  already_redeemed: 'This verification was already used for an order. Verify again for a new order.',
  verifier_unavailable: 'We could not confirm your verification just now. Try again in a minute.',
};

/** What the customer is told when the checkout guard refuses an order. */
export function explainRefusal(error: OrderTokenError): string {
  return EXPLANATIONS[error.code];
}
