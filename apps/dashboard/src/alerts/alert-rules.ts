import { z } from 'zod';
import { readJsonFile } from '../prices.js';
import { SettingsError } from '../settings.js';

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and "-"'),
  kind: z.enum(['wrong_code_spike', 'low_conversion', 'delivery_failure_rate', 'send_volume']),
  /** One brand, or null: every brand, each on its own. */
  brand: z.string().nullable().default(null),
  /** A factor over the baseline (spike, volume) or a rate between 0 and 1 (conversion, failures). */
  threshold: z.number().positive(),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Below this many codes, sessions or messages in the window, the rule stays quiet. */
  minCount: z.number().int().min(1),
  /** low_conversion: per country of the number or per number prefix. */
  by: z.enum(['country', 'prefix']).default('country'),
  /** The hours before the window that make the baseline of spike and volume rules. */
  baselineHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 28)
    .default(24),
  severity: z.enum(['warning', 'critical']).default('warning'),
  channels: z.array(z.enum(['email', 'webhook'])).default([]),
});

export type AlertRule = z.infer<typeof ruleSchema>;
export type AlertRuleKind = AlertRule['kind'];

const rulesFileSchema = z
  .strictObject({ rules: z.array(ruleSchema) })
  .refine((file) => new Set(file.rules.map((rule) => rule.id)).size === file.rules.length, 'rule ids must be unique')
  .refine(
    (file) =>
      file.rules.every(
        (rule) => !['low_conversion', 'delivery_failure_rate'].includes(rule.kind) || rule.threshold < 1,
      ),
    'low_conversion and delivery_failure_rate thresholds are rates below 1',
  );

export function parseAlertRules(raw: unknown, source: string): AlertRule[] {
  const parsed = rulesFileSchema.safeParse(raw);
  if (!parsed.success) throw new SettingsError(`alert rules ${source}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.rules;
}

export function loadAlertRules(file: string): AlertRule[] {
  return parseAlertRules(readJsonFile(file), file);
}
