import { randomBytes } from 'node:crypto';
import type { Order } from '@otp-verify/protocol';
import type { ShopBrand } from './shop-config.js';

export interface CartLine {
  sku: string;
  name: string;
  price: number;
  quantity: number;
}

export interface Cart {
  id: string;
  brand: string;
  currency: string;
  lines: CartLine[];
  /** Set once an order was accepted for this cart. */
  orderedAt?: number;
}

export const MAX_QUANTITY = 9;

export function cartTotal(cart: Cart): number {
  return cart.lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
}

/** The order a token must be bound to: the cart as the server knows it now, never as the page says. */
export function orderOf(cart: Cart): Order {
  return { id: cart.id, amount: cartTotal(cart), currency: cart.currency };
}

/** Carts kept in memory: the demo forgets them on restart. */
export class CartStore {
  private readonly carts = new Map<string, Cart>();

  open(brand: ShopBrand): Cart {
    const cart: Cart = {
      id: `cart-${randomBytes(9).toString('base64url')}`,
      brand: brand.id,
      currency: brand.currency,
      lines: brand.products.map(({ sku, name, price, quantity }) => ({ sku, name, price, quantity })),
    };
    this.carts.set(cart.id, cart);
    return cart;
  }

  get(id: string | undefined): Cart | undefined {
    return id === undefined ? undefined : this.carts.get(id);
  }

  setQuantities(cart: Cart, quantities: Record<string, number>): void {
    for (const line of cart.lines) {
      const quantity = quantities[line.sku];
      if (quantity !== undefined) line.quantity = Math.min(MAX_QUANTITY, Math.max(0, Math.trunc(quantity)));
    }
  }
}
