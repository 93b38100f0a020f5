/**
 * RFC 8725 3.10 (do not trust received claims) and OWASP ASVS 5.0 V9.2 (token content validated before use):
 * a signed token lacking a contract claim, or carrying one of the wrong type, is refused as invalid_token
 * rather than passed to the checkout server half-formed (API.md "The order-verified token").
 */
import { describe, expect, it } from 'vitest';
import { refusal } from './support/refusal.js';
import { goodClaims, ORDER, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

const CONTRACT_CLAIMS = ['iss', 'aud', 'iat', 'nbf', 'exp', 'jti', 'sid', 'brand', 'order', 'phone_ref', 'amr'];

describe('claim shapes', () => {
  const fx = useFakeVerifier();
  const { verify } = fx;

  it.each(CONTRACT_CLAIMS)('refuses a token without %s', async (claim) => {
    const error = await refusal(verify(await signToken(fx.key, { omit: [claim] })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toContain(`"${claim}"`);
  });

  const now = Math.floor(Date.now() / 1000);
  const wrongTypes: [string, Record<string, unknown>, string][] = [
    ['jti as a number', { jti: 42 }, 'jti'],
    ['empty jti', { jti: '' }, 'jti'],
    ['sid as null', { sid: null }, 'sid'],
    ['brand as an object', { brand: { id: 'brand-a' } }, 'brand'],
    ['phone_ref as a number', { phone_ref: 4155550100 }, 'phone_ref'],
    ['nbf as a string', { nbf: String(now) }, 'nbf'],
    ['iat as a string', { iat: String(now) }, 'iat'],
    ['exp as a string', { exp: String(now + 300) }, 'exp'],
    ['order as a string', { order: 'ord_1001' }, 'order'],
    ['order as an array', { order: [ORDER] }, 'order'],
    ['order.amount as a string', { order: { ...ORDER, amount: '4999' } }, 'order'],
    ['order.amount as a decimal', { order: { ...ORDER, amount: 49.99 } }, 'order'],
    ['order.amount negative', { order: { ...ORDER, amount: -4999 } }, 'order'],
    ['order.id with a space', { order: { ...ORDER, id: 'ord 1001' } }, 'order'],
    ['order.currency in lower case', { order: { ...ORDER, currency: 'eur' } }, 'order'],
    ['order without currency', { order: { id: ORDER.id, amount: ORDER.amount } }, 'order'],
    ['amr as a string', { amr: 'sms' }, 'amr'],
    ['amr empty', { amr: [] }, 'amr'],
    ['amr with an unknown method', { amr: ['pwd'] }, 'amr'],
    ['amr with two methods', { amr: ['sms', 'email'] }, 'amr'],
  ];

  it.each(wrongTypes)('refuses %s', async (_label, overrides, claim) => {
    const error = await refusal(verify(await signToken(fx.key, { claims: goodClaims(overrides) })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toContain(`"${claim}"`);
  });

  it('accepts the same token with every claim well formed (control)', async () => {
    await expect(verify(await signToken(fx.key))).resolves.toMatchObject({ amr: ['sms'], phone_ref: 'pr_4f2a9c' });
  });
});
