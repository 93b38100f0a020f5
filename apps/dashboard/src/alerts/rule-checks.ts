import type { ActivityRow, Analytics } from '@otp-verify/verifier/analytics';
import type { AlertRule } from './alert-rules.js';

/** What a rule measured for one brand and subject at one evaluation. */
export interface Reading {
  brand: string;
  subject: string;
  value: number;
  /** The value the rule compared against (a count or a rate). */
  limit: number;
  /** The rule's condition holds: an alert opens (or stays open). */
  breached: boolean;
  /** Beyond the rule's clear threshold: an open alert clears at once. */
  healthy: boolean;
  title: string;
  detail: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The rule's readings over its window ending at `now`, for every brand and subject with enough data to judge.
 * Counts over the window come from the raw events; baselines from the hourly rollups.
 */
export function readings(rule: AlertRule, analytics: Analytics, now: number): Reading[] {
  const scope = rule.brand === null ? {} : { brand: rule.brand };
  const window = { from: now - rule.windowMinutes * MINUTE, to: now, ...scope };
  switch (rule.kind) {
    case 'wrong_code_spike':
      return aboveBaseline(rule, analytics, window, 'wrongCodes', (brand, count, usual) => ({
        title: `Wrong codes spike for ${brand}`,
        detail: `${count} wrong codes in ${rule.windowMinutes} min; usual ${usual.toFixed(1)}.`,
      }));
    case 'send_volume':
      return aboveBaseline(rule, analytics, window, 'messages', (brand, count, usual) => ({
        title: `Send volume far above baseline for ${brand}`,
        detail: `${count} messages in ${rule.windowMinutes} min; baseline ${usual.toFixed(1)}.`,
      }));
    case 'low_conversion':
      return lowConversion(rule, analytics, now);
    case 'delivery_failure_rate':
      return analytics.activity({ ...window, by: 'country' }).flatMap((row) => {
        if (row.messages < rule.minCount) return [];
        const rate = row.messagesFailed / row.messages;
        const where = row.country === '' ? '' : ` to ${row.country}`;
        return [
          {
            brand: row.brand,
            subject: row.country,
            value: rate,
            limit: rule.threshold,
            breached: rate > rule.threshold,
            healthy: rule.clearThreshold !== undefined && rate <= rule.clearThreshold,
            title: `Delivery failures for ${row.brand}${where}`,
            detail: `${row.messagesFailed} of ${row.messages} messages failed in ${rule.windowMinutes} min (${percent(rate)}).`,
          },
        ];
      });
  }
}

/**
 * Conversion of the sessions created in the window that ended `lagMinutes` ago, verified by now: a cohort that
 * has had time to verify, so sessions still waiting for their code do not count as lost.
 */
function lowConversion(rule: AlertRule, analytics: Analytics, now: number): Reading[] {
  const to = now - rule.lagMinutes * MINUTE;
  const cohort = { from: to - rule.windowMinutes * MINUTE, to, ...(rule.brand === null ? {} : { brand: rule.brand }) };
  return analytics.activity({ ...cohort, by: rule.by }).flatMap((row) => {
    const subject = rule.by === 'prefix' ? row.prefix : row.country;
    if (subject === '' || row.created < rule.minCount) return [];
    const conversion = row.verified / row.created;
    return [
      {
        brand: row.brand,
        subject,
        value: conversion,
        limit: rule.threshold,
        breached: conversion < rule.threshold,
        healthy: rule.clearThreshold !== undefined && conversion >= rule.clearThreshold,
        title: `Low conversion for ${row.brand} in ${subject}`,
        detail:
          `${row.verified} of ${row.created} sessions created in the ${rule.windowMinutes} min up to ` +
          `${rule.lagMinutes} min ago verified (${percent(conversion)}).`,
      },
    ];
  });
}

type CountField = 'wrongCodes' | 'messages';

/** A brand's count in the window against `threshold` × its usual count per window (the rollups' hourly average). */
function aboveBaseline(
  rule: AlertRule,
  analytics: Analytics,
  window: { from: number; to: number; brand?: string },
  field: CountField,
  describe: (brand: string, count: number, usual: number) => { title: string; detail: string },
): Reading[] {
  const baseline = analytics.hourlyBaseline({
    ...window,
    from: window.from - rule.baselineHours * HOUR,
    to: window.from,
  });
  const hourly = new Map(baseline.map((row) => [row.brand, row[field]]));
  return [...totalsByBrand(analytics.activity({ ...window, by: 'country' }), field)].map(([brand, count]) => {
    const usual = ((hourly.get(brand) ?? 0) * rule.windowMinutes) / 60;
    const limit = Math.max(rule.minCount, rule.threshold * usual);
    return {
      brand,
      subject: '',
      value: count,
      limit,
      breached: count >= limit,
      healthy: rule.clearThreshold !== undefined && count < rule.clearThreshold * usual,
      ...describe(brand, count, usual),
    };
  });
}

function totalsByBrand(rows: ActivityRow[], field: CountField): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.brand, (totals.get(row.brand) ?? 0) + row[field]);
  return totals;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}
