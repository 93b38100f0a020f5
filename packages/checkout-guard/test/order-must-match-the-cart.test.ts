/**
 * DESIGN.md step 4 and OWASP ASVS 5.0 V2.3.1/V2.3.2 (business logic: a verified step cannot be reused for
 * other data): the order bound in the token must equal the cart's { id, amount, currency } exactly, amounts
 * being integers in minor units. Any difference is order_mismatch, naming the field.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OrderTokenError, type Order } from '../src/index.js';
import { refusal } from './support/refusal.js';
import { ORDER, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('order binding', () => {
  const fx = useFakeVerifier();
  let token: string;

  beforeAll(async () => {
    token = await signToken(fx.key); // bound to ORDER: ord_1001, 4999, EUR
  });

  const verify = (order: Order) => fx.verify(token, { order });

  it('accepts the cart the token was issued for (control)', async () => {
    await expect(verify({ id: 'ord_1001', amount: 4999, currency: 'EUR' })).resolves.toMatchObject({ order: ORDER });
  });

  it.each([
    ['id', { ...ORDER, id: 'ord_1002' }, /id differs \(token: "ord_1001", cart: "ord_1002"\)/],
    ['amount', { ...ORDER, amount: 5000 }, /amount differs \(token: 4999, cart: 5000\)/],
    ['currency', { ...ORDER, currency: 'USD' }, /currency differs \(token: "EUR", cart: "USD"\)/],
  ] as const)('refuses a cart whose %s differs, naming it', async (field, cart, message) => {
    const error = await refusal(verify(cart));
    expect(error.code).toBe('order_mismatch');
    expect(error.status).toBe(422);
    expect(error.mismatchedFields).toEqual([field]);
    expect(error.message).toMatch(message);
  });

  it('names every differing field', async () => {
    const error = await refusal(verify({ id: 'ord_9', amount: 1, currency: 'GBP' }));
    expect(error.mismatchedFields).toEqual(['id', 'amount', 'currency']);
  });

  it('treats order ids as exact strings (no case folding or trimming)', async () => {
    expect((await refusal(verify({ ...ORDER, id: 'ORD_1001' }))).code).toBe('order_mismatch');
    expect((await refusal(verify({ ...ORDER, id: 'ord_1001.' }))).code).toBe('order_mismatch');
  });

  it('refuses a cart amount that is not integer minor units as a checkout bug (TypeError), not a match', async () => {
    for (const amount of [49.99, 4999.5, -1, Number.NaN]) {
      const promise = verify({ ...ORDER, amount });
      await expect(promise).rejects.toThrow(TypeError);
      await expect(promise).rejects.not.toBeInstanceOf(OrderTokenError);
    }
    await expect(verify({ ...ORDER, amount: '4999' as unknown as number })).rejects.toThrow(/minor units/);
    await expect(verify({ ...ORDER, currency: 'eur' })).rejects.toThrow(/ISO 4217/);
  });
});
