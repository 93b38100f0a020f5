/**
 * bench/analytics: N events of realistic sessions written into a verifier database, folded into the analytics
 * rollups, and the dashboard's main view timed cold and warm. A benchmark, not a test: it prints figures. See
 * bench/README.md.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Analytics } from '@otp-verify/verifier/analytics';
import { openAnalytics } from '@otp-verify/verifier/analytics';
import { machineInfo, toJson } from '../flow/run-helpers.js';
import { temporaryDirectory } from '../flow/servers.js';
import { runBenchmark } from '../shared/entry-point.js';
import { openEventSink } from './event-sink.js';
import { generateEvents } from './generate.js';
import type { View } from './measure.js';
import { measureViews } from './measure.js';
import type { AnalyticsBenchOptions } from './options.js';
import { USAGE, parseAnalyticsOptions } from './options.js';
import { progressPrinter } from './progress.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const PRICES = { currency: 'EUR', smsSegment: { default: 0.06, DE: 0.07, GB: 0.04 }, email: 0.001 };

/** Folds everything in the default batches; the longest batch is how long the verifier's writers may wait. */
function fold(analytics: Analytics, total: number): { ms: number; batches: number; longestBatchMs: number } {
  const progress = progressPrinter('folded', total, 'events');
  const started = performance.now();
  let done = 0;
  let batches = 0;
  let longestBatchMs = 0;
  for (;;) {
    const batchStarted = performance.now();
    const events = analytics.fold();
    if (events.length === 0) break;
    longestBatchMs = Math.max(longestBatchMs, performance.now() - batchStarted);
    done += events.length;
    batches += 1;
    progress(done);
  }
  progress(done, true);
  return { ms: performance.now() - started, batches, longestBatchMs };
}

function sessionsCreated(dataDir: string): string {
  const analytics = openAnalytics({ dataDir, prices: PRICES });
  try {
    const market = analytics.overview({ from: 0, to: Date.now() + DAY_MS }, 'day').market.funnel;
    return `${market.created.toLocaleString('en')} sessions created`;
  } finally {
    analytics.close();
  }
}

async function main(options: AnalyticsBenchOptions): Promise<number> {
  const machine = machineInfo();
  console.log(
    `bench analytics, ${new Date().toISOString()}, Node ${machine.node}, ${machine.platform}, ` +
      `${machine.cpus} x ${machine.cpuModel}\n  ${options.events.toLocaleString('en')} events over ${options.days} days, ` +
      `${options.runs} warm runs per view`,
  );
  const dataDir = join(temporaryDirectory(), 'data');
  const to = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;
  const from = to - options.days * DAY_MS;

  const sink = await openEventSink(dataDir);
  const generationStarted = performance.now();
  const sessions = generateEvents(sink, options.events, { from, to });
  const generationMs = performance.now() - generationStarted;
  await sink.close();
  const fileBytes = statSync(join(dataDir, 'otp-verify.sqlite')).size;
  console.log(
    `generated ${options.events.toLocaleString('en')} events of ${sessions.toLocaleString('en')} sessions in ` +
      `${(generationMs / 1000).toFixed(1)} s; database ${(fileBytes / 2 ** 20).toFixed(0)} MiB\n`,
  );

  const folding = openAnalytics({ dataDir, prices: PRICES });
  const folded = fold(folding, options.events);
  folding.close();
  console.log(
    `folded in ${(folded.ms / 1000).toFixed(1)} s (${folded.batches} transactions, longest ` +
      `${folded.longestBatchMs.toFixed(0)} ms, ` +
      `${Math.round(options.events / (folded.ms / 1000)).toLocaleString('en')} events/s); ${sessionsCreated(dataDir)}\n`,
  );

  const week = { from: to - 7 * DAY_MS, to };
  const month = { from: to - Math.min(30, options.days) * DAY_MS, to };
  const views: View[] = [
    {
      name: `brand + market, ${Math.min(30, options.days)} days, hourly`,
      filter: { ...month, brand: 'acme' },
      granularity: 'hour',
    },
    { name: 'brand + market, 7 days, daily', filter: { ...week, brand: 'acme' }, granularity: 'day' },
    {
      name: 'brand + market, one country, 30 days, daily',
      filter: { ...month, brand: 'acme', country: 'DE' },
      granularity: 'day',
    },
    { name: 'platform-wide, 30 days, daily', filter: month, granularity: 'day' },
  ];
  const cold = openAnalytics({ dataDir, prices: PRICES });
  const warm = openAnalytics({ dataDir, prices: PRICES });
  const timings = measureViews(views, cold, warm, options.runs);
  cold.close();
  warm.close();
  console.log('overview (ms)                                   cold     p50     p95     max');
  for (const timing of timings) {
    const cells = [timing.coldMs, timing.p50Ms, timing.p95Ms, timing.maxMs].map((ms) => ms.toFixed(1).padStart(7));
    console.log(`  ${timing.name.padEnd(44)}${cells.join(' ')}`);
  }
  if (options.json) {
    console.log(
      toJson({
        machine,
        options,
        sessions,
        generationMs,
        fileBytes,
        foldMs: folded.ms,
        longestFoldBatchMs: folded.longestBatchMs,
        timings,
      }),
    );
  }
  return 0;
}

runBenchmark({ name: 'analytics', usage: USAGE, parse: parseAnalyticsOptions }, main);
