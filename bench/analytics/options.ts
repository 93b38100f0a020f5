import { numberOption, parseFlags } from '../shared/command-line.js';

export interface AnalyticsBenchOptions {
  /** Events generated into the database. */
  events: number;
  /** Timed runs of each view, after the cold one. */
  runs: number;
  /** Days the generated sessions span, ending now. */
  days: number;
  json: boolean;
}

export const DEFAULTS: AnalyticsBenchOptions = { events: 10_000_000, runs: 20, days: 30, json: false };

export const USAGE = `Usage: pnpm bench:analytics -- [--events N] [--runs N] [--days N] [--json]
   or: pnpm --filter @otp-verify/bench analytics -- [options]

Generates N events of realistic sessions (5 brands, 12 countries, funnel drop-offs, resends, wrong codes,
providers, outcomes) into a fresh verifier database (opened through the verifier, so its migrations run), folds
them into the analytics rollups, and times the dashboard's main view (overview) cold and warm.

  --events N  events to generate (default ${DEFAULTS.events}, at least 1000, at most 50000000)
  --runs N    timed runs of each view after the cold one (default ${DEFAULTS.runs}, 1 to 1000)
  --days N    days the sessions span, ending now (default ${DEFAULTS.days}, 1 to 365)
  --json      also print the results as one JSON object
  --help      this text`;

export function parseAnalyticsOptions(argv: readonly string[]): AnalyticsBenchOptions | 'help' {
  const values = parseFlags(argv, {
    events: { type: 'string' },
    runs: { type: 'string' },
    days: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values === 'help') return 'help';
  const count = (name: string, raw: string | undefined, fallback: number, min: number, max: number) =>
    numberOption(name, raw, fallback, { min, max, integer: true });
  return {
    events: count('--events', values.events, DEFAULTS.events, 1000, 50_000_000),
    runs: count('--runs', values.runs, DEFAULTS.runs, 1, 1000),
    days: count('--days', values.days, DEFAULTS.days, 1, 365),
    json: values.json,
  };
}
