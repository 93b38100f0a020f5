import type { CpuTimes } from './child-server.js';
import type { EventLoopDelay } from './event-loop.js';
import type { BaselineResult, ErrorTally, FlowRunResult } from './load.js';
import { REQUEST_KINDS } from './load.js';
import type { BenchOptions } from './options.js';
import type { LatencySummary } from './stats.js';
import { summarize } from './stats.js';

/** DESIGN.md, "Hot paths": event-loop time per request on these machines. */
export const DESIGN_BUDGET_US = { express: 365, bareHttp: 67 } as const;
export const ERROR_LIMIT = 0.01;

export interface CpuWindow {
  /** From /proc, or undefined where it is not available. */
  server: { start: CpuTimes; end: CpuTimes } | undefined;
  /** This process (the load generator), from process.cpuUsage(), in microseconds. */
  clientUs: number;
  /** The whole machine (every process, all cores), from /proc/stat, in milliseconds. */
  machineMs: number | undefined;
}

export interface RunContext {
  date: string;
  command: string;
  cwd: string;
  options: BenchOptions;
  machine: { node: string; platform: string; cpus: number; cpuModel: string };
  clockTicksPerSecond: number;
}

export interface Results {
  benchmark: 'otp-verify flow';
  date: string;
  command: string;
  parameters: { seconds: number; concurrency: number; warmupSeconds: number };
  machine: RunContext['machine'];
  verifier: {
    windowSeconds: number;
    flows: number;
    flowsPerSecond: number;
    requests: number;
    requestsPerSecond: number;
    latencyMs: Record<string, LatencySummary>;
    cpu: CpuFigures | null;
    /** How long its event loop was blocked beyond the 10 ms sampling interval (its /metrics), or null. */
    eventLoopDelayMs: EventLoopDelay | null;
    errors: ErrorFigures;
  };
  /** Null when the run failed before the baseline. */
  baseline: {
    windowSeconds: number;
    requests: number;
    requestsPerSecond: number;
    latencyMs: LatencySummary;
    cpu: CpuFigures | null;
    errors: ErrorFigures;
  } | null;
  ratios: {
    /** Verifier p50 / bare p50, per request type and over all requests. */
    p50: Record<string, number>;
    p99: Record<string, number>;
    /** Verifier requests/s / bare requests/s. */
    requestsPerSecond: number;
  } | null;
  /** CPU µs per request of this process, the load generator. */
  client: { verifierPhaseCpuUsPerRequest: number; baselinePhaseCpuUsPerRequest: number | null };
  designBudgetUsPerRequest: typeof DESIGN_BUDGET_US;
}

export interface CpuFigures {
  processMs: number;
  mainThreadMs: number;
  processMsPerFlow?: number;
  mainThreadMsPerFlow?: number;
  processUsPerRequest: number;
  mainThreadUsPerRequest: number;
  /** Share of one core the process used over the window. */
  processCoreShare: number;
  /**
   * Cores busy with other work during the window: the machine's busy time minus this server and the
   * load generator. Above ~0.1 the figures are disturbed by other processes.
   */
  otherProcessesCores: number | null;
}

export interface ErrorFigures {
  total: number;
  requests: number;
  rate: number;
  byType: { kind: string; status: string; code: string; count: number }[];
}

export function buildResults(
  context: RunContext,
  verifier: { run: FlowRunResult; cpu: CpuWindow; eventLoopDelay: EventLoopDelay | undefined },
  baseline: { run: BaselineResult; cpu: CpuWindow } | undefined,
): Results {
  const flowRun = verifier.run;
  const windowSeconds = flowRun.windowMs / 1000;
  const latencyMs: Record<string, LatencySummary> = {};
  for (const kind of REQUEST_KINDS) latencyMs[kind] = summarize(flowRun.latencies[kind]);
  latencyMs.all = summarize(REQUEST_KINDS.flatMap((kind) => flowRun.latencies[kind]));
  latencyMs.flow = summarize(flowRun.flowLatencies);
  const requestsPerSecond = flowRun.requests / windowSeconds;
  const bare = baseline === undefined ? null : baselineFigures(baseline.run, baseline.cpu);
  const ratio = (field: 'p50' | 'p99', bareLatency: LatencySummary) =>
    Object.fromEntries(
      [...REQUEST_KINDS, 'all'].map((kind) => [kind, (latencyMs[kind] as LatencySummary)[field] / bareLatency[field]]),
    );
  return {
    benchmark: 'otp-verify flow',
    date: context.date,
    command: context.command,
    parameters: {
      seconds: context.options.seconds,
      concurrency: context.options.concurrency,
      warmupSeconds: context.options.warmupSeconds,
    },
    machine: context.machine,
    verifier: {
      windowSeconds,
      flows: flowRun.flows,
      flowsPerSecond: flowRun.flows / windowSeconds,
      requests: flowRun.requests,
      requestsPerSecond,
      latencyMs,
      cpu: cpuFigures(verifier.cpu, flowRun.windowMs, flowRun.requests, flowRun.flows),
      eventLoopDelayMs: verifier.eventLoopDelay ?? null,
      errors: errorFigures(flowRun.errors, flowRun.allRequests),
    },
    baseline: bare,
    ratios:
      bare === null
        ? null
        : {
            p50: ratio('p50', bare.latencyMs),
            p99: ratio('p99', bare.latencyMs),
            requestsPerSecond: requestsPerSecond / bare.requestsPerSecond,
          },
    client: {
      verifierPhaseCpuUsPerRequest: verifier.cpu.clientUs / flowRun.requests,
      baselinePhaseCpuUsPerRequest: baseline === undefined ? null : baseline.cpu.clientUs / baseline.run.requests,
    },
    designBudgetUsPerRequest: DESIGN_BUDGET_US,
  };
}

function baselineFigures(run: BaselineResult, cpu: CpuWindow): NonNullable<Results['baseline']> {
  const windowSeconds = run.windowMs / 1000;
  return {
    windowSeconds,
    requests: run.requests,
    requestsPerSecond: run.requests / windowSeconds,
    latencyMs: summarize(run.latencies),
    cpu: cpuFigures(cpu, run.windowMs, run.requests),
    errors: errorFigures(run.errors, run.allRequests),
  };
}

function cpuFigures(cpu: CpuWindow, windowMs: number, requests: number, flows?: number): CpuFigures | null {
  if (cpu.server === undefined) return null;
  const processMs = cpu.server.end.processMs - cpu.server.start.processMs;
  const mainThreadMs = cpu.server.end.mainThreadMs - cpu.server.start.mainThreadMs;
  return {
    processMs,
    mainThreadMs,
    ...(flows === undefined ? {} : { processMsPerFlow: processMs / flows, mainThreadMsPerFlow: mainThreadMs / flows }),
    processUsPerRequest: (processMs * 1000) / requests,
    mainThreadUsPerRequest: (mainThreadMs * 1000) / requests,
    processCoreShare: processMs / windowMs,
    // Clamped at 0: with 10 ms ticks the difference can come out a little below.
    otherProcessesCores:
      cpu.machineMs === undefined ? null : Math.max(0, (cpu.machineMs - processMs - cpu.clientUs / 1000) / windowMs),
  };
}

export function errorFigures(errors: ErrorTally, requests: number): ErrorFigures {
  return {
    total: errors.total,
    requests,
    rate: requests === 0 ? 1 : errors.total / requests,
    byType: errors.entries(),
  };
}

// ---- text output ----

export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const times = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a';

export function table(rows: string[][], alignLeft = 1): string {
  const widths = (rows[0] as string[]).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map(
      (row) =>
        '  ' +
        row
          .map((cell, column) =>
            column < alignLeft ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number),
          )
          .join('   ')
          .trimEnd(),
    )
    .join('\n');
}

export function header(context: RunContext): string {
  const { options, machine } = context;
  return [
    'otp-verify flow benchmark',
    `  date         ${context.date}`,
    `  command      ${context.command}`,
    `  cwd          ${context.cwd}`,
    `  parameters   --seconds ${options.seconds} --concurrency ${options.concurrency} --warmup ${options.warmupSeconds}` +
      (options.json ? ' --json' : '') +
      (options.cpuProfileDir === undefined ? '' : ` --cpu-prof ${options.cpuProfileDir}`),
    `  machine      ${machine.cpus} x ${machine.cpuModel}, ${machine.platform}, node ${machine.node}`,
    `  note         the load generator (this process) and the server under test (a child process) share these ` +
      `${machine.cpus} cores:`,
    '               the figures are for the whole loopback set-up, not for the server alone (see the CPU section).',
  ].join('\n');
}

export function errorsText(title: string, errors: ErrorFigures): string {
  if (errors.total === 0) return `${title}: none (0 of ${errors.requests} requests)`;
  const lines = [`${title}: ${errors.total} of ${errors.requests} requests (${fixed(errors.rate * 100, 2)} %)`];
  lines.push(
    table([
      ['request', 'status', 'code', 'count'],
      ...errors.byType.map((entry) => [entry.kind, entry.status, entry.code, String(entry.count)]),
    ]),
  );
  return lines.join('\n');
}

export function verifierText(results: Results): string {
  const { verifier, ratios } = results;
  const rows: string[][] = [
    ['request', 'count', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', ...(ratios === null ? [] : ['p50/bare', 'p99/bare'])],
  ];
  const labels: Record<string, string> = {
    create: 'create   POST /v1/sessions',
    send: 'send     POST /v1/sessions/{id}/send',
    inbox: 'inbox    GET /dev/inbox/messages',
    check: 'check    POST /v1/sessions/{id}/check',
    redeem: 'redeem   POST /v1/redemptions',
    all: 'all requests',
    flow: 'whole flow (the 5 in a row)',
  };
  for (const [kind, label] of Object.entries(labels)) {
    const summary = verifier.latencyMs[kind] as LatencySummary;
    const ratioCells =
      ratios === null ? [] : kind === 'flow' ? ['', ''] : [times(ratios.p50[kind]), times(ratios.p99[kind])];
    rows.push([
      label,
      String(summary.count),
      formatMs(summary.p50),
      formatMs(summary.p90),
      formatMs(summary.p99),
      formatMs(summary.max),
      ...ratioCells,
    ]);
  }
  return [
    `Verifier (otp-verify serve, dev mode, SQLite): measured window ${fixed(verifier.windowSeconds, 2)} s, ` +
      `${results.parameters.concurrency} workers`,
    `  flows      ${verifier.flows} completed = ${fixed(verifier.flowsPerSecond)} flows/s`,
    `  requests   ${verifier.requests} completed = ${fixed(verifier.requestsPerSecond)} requests/s`,
    '',
    table(rows),
  ].join('\n');
}

export function baselineText(results: Results): string {
  const { baseline } = results;
  if (baseline === null) return 'Bare node:http baseline: not run.';
  const latency = baseline.latencyMs;
  return [
    `Bare node:http baseline (child process answering {"ok":true}): exactly ${baseline.requests} trivial GETs ` +
      `(as many as the verifier window), ${results.parameters.concurrency} workers, same client`,
    `  requests   ${baseline.requests} in ${fixed(baseline.windowSeconds, 2)} s = ` +
      `${fixed(baseline.requestsPerSecond)} requests/s`,
    '',
    table([
      ['request', 'count', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
      [
        'GET /',
        String(latency.count),
        formatMs(latency.p50),
        formatMs(latency.p90),
        formatMs(latency.p99),
        formatMs(latency.max),
      ],
    ]),
  ].join('\n');
}

export function ratiosText(results: Results): string {
  const { ratios, verifier, baseline } = results;
  if (ratios === null || baseline === null) return '';
  const all = verifier.latencyMs.all as LatencySummary;
  return [
    'Verifier vs bare node:http (same run, same client, same concurrency)',
    table([
      ['', 'verifier', 'bare', 'verifier/bare'],
      [
        'p50 per request (all types)',
        `${formatMs(all.p50)} ms`,
        `${formatMs(baseline.latencyMs.p50)} ms`,
        times(ratios.p50.all),
      ],
      [
        'p99 per request (all types)',
        `${formatMs(all.p99)} ms`,
        `${formatMs(baseline.latencyMs.p99)} ms`,
        times(ratios.p99.all),
      ],
      [
        'requests/s',
        fixed(verifier.requestsPerSecond),
        fixed(baseline.requestsPerSecond),
        `${fixed(ratios.requestsPerSecond, 3)} (bare serves ${fixed(1 / ratios.requestsPerSecond, 1)}x as many)`,
      ],
    ]),
  ].join('\n');
}

export function cpuText(results: Results, cores: number, clockTicksPerSecond: number): string {
  const { verifier, baseline, client } = results;
  const rows: string[][] = [['', 'CPU ms', 'ms per flow', 'µs per request', `cores busy (of ${cores})`]];
  const add = (label: string, ms: number, windowSeconds: number, requests: number, flows?: number) =>
    rows.push([
      label,
      fixed(ms, 0),
      flows === undefined ? '' : fixed(ms / flows, 3),
      fixed((ms * 1000) / requests, 0),
      fixed(ms / (windowSeconds * 1000), 2),
    ]);
  const window = verifier.windowSeconds;
  if (verifier.cpu !== null) {
    add('verifier, whole process', verifier.cpu.processMs, window, verifier.requests, verifier.flows);
    add('verifier, main thread', verifier.cpu.mainThreadMs, window, verifier.requests, verifier.flows);
  }
  add(
    'load generator (verifier phase)',
    (client.verifierPhaseCpuUsPerRequest * verifier.requests) / 1000,
    window,
    verifier.requests,
    verifier.flows,
  );
  if (baseline !== null) {
    if (baseline.cpu !== null) {
      add('bare node:http, whole process', baseline.cpu.processMs, baseline.windowSeconds, baseline.requests);
      add('bare node:http, main thread', baseline.cpu.mainThreadMs, baseline.windowSeconds, baseline.requests);
    }
    add(
      'load generator (baseline phase)',
      ((client.baselinePhaseCpuUsPerRequest ?? Number.NaN) * baseline.requests) / 1000,
      baseline.windowSeconds,
      baseline.requests,
    );
  }
  const others = (label: string, cpu: CpuFigures | null | undefined) =>
    cpu?.otherProcessesCores === null || cpu?.otherProcessesCores === undefined
      ? []
      : [
          `  other processes on the machine during the ${label} window: ${fixed(cpu.otherProcessesCores, 2)} cores busy` +
            (cpu.otherProcessesCores > 0.1 ? '  <- the machine was not quiet: these figures are disturbed' : ''),
        ];
  const delay = verifier.eventLoopDelayMs;
  const loopLines =
    delay === null
      ? []
      : [
          `  verifier event loop blocked (its /metrics, beyond the 10 ms sampling): p50 ${formatMs(delay.p50Ms)} ms, ` +
            `p99 ${formatMs(delay.p99Ms)} ms, max ${formatMs(delay.maxMs)} ms`,
        ];
  const ceiling =
    verifier.cpu?.mainThreadMsPerFlow === undefined
      ? []
      : [
          `  the verifier's event loop would be saturated at ≈ ${fixed(1000 / verifier.cpu.mainThreadMsPerFlow, 0)} ` +
            'flows/s (1 s / main-thread ms per flow), were the load generator elsewhere',
        ];
  const budget = DESIGN_BUDGET_US;
  return [
    `CPU over each measured window (/proc/<pid>/stat utime+stime, ${1000 / clockTicksPerSecond} ms ticks; ` +
      'main thread = /proc/<pid>/task/<pid>, the event loop)',
    table(rows),
    ...(verifier.cpu === null ? ['  (no /proc here: server CPU not measured)'] : []),
    ...loopLines,
    ...ceiling,
    ...others('verifier', verifier.cpu),
    ...others('baseline', baseline?.cpu),
    `  DESIGN.md "Hot paths": an Express 5 request costs ≈ ${budget.express} µs of event-loop time, bare node:http ` +
      `≈ ${budget.bareHttp} µs;`,
    `  a flow is 5 requests, so ≈ ${fixed((5 * budget.express) / 1000, 2)} ms of it is Express per flow before any ` +
      `work (${fixed((5 * budget.bareHttp) / 1000, 2)} ms on bare node:http).`,
  ].join('\n');
}
