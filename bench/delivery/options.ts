import { numberOption, parseFlags, UsageError } from '../shared/command-line.js';

export interface DeliveryOptions {
  /** Sends measured per gateway latency. */
  messages: number;
  /** Sends (and, in the baseline, direct gateway calls) in flight at once. */
  concurrency: number;
  /** The gateway's added latency before it answers, one load phase each. */
  latenciesMs: number[];
  /** Sends before the first phase, not measured (JIT, SQLite's cache, connections). */
  warmup: number;
  /** Sends queued during the outage; 0 skips the burst. */
  burst: number;
  /** How long the gateway refuses connections, at least. */
  outageSeconds: number;
  /** The outbox's attempts at once (platform.json `outbox.concurrency`); undefined: the verifier's default. */
  outboxConcurrency: number | undefined;
  json: boolean;
}

export const DEFAULTS: DeliveryOptions = {
  messages: 2000,
  concurrency: 50,
  latenciesMs: [0, 20],
  warmup: 200,
  burst: 500,
  outageSeconds: 3,
  outboxConcurrency: undefined,
  json: false,
};

export const USAGE = `Usage: pnpm bench:delivery -- [--messages N] [--concurrency N] [--latencies MS,MS] [--warmup N]
                             [--burst K] [--outage S] [--outbox-concurrency N] [--json]
   or: pnpm --filter @otp-verify/bench delivery -- [options]

Sends codes through an in-process verifier (create session + send, as a page does) to an HTTP SMS gateway on
127.0.0.1 and measures the time from each accepted send (its 202) to the gateway's acceptance, against the same
gateway called directly; then queues a burst while the gateway is down and times the recovery.

  --messages N     sends measured per gateway latency (default ${DEFAULTS.messages}, at most 20000)
  --concurrency N  sends in flight at once (default ${DEFAULTS.concurrency}, at most 256)
  --latencies L    the gateway's added latency per phase, ms, comma-separated (default ${DEFAULTS.latenciesMs.join(',')}; each at most 1000, at most 4 phases)
  --warmup N       sends before the first phase, not measured (default ${DEFAULTS.warmup}, at most 5000)
  --burst K        sends queued during the outage (default ${DEFAULTS.burst}, at most 5000; 0: no burst)
  --outage S       seconds the gateway refuses connections, at least (default ${DEFAULTS.outageSeconds}, 1 to 30)
  --outbox-concurrency N  the outbox's attempts at once (default: the verifier's, 32; at most 256)
  --json           also print the results as one JSON object
  --help           this text`;

function latencies(raw: string | undefined): number[] {
  if (raw === undefined) return DEFAULTS.latenciesMs;
  const values = raw.split(',').map((part) => numberOption('--latencies', part, 0, { min: 0, max: 1000 }));
  if (values.length > 4) throw new UsageError('--latencies takes at most 4 values: this run is bounded');
  return values;
}

export function parseDeliveryOptions(argv: readonly string[]): DeliveryOptions | 'help' {
  const values = parseFlags(argv, {
    messages: { type: 'string' },
    concurrency: { type: 'string' },
    latencies: { type: 'string' },
    warmup: { type: 'string' },
    burst: { type: 'string' },
    outage: { type: 'string' },
    'outbox-concurrency': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values === 'help') return 'help';
  const count = (name: string, raw: string | undefined, fallback: number, min: number, max: number) =>
    numberOption(name, raw, fallback, { min, max, integer: true });
  return {
    messages: count('--messages', values.messages, DEFAULTS.messages, 1, 20_000),
    concurrency: count('--concurrency', values.concurrency, DEFAULTS.concurrency, 1, 256),
    latenciesMs: latencies(values.latencies),
    warmup: count('--warmup', values.warmup, DEFAULTS.warmup, 0, 5000),
    burst: count('--burst', values.burst, DEFAULTS.burst, 0, 5000),
    outageSeconds: numberOption('--outage', values.outage, DEFAULTS.outageSeconds, { min: 1, max: 30 }),
    outboxConcurrency:
      values['outbox-concurrency'] === undefined
        ? undefined
        : count('--outbox-concurrency', values['outbox-concurrency'], 0, 1, 256),
    json: values.json,
  };
}
