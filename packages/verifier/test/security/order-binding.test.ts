/**
 * Property: an order-verified token is bound to its order (id, amount, currency); presented for another
 * order, or for its own order with the amount changed, it is refused (422 order_mismatch), and the refusal
 * does not consume it.
 *
 * Requirements: PSD2 RTS (Delegated Regulation (EU) 2018/389) art. 5 dynamic linking: the payer is made aware
 * of the amount (5(1)(a)), the code is specific to the amount and payee (5(1)(b)), the accepted code
 * corresponds to them (5(1)(c)) and any change invalidates it (5(1)(d)); OWASP ASVS 5.0 6.6.2.
 * Built in: src/domain/claims.ts (the `order` claim), src/usecases/redeem-token.ts (refuseOtherOrder runs
 * before store.redeemToken), src/delivery/verification-text.ts (the SMS names brand and amount).
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { order, verifiedToken } from '../support/api.js';
import { ACME, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

const fixture = useTestVerifier();

const ORDER_A = order({ id: 'order-A-1001', amount: 12999, currency: 'EUR' });
const ORDER_B = order({ id: 'order-B-2002', amount: 4999, currency: 'EUR' });

describe('a token is bound to its order', () => {
  it('carries order A and the SMS that produced it named the amount', async () => {
    const a = await verifiedToken(fixture.api, uniqueMobile(), { order: ORDER_A });
    expect(decodeJwt(a.token)).toMatchObject({ order: ORDER_A, brand: ACME.id });
    const [sms] = await fixture.api.inbox(a.phone);
    expect(sms?.body).toMatch(/129[.,]99/);
    expect(sms?.body).toContain('Acme Mobile');
  });

  it('a token for A is refused for B, and for A with another amount or currency; then still redeems for A', async () => {
    const { api } = fixture;
    const a = await verifiedToken(api, uniqueMobile(), { order: ORDER_A });
    const attempts = [
      ORDER_B,
      { ...ORDER_A, amount: ORDER_A.amount - 1 },
      { ...ORDER_A, amount: ORDER_A.amount * 100 },
      { ...ORDER_A, amount: 0 },
      { ...ORDER_A, currency: 'USD' },
      { ...ORDER_A, id: `${ORDER_A.id}x` },
      { ...ORDER_B, amount: ORDER_A.amount, currency: ORDER_A.currency },
    ];
    for (const other of attempts) {
      const problem = expectProblem(
        await api.redeem(ACME.secretKey, { token: a.token, order: other }),
        'order_mismatch',
      );
      expect(problem.status).toBe(422);
    }
    const redeemed = await api.redeem(ACME.secretKey, { token: a.token, order: ORDER_A });
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
    expect(redeemed.body).toMatchObject({ redeemed: true, claims: { order: ORDER_A } });
    // Once used, it is used for every order.
    expectProblem(await api.redeem(ACME.secretKey, { token: a.token, order: ORDER_A }), 'already_redeemed');
  });

  it('two verified orders cannot swap tokens: each redeems only for its own order', async () => {
    const { api } = fixture;
    const a = await verifiedToken(api, uniqueMobile(), { order: ORDER_A });
    const b = await verifiedToken(api, uniqueMobile(), { order: ORDER_B });
    expectProblem(await api.redeem(ACME.secretKey, { token: a.token, order: ORDER_B }), 'order_mismatch');
    expectProblem(await api.redeem(ACME.secretKey, { token: b.token, order: ORDER_A }), 'order_mismatch');
    expect((await api.redeem(ACME.secretKey, { token: b.token, order: ORDER_B })).status).toBe(200);
    expect((await api.redeem(ACME.secretKey, { token: a.token, order: ORDER_A })).status).toBe(200);
  });

  it('a mismatching redemption racing the right one does not consume the token', async () => {
    const { api } = fixture;
    const a = await verifiedToken(api, uniqueMobile(), { order: ORDER_A });
    const responses = await Promise.all([
      ...Array.from({ length: 5 }, () => api.redeem(ACME.secretKey, { token: a.token, order: ORDER_B })),
      api.redeem(ACME.secretKey, { token: a.token, order: ORDER_A }),
    ]);
    expect(responses.slice(0, 5).map((response) => response.status)).toEqual([422, 422, 422, 422, 422]);
    expect(responses[5]?.status).toBe(200);
  });
});
