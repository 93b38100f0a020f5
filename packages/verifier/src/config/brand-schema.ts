import { z } from 'zod';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { brandIdSchema, channelSchema, countrySchema, localeSchema } from '@otp-verify/protocol';
import { POLICY_BOUNDS } from '../domain/policy.js';
import { brandLimitsSchema, limitsSchema, refineBrandLimits } from './limits-schema.js';
import { brandMessagesSchema, refineBrandMessages } from './messages-schema.js';
import { LOCALES_WITH_TEMPLATES, parseLocale } from './brand-locales.js';
import { deliverySchema, refineDeliveryRoutes } from './delivery-schema.js';
import { outboxSettingsSchema } from './outbox-schema.js';
import { riskConfigSchema } from './risk-schema.js';
import { captchaSchema, pricesSchema, simSwapServiceSchema } from './risk-services-schema.js';
import { providersSchema } from './providers-schema.js';
import { brandTemplatesSchema, refineBrandTemplates, smsSettingsSchema } from './templates-schema.js';

const originSchema = z.string().refine((value) => {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, 'an origin: scheme://host[:port] with no path or trailing slash');

/** A country the phone rules know: "UK" would pass the alpha-2 pattern and then refuse every GB number. */
const brandCountrySchema = countrySchema.refine(
  (code) => isSupportedCountry(code),
  'a country with phone numbering rules (ISO 3166-1 alpha-2, e.g. GB, not UK)',
);

/** Key ids name keys in rotation and in logs: two keys of a brand with one id could not be told apart. */
function refineUniqueKeyIds(keys: { id: string }[], context: z.RefinementCtx): void {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key.id)) {
      context.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate key id "${key.id}" in this brand` });
    }
    seen.add(key.id);
  });
}

const httpUrlSchema = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

/** Asymmetric ID token algorithms a brand's customer-auth issuer may use (RFC 8725 2.1: an allowlist). */
export const CUSTOMER_TOKEN_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'] as const;

/** A policy number within its safe bounds; the message gives the bounds whichever side is crossed. */
const boundedInteger = (name: keyof typeof POLICY_BOUNDS, unit = '') => {
  const { min, max } = POLICY_BOUNDS[name];
  const error = `must be a whole number from ${min} to ${max}${unit} (the safe bounds)`;
  return z.number().int(error).min(min, error).max(max, error);
};

const policyOverridesSchema = z.strictObject({
  codeLength: boundedInteger('codeLength', ' digits').optional(),
  codeValiditySeconds: boundedInteger('codeValiditySeconds', ' seconds').optional(),
  maxAttempts: boundedInteger('maxAttempts').optional(),
  maxSends: boundedInteger('maxSends').optional(),
  resendCooldownSeconds: boundedInteger('resendCooldownSeconds', ' seconds').optional(),
  sessionLifetimeSeconds: boundedInteger('sessionLifetimeSeconds', ' seconds').optional(),
  tokenLifetimeSeconds: boundedInteger('tokenLifetimeSeconds', ' seconds').optional(),
});

export const brandConfigSchema = z
  .strictObject({
    id: brandIdSchema,
    displayName: z.string().min(1).max(64),
    allowedOrigins: z.array(originSchema).min(1),
    audience: z.string().min(1).max(512),
    countries: z.array(brandCountrySchema).min(1),
    defaultCountry: brandCountrySchema,
    /** The customer's language is chosen among these (config/brand-locales.ts); the first is the fallback. */
    locales: z.array(localeSchema.refine((tag) => parseLocale(tag) !== undefined, LOCALES_WITH_TEMPLATES)).min(1),
    senderId: z
      .string()
      .regex(/^[A-Za-z0-9 ]{1,11}$/, 'an alphanumeric SMS sender id of at most 11 characters')
      .optional(),
    guestCheckout: z.boolean().default(true),
    channels: z.array(channelSchema).min(1).default(['sms']),
    secretKeys: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(64),
          sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the hex SHA-256 of the secret key, never the key itself'),
        }),
      )
      .min(1)
      .superRefine(refineUniqueKeyIds),
    customerAuth: z
      .strictObject({
        issuer: z.url(),
        audience: z.string().min(1),
        jwksUri: httpUrlSchema.optional(),
        /** The ID token algorithms accepted; never `none` or a symmetric one. */
        algorithms: z.array(z.enum(CUSTOMER_TOKEN_ALGORITHMS)).min(1).optional(),
        jwksTimeoutMs: z.number().int().min(100).max(10_000).default(3000),
      })
      .optional(),
    directory: z
      .strictObject({
        url: httpUrlSchema,
        method: z.enum(['GET', 'POST']).default('POST'),
        timeoutMs: z.number().int().min(100).max(10_000).default(2000),
        retries: z.number().int().min(0).max(3).default(1),
        headers: z
          .record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an HTTP header name'), z.string().max(4096))
          .refine((headers) => Object.keys(headers).length <= 16, 'at most 16 headers')
          .optional(),
      })
      .optional(),
    policy: policyOverridesSchema.default({}),
    /** Tighter shared limits and the brand's own send budget (config/limits-schema.ts). */
    limits: brandLimitsSchema.optional(),
    /** The brand's wording of the element's messages, by locale (config/messages-schema.ts). */
    messages: brandMessagesSchema.optional(),
    /** The brand's own SMS and email templates, by locale (config/templates-schema.ts). */
    templates: brandTemplatesSchema.optional(),
    sms: smsSettingsSchema,
    /** The providers that send the brand's messages (config/delivery-schema.ts). */
    delivery: deliverySchema,
    /** The brand's fraud rules over the platform's (config/risk-schema.ts, docs/fraud.md). */
    risk: riskConfigSchema.optional(),
    /** The captcha the risk engine may challenge with (config/risk-services-schema.ts). */
    captcha: captchaSchema.optional(),
  })
  .refine((brand) => brand.countries.includes(brand.defaultCountry), {
    path: ['defaultCountry'],
    message: 'must be one of the brand’s countries',
  })
  .refine((brand) => !brand.channels.includes('email') || brand.delivery.email !== undefined, {
    path: ['delivery', 'email'],
    message: 'the brand sends codes by email (channels): name the providers that send them',
  })
  .refine((brand) => !brand.delivery.fallbackToEmail || brand.delivery.email !== undefined, {
    path: ['delivery', 'email'],
    message: 'SMS fall back to email (fallbackToEmail): name the providers that send email',
  })
  .superRefine(refineBrandMessages)
  .superRefine(refineBrandTemplates);

const brandsFileSchema = z
  .strictObject({
    limits: limitsSchema.optional(),
    /** Message providers brands route to besides the verifier's own (config/providers-schema.ts). */
    providers: providersSchema.default({}),
    /** The outbox's delivery timing (config/outbox-schema.ts). */
    outbox: outboxSettingsSchema.default({}),
    /** Every brand's default fraud rules (config/risk-schema.ts). */
    risk: riskConfigSchema.optional(),
    /** The CAMARA SIM Swap service numbers are checked with (config/risk-services-schema.ts). */
    simSwap: simSwapServiceSchema.optional(),
    /** The price table spend caps are estimated with. */
    prices: pricesSchema.optional(),
    brands: z.array(brandConfigSchema).min(1),
  })
  .superRefine(refineBrandLimits)
  .superRefine((file, context) => {
    const seen = new Set<string>();
    const keyOwners = new Map<string, string>();
    file.brands.forEach((brand, index) => {
      if (seen.has(brand.id)) {
        context.addIssue({
          code: 'custom',
          path: ['brands', index, 'id'],
          message: `duplicate brand id "${brand.id}"`,
        });
      }
      seen.add(brand.id);
      // A key hash maps to one brand only: a shared key would silently act for the last brand listed.
      brand.secretKeys.forEach((key, keyIndex) => {
        const owner = keyOwners.get(key.sha256);
        if (owner !== undefined && owner !== brand.id) {
          context.addIssue({
            code: 'custom',
            path: ['brands', index, 'secretKeys', keyIndex, 'sha256'],
            message: `the same secret key as brand "${owner}": each brand needs its own secret key`,
          });
        }
        keyOwners.set(key.sha256, owner ?? brand.id);
      });
    });
  });

/** A brands file whose brands route their messages through its own providers or the given ones only. */
export function brandsFileSchemaFor(providerNames: readonly string[]) {
  return brandsFileSchema.superRefine(refineDeliveryRoutes(providerNames));
}

export type BrandConfig = z.infer<typeof brandConfigSchema>;
export type BrandsFile = z.infer<typeof brandsFileSchema>;
