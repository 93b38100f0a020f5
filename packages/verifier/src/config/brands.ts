import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BrandSettings } from '@otp-verify/protocol';
import type { Locale } from '@otp-verify/element/i18n';
import { catalogs } from '@otp-verify/element/i18n';
import { effectivePolicy } from '../domain/policy.js';
import type { VerificationPolicy } from '../domain/policy.js';
import type { LimitRules } from '../domain/limits.js';
import { effectiveLimits } from '../domain/limits.js';
import { fileWideLimits } from './limits-schema.js';
import { phoneMetadataFor } from '../directory/phone-metadata.js';
import type { BrandConfig, BrandsFile } from './brand-schema.js';
import { brandsFileSchemaFor } from './brand-schema.js';
import type { OutboxSettings } from '../delivery/outbox/outbox-settings.js';
import type { ConfiguredProviders } from '../delivery/providers.js';
import { PROVIDER_NAMES } from '../delivery/providers.js';
import { languagesOf } from './brand-locales.js';
import { ConfigError, describeIssues } from './config-error.js';
import { countryNames } from './country-names.js';
import type { RiskSettings } from '../domain/risk/risk-rules.js';
import { DEFAULT_PRICES } from './default-prices.js';
import type { RiskConfig } from './risk-schema.js';
import { riskSettingsOf } from './risk-schema.js';
import type { PriceTable, SimSwapServiceConfig } from './risk-services-schema.js';

export interface Brand extends BrandConfig {
  effectivePolicy: VerificationPolicy;
  /** The rate limits this brand's sends and checks are counted against (file-wide, tightened by the brand). */
  effectiveLimits: LimitRules;
  /** The fraud rules the risk engine applies to this brand's sends (platform.json's, then the brand's own). */
  riskSettings: RiskSettings;
  /** The public settings document of each of the brand's languages and its ETag, built once at start. */
  publicSettings: ReadonlyMap<Locale, PublicDocument>;
}

export interface PublicDocument {
  body: BrandSettings;
  etag: string;
}

export interface BrandRegistry {
  get(id: string): Brand | undefined;
  /** The brand a secret key belongs to, found by the key's hash. */
  bySecretKey(secretKey: string): Brand | undefined;
  isAllowedOrigin(origin: string): boolean;
  all(): Brand[];
  /** The message providers the brands file (platform.json) configures, by name; created by the verifier. */
  providers: ConfiguredProviders;
  /** The outbox timing the brands file (platform.json) sets; the rest keeps its defaults. */
  outbox: Partial<OutboxSettings>;
  /** The CAMARA SIM Swap service platform.json names, if any. */
  simSwap: SimSwapServiceConfig | undefined;
  /** The price table spend caps are estimated with (platform.json's, or the defaults). */
  prices: PriceTable;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Brands from a brands file (`{ limits?, brands: [...] }`) or a brands directory (see loadBrandsDirectory), whose
 * messages go through the named providers (by default the verifier's own).
 */
export function loadBrands(path: string, providerNames: readonly string[] = PROVIDER_NAMES): BrandRegistry {
  return isDirectory(path) ? loadBrandsDirectory(path, providerNames) : loadBrandsFile(path, providerNames);
}

export function loadBrandsFile(file: string, providerNames: readonly string[] = PROVIDER_NAMES): BrandRegistry {
  return brandRegistry(readJson(file, 'brands file'), file, providerNames);
}

/**
 * A directory with one file per brand, `<id>.json`, so adding a brand is adding a file, and an optional
 * `platform.json` with the file-wide `limits`, the message `providers` and the `outbox` timing. A problem is reported
 * against the file it is in.
 */
export function loadBrandsDirectory(dir: string, providerNames: readonly string[] = PROVIDER_NAMES): BrandRegistry {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const brandFiles = names.filter((name) => name !== PLATFORM_FILE).map((name) => join(dir, name));
  if (brandFiles.length === 0) throw new ConfigError(`brands directory ${dir}: no brand file (<brand id>.json) in it`);
  const platform = names.includes(PLATFORM_FILE) ? readPlatformFile(join(dir, PLATFORM_FILE)) : {};
  const brands = brandFiles.map((file) => readJson(file, 'brand file'));
  brands.forEach((brand, index) => {
    const file = brandFiles[index] as string;
    const id = basename(file, '.json');
    if (brand !== null && typeof brand === 'object' && (brand as { id?: unknown }).id !== id) {
      throw new ConfigError(`brand file ${file}: id: must be "${id}", the file's name`);
    }
  });
  const raw = { ...(platform as object), brands };
  const parsed = brandsFileSchemaFor(providerNames).safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues
        .map((issue) => {
          const [first, index, ...rest] = issue.path;
          if (first === 'brands' && typeof index === 'number') {
            return `brand file ${brandFiles[index]}: ${describeIssues([{ ...issue, path: rest }])}`;
          }
          return `platform file ${join(dir, PLATFORM_FILE)}: ${describeIssues([issue])}`;
        })
        .join('; '),
    );
  }
  return registryOf(parsed.data);
}

const PLATFORM_FILE = 'platform.json';

function readPlatformFile(file: string): unknown {
  const platform = readJson(file, 'platform file');
  if (platform !== null && typeof platform === 'object' && Object.hasOwn(platform, 'brands')) {
    throw new ConfigError(
      `platform file ${file}: brands: platform.json holds only limits, providers, outbox, risk, simSwap and prices; each brand is a file of its own (<id>.json)`,
    );
  }
  return platform;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    throw new ConfigError(`brands ${path}: cannot be read: ${(error as Error).message}`);
  }
}

function readJson(file: string, kind: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${kind} ${file}: cannot be read as JSON: ${(error as Error).message}`);
  }
}

export function brandRegistry(
  raw: unknown,
  source: string,
  providerNames: readonly string[] = PROVIDER_NAMES,
): BrandRegistry {
  const parsed = brandsFileSchemaFor(providerNames).safeParse(raw);
  if (!parsed.success) throw new ConfigError(`brands file ${source}: ${describeIssues(parsed.error.issues)}`);
  return registryOf(parsed.data);
}

function registryOf(file: BrandsFile): BrandRegistry {
  const limits = fileWideLimits(file.limits);
  const brands = new Map(file.brands.map((config) => [config.id, withDerivedSettings(config, limits, file.risk)]));
  const bySecretHash = new Map<string, Brand>();
  const origins = new Set<string>();
  for (const brand of brands.values()) {
    for (const key of brand.secretKeys) bySecretHash.set(key.sha256, brand);
    for (const origin of brand.allowedOrigins) origins.add(origin);
  }
  return {
    get: (id) => brands.get(id),
    bySecretKey: (secretKey) => bySecretHash.get(sha256Hex(secretKey)),
    isAllowedOrigin: (origin) => origins.has(origin),
    all: () => [...brands.values()],
    providers: file.providers,
    outbox: file.outbox,
    simSwap: file.simSwap,
    prices: file.prices ?? DEFAULT_PRICES,
  };
}

function withDerivedSettings(config: BrandConfig, limits: LimitRules, platformRisk: RiskConfig | undefined): Brand {
  const policy = effectivePolicy(config.policy);
  const phoneMetadata = phoneMetadataFor(config.countries);
  const settings = (locale: Locale): BrandSettings => ({
    id: config.id,
    displayName: config.displayName,
    countries: config.countries,
    defaultCountry: config.defaultCountry,
    locales: config.locales,
    codeLength: policy.codeLength,
    guestCheckout: config.guestCheckout,
    channels: config.channels,
    locale,
    messages: { ...catalogs[locale], ...config.messages?.[locale] },
    countryNames: countryNames(config.countries, locale),
    phoneMetadata,
    ...(config.captcha === undefined ? {} : { captcha: { siteKey: config.captcha.siteKey } }),
  });
  return {
    ...config,
    effectivePolicy: policy,
    effectiveLimits: effectiveLimits(limits, config.limits ?? {}),
    riskSettings: riskSettingsOf(platformRisk, config.risk, config.captcha !== undefined),
    publicSettings: new Map(languagesOf(config.locales).map((locale) => [locale, publicDocument(settings(locale))])),
  };
}

function publicDocument(body: BrandSettings): PublicDocument {
  return { body, etag: `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"` };
}
