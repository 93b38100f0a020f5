import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandRegistry, loadBrands, loadBrandsFile, sha256Hex } from '../../src/config/brands.js';
import { ConfigError } from '../../src/config/config-error.js';
import type { RawBrandsFile } from '../support/brands.js';
import { ACME, brandsConfigError, rawTestBrands, writeTestBrandsDirectory } from '../support/brands.js';
import { tempDir } from '../support/temp-dir.js';

type RawBrand = Record<string, unknown>;

const SOURCE = 'config/brands.test.json';

/** The test brands file with the first brand changed by `change`. */
function withFirstBrand(change: (brand: RawBrand) => void): RawBrandsFile {
  const raw = rawTestBrands();
  change(raw.brands[0] as RawBrand);
  return raw;
}

const configError = (raw: unknown, source = SOURCE): ConfigError => brandsConfigError(raw, source);

describe('brand configuration', () => {
  it('accepts the test brands and derives policy and public settings', () => {
    const registry = brandRegistry(rawTestBrands(), SOURCE);
    expect(registry.all().map((brand) => brand.id)).toEqual(['acme', 'globex', 'initech']);
    expect(registry.get('initech')?.effectivePolicy).toMatchObject({ codeLength: 8, maxAttempts: 5 });
    expect(registry.bySecretKey(ACME.secretKey)?.id).toBe('acme');
    expect(registry.bySecretKey(sha256Hex(ACME.secretKey))).toBeUndefined();
    expect(registry.isAllowedOrigin(ACME.origin)).toBe(true);
  });

  // [what is wrong, change, field path in the message, problem in the message]
  const CASES: [string, (brand: RawBrand) => void, string, RegExp][] = [
    ['an unknown field', (b) => void (b.colour = 'red'), 'brands[0]', /colour/],
    ['an unknown policy field', (b) => void (b.policy = { codeLenght: 6 }), 'brands[0].policy', /codeLenght/],
    ['a lower-case country', (b) => void (b.countries = ['de']), 'brands[0].countries[0]', /ISO 3166-1 alpha-2/],
    ['a three-letter country', (b) => void (b.countries = ['DE', 'DEU']), 'brands[0].countries[1]', /ISO 3166-1/],
    [
      'a country that does not exist (UK is GB)',
      (b) => void (b.countries = ['DE', 'UK']),
      'brands[0].countries[1]',
      /UK|country/,
    ],
    [
      'a default country outside the brand’s countries',
      (b) => void (b.defaultCountry = 'AT'),
      'brands[0].defaultCountry',
      /one of the brand.s countries/,
    ],
    [
      'a 4-digit code (below the floor of 6)',
      (b) => void (b.policy = { codeLength: 4 }),
      'brands[0].policy.codeLength',
      /must be a whole number from 6 to 10 digits/,
    ],
    [
      'an 11-digit code',
      (b) => void (b.policy = { codeLength: 11 }),
      'brands[0].policy.codeLength',
      /must be a whole number from 6 to 10 digits/,
    ],
    [
      'a code length that is not a whole number',
      (b) => void (b.policy = { codeLength: 7.5 }),
      'brands[0].policy.codeLength',
      /must be a whole number from 6 to 10 digits/,
    ],
    [
      '6 attempts (cap 5)',
      (b) => void (b.policy = { maxAttempts: 6 }),
      'brands[0].policy.maxAttempts',
      /must be a whole number from 1 to 5 \(/,
    ],
    [
      'a code valid for 11 minutes (cap 10)',
      (b) => void (b.policy = { codeValiditySeconds: 660 }),
      'brands[0].policy.codeValiditySeconds',
      /must be a whole number from 60 to 600 seconds/,
    ],
    [
      'an origin with a path',
      (b) => void (b.allowedOrigins = ['https://shop.acme.test/checkout']),
      'brands[0].allowedOrigins[0]',
      /an origin/,
    ],
    [
      'an origin with a trailing slash',
      (b) => void (b.allowedOrigins = ['https://shop.acme.test/']),
      'brands[0].allowedOrigins[0]',
      /an origin/,
    ],
    [
      'a secret key in clear instead of its hash',
      (b) => void (b.secretKeys = [{ id: 'live', sha256: 'sk_live_0123456789abcdef' }]),
      'brands[0].secretKeys[0].sha256',
      /SHA-256 of the secret key, never the key itself/,
    ],
    [
      'a secret key under a field of its own',
      (b) => void (b.secretKeys = [{ id: 'live', key: 'sk_live_0123456789abcdef' }]),
      'brands[0].secretKeys[0]',
      /key/,
    ],
    ['no secret keys', (b) => void (b.secretKeys = []), 'brands[0].secretKeys', /too small|at least/i],
    [
      'two secret keys with one id',
      (b) =>
        void (b.secretKeys = [
          { id: '2026-11', sha256: 'a'.repeat(64) },
          { id: '2026-11', sha256: 'b'.repeat(64) },
        ]),
      'brands[0].secretKeys[1].id',
      /duplicate key id "2026-11" in this brand/,
    ],
    ['an upper-case brand id', (b) => void (b.id = 'Acme'), 'brands[0].id', /brand id/],
    ['an empty display name', (b) => void (b.displayName = ''), 'brands[0].displayName', /too small|at least/i],
    ['a bad locale', (b) => void (b.locales = ['en', 'not a locale']), 'brands[0].locales[1]', /BCP 47/],
    [
      'a locale without message templates',
      (b) => void (b.locales = ['en', 'sv-SE']),
      'brands[0].locales[1]',
      /a language with a catalog and message templates \(en, de, fr, es, it, nl, pl, pt, tr, ar\)/,
    ],
    [
      'a sender id longer than 11 characters',
      (b) => void (b.senderId = 'AcmeMobileShop'),
      'brands[0].senderId',
      /alphanumeric SMS sender id of at most 11 characters/,
    ],
  ];

  it.each(CASES)('refuses %s, naming the source, the field and the problem', (_what, change, path, problem) => {
    const error = configError(withFirstBrand(change));
    expect(error.message).toContain(SOURCE);
    expect(error.message).toContain(`${path}:`);
    expect(error.message).toMatch(problem);
  });

  it('refuses duplicate brand ids, naming the second one', () => {
    const raw = rawTestBrands();
    (raw.brands[2] as RawBrand).id = 'acme';
    const error = configError(raw);
    expect(error.message).toContain(SOURCE);
    expect(error.message).toContain('brands[2].id:');
    expect(error.message).toMatch(/duplicate brand id "acme"/);
  });

  it('refuses one secret key shared by two brands (it would act for only one of them)', () => {
    const raw = rawTestBrands();
    (raw.brands[1] as RawBrand).secretKeys = [{ id: 'copied', sha256: sha256Hex(ACME.secretKey) }];
    const error = configError(raw);
    expect(error.message).toContain(SOURCE);
    expect(error.message).toContain('brands[1].secretKeys[0].sha256:');
    expect(error.message).toMatch(/secret key/);
  });

  it('refuses a file without brands or with an unknown top-level field', () => {
    expect(configError({ brands: [] }).message).toMatch(/brands: .*(too small|at least)/i);
    expect(configError({ ...rawTestBrands(), version: 2 }).message).toMatch(/version/);
    expect(configError(null).message).toContain(SOURCE);
  });

  describe('loadBrandsFile', () => {
    let dir: ReturnType<typeof tempDir>;
    beforeAll(() => {
      dir = tempDir();
    });
    afterAll(() => dir.remove());

    it('loads a valid file', () => {
      const file = join(dir.path, 'brands.json');
      writeFileSync(file, JSON.stringify(rawTestBrands()));
      expect(loadBrandsFile(file).get('acme')?.displayName).toBe('Acme Mobile');
    });

    it('names the file when it is not JSON or does not exist', () => {
      const file = join(dir.path, 'broken.json');
      writeFileSync(file, '{ "brands": [');
      expect(() => loadBrandsFile(file)).toThrow(ConfigError);
      expect(() => loadBrandsFile(file)).toThrow(file);
      expect(() => loadBrandsFile(join(dir.path, 'missing.json'))).toThrow(/missing\.json/);
    });

    it('names the file in a validation error', () => {
      const file = join(dir.path, 'invalid.json');
      writeFileSync(file, JSON.stringify(withFirstBrand((b) => void (b.countries = ['de']))));
      expect(() => loadBrandsFile(file)).toThrow(`brands file ${file}: brands[0].countries[0]:`);
    });
  });

  describe('a brands directory (one <id>.json per brand, platform.json for file-wide limits)', () => {
    let dir: ReturnType<typeof tempDir>;
    beforeAll(() => {
      dir = tempDir();
    });
    afterAll(() => dir.remove());

    const brandsDirectory = (name: string, change?: (brand: RawBrand) => void, platform?: object) =>
      writeTestBrandsDirectory(join(dir.path, name), change, platform);

    it('loads every brand file and the platform limits', () => {
      const path = brandsDirectory('valid', () => {}, {
        limits: { sendsPerIp: [{ max: 50, windowSeconds: 3600 }] },
      });
      const registry = loadBrands(path);
      expect(registry.all().map((brand) => brand.id)).toEqual(['acme', 'globex', 'initech']);
      expect(registry.get('acme')?.effectiveLimits.sendsPerIp).toEqual([{ max: 50, windowSeconds: 3600 }]);
    });

    it('names the brand file, the field and the problem', () => {
      const path = brandsDirectory('bad-country', (brand) => {
        if (brand.id === 'globex') brand.countries = ['uk'];
      });
      expect(() => loadBrands(path)).toThrow(`brand file ${join(path, 'globex.json')}: countries[0]:`);
    });

    it('refuses a brand whose id is not its file name, and a file that is not JSON', () => {
      const renamed = brandsDirectory('renamed');
      writeFileSync(join(renamed, 'acme-shop.json'), JSON.stringify({ ...rawTestBrands().brands[0], id: 'acme' }));
      expect(() => loadBrands(renamed)).toThrow(
        `brand file ${join(renamed, 'acme-shop.json')}: id: must be "acme-shop"`,
      );
      const broken = brandsDirectory('broken');
      writeFileSync(join(broken, 'zeta.json'), '{ "id": ');
      expect(() => loadBrands(broken)).toThrow(`brand file ${join(broken, 'zeta.json')}: cannot be read as JSON`);
    });

    it('names platform.json for a file-wide problem, and refuses a directory without brands', () => {
      const path = brandsDirectory('bad-platform', () => {}, {
        limits: { sendsPerIp: [{ max: 0, windowSeconds: 3600 }] },
      });
      expect(() => loadBrands(path)).toThrow(`platform file ${join(path, 'platform.json')}: limits.sendsPerIp[0].max:`);
      const empty = join(dir.path, 'empty');
      mkdirSync(empty);
      expect(() => loadBrands(empty)).toThrow(/no brand file/);
      expect(() => loadBrands(join(dir.path, 'absent'))).toThrow(ConfigError);
    });

    it('refuses brands in platform.json rather than dropping them', () => {
      const path = brandsDirectory('brands-in-platform', () => {}, { brands: [rawTestBrands().brands[0]] });
      expect(() => loadBrands(path)).toThrow(
        `platform file ${join(path, 'platform.json')}: brands: platform.json holds only limits`,
      );
    });
  });
});
