import { resolve } from 'node:path';
import { numberOption, parseFlags } from '../shared/command-line.js';

export interface BenchOptions {
  /** Length of the measured window, after the warm-up. */
  seconds: number;
  /** Concurrent workers, each looping one flow (or one trivial request) at a time. */
  concurrency: number;
  /** Warm-up before the measured window; its requests are made but not counted. */
  warmupSeconds: number;
  /** Also print the results as one JSON object. */
  json: boolean;
  /** Where the verifier child writes a V8 CPU profile (node --cpu-prof), if anywhere. */
  cpuProfileDir: string | undefined;
}

export const MAX_SECONDS = 300;
export const MAX_CONCURRENCY = 256;
export const DEFAULTS: BenchOptions = {
  seconds: 20,
  concurrency: 8,
  warmupSeconds: 2,
  json: false,
  cpuProfileDir: undefined,
};

export const USAGE = `Usage: pnpm bench:flow -- [--seconds N] [--concurrency N] [--warmup N] [--json] [--cpu-prof DIR]
   or: pnpm --filter @otp-verify/bench flow -- [options]

Drives full otp-verify flows (create, send, read code, check, redeem) against a verifier child
process on loopback, then the same number of trivial requests against a bare node:http child.

  --seconds N      measured window in seconds (default ${DEFAULTS.seconds}, at most ${MAX_SECONDS})
  --concurrency N  concurrent workers (default ${DEFAULTS.concurrency}, at most ${MAX_CONCURRENCY})
  --warmup N       warm-up seconds, discarded (default ${DEFAULTS.warmupSeconds}, at most 60)
  --json           also print the results as one JSON object
  --cpu-prof DIR   the verifier child writes a V8 CPU profile (.cpuprofile) into DIR when it stops
                   (profiling slows it down: do not compare those figures with unprofiled runs)
  --help           this text`;

/** The options from the command line; `help` when the user asked for the usage text. */
export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const values = parseFlags(argv, {
    seconds: { type: 'string' },
    concurrency: { type: 'string' },
    warmup: { type: 'string' },
    json: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  });
  if (values === 'help') return 'help';
  return {
    seconds: numberOption('--seconds', values.seconds, DEFAULTS.seconds, { min: 1, max: MAX_SECONDS }),
    concurrency: numberOption('--concurrency', values.concurrency, DEFAULTS.concurrency, {
      min: 1,
      max: MAX_CONCURRENCY,
      integer: true,
    }),
    warmupSeconds: numberOption('--warmup', values.warmup, DEFAULTS.warmupSeconds, { min: 0, max: 60 }),
    json: values.json,
    cpuProfileDir: values['cpu-prof'] === undefined ? undefined : resolve(values['cpu-prof']),
  };
}
