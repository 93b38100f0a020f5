import { describe, expect, it } from 'vitest';
import type { Request } from 'express';
import { CartStore, MAX_QUANTITY, cartTotal, orderOf } from '../src/carts.js';
import { readCookie } from '../src/cookies.js';
import { html } from '../src/html.js';
import type { ShopBrand } from '../src/shop-config.js';

const brand: ShopBrand = {
  id: 'acme',
  displayName: 'Acme',
  audience: 'https://shop.acme.example',
  secretKey: 'sk_test',
  currency: 'EUR',
  locale: 'en-IE',
  products: [
    { sku: 'phone', name: 'Phone', price: 49900, quantity: 1 },
    { sku: 'sim', name: 'SIM', price: 999, quantity: 2 },
  ],
  customerAuthAudience: 'acme-shop',
  signedInCustomer: { sub: 'c1', name: 'Alex', phoneNumber: '+491701234567' },
};

describe('carts: the order a token must match is computed on the server', () => {
  it('totals the lines in minor units and binds the cart id, amount and currency', () => {
    const cart = new CartStore().open(brand);
    expect(cartTotal(cart)).toBe(49900 + 2 * 999);
    expect(orderOf(cart)).toEqual({ id: cart.id, amount: 51898, currency: 'EUR' });
  });

  it('clamps quantities a page sends to 0..MAX_QUANTITY whole items and ignores unknown products', () => {
    const carts = new CartStore();
    const cart = carts.open(brand);
    carts.setQuantities(cart, { phone: 1000, sim: -3, other: 5 });
    expect(cart.lines.map((line) => line.quantity)).toEqual([MAX_QUANTITY, 0]);
    carts.setQuantities(cart, { phone: 2.7 });
    expect(cart.lines[0]?.quantity).toBe(2);
  });

  it('gives every cart its own unguessable id and does not share lines with the catalogue', () => {
    const carts = new CartStore();
    const [first, second] = [carts.open(brand), carts.open(brand)];
    expect(first.id).not.toBe(second.id);
    carts.setQuantities(first, { phone: 3 });
    expect(brand.products[0]?.quantity).toBe(1);
    expect(carts.get(first.id)).toBe(first);
    expect(carts.get('cart-unknown')).toBeUndefined();
  });
});

describe('html: interpolated text is escaped', () => {
  it('escapes markup in values but keeps nested safe fragments', () => {
    const name = '<img src=x onerror=alert(1)> & "quotes"';
    // An alias, because Prettier reformats templates tagged `html` and would change this input.
    const template = html;
    const nested = [template`<b>${'<i>'}</b>`];
    const page = template`<p title="${name}">${name}</p>${nested}`;
    const escaped = '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;';
    expect(page.markup).toBe(`<p title="${escaped}">${escaped}</p><b>&lt;i&gt;</b>`);
  });
});

describe('cookies', () => {
  const request = (cookie?: string) => ({ headers: { cookie } }) as unknown as Request;
  it('reads one cookie among several, and nothing from a missing header', () => {
    expect(readCookie(request('a=1; cart_acme=cart-x%2Fy; b=2'), 'cart_acme')).toBe('cart-x/y');
    expect(readCookie(request('cart_acmeX=1'), 'cart_acme')).toBeUndefined();
    expect(readCookie(request(), 'cart_acme')).toBeUndefined();
  });
});
