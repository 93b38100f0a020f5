import { describe, expect, it } from 'vitest';
import { orderFrom } from '../src/order.js';

describe('orderFrom', () => {
  it('builds the order from the attributes', () => {
    expect(orderFrom('A-1001', 129900, 'EUR')).toEqual({ id: 'A-1001', amount: 129900, currency: 'EUR' });
    expect(orderFrom('A-1001', 0, 'EUR')).toEqual({ id: 'A-1001', amount: 0, currency: 'EUR' });
  });

  it('is undefined until every part is set to a usable value', () => {
    expect(orderFrom(undefined, 100, 'EUR')).toBeUndefined();
    expect(orderFrom('A-1', undefined, 'EUR')).toBeUndefined();
    expect(orderFrom('A-1', 100, '')).toBeUndefined();
    expect(orderFrom('A-1', NaN, 'EUR')).toBeUndefined();
    expect(orderFrom('A-1', 12.5, 'EUR')).toBeUndefined();
    expect(orderFrom('A-1', -1, 'EUR')).toBeUndefined();
  });
});
