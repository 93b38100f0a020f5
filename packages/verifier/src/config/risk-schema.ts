import { z } from 'zod';
import { LIMIT_BOUNDS } from '../domain/limits.js';
import type { CountingRule, RiskSettings, VelocityScope } from '../domain/risk/risk-rules.js';
import { DEFAULT_RISK_SETTINGS, NUMBER_TYPES, VELOCITY_SCOPES } from '../domain/risk/risk-rules.js';

const modeSchema = z.enum(['enforce', 'dry-run', 'off']);
const actionSchema = z.enum(['block', 'captcha', 'step_up']);

const windowSchema = z.strictObject({
  max: z.number().int().min(LIMIT_BOUNDS.max.min).max(LIMIT_BOUNDS.max.max),
  windowSeconds: z.number().int().min(LIMIT_BOUNDS.windowSeconds.min).max(LIMIT_BOUNDS.windowSeconds.max),
});

const countingRuleSchema = z.strictObject({
  mode: modeSchema.optional(),
  action: actionSchema.optional(),
  windows: z.array(windowSchema).min(1).max(LIMIT_BOUNDS.windowsPerScope.max).optional(),
});

const money = z.number().min(0).max(100_000_000);

/**
 * The `risk` section of platform.json (every brand's defaults) and of a brand file (its own policy, rule by rule
 * over the platform's). Each rule is optional; a field left out keeps the value below it.
 */
export const riskConfigSchema = z.strictObject({
  showReasons: z.boolean().optional(),
  country: z.strictObject({ mode: modeSchema.optional() }).optional(),
  numberType: z
    .strictObject({ mode: modeSchema.optional(), allowed: z.array(z.enum(NUMBER_TYPES)).min(1).optional() })
    .optional(),
  velocity: z
    .strictObject(
      Object.fromEntries(VELOCITY_SCOPES.map((scope) => [scope, countingRuleSchema.optional()])) as Record<
        VelocityScope,
        z.ZodOptional<typeof countingRuleSchema>
      >,
    )
    .optional(),
  distinctNumbersPerIp: countingRuleSchema.optional(),
  lowConversion: z
    .strictObject({
      mode: modeSchema.optional(),
      countryMode: modeSchema.optional(),
      lookbackHours: z.number().int().min(1).max(168).optional(),
      minPrefixSends: z.number().int().min(1).max(1_000_000).optional(),
      minCountrySends: z.number().int().min(1).max(10_000_000).optional(),
      minConversion: z.number().min(0).max(1).optional(),
      blockHours: z.number().int().min(1).max(720).optional(),
    })
    .optional(),
  spendCap: z
    .strictObject({
      mode: modeSchema.optional(),
      perHour: money.nullable().optional(),
      perDay: money.nullable().optional(),
    })
    .optional(),
  simSwap: z
    .strictObject({
      mode: modeSchema.optional(),
      maxAgeHours: z.number().int().min(1).max(2400).optional(),
      action: z.enum(['block', 'step_up']).optional(),
      onUnavailable: z.enum(['allow', 'step_up', 'block']).optional(),
    })
    .optional(),
});

export type RiskConfig = z.infer<typeof riskConfigSchema>;

/** A brand's risk settings: its own rules over the platform's over the defaults, field by field. */
export function riskSettingsOf(
  platform: RiskConfig | undefined,
  brand: RiskConfig | undefined,
  captchaAvailable: boolean,
): RiskSettings {
  const layers = [platform ?? {}, brand ?? {}];
  const merged = (pick: (config: RiskConfig) => object | undefined, base: object) =>
    Object.assign({}, base, ...layers.map((layer) => defined(pick(layer) ?? {})));
  const counting = (pick: (config: RiskConfig) => object | undefined, base: CountingRule): CountingRule =>
    merged(pick, base) as CountingRule;
  return {
    showReasons: layers.reduce((shown, layer) => layer.showReasons ?? shown, DEFAULT_RISK_SETTINGS.showReasons),
    captchaAvailable,
    country: merged((config) => config.country, DEFAULT_RISK_SETTINGS.country) as RiskSettings['country'],
    numberType: merged((config) => config.numberType, DEFAULT_RISK_SETTINGS.numberType) as RiskSettings['numberType'],
    velocity: Object.fromEntries(
      VELOCITY_SCOPES.map((scope) => [
        scope,
        counting((config) => config.velocity?.[scope], DEFAULT_RISK_SETTINGS.velocity[scope]),
      ]),
    ) as RiskSettings['velocity'],
    distinctNumbersPerIp: counting((config) => config.distinctNumbersPerIp, DEFAULT_RISK_SETTINGS.distinctNumbersPerIp),
    lowConversion: merged(
      (config) => config.lowConversion,
      DEFAULT_RISK_SETTINGS.lowConversion,
    ) as RiskSettings['lowConversion'],
    spendCap: merged((config) => config.spendCap, DEFAULT_RISK_SETTINGS.spendCap) as RiskSettings['spendCap'],
    simSwap: merged((config) => config.simSwap, DEFAULT_RISK_SETTINGS.simSwap) as RiskSettings['simSwap'],
  };
}

/** The fields a layer sets: `undefined` ones would otherwise overwrite the layer beneath. */
function defined(layer: object): object {
  return Object.fromEntries(Object.entries(layer).filter(([, value]) => value !== undefined));
}
