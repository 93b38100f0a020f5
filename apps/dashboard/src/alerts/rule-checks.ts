import type { ActivityRow, Analytics } from '@otp-verify/verifier/analytics';
import type { AlertRule } from './alert-rules.js';

/** A rule's condition holding for one brand and subject at one evaluation. */
export interface Breach {
  brand: string;
  subject: string;
  value: number;
  /** The value the rule compared against (a count or a rate). */
  limit: number;
  title: string;
  detail: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Which brands and subjects break the rule over the window that ends at `now`. */
export function breaches(rule: AlertRule, analytics: Analytics, now: number): Breach[] {
  const window = { from: now - rule.windowMinutes * MINUTE, to: now };
  const scope = rule.brand === null ? {} : { brand: rule.brand };
  const baselineWindow = { from: window.from - rule.baselineHours * HOUR, to: window.from };
  const minutes = `${rule.windowMinutes} min`;
  switch (rule.kind) {
    case 'wrong_code_spike': {
      const usual = byBrand(analytics.activity({ ...baselineWindow, ...scope, by: 'country' }));
      return [...byBrand(analytics.activity({ ...window, ...scope, by: 'country' }))].flatMap(([brand, now]) => {
        const perWindow = ((usual.get(brand)?.wrongCodes ?? 0) * rule.windowMinutes) / (rule.baselineHours * 60);
        const limit = Math.max(rule.minCount, rule.threshold * perWindow);
        if (now.wrongCodes < limit) return [];
        return [
          {
            brand,
            subject: '',
            value: now.wrongCodes,
            limit,
            title: `Wrong codes spike for ${brand}`,
            detail: `${now.wrongCodes} wrong codes in ${minutes}; usual ${perWindow.toFixed(1)}.`,
          },
        ];
      });
    }
    case 'low_conversion':
      return analytics.activity({ ...window, ...scope, by: rule.by }).flatMap((row) => {
        const subject = rule.by === 'prefix' ? row.prefix : row.country;
        if (subject === '' || row.created < rule.minCount) return [];
        const conversion = row.verified / row.created;
        if (conversion >= rule.threshold) return [];
        return [
          {
            brand: row.brand,
            subject,
            value: conversion,
            limit: rule.threshold,
            title: `Low conversion for ${row.brand} in ${subject}`,
            detail: `${row.verified} of ${row.created} sessions verified in ${minutes} (${percent(conversion)}).`,
          },
        ];
      });
    case 'delivery_failure_rate':
      return analytics.activity({ ...window, ...scope, by: 'country' }).flatMap((row) => {
        if (row.messages < rule.minCount) return [];
        const rate = row.messagesFailed / row.messages;
        if (rate <= rule.threshold) return [];
        const where = row.country === '' ? '' : ` to ${row.country}`;
        return [
          {
            brand: row.brand,
            subject: row.country,
            value: rate,
            limit: rule.threshold,
            title: `Delivery failures for ${row.brand}${where}`,
            detail: `${row.messagesFailed} of ${row.messages} messages failed in ${minutes} (${percent(rate)}).`,
          },
        ];
      });
    case 'send_volume':
      return [...byBrand(analytics.activity({ ...window, ...scope, by: 'country' }))].flatMap(([brand, now]) => {
        const perWindow = (analytics.hourlySendBaseline(brand, baselineWindow) * rule.windowMinutes) / 60;
        const limit = Math.max(rule.minCount, rule.threshold * perWindow);
        if (now.messages < limit) return [];
        return [
          {
            brand,
            subject: '',
            value: now.messages,
            limit,
            title: `Send volume far above baseline for ${brand}`,
            detail: `${now.messages} messages in ${minutes}; baseline ${perWindow.toFixed(1)}.`,
          },
        ];
      });
  }
}

function byBrand(rows: ActivityRow[]): Map<string, { wrongCodes: number; messages: number }> {
  const totals = new Map<string, { wrongCodes: number; messages: number }>();
  for (const row of rows) {
    const total = totals.get(row.brand) ?? { wrongCodes: 0, messages: 0 };
    total.wrongCodes += row.wrongCodes;
    total.messages += row.messages;
    totals.set(row.brand, total);
  }
  return totals;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}
