import type { MachineInfo } from '../flow/run-helpers.js';
import { formatMs, table } from '../flow/report.js';
import type { LatencySummary } from '../flow/stats.js';
import { summarize } from '../flow/stats.js';
import type { EnumerationOptions } from './options.js';
import type { Kind, PerKindStep, SamplingResult, Step } from './measure.js';
import { KINDS, STEPS } from './measure.js';

const COMPARED = ['unknown', 'unverified'] as const;
type Compared = (typeof COMPARED)[number];
type Percentile = 'p50' | 'p99';

export interface RatioFigure {
  /** e.g. "unknown/known", or "known odd/even" for the same-kind split. */
  pair: string;
  step: Step;
  percentile: Percentile;
  ratio: number;
}

export interface EnumerationResults {
  benchmark: 'otp-verify enumeration';
  date: string;
  command: string;
  parameters: EnumerationOptions;
  machine: MachineInfo;
  samples: { measured: number; requested: number; timedOut: boolean; seconds: number };
  latencyMs: PerKindStep<LatencySummary>;
  /** `<kind>/known` per step, at p50 and p99. */
  ratios: Record<`${Compared}/known`, Record<Step, Record<Percentile, number>>>;
  /**
   * The noise floor: the known samples split in two interleaved halves (odd and even samples), compared with
   * each other. Two halves of one kind differ only by chance; a kind/known ratio no further from 1 than these
   * is no evidence of a difference.
   */
  knownSplit: Record<Step, Record<Percentile, number>>;
  largest: RatioFigure;
  smallest: RatioFigure;
  /** What the verifier answered per kind and step ("<status> <code>" → count) and whether the kinds agree. */
  answers: PerKindStep<Record<string, number>>;
  answersIdentical: boolean;
  sessionsCreated: Record<Kind, number>;
  /** From the directory's own counter; null if it could not be read. */
  directoryLookups: Record<Kind, number> | null;
  failures: { total: number; byAnswer: { kind: Kind; step: Step; answer: string; count: number }[] };
}

export function buildResults(
  context: { date: string; command: string; options: EnumerationOptions; machine: MachineInfo },
  run: SamplingResult,
  directoryLookups: Record<Kind, number> | null,
): EnumerationResults {
  const latencyMs = Object.fromEntries(
    KINDS.map((kind) => [kind, Object.fromEntries(STEPS.map((step) => [step, summarize(run.latencies[kind][step])]))]),
  ) as PerKindStep<LatencySummary>;
  const ratios = Object.fromEntries(
    COMPARED.map((kind) => [
      `${kind}/known`,
      Object.fromEntries(
        STEPS.map((step) => [
          step,
          {
            p50: latencyMs[kind][step].p50 / latencyMs.known[step].p50,
            p99: latencyMs[kind][step].p99 / latencyMs.known[step].p99,
          },
        ]),
      ),
    ]),
  ) as EnumerationResults['ratios'];
  const knownSplit = Object.fromEntries(
    STEPS.map((step) => {
      const samples = run.latencies.known[step];
      const odd = summarize(samples.filter((_, index) => index % 2 === 1));
      const even = summarize(samples.filter((_, index) => index % 2 === 0));
      return [step, { p50: odd.p50 / even.p50, p99: odd.p99 / even.p99 }];
    }),
  ) as EnumerationResults['knownSplit'];

  const figures: RatioFigure[] = COMPARED.flatMap((kind) =>
    STEPS.flatMap((step) =>
      (['p50', 'p99'] as const).map((percentile) => ({
        pair: `${kind}/known`,
        step,
        percentile,
        ratio: ratios[`${kind}/known`][step][percentile],
      })),
    ),
  );
  const byRatio = [...figures].sort((a, b) => a.ratio - b.ratio);

  const answers = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      Object.fromEntries(STEPS.map((step) => [step, Object.fromEntries([...run.answers[kind][step]].sort())])),
    ]),
  ) as EnumerationResults['answers'];
  // The same answers means the same statuses and codes in the same numbers, step by step.
  const answersIdentical = STEPS.every((step) =>
    KINDS.every((kind) => JSON.stringify(answers[kind][step]) === JSON.stringify(answers.known[step])),
  );

  const failureCounts = new Map<string, { kind: Kind; step: Step; answer: string; count: number }>();
  for (const failure of run.failures) {
    const key = `${failure.kind} ${failure.step} ${failure.answer}`;
    const entry = failureCounts.get(key) ?? { ...failure, count: 0 };
    entry.count += 1;
    failureCounts.set(key, entry);
  }

  return {
    benchmark: 'otp-verify enumeration',
    date: context.date,
    command: context.command,
    parameters: context.options,
    machine: context.machine,
    samples: {
      measured: run.measuredSamples,
      requested: run.requestedSamples,
      timedOut: run.timedOut,
      seconds: run.elapsedMs / 1000,
    },
    latencyMs,
    ratios,
    knownSplit,
    largest: byRatio.at(-1) as RatioFigure,
    smallest: byRatio[0] as RatioFigure,
    answers,
    answersIdentical,
    sessionsCreated: run.sessionsCreated,
    directoryLookups,
    failures: { total: run.failures.length, byAnswer: [...failureCounts.values()].sort((a, b) => b.count - a.count) },
  };
}

const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a');
const describe = (figure: RatioFigure) =>
  `${times(figure.ratio)} (${figure.pair}, ${figure.step} ${figure.percentile})`;

export function headerText(context: {
  date: string;
  command: string;
  options: EnumerationOptions;
  machine: MachineInfo;
}): string {
  const { options, machine } = context;
  return [
    'otp-verify enumeration timing benchmark (customerRef: known / unknown / unverified customers)',
    `  date         ${context.date}`,
    `  command      ${context.command}`,
    `  parameters   --samples ${options.samples} --warmup ${options.warmup} --max-seconds ${options.maxSeconds}` +
      (options.json ? ' --json' : ''),
    `  machine      ${machine.cpus} x ${machine.cpuModel}, ${machine.platform}, node ${machine.node}`,
  ].join('\n');
}

export function latencyText(results: EnumerationResults): string {
  const rows: string[][] = [['kind', 'step', 'count', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms']];
  for (const step of STEPS) {
    for (const kind of KINDS) {
      const summary = results.latencyMs[kind][step];
      rows.push([
        kind,
        step,
        String(summary.count),
        formatMs(summary.p50),
        formatMs(summary.p90),
        formatMs(summary.p99),
        formatMs(summary.max),
      ]);
    }
  }
  const { samples } = results;
  return [
    `Latency per kind and step (client-side, performance.now() from before fetch() to the end of the body), ` +
      `${samples.measured} measured samples per kind in ${samples.seconds.toFixed(1)} s` +
      (samples.timedOut ? ` (STOPPED by --max-seconds: ${samples.requested} were asked for)` : ''),
    table(rows, 2),
  ].join('\n');
}

export function ratiosText(results: EnumerationResults): string {
  const rows: string[][] = [
    ['step', 'unknown/known p50', 'p99', 'unverified/known p50', 'p99', 'known odd/even p50 (noise)', 'p99'],
  ];
  for (const step of STEPS) {
    const unknown = results.ratios['unknown/known'][step];
    const unverified = results.ratios['unverified/known'][step];
    const split = results.knownSplit[step];
    rows.push([
      step,
      times(unknown.p50),
      times(unknown.p99),
      times(unverified.p50),
      times(unverified.p99),
      times(split.p50),
      times(split.p99),
    ]);
  }
  return ['Ratios to known customers (1.00x = the same)', table(rows)].join('\n');
}

export function answersText(results: EnumerationResults): string {
  const lines = STEPS.map((step) => {
    const perKind = KINDS.map((kind) => {
      const entries = Object.entries(results.answers[kind][step]).map(([answer, count]) => `${answer} x${count}`);
      return `${kind} ${entries.join(', ') || '-'}`;
    });
    return `  ${step.padEnd(7)} ${perKind.join(' | ')}`;
  });
  const lookups = results.directoryLookups;
  const lookupLine =
    lookups === null
      ? '  directory lookups: could not be read'
      : '  directory lookups / sessions opened (warm-up included): ' +
        KINDS.map((kind) => `${kind} ${lookups[kind]} / ${results.sessionsCreated[kind]}`).join(', ') +
        (KINDS.every((kind) => lookups[kind] === results.sessionsCreated[kind])
          ? ' (one lookup per session)'
          : '  <- not one lookup per session');
  return [
    `Answers of the verifier (status and code, measured samples): ${
      results.answersIdentical ? 'identical for all kinds' : 'NOT IDENTICAL across kinds (a parity break)'
    }`,
    ...lines,
    lookupLine,
  ].join('\n');
}

export function failuresText(results: EnumerationResults): string {
  const { failures } = results;
  if (failures.total === 0) return 'Failed samples (warm-up included): none';
  return [
    `Failed samples (warm-up included): ${failures.total}`,
    table([
      ['kind', 'step', 'answer', 'count'],
      ...failures.byAnswer.map((entry) => [entry.kind, entry.step, entry.answer, String(entry.count)]),
    ]),
  ].join('\n');
}

export function verdictText(results: EnumerationResults): string {
  const { largest, ratios, knownSplit } = results;
  const parts = (['p50', 'p99'] as const).map((percentile) => {
    const cross = COMPARED.flatMap((kind) => STEPS.map((step) => ratios[`${kind}/known`][step][percentile]));
    const split = STEPS.map((step) => knownSplit[step][percentile]);
    const worst = Math.max(...cross.map(spread));
    const noise = Math.max(...split.map(spread));
    return (
      `${percentile} ratios ${range(cross)} vs known split in halves ${range(split)} ` +
      `(${worst <= noise ? 'within that noise' : 'BEYOND that noise: run again, look closer if it repeats'})`
    );
  });
  return `Verdict: largest ratio ${describe(largest)}; ${parts.join('; ')}.`;
}

/** How far a ratio is from 1, either way (0.5x is as far as 2x). */
function spread(ratio: number): number {
  return Math.max(ratio, 1 / ratio);
}

function range(values: readonly number[]): string {
  return `${times(Math.min(...values))}-${times(Math.max(...values))}`;
}
