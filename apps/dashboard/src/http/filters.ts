import type { AnalyticsFilter, Granularity } from '@otp-verify/verifier/analytics';
import { z } from 'zod';
import { HttpProblem } from './problem.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const DEFAULT_PERIOD_MS = 7 * DAY;
const MAX_PERIOD_MS = 400 * DAY;

/** An ISO 8601 date or date-time, or epoch milliseconds. */
const instant = z
  .string()
  .max(40)
  .transform((value, context) => {
    const time = /^\d{1,15}$/.test(value) ? Number(value) : /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
    if (Number.isNaN(time)) {
      context.addIssue({ code: 'custom', message: 'an ISO 8601 date or epoch milliseconds' });
      return z.NEVER;
    }
    return time;
  });

const querySchema = z.object({
  brand: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a brand id')
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as DE')
    .optional(),
  from: instant.optional(),
  to: instant.optional(),
  granularity: z.enum(['hour', 'day']).optional(),
});

export interface ParsedFilter {
  /** The brand asked for (not yet scoped to the user). */
  brand?: string;
  country?: string;
  from: number;
  to: number;
  granularity: Granularity;
}

/** Validates the query of a figures route; the period is widened to whole hours, as the rollups count them. */
export function parseFilter(query: unknown, now: number): ParsedFilter {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpProblem('invalid_filter', `${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? 'invalid'}`);
  }
  const { brand, country, granularity } = parsed.data;
  const to = Math.ceil((parsed.data.to ?? now) / HOUR) * HOUR;
  const from = Math.floor((parsed.data.from ?? to - DEFAULT_PERIOD_MS) / HOUR) * HOUR;
  if (from >= to) throw new HttpProblem('invalid_filter', 'from: must be before to.');
  if (to - from > MAX_PERIOD_MS) throw new HttpProblem('invalid_filter', 'the period is longer than 400 days.');
  return {
    ...(brand === undefined ? {} : { brand }),
    ...(country === undefined ? {} : { country }),
    from,
    to,
    granularity: granularity ?? (to - from <= 2 * DAY ? 'hour' : 'day'),
  };
}

export function analyticsFilter(filter: ParsedFilter, brand: string | undefined): AnalyticsFilter {
  return {
    from: filter.from,
    to: filter.to,
    ...(brand === undefined ? {} : { brand }),
    ...(filter.country === undefined ? {} : { country: filter.country }),
  };
}
