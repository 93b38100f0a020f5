import { z } from 'zod';
import { brandIdSchema, channelSchema, countrySchema, localeSchema } from '@otp-verify/protocol';
import { POLICY_BOUNDS } from '../domain/policy.js';

const originSchema = z.string().refine((value) => {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, 'an origin: scheme://host[:port] with no path or trailing slash');

const boundedInteger = (name: keyof typeof POLICY_BOUNDS) => {
  const { min, max } = POLICY_BOUNDS[name];
  return z.number().int().min(min).max(max);
};

const policyOverridesSchema = z.strictObject({
  codeLength: boundedInteger('codeLength').optional(),
  codeValiditySeconds: boundedInteger('codeValiditySeconds').optional(),
  maxAttempts: boundedInteger('maxAttempts').optional(),
  maxSends: boundedInteger('maxSends').optional(),
  resendCooldownSeconds: boundedInteger('resendCooldownSeconds').optional(),
  sessionLifetimeSeconds: boundedInteger('sessionLifetimeSeconds').optional(),
  tokenLifetimeSeconds: boundedInteger('tokenLifetimeSeconds').optional(),
});

export const brandConfigSchema = z
  .strictObject({
    id: brandIdSchema,
    displayName: z.string().min(1).max(64),
    allowedOrigins: z.array(originSchema).min(1),
    audience: z.string().min(1).max(512),
    countries: z.array(countrySchema).min(1),
    defaultCountry: countrySchema,
    locales: z.array(localeSchema).min(1),
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
      .min(1),
    customerAuth: z
      .strictObject({
        issuer: z.url(),
        audience: z.string().min(1),
        jwksUri: z.url().optional(),
      })
      .optional(),
    policy: policyOverridesSchema.default({}),
  })
  .refine((brand) => brand.countries.includes(brand.defaultCountry), {
    path: ['defaultCountry'],
    message: 'must be one of the brand’s countries',
  });

export const brandsFileSchema = z
  .strictObject({ brands: z.array(brandConfigSchema).min(1) })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.brands.forEach((brand, index) => {
      if (seen.has(brand.id)) {
        context.addIssue({
          code: 'custom',
          path: ['brands', index, 'id'],
          message: `duplicate brand id "${brand.id}"`,
        });
      }
      seen.add(brand.id);
    });
  });

export type BrandConfig = z.infer<typeof brandConfigSchema>;
