import { numberOption, parseFlags } from '../shared/command-line.js';

export interface StartupOptions {
  /** Measured page loads per variant (with the element, and the baseline without it). */
  runs: number;
  /** Pairs of loads run first and discarded (the browser's and the servers' first-time costs). */
  warmup: number;
  /** Chromium's CPU slowdown factor (CDP Emulation.setCPUThrottlingRate): 4 is a mid-range phone. */
  cpuThrottle: number;
  json: boolean;
}

const MAX_RUNS = 100;
const DEFAULTS: StartupOptions = { runs: 10, warmup: 1, cpuThrottle: 4, json: false };

export const USAGE = `Usage: pnpm bench:element-startup -- [--runs N] [--warmup N] [--cpu-throttle R] [--json]
   or: pnpm --filter @otp-verify/bench element-startup -- [options]

Opens the demo shop's acme checkout page in Chromium with a throttled CPU, N times with the <otp-verify>
element and N times without it (its script answered with an empty body), alternating, and prints what the
element adds before its phone step is interactive: main-thread long tasks, the time until "Mobile number" is
visible, the evaluation of otp-verify.iife.js, and the bytes of the script and the brand settings.

  --runs N          measured loads per variant (default ${DEFAULTS.runs}, at most ${MAX_RUNS})
  --warmup N        pairs of loads run first and discarded (default ${DEFAULTS.warmup}, at most 10)
  --cpu-throttle R  CPU slowdown factor, 1 = none (default ${DEFAULTS.cpuThrottle}, at most 20)
  --json            also print the results as one JSON object
  --help            this text`;

/** The options from the command line; `help` when the user asked for the usage text. */
export function parseStartupOptions(argv: readonly string[]): StartupOptions | 'help' {
  const values = parseFlags(argv, {
    runs: { type: 'string' },
    warmup: { type: 'string' },
    'cpu-throttle': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values === 'help') return 'help';
  return {
    runs: numberOption('--runs', values.runs, DEFAULTS.runs, { min: 1, max: MAX_RUNS, integer: true }),
    warmup: numberOption('--warmup', values.warmup, DEFAULTS.warmup, { min: 0, max: 10, integer: true }),
    cpuThrottle: numberOption('--cpu-throttle', values['cpu-throttle'], DEFAULTS.cpuThrottle, { min: 1, max: 20 }),
    json: values.json,
  };
}
