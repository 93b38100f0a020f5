import { COUNT_COLUMNS } from './count-columns.js';
import type { Counts } from './count-columns.js';
import type { CountryRow, DeliveryRow, Figures, Funnel, PriceTable } from './figures.js';
import { OUTCOMES } from './figures.js';
import type { Histogram } from './histograms.js';
import { addToHistogram, distributionOf, durationFloor, exactValue } from './histograms.js';
import type { BucketCount, CountryCounts, DeliveryCounts } from './rollup-queries.js';

const ratio = (part: number, whole: number | null): number | null =>
  whole === null || whole === 0 ? null : part / whole;

export function sumCounts(rows: readonly Counts[]): Counts {
  const total = Object.fromEntries(COUNT_COLUMNS.map((column) => [column, 0])) as Counts;
  for (const row of rows) for (const column of COUNT_COLUMNS) total[column] += row[column] ?? 0;
  return total;
}

/** The price of one SMS segment to `country` by the table, its `default` for a country it does not name. */
export function smsSegmentPrice(prices: PriceTable, country: string): number {
  return prices.smsSegment[country] ?? prices.smsSegment.default;
}

/** An estimated amount, rounded to a millionth (sums of prices are not exact in binary). */
export const roundedAmount = (amount: number): number => Math.round(amount * 1e6) / 1e6;

/** Segments priced by their destination country, emails at the email price; rounded to a millionth. */
export function estimatedCost(
  rows: readonly CountryCounts[],
  prices: PriceTable,
): { amount: number; currency: string } {
  const amount = rows.reduce(
    (sum, row) => sum + row.sms_segments * smsSegmentPrice(prices, row.country) + row.emails * prices.email,
    0,
  );
  return { amount: roundedAmount(amount), currency: prices.currency };
}

function histogramOf(rows: readonly BucketCount[], metric: string): Histogram {
  const histogram: Histogram = new Map();
  for (const row of rows) if (row.metric === metric) addToHistogram(histogram, row.bucket, row.count);
  return histogram;
}

/** The figures of the rows of one filter: counts by country and the verification histograms. */
export function figuresOf(
  rows: readonly CountryCounts[],
  histograms: readonly BucketCount[],
  options: { prices: PriceTable; countrySelected: boolean },
): Figures {
  const total = sumCounts(rows);
  const funnel: Funnel = {
    shown: options.countrySelected ? null : total.shown,
    created: total.created,
    sent: total.sent,
    delivered: total.delivered,
    verified: total.verified,
    orderAccepted: total.order_accepted,
  };
  const outcomes = Object.fromEntries(
    OUTCOMES.map((outcome) => [outcome, total[`outcome_${outcome}`]]),
  ) as Figures['outcomes'];
  const ended = OUTCOMES.reduce((sum, outcome) => sum + outcomes[outcome], 0);
  const attempts = histogramOf(histograms, 'attempts');
  const mostAttempts = Math.max(0, ...attempts.keys());
  return {
    funnel,
    conversion: {
      created: ratio(funnel.created, funnel.shown),
      sent: ratio(funnel.sent, funnel.created),
      delivered: ratio(funnel.delivered, funnel.sent),
      verified: ratio(funnel.verified, funnel.delivered),
      orderAccepted: ratio(funnel.orderAccepted, funnel.verified),
    },
    outcomes,
    open: total.open,
    abandonmentRate: ratio(outcomes.abandoned, ended),
    wrongCodes: total.wrong_codes,
    attemptsPerVerification: {
      ...distributionOf(attempts, total.verify_attempts_sum, exactValue),
      histogram: Array.from({ length: mostAttempts }, (_, index) => attempts.get(index + 1) ?? 0),
    },
    timeToVerifyMs: distributionOf(histogramOf(histograms, 'time_to_verify'), total.verify_ms_sum, durationFloor),
    sends: {
      messages: total.messages,
      smsSegments: total.sms_segments,
      emails: total.emails,
      perOrder: ratio(total.messages, total.order_accepted),
      estimatedCost: estimatedCost(rows, options.prices),
    },
  };
}

export function countryRowsOf(rows: readonly CountryCounts[]): CountryRow[] {
  return rows
    .filter((row) => row.created > 0 || row.country !== '')
    .map((row) => ({
      country: row.country,
      created: row.created,
      verified: row.verified,
      orderAccepted: row.order_accepted,
      conversion: ratio(row.order_accepted, row.created),
      wrongCodes: row.wrong_codes,
      smsSegments: row.sms_segments,
    }))
    .sort((a, b) => b.created - a.created || a.country.localeCompare(b.country));
}

export function deliveryRowsOf(rows: readonly DeliveryCounts[], histograms: readonly BucketCount[]): DeliveryRow[] {
  return rows.map((row) => {
    const latency: Histogram = new Map();
    for (const bucket of histograms) {
      if (
        bucket.metric === 'delivery_latency' &&
        bucket.country === row.country &&
        bucket.dimension === `${row.channel}/${row.provider}`
      )
        addToHistogram(latency, bucket.bucket, bucket.count);
    }
    return {
      provider: row.provider,
      channel: row.channel,
      country: row.country,
      sent: row.sent,
      delivered: row.delivered,
      failed: row.failed,
      attemptFailures: row.attempt_failures,
      successRate: ratio(row.delivered, row.delivered + row.failed),
      latencyMs: distributionOf(latency, row.latency_sum, durationFloor),
    };
  });
}
