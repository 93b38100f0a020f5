import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BrandSettings } from '@otp-verify/protocol';
import type { Locale } from '@otp-verify/element/i18n';
import { LOCALES, catalogs } from '@otp-verify/element/i18n';
import { DEFAULT_POLICY } from '../domain/policy.js';
import type { VerificationPolicy } from '../domain/policy.js';
import type { LimitRules } from '../domain/limits.js';
import { effectiveLimits } from '../domain/limits.js';
import { fileWideLimits } from './limits-schema.js';
import { phoneMetadataFor } from '../directory/phone-metadata.js';
import type { BrandConfig } from './brand-schema.js';
import { brandsFileSchema } from './brand-schema.js';
import { ConfigError, describeIssues } from './config-error.js';
import { countryNames } from './country-names.js';

export interface Brand extends BrandConfig {
  effectivePolicy: VerificationPolicy;
  /** The rate limits this brand's sends and checks are counted against (file-wide, tightened by the brand). */
  effectiveLimits: LimitRules;
  /** The public settings document of each locale and its ETag, built once at start. */
  publicSettings: Readonly<Record<Locale, PublicDocument>>;
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
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function loadBrandsFile(file: string): BrandRegistry {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`brands file ${file}: cannot be read as JSON: ${(error as Error).message}`);
  }
  return brandRegistry(raw, file);
}

export function brandRegistry(raw: unknown, source: string): BrandRegistry {
  const parsed = brandsFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`brands file ${source}: ${describeIssues(parsed.error.issues)}`);
  const limits = fileWideLimits(parsed.data.limits);
  const brands = new Map(parsed.data.brands.map((config) => [config.id, withDerivedSettings(config, limits)]));
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
  };
}

function withDerivedSettings(config: BrandConfig, limits: LimitRules): Brand {
  const effectivePolicy = { ...DEFAULT_POLICY, ...config.policy };
  const phoneMetadata = phoneMetadataFor(config.countries);
  const settings = (locale: Locale): BrandSettings => ({
    id: config.id,
    displayName: config.displayName,
    countries: config.countries,
    defaultCountry: config.defaultCountry,
    locales: config.locales,
    codeLength: effectivePolicy.codeLength,
    guestCheckout: config.guestCheckout,
    channels: config.channels,
    locale,
    messages: { ...catalogs[locale], ...config.messages?.[locale] },
    countryNames: countryNames(config.countries, locale),
    phoneMetadata,
  });
  return {
    ...config,
    effectivePolicy,
    effectiveLimits: effectiveLimits(limits, config.limits ?? {}),
    publicSettings: perLocale((locale) => publicDocument(settings(locale))),
  };
}

function perLocale<T>(build: (locale: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, build(locale)])) as Record<Locale, T>;
}

function publicDocument(body: BrandSettings): PublicDocument {
  return { body, etag: `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"` };
}
