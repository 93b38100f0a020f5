import { formatMs, table } from '../flow/report.js';
import type { MachineInfo } from '../flow/run-helpers.js';
import { percentile } from '../flow/stats.js';
import type { StartupOptions } from './options.js';
import type { LoadFigures, Transfer, Variant } from './page-load.js';

/** The issue's budget for a main-thread task while the element starts. */
const TASK_BUDGET_MS = 50;

interface Figure {
  label: string;
  /** Its column in the per-load table. */
  column: string;
  unit: 'ms' | 'B' | '';
  of(load: LoadFigures): number | null;
}

/** Every figure a load gives, in the order printed. */
const FIGURES = {
  readyMs: {
    label: 'ready: phone field visible / page loaded',
    column: 'ready ms',
    unit: 'ms',
    of: (load) => load.readyMs,
  },
  longestLongTaskMs: {
    label: 'longest long task (observer)',
    column: 'long ms',
    unit: 'ms',
    of: (load) => load.longTasks.longestMs,
  },
  longTaskTotalMs: {
    label: 'long-task time (observer)',
    column: 'LT ms',
    unit: 'ms',
    of: (load) => load.longTasks.totalMs,
  },
  longTasks: { label: 'long tasks (observer)', column: 'LTs', unit: '', of: (load) => load.longTasks.count },
  longestFrameMs: {
    label: 'longest animation frame (LoAF)',
    column: 'LoAF ms',
    unit: 'ms',
    of: (load) => load.longestFrameMs,
  },
  longestTaskMs: {
    label: 'longest task (trace)',
    column: 'task ms',
    unit: 'ms',
    of: (load) => load.trace.longestTaskMs,
  },
  busyMs: { label: 'main thread busy (trace)', column: 'busy ms', unit: 'ms', of: (load) => load.trace.busyMs },
  scriptEvaluationMs: {
    label: 'otp-verify.iife.js evaluation (trace)',
    column: 'eval ms',
    unit: 'ms',
    of: (load) => load.trace.scriptEvaluationMs,
  },
  scriptBytes: {
    label: 'element script transferred',
    column: 'script B',
    unit: 'B',
    of: (load) => load.script?.transferredBytes ?? null,
  },
  brandSettingsBytes: {
    label: 'brand settings transferred',
    column: 'brand B',
    unit: 'B',
    of: (load) => load.brandSettings?.transferredBytes ?? null,
  },
} satisfies Record<string, Figure>;
type FigureName = keyof typeof FIGURES;
const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];

interface Spread {
  p50: number;
  max: number;
}

interface StartupContext {
  date: string;
  command: string;
  options: StartupOptions;
  machine: MachineInfo;
  chromium: string;
  pageUrl: string;
}

export interface StartupResults {
  benchmark: 'otp-verify element start-up';
  date: string;
  command: string;
  parameters: StartupOptions;
  machine: MachineInfo;
  chromium: string;
  pageUrl: string;
  /** The measured loads, in the order they ran. */
  loads: LoadFigures[];
  /** Per variant and figure, over its loads; a figure a variant does not have is absent. */
  summary: Record<Variant, Partial<Record<FigureName, Spread>>>;
  /** What the element adds, at p50: element minus baseline, and element / baseline. */
  added: Partial<Record<FigureName, { difference: number; ratio: number }>>;
  /** The element's script and the brand settings, from the first measured load with the element. */
  transfers: { script: Transfer; brandSettings: Transfer } | null;
  /** Cores busy on the whole machine (every process, this benchmark's browser and demo included) during the loads. */
  machineBusyCores: number | null;
  loadAverage: { before: number; after: number };
}

export function buildResults(
  context: StartupContext,
  loads: LoadFigures[],
  machine: { busyCores: number | null; loadAverage: { before: number; after: number } },
): StartupResults {
  const summary: StartupResults['summary'] = { element: {}, baseline: {} };
  for (const variant of ['element', 'baseline'] as const) {
    const ofVariant = loads.filter((load) => load.variant === variant);
    for (const name of FIGURE_NAMES) {
      const values = ofVariant.map(FIGURES[name].of).filter((value): value is number => value !== null);
      if (values.length === 0) continue;
      const sorted = values.sort((a, b) => a - b);
      summary[variant][name] = { p50: percentile(sorted, 50), max: sorted.at(-1) as number };
    }
  }
  const added: StartupResults['added'] = {};
  for (const name of FIGURE_NAMES) {
    const element = summary.element[name];
    const baseline = summary.baseline[name];
    if (element === undefined || baseline === undefined) continue;
    added[name] = { difference: element.p50 - baseline.p50, ratio: element.p50 / baseline.p50 };
  }
  const first = loads.find((load) => load.script !== null && load.brandSettings !== null);
  return {
    benchmark: 'otp-verify element start-up',
    date: context.date,
    command: context.command,
    parameters: context.options,
    machine: context.machine,
    chromium: context.chromium,
    pageUrl: context.pageUrl,
    loads,
    summary,
    added,
    transfers:
      first?.script && first.brandSettings ? { script: first.script, brandSettings: first.brandSettings } : null,
    machineBusyCores: machine.busyCores,
    loadAverage: machine.loadAverage,
  };
}

// ---- text output ----

const value = (figure: Figure, raw: number | null | undefined): string => {
  if (raw === null || raw === undefined) return '-';
  if (raw === 0) return '0';
  if (figure.unit === 'B') return String(Math.round(raw));
  if (figure.unit === '') return String(raw);
  return formatMs(raw);
};

export function headerText(context: StartupContext): string {
  const { options, machine } = context;
  return [
    'otp-verify element start-up benchmark',
    `  date         ${context.date}`,
    `  command      ${context.command}`,
    `  parameters   --runs ${options.runs} --warmup ${options.warmup} --cpu-throttle ${options.cpuThrottle}` +
      (options.json ? ' --json' : ''),
    `  machine      ${machine.cpus} x ${machine.cpuModel}, ${machine.platform}, node ${machine.node}`,
    `  browser      Chromium ${context.chromium}, CPU throttled ${options.cpuThrottle}x (CDP Emulation.setCPUThrottlingRate)`,
    `  page         ${context.pageUrl}, a fresh browser context (cold cache) per load`,
  ].join('\n');
}

/** One line per load, as it finishes. */
export function progressLine(elapsedMs: number, label: string, load: LoadFigures): string {
  const evaluation = load.trace.scriptEvaluationMs;
  return (
    `  [${(elapsedMs / 1000).toFixed(1).padStart(5)} s] ${label.padEnd(18)} ${load.variant.padEnd(8)} ` +
    `ready ${formatMs(load.readyMs)} ms, longest task ${formatMs(load.trace.longestTaskMs)} ms, ` +
    `${load.longTasks.count} long task(s) ${formatMs(load.longTasks.totalMs)} ms, ` +
    `busy ${formatMs(load.trace.busyMs)} ms${evaluation === null ? '' : `, script evaluation ${formatMs(evaluation)} ms`}`
  );
}

export function perLoadText(results: StartupResults): string {
  const runOf = new Map<Variant, number>();
  const rows = results.loads.map((load) => {
    const run = (runOf.get(load.variant) ?? 0) + 1;
    runOf.set(load.variant, run);
    return [String(run), load.variant, ...FIGURE_NAMES.map((name) => value(FIGURES[name], FIGURES[name].of(load)))];
  });
  return [
    'Per load (window: navigation start until the phone field is visible; baseline: until the first frame after load)',
    '  long = longest long task, LT = long-task time and count (PerformanceObserver "longtask", >= 50 ms);',
    '  LoAF = longest long animation frame; task = longest main-thread task, busy = main-thread task time (trace);',
    '  eval = otp-verify.iife.js evaluation (trace); script B, brand B = transferred bytes (headers + body)',
    table([['run', 'page', ...FIGURE_NAMES.map((name) => FIGURES[name].column)], ...rows], 2),
  ].join('\n');
}

export function summaryText(results: StartupResults): string {
  const { summary, added } = results;
  const runs = results.parameters.runs;
  return [
    `Over ${runs} loads per page (nearest-rank p50; "added" = element p50 - baseline p50, and their ratio)`,
    table([
      ['figure', 'element p50', 'max', 'baseline p50', 'max', 'added p50', 'ratio'],
      ...FIGURE_NAMES.map((name) => {
        const figure = FIGURES[name];
        const extra = added[name];
        return [
          figure.unit === '' ? figure.label : `${figure.label} (${figure.unit})`,
          value(figure, summary.element[name]?.p50),
          value(figure, summary.element[name]?.max),
          value(figure, summary.baseline[name]?.p50),
          value(figure, summary.baseline[name]?.max),
          extra === undefined ? '-' : `${extra.difference >= 0 ? '+' : ''}${value(figure, extra.difference)}`,
          extra === undefined || !Number.isFinite(extra.ratio) ? '-' : `${extra.ratio.toFixed(2)}x`,
        ];
      }),
    ]),
  ].join('\n');
}

export function transfersText(results: StartupResults): string {
  const { transfers } = results;
  if (transfers === null) return 'Transfers: none recorded';
  const row = (name: string, transfer: Transfer) => [
    name,
    String(transfer.transferredBytes),
    String(transfer.bodyBytes),
    String(transfer.gzipBytes),
    transfer.contentEncoding ?? 'none',
  ];
  return [
    'What the element loads (first measured load): bytes on the wire, the body, and the body gzipped (level 9)',
    table([
      ['request', 'transferred B', 'body B', 'gzip -9 B', 'Content-Encoding'],
      row(`script   ${new URL(transfers.script.url).pathname}`, transfers.script),
      row(
        `settings ${new URL(transfers.brandSettings.url).pathname}${new URL(transfers.brandSettings.url).search}`,
        transfers.brandSettings,
      ),
    ]),
  ].join('\n');
}

const verdictOf = (ms: number) => (ms > TASK_BUDGET_MS ? 'OVER' : 'within');

export function verdictText(results: StartupResults): string {
  const throttle = `${results.parameters.cpuThrottle}x`;
  const evaluation = results.summary.element.scriptEvaluationMs;
  const element = results.summary.element.longestTaskMs;
  const baseline = results.summary.baseline.longestTaskMs;
  if (evaluation === undefined || element === undefined || baseline === undefined) return 'Verdict: no trace figures';
  return [
    `Verdict at ${throttle} CPU throttling: evaluating otp-verify.iife.js (which defines and upgrades the element) ` +
      `is one task of ${formatMs(evaluation.p50)} ms at p50 and ${formatMs(evaluation.max)} ms at most; against the ` +
      `${TASK_BUDGET_MS} ms budget of a start-up task: p50 ${verdictOf(evaluation.p50)}, max ${verdictOf(evaluation.max)}.`,
    `  Longest main-thread task before the phone step: ${formatMs(element.p50)} ms at p50 (max ` +
      `${formatMs(element.max)}) with the element, ${formatMs(baseline.p50)} ms (max ${formatMs(baseline.max)}) ` +
      "without it (the page's own navigation and first layout).",
    // The issue's rule is about every task while the element starts, not only the script's own.
    `  Every task against the ${TASK_BUDGET_MS} ms budget: with the element p50 ${verdictOf(element.p50)}, ` +
      `max ${verdictOf(element.max)}; the page alone p50 ${verdictOf(baseline.p50)}, max ${verdictOf(baseline.max)}.`,
  ].join('\n');
}

export function machineText(results: StartupResults): string {
  const { machineBusyCores, loadAverage, machine } = results;
  return (
    `Machine: 1-min load average ${loadAverage.before.toFixed(2)} before the loads, ${loadAverage.after.toFixed(2)} ` +
    `after; ${machineBusyCores === null ? 'n/a' : machineBusyCores.toFixed(2)} of ${machine.cpus} cores busy during ` +
    "them (every process, this benchmark's browser and demo included). A load average well above 1 before the " +
    'loads means other work was running, which slows the throttled page too: run again on a quiet machine.'
  );
}
