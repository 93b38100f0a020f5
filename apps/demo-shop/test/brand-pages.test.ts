import { describe, expect, it } from 'vitest';
import { CartStore } from '../src/carts.js';
import { checkoutPage, indexPage, outcomePage } from '../src/pages.js';
import type { ShopBrand } from '../src/shop-config.js';

const brandIn = (id: string, displayName: string, locale: string): ShopBrand => ({
  id,
  displayName,
  audience: `https://${id}.example`,
  secretKey: 'sk_test',
  currency: 'EUR',
  locale,
  products: [{ sku: 'phone', name: 'Phone', price: 49900, quantity: 1 }],
  customerAuthAudience: `${id}-shop`,
  signedInCustomer: { sub: 'c1', name: 'Alex', phoneNumber: '+491701234567' },
});

const checkoutOf = (brand: ShopBrand) =>
  checkoutPage({ brand, cart: new CartStore().open(brand), verifierUrl: 'http://127.0.0.1:4000' });

describe('brand pages: each brand’s checkout speaks its language and shows its logo', () => {
  it('puts an Arabic brand’s page right to left, in Arabic, with the brand’s logo in the masthead', () => {
    const page = checkoutOf(brandIn('noor', 'Noor Telecom', 'ar-AE'));
    expect(page).toContain('<html lang="ar-AE" dir="rtl">');
    expect(page).toContain('<h1>إتمام الشراء</h1>');
    expect(page).toMatch(/<header class="masthead">\s*<a href="\/"><img class="logo" src="\/themes\/noor\/logo.svg"/);
    expect(page).toContain('alt="Noor Telecom"');
  });

  it('keeps the English order outcome left to right inside an Arabic page', () => {
    const brand = brandIn('noor', 'Noor Telecom', 'ar-AE');
    const cart = new CartStore().open(brand);
    const page = outcomePage({ brand, accepted: true, heading: 'Order accepted', detail: 'Thank you.', cart });
    expect(page).toContain('<html lang="ar-AE" dir="rtl">');
    expect(page).toMatch(/<div lang="en" dir="ltr">\s*<h1>Order accepted<\/h1>/);
  });

  it('writes a Dutch brand’s page in Dutch, left to right', () => {
    const page = checkoutOf(brandIn('granite', 'Granite Telecom', 'nl-NL'));
    expect(page).toContain('<html lang="nl-NL" dir="ltr">');
    expect(page).toContain('>Bestelling plaatsen</button>');
  });

  it('declares English, not the brand’s locale, where the shop has no words in that language', () => {
    const page = checkoutOf(brandIn('alpen', 'Alpen Mobil', 'de-AT'));
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toContain('>Place order</button>');
    // The element still gets the brand's locale and speaks German.
    expect(page).toContain('locale="de-AT"');
  });

  it('lists every brand on the home page with its logo named after the brand', () => {
    const page = indexPage([brandIn('acme', 'Acme Mobile', 'en-IE'), brandIn('noor', 'Noor Telecom', 'ar-AE')]);
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toContain('<h2><img class="logo" src="/themes/acme/logo.svg" alt="Acme Mobile"');
    expect(page).toContain('<h2><img class="logo" src="/themes/noor/logo.svg" alt="Noor Telecom"');
  });
});
