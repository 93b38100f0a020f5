import { numberOption, parseFlags } from '../shared/command-line.js';

export interface EnumerationOptions {
  /** Measured samples per kind of customer (one sample = create, send, one wrong check). */
  samples: number;
  /** Samples per kind run first and discarded (JIT, SQLite's cache, connection set-up). */
  warmup: number;
  /** The run stops after this long even if not all samples are done (the figures then say so). */
  maxSeconds: number;
  json: boolean;
}

export const MAX_SAMPLES = 5_000;
export const DEFAULTS: EnumerationOptions = { samples: 400, warmup: 20, maxSeconds: 300, json: false };

export const USAGE = `Usage: pnpm bench:enumeration -- [--samples N] [--warmup N] [--max-seconds N] [--json]
   or: pnpm --filter @otp-verify/bench enumeration -- [options]

Times server-to-server sessions for known, unknown and unverified customer references (customerRef)
against a verifier child whose brand looks customers up in a local HTTP customer directory (a second
child): create, send and one wrong check per sample, the three kinds interleaved in random order.

  --samples N      measured samples per kind (default ${DEFAULTS.samples}, at most ${MAX_SAMPLES})
  --warmup N       samples per kind run first and discarded (default ${DEFAULTS.warmup}, at most 500)
  --max-seconds N  stop after N seconds even if samples remain (default ${DEFAULTS.maxSeconds}, at most 600)
  --json           also print the results as one JSON object
  --help           this text`;

export function parseEnumerationOptions(argv: readonly string[]): EnumerationOptions | 'help' {
  const values = parseFlags(argv, {
    samples: { type: 'string' },
    warmup: { type: 'string' },
    'max-seconds': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values === 'help') return 'help';
  return {
    samples: numberOption('--samples', values.samples, DEFAULTS.samples, { min: 10, max: MAX_SAMPLES, integer: true }),
    warmup: numberOption('--warmup', values.warmup, DEFAULTS.warmup, { min: 0, max: 500, integer: true }),
    maxSeconds: numberOption('--max-seconds', values['max-seconds'], DEFAULTS.maxSeconds, { min: 10, max: 600 }),
    json: values.json,
  };
}
