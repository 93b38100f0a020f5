import { describe, expect, it } from 'vitest';
import {
  ERROR_STATUS,
  checkRequestSchema,
  createSessionRequestSchema,
  formatMinorUnits,
  orderSchema,
  problemType,
} from '../src/index.js';

const order = { id: 'cart-1', amount: 4999, currency: 'EUR' };

describe('order schema (API.md conventions)', () => {
  it.each(['a', 'cart-1', 'A.b_c:d-9', 'x'.repeat(128)])('accepts the order id %s', (id) => {
    expect(orderSchema.safeParse({ ...order, id }).success).toBe(true);
  });
  it.each(['', 'x'.repeat(129), 'cart 1', 'cart/1', 'cárt', '<script>'])('refuses the order id %j', (id) => {
    expect(orderSchema.safeParse({ ...order, id }).success).toBe(false);
  });
  it.each([12.5, -1, '4999', Number.NaN, Infinity, null])(
    'refuses the amount %j (integers in minor units only)',
    (amount) => {
      expect(orderSchema.safeParse({ ...order, amount }).success).toBe(false);
    },
  );
  it.each(['eur', 'EURO', 'XYZ', ''])('refuses the currency %j (ISO 4217)', (currency) => {
    expect(orderSchema.safeParse({ ...order, currency }).success).toBe(false);
  });
  it('refuses unknown fields', () => {
    expect(orderSchema.safeParse({ ...order, discount: 100 }).success).toBe(false);
  });
});

describe('create-session request', () => {
  it('accepts a minimal request and refuses an invalid locale', () => {
    expect(createSessionRequestSchema.safeParse({ brand: 'acme', order }).success).toBe(true);
    expect(createSessionRequestSchema.safeParse({ brand: 'acme', order, locale: 'not a locale!' }).success).toBe(false);
  });
  it.each(['Acme', '-acme', 'acme-', 'a_b', ''])('refuses the brand id %j', (brand) => {
    expect(createSessionRequestSchema.safeParse({ brand, order }).success).toBe(false);
  });
});

describe('check request: codes are ASCII digit strings of 6 to 10 (never numbers, never other digit forms)', () => {
  it.each(['123456', '0123456789'])('accepts %s', (code) => {
    expect(checkRequestSchema.safeParse({ code }).success).toBe(true);
  });
  it.each([123456, '12345', '12345678901', ' 123456', '١٢٣٤٥٦', '12 3456', { $gt: '' }, ['123456']])(
    'refuses %j',
    (code) => {
      expect(checkRequestSchema.safeParse({ code }).success).toBe(false);
    },
  );
});

describe('errors and money', () => {
  it('maps every error code to a 4xx or 5xx status and a stable problem type', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(problemType(code as keyof typeof ERROR_STATUS)).toBe(
        `https://otp-verify.dev/problems/${code.replaceAll('_', '-')}`,
      );
    }
  });
  it('formats minor units with the currency’s own number of decimals', () => {
    expect(formatMinorUnits(4999, 'EUR', 'en-IE')).toBe('€49.99');
    expect(formatMinorUnits(4999, 'EUR', 'de-DE')).toBe('49,99\u00a0€');
    expect(formatMinorUnits(4999, 'JPY', 'en-US')).toBe('¥4,999');
    expect(formatMinorUnits(4999, 'KWD', 'en-US')).toBe('KWD\u00a04.999');
  });
  it('formats with the ISO code instead of the symbol when asked', () => {
    expect(formatMinorUnits(4999, 'INR', 'de-DE', 'code')).toBe('49,99\u00a0INR');
    expect(formatMinorUnits(4999, 'INR', 'de-DE')).toBe('49,99\u00a0₹');
  });
});
