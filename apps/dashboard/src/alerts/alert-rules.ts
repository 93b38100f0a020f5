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
  /** low_conversion: the window ends this long before now, so its sessions have had time to verify. */
  lagMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(10),
  /** Optional: a value this far on the healthy side clears an open alert at once (same unit as threshold). */
  clearThreshold: z.number().positive().optional(),
  /** Otherwise an open alert clears after this many evaluations in a row where the condition no longer holds. */
  clearAfter: z.number().int().min(1).max(1000).default(3),
  /** After an alert cleared, the same rule, brand and subject reopen it silently for this long (no new notice). */
  holdOffMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(30),
  severity: z.enum(['warning', 'critical']).default('warning'),
  channels: z.array(z.enum(['email', 'webhook'])).default([]),
});

export type AlertRule = z.infer<typeof ruleSchema>;
/** A rule as written in the file: the fields with a default may be left out. */
export type AlertRuleInput = z.input<typeof ruleSchema>;
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
  )
  .refine(
    (file) => file.rules.every((rule) => rule.clearThreshold === undefined || healthySide(rule, rule.clearThreshold)),
    'clearThreshold lies on the healthy side of threshold (above it for low_conversion, below it otherwise)',
  );

/** Whether `value` is on the side of the rule's threshold where nothing is wrong. */
export function healthySide(rule: Pick<AlertRule, 'kind' | 'threshold'>, value: number): boolean {
  return rule.kind === 'low_conversion' ? value > rule.threshold : value < rule.threshold;
}

export function parseAlertRules(raw: unknown, source: string): AlertRule[] {
  const parsed = rulesFileSchema.safeParse(raw);
  if (!parsed.success) throw new SettingsError(`alert rules ${source}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.rules;
}

export function loadAlertRules(file: string): AlertRule[] {
  return parseAlertRules(readJsonFile(file), file);
}
