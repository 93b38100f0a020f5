import { z } from 'zod';
import type { LimitRules, LimitScope, LimitWindow } from '../domain/limits.js';
import { DEFAULT_LIMITS, LIMIT_BOUNDS } from '../domain/limits.js';

const windowSchema = z.strictObject({
  max: z.number().int().min(LIMIT_BOUNDS.max.min).max(LIMIT_BOUNDS.max.max),
  windowSeconds: z.number().int().min(LIMIT_BOUNDS.windowSeconds.min).max(LIMIT_BOUNDS.windowSeconds.max),
});

const windowsSchema = z
  .array(windowSchema)
  .min(LIMIT_BOUNDS.windowsPerScope.min)
  .max(LIMIT_BOUNDS.windowsPerScope.max)
  .superRefine((windows, context) => {
    const seen = new Set<number>();
    windows.forEach((window, index) => {
      if (seen.has(window.windowSeconds)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'windowSeconds'],
          message: `a second window of ${window.windowSeconds} s: each window length once per limit`,
        });
      }
      seen.add(window.windowSeconds);
    });
  });

/** The file-wide `limits` section of the brands file; a scope left out keeps its default. */
export const limitsSchema = z.strictObject({
  sendsPerPhone: windowsSchema.optional(),
  sendsPerIp: windowsSchema.optional(),
  sendsPerBrand: windowsSchema.optional(),
  sendsGlobal: windowsSchema.optional(),
  wrongChecksPerIp: windowsSchema.optional(),
});

/** A brand's own `limits`: its per-brand budget, and tighter maxima for the shared scopes (never the global). */
export const brandLimitsSchema = limitsSchema.omit({ sendsGlobal: true });

export type LimitsConfig = z.infer<typeof limitsSchema>;
export type BrandLimitsConfig = z.infer<typeof brandLimitsSchema>;

/** The file-wide rules: the configured scopes over the defaults. */
export function fileWideLimits(config: LimitsConfig | undefined): LimitRules {
  return { ...DEFAULT_LIMITS, ...config };
}

const SHARED_SCOPES = ['sendsPerPhone', 'sendsPerIp', 'wrongChecksPerIp'] as const satisfies readonly LimitScope[];

/**
 * A brand may only tighten the limits it shares with other brands (a phone, an IP): each of its windows
 * must be one of the file-wide windows of that limit, with a max no larger than the file-wide one.
 */
export function refineBrandLimits(
  file: { limits?: LimitsConfig | undefined; brands: { limits?: BrandLimitsConfig | undefined }[] },
  context: z.RefinementCtx,
): void {
  const shared = fileWideLimits(file.limits);
  file.brands.forEach((brand, brandIndex) => {
    for (const scope of SHARED_SCOPES) {
      brand.limits?.[scope]?.forEach((window: LimitWindow, index: number) => {
        const wide = shared[scope].find((candidate) => candidate.windowSeconds === window.windowSeconds);
        const path = ['brands', brandIndex, 'limits', scope, index];
        if (wide === undefined) {
          const allowed = shared[scope].map((candidate) => candidate.windowSeconds).join(', ');
          context.addIssue({
            code: 'custom',
            path: [...path, 'windowSeconds'],
            message: `a brand may only tighten the shared ${scope} windows (${allowed} s)`,
          });
        } else if (window.max > wide.max) {
          context.addIssue({
            code: 'custom',
            path: [...path, 'max'],
            message: `a brand may only tighten ${scope}: at most ${wide.max} per ${wide.windowSeconds} s`,
          });
        }
      });
    }
  });
}
