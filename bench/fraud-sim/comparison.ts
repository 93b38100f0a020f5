import type { Figures } from './figures.js';
import type { Progress, SimulationOptions } from './simulation.js';
import { runFraudSimulation } from './simulation.js';
import type { VerifierSetup } from './verifier-under-test.js';

/**
 * The three runs of one comparison, the same seeded day each: the baseline (every risk rule off, the send limits
 * stay) first, then the default rules the targets are judged on, then the defaults with a captcha.
 */
export const RUNS = [
  { name: 'baseline', label: 'rules off (baseline)', setup: { rules: 'off', captcha: false } },
  { name: 'defaults', label: 'default rules', setup: { rules: 'defaults', captcha: false } },
  { name: 'captcha', label: 'defaults + captcha', setup: { rules: 'defaults', captcha: true } },
] as const satisfies readonly { name: string; label: string; setup: VerifierSetup }[];

export type RunName = (typeof RUNS)[number]['name'];

export type Comparison = Record<RunName, Figures>;

/** Runs the same day under each setup, one after the other in this process. */
export async function runComparison(
  options: SimulationOptions,
  onProgress: (run: RunName, progress: Progress) => void = () => {},
): Promise<Comparison> {
  const comparison: Partial<Comparison> = {};
  for (const run of RUNS) {
    comparison[run.name] = await runFraudSimulation(options, run.setup, (progress) => onProgress(run.name, progress));
  }
  return comparison as Comparison;
}

/** The figures compared across the runs: what each attack achieved and what the customers paid for the defence. */
export const COMPARED: readonly { figure: string; value: (figures: Figures) => number; unit?: 'share' | 'money' }[] = [
  { figure: 'sequential pumping sends that went out', value: (figures) => figures.pumping.sent },
  { figure: 'spread pumping sends that went out', value: (figures) => figures.pumpingSpread.sent },
  {
    figure: 'money lost to pumping (both bots)',
    value: (figures) => figures.pumping.moneyLost + figures.pumpingSpread.moneyLost,
    unit: 'money',
  },
  { figure: 'codes to swapped SIMs without step-up', value: (figures) => figures.codesToSwappedSimsWithoutStepUp },
  { figure: '  of them to attackers', value: (figures) => figures.codesToAttackerSwappedSims },
  { figure: 'brute-force guesses at live codes', value: (figures) => figures.bruteForce.liveGuesses },
  { figure: 'brute-force successes', value: (figures) => figures.bruteForceSuccesses },
  { figure: 'enumeration sends that went out', value: (figures) => figures.actors.enumeration.sent },
  { figure: 'legitimate sends blocked', value: (figures) => figures.actors.legit.blockedShare, unit: 'share' },
  {
    figure: 'legitimate customers challenged (captcha)',
    value: (figures) => customerShare(figures, figures.legitCustomers.captchaChallenged),
    unit: 'share',
  },
  {
    figure: 'legitimate customers refused once or more',
    value: (figures) => customerShare(figures, figures.legitCustomers.refused),
    unit: 'share',
  },
];

function customerShare(figures: Figures, customers: number): number {
  return figures.legitCustomers.asked === 0 ? 0 : customers / figures.legitCustomers.asked;
}
