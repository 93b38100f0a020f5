import { numberOption, parseFlags } from '../shared/command-line.js';
import type { SimulationOptions } from './simulation.js';

export const DEFAULTS: SimulationOptions = {
  legit: 5_000,
  pumping: 2_000,
  pumpingSpread: 2_000,
  bruteForce: 3,
  simSwap: 100,
  enumeration: 600,
  seed: 1,
};

export const USAGE = `Usage: pnpm bench:fraud-sim -- [--legit N] [--pumping N] [--pumping-spread N] [--brute-force N]
                              [--sim-swap N] [--enumeration N] [--seed S] [--json]
   or: pnpm --filter @otp-verify/bench fraud-sim -- [options]

A simulated day of orders through the real verifier (in this process, dev mode, a CAMARA SIM-swap stand-in):
legitimate customers mixed with SMS pumping, brute force, SIM-swap takeovers and enumeration. The same seeded day
runs three times: every risk rule off (the baseline; the send limits stay), the default rules, and the default
rules with a captcha (a siteverify stand-in) that customers solve and attackers do not. Prints each run's figures,
the three side by side with their ratios to the baseline, and the default run's targets; exit code 1 when one is
missed.

  --legit N           legitimate customers over the day (default ${DEFAULTS.legit}, at most 50000)
  --pumping N         sequential numbers the pumping bot tries (default ${DEFAULTS.pumping}, at most 50000)
  --pumping-spread N  numbers the spread bot tries, 1-2 per number block (default ${DEFAULTS.pumpingSpread}, at most 50000)
  --brute-force N     victims whose codes are guessed all day (default ${DEFAULTS.bruteForce}, at most 100)
  --sim-swap N        orders with recently swapped SIMs (default ${DEFAULTS.simSwap}, at most 10000)
  --enumeration N     numbers the enumeration script tries (default ${DEFAULTS.enumeration}, at most 50000)
  --seed S            the random seed: the same seed, the same traffic (default ${DEFAULTS.seed})
  --json              also print the figures as one JSON object
  --help              this text`;

export interface FraudSimCommand {
  simulation: SimulationOptions;
  json: boolean;
}

export function parseFraudSimOptions(argv: readonly string[]): FraudSimCommand | 'help' {
  const values = parseFlags(argv, {
    legit: { type: 'string' },
    pumping: { type: 'string' },
    'pumping-spread': { type: 'string' },
    'brute-force': { type: 'string' },
    'sim-swap': { type: 'string' },
    enumeration: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values === 'help') return 'help';
  const count = (name: string, raw: string | undefined, fallback: number, max: number) =>
    numberOption(name, raw, fallback, { min: 0, max, integer: true });
  return {
    simulation: {
      legit: count('--legit', values.legit, DEFAULTS.legit, 50_000),
      pumping: count('--pumping', values.pumping, DEFAULTS.pumping, 50_000),
      pumpingSpread: count('--pumping-spread', values['pumping-spread'], DEFAULTS.pumpingSpread, 50_000),
      bruteForce: count('--brute-force', values['brute-force'], DEFAULTS.bruteForce, 100),
      simSwap: count('--sim-swap', values['sim-swap'], DEFAULTS.simSwap, 10_000),
      enumeration: count('--enumeration', values.enumeration, DEFAULTS.enumeration, 50_000),
      seed: count('--seed', values.seed, DEFAULTS.seed, 2 ** 32 - 1),
    },
    json: values.json,
  };
}
