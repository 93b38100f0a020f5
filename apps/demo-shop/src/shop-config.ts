import { readFileSync } from 'node:fs';
import type { DemoCustomer } from './customer-auth.js';

export interface Product {
  sku: string;
  name: string;
  /** Minor units. */
  price: number;
  /** Quantity in a fresh cart. */
  quantity: number;
}

export interface ShopBrand {
  id: string;
  displayName: string;
  /** The checkout audience the verifier puts in this brand's tokens. */
  audience: string;
  /** The brand's secret key, used only server-side to redeem tokens. */
  secretKey: string;
  currency: string;
  locale: string;
  products: Product[];
  /** The audience of the ID tokens the brand's customer-auth service issues for this shop. */
  customerAuthAudience: string;
  /** The customer the signed-in checkout acts for. */
  signedInCustomer: DemoCustomer;
}

interface ShopFile {
  brands: Omit<ShopBrand, 'secretKey'>[];
}

/** The shop's brands, with their secret keys from a separate file (as a real shop keeps secrets apart). */
export function loadShopBrands(shopFile: string, secretKeysFile: string): ShopBrand[] {
  const shop = JSON.parse(readFileSync(shopFile, 'utf8')) as ShopFile;
  const secretKeys = JSON.parse(readFileSync(secretKeysFile, 'utf8')) as Record<string, string>;
  return shop.brands.map((brand) => {
    const secretKey = secretKeys[brand.id];
    if (secretKey === undefined) throw new Error(`${secretKeysFile} has no secret key for brand "${brand.id}"`);
    return { ...brand, secretKey };
  });
}
