import type { Order } from '@otp-verify/protocol';

/** The order the session is bound to, or undefined while the page has not set all of it. */
export function orderFrom(id: string | undefined, amount: number | undefined, currency: string | undefined) {
  if (!id || !currency || amount === undefined || !Number.isSafeInteger(amount) || amount < 0) return undefined;
  return { id, amount, currency } satisfies Order;
}
