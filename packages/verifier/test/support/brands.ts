import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brandRegistry, sha256Hex } from '../../src/config/brands.js';
import { ConfigError } from '../../src/config/config-error.js';
import type { BrandRegistry } from '../../src/config/brands.js';

/** A DE-only brand with guest checkout and the default policy. */
export const ACME = {
  id: 'acme',
  displayName: 'Acme Mobile',
  origin: 'https://shop.acme.test',
  host: 'shop.acme.test',
  audience: 'https://shop.acme.test/checkout',
  secretKey: 'sk_test_acme_5f0c2b9a4e4b8f7d',
} as const;

/** Registered numbers only (no guest checkout), with a customer-auth issuer that is never reached. */
export const GLOBEX = {
  id: 'globex',
  displayName: 'Globex Telecom',
  origin: 'https://globex.test',
  audience: 'https://globex.test/orders',
  secretKey: 'sk_test_globex_9a8b7c6d5e4f3a2b',
} as const;

/** DE and AT, 8-digit codes, German locale. */
export const INITECH = {
  id: 'initech',
  displayName: 'Initech Mobilfunk',
  origin: 'https://initech.test',
  host: 'initech.test',
  audience: 'https://initech.test/checkout',
  secretKey: 'sk_test_initech_1a2b3c4d5e6f7a8b',
} as const;

export const FOREIGN_ORIGIN = 'https://evil.test';
export const PUBLIC_URL = 'https://verify.test';

export interface RawBrandsFile {
  limits?: Record<string, unknown>;
  brands: Record<string, unknown>[];
}

/**
 * Generous per-phone, per-IP and wrong-code limits: every test here runs from 127.0.0.1 and many reuse a
 * number. The limit tests (test/security) start from the defaults or set their own.
 */
export const GENEROUS_TEST_LIMITS = {
  sendsPerPhone: [{ max: 10_000, windowSeconds: 3_600 }],
  sendsPerIp: [{ max: 1_000_000, windowSeconds: 3_600 }],
  wrongChecksPerIp: [{ max: 1_000_000, windowSeconds: 3_600 }],
};

/** The brands file the tests run against, as parsed JSON (a fresh copy each call, safe to mutate). */
export function rawTestBrands(): RawBrandsFile {
  return {
    limits: structuredClone(GENEROUS_TEST_LIMITS),
    brands: [
      {
        id: ACME.id,
        displayName: ACME.displayName,
        allowedOrigins: [ACME.origin],
        audience: ACME.audience,
        countries: ['DE'],
        defaultCountry: 'DE',
        locales: ['en', 'de'],
        guestCheckout: true,
        channels: ['sms'],
        secretKeys: [{ id: 'test', sha256: sha256Hex(ACME.secretKey) }],
      },
      {
        id: GLOBEX.id,
        displayName: GLOBEX.displayName,
        allowedOrigins: [GLOBEX.origin],
        audience: GLOBEX.audience,
        countries: ['DE'],
        defaultCountry: 'DE',
        locales: ['en'],
        guestCheckout: false,
        secretKeys: [{ id: 'test', sha256: sha256Hex(GLOBEX.secretKey) }],
        customerAuth: { issuer: 'http://127.0.0.1:9/auth', audience: 'globex-shop' },
      },
      {
        id: INITECH.id,
        displayName: INITECH.displayName,
        allowedOrigins: [INITECH.origin],
        audience: INITECH.audience,
        countries: ['DE', 'AT'],
        defaultCountry: 'DE',
        locales: ['de-DE'],
        secretKeys: [{ id: 'test', sha256: sha256Hex(INITECH.secretKey) }],
        policy: { codeLength: 8 },
      },
    ],
  };
}

export function testBrands(): BrandRegistry {
  return brandRegistry(rawTestBrands(), 'test brands');
}

let phoneSequence = 0;

/** A valid German mobile number no other test in this file uses, so inboxes never mix. */
export function uniqueMobile(): string {
  phoneSequence += 1;
  return spreadMobile('+49170', phoneSequence);
}

/**
 * The `sequence`th number of a 7-digit mobile range, each of the first 1,000 in a prefix of its own (the number
 * without its last 4 digits): sequential test numbers would otherwise look like a pumping run over one range and
 * trip the risk engine's velocity_prefix rule (tests of that rule make their own range).
 */
export function spreadMobile(range: string, sequence: number): string {
  const prefixPart = String(sequence % 1000).padStart(3, '0');
  return `${range}${prefixPart}${String(Math.floor(sequence / 1000)).padStart(4, '0')}`;
}

/**
 * A brands directory (one `<id>.json` per brand, as `loadBrands` reads it) of the test brands, each changed by
 * `change` before it is written; `platform` becomes its platform.json.
 */
export function writeTestBrandsDirectory(
  path: string,
  change: (brand: Record<string, unknown>) => void = () => {},
  platform?: object,
): string {
  mkdirSync(path);
  for (const brand of rawTestBrands().brands) {
    change(brand);
    writeFileSync(join(path, `${String(brand.id)}.json`), JSON.stringify(brand));
  }
  if (platform) writeFileSync(join(path, 'platform.json'), JSON.stringify(platform));
  return path;
}

/** The ConfigError loading `raw` as a brands file stops with; fails the test when the file is accepted. */
export function brandsConfigError(raw: unknown, source = 'brands.json'): ConfigError {
  try {
    brandRegistry(raw, source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the brands file was accepted');
}
