import type { BrandRegistry } from '@otp-verify/verifier';
import { brandRegistry, sha256Hex } from '@otp-verify/verifier';

export const ACME = {
  id: 'acme',
  displayName: 'Acme Mobile',
  origin: 'https://shop.acme.test',
  secretKey: 'sk_test_acme_5f0c2b9a4e4b8f7d',
} as const;

export const INITECH = {
  id: 'initech',
  displayName: 'Initech Mobilfunk',
  origin: 'https://initech.test',
  secretKey: 'sk_test_initech_1a2b3c4d5e6f7a8b',
} as const;

export type TestBrand = typeof ACME | typeof INITECH;

/** Two guest-checkout brands: acme (DE) and initech (DE, AT); limits generous enough for a scenario. */
export function testBrands(options: { initechSmsProvider?: string } = {}): BrandRegistry {
  const brand = (b: TestBrand, countries: string[]) => ({
    id: b.id,
    displayName: b.displayName,
    allowedOrigins: [b.origin],
    audience: `${b.origin}/checkout`,
    countries,
    defaultCountry: 'DE',
    locales: ['en'],
    guestCheckout: true,
    channels: ['sms'],
    secretKeys: [{ id: 'test', sha256: sha256Hex(b.secretKey) }],
  });
  return brandRegistry(
    {
      limits: {
        sendsPerPhone: [{ max: 10_000, windowSeconds: 3_600 }],
        sendsPerIp: [{ max: 1_000_000, windowSeconds: 3_600 }],
        wrongChecksPerIp: [{ max: 1_000_000, windowSeconds: 3_600 }],
      },
      brands: [
        brand(ACME, ['DE']),
        {
          ...brand(INITECH, ['DE', 'AT']),
          ...(options.initechSmsProvider === undefined ? {} : { delivery: { sms: [options.initechSmsProvider] } }),
        },
      ],
    },
    'dashboard test brands',
    ['dev-inbox', ...(options.initechSmsProvider === undefined ? [] : [options.initechSmsProvider])],
  );
}

let sequence = 0;

/**
 * A German (or Austrian) mobile number no other session of the test file uses. German ones each get a range
 * (prefix) of their own, so a test's many sessions do not look like a pumping run to the verifier's velocity_prefix
 * rule; Austrian ones share the range +43664120 (alert tests judge a prefix by them: keep each such burst small).
 */
export function uniqueMobile(country: 'DE' | 'AT' = 'DE'): string {
  sequence += 1;
  if (country === 'AT') return `+4366412${String(sequence).padStart(5, '0')}`;
  return `+49170${String(sequence % 1000).padStart(3, '0')}${String(Math.floor(sequence / 1000)).padStart(4, '0')}`;
}

/** A German mobile number of the one range +4917012 (a prefix alert judges them together), unique in the file. */
export function sameRangeMobile(): string {
  sequence += 1;
  return `+4917012${String(sequence).padStart(5, '0')}`;
}
