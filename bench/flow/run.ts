/**
 * bench/flow: full otp-verify flows (create, send, read the code, check, redeem) against a verifier
 * child process on loopback for a bounded time, then as many trivial requests against a bare
 * node:http child, in the same run. A benchmark, not a test: it prints figures. See bench/README.md.
 */
import type { ChildServer, CpuTimes } from './child-server.js';
import { CLOCK_TICKS_PER_SECOND, machineBusyMs } from './child-server.js';
import { EventLoopProbe } from './event-loop.js';
import type { BaselineResult, WindowHooks } from './load.js';
import { runFlows, runTrivialRequests } from './load.js';
import type { BenchOptions } from './options.js';
import { USAGE, parseOptions } from './options.js';
import type { CpuWindow, RunContext } from './report.js';
import {
  ERROR_LIMIT,
  baselineText,
  buildResults,
  cpuText,
  errorFigures,
  errorsText,
  header,
  ratiosText,
  verifierText,
} from './report.js';
import { failIfItDies, machineInfo, progressMeter, toJson, warnIfStale } from './run-helpers.js';
import { runBenchmark } from '../shared/entry-point.js';
import { startBaseline, startVerifier, temporaryDirectory, verifierCli, writeBenchBrand } from './servers.js';

const PROGRESS_MS = 5_000;

async function main(options: BenchOptions): Promise<number> {
  const context: RunContext = {
    date: new Date().toISOString(),
    command: [process.execPath, ...process.execArgv, ...process.argv.slice(1)].join(' '),
    cwd: process.cwd(),
    options,
    machine: machineInfo(),
    clockTicksPerSecond: CLOCK_TICKS_PER_SECOND,
  };
  console.log(header(context));
  const { cli, staleSources } = verifierCli();
  warnIfStale(staleSources);
  if (options.cpuProfileDir !== undefined) {
    console.log(
      `  profiling    the verifier writes a CPU profile into ${options.cpuProfileDir} (slower: not comparable)`,
    );
  }
  console.log('');

  // ---- the verifier ----
  const directory = temporaryDirectory();
  const { brand, brandsFile } = writeBenchBrand(directory);
  const verifier = await startVerifier(cli, directory, brandsFile, options.cpuProfileDir);
  failIfItDies(verifier);
  console.log(`verifier ready at ${verifier.url} (child pid ${verifier.pid}, data in ${directory})`);
  console.log(
    `running ${options.concurrency} workers for ${options.warmupSeconds} s warm-up (discarded) + ` +
      `${options.seconds} s measured…`,
  );
  const verifierCpu = cpuRecorder(verifier);
  const eventLoop = new EventLoopProbe(verifier.url);
  const verifierProgress = progressMeter(verifier);
  const flowRun = await runFlows(
    { url: verifier.url, brand },
    { concurrency: options.concurrency, warmupMs: options.warmupSeconds * 1000, measureMs: options.seconds * 1000 },
    {
      onWindowStart: () => {
        verifierCpu.hooks.onWindowStart();
        eventLoop.open();
      },
      onWindowEnd: () => {
        verifierCpu.hooks.onWindowEnd();
        eventLoop.close();
      },
      progressMs: PROGRESS_MS,
      onProgress: ({ elapsedMs, phase, done, measured }) => {
        const { rate, load } = verifierProgress(elapsedMs, done);
        console.log(
          `  [${(elapsedMs / 1000).toFixed(1).padStart(5)} s] ${phase === 'warmup' ? 'warm-up ' : 'measuring'}  ` +
            `flows done ${String(done).padStart(6)} (in window ${measured}), now ${rate.toFixed(1)} flows/s${load}`,
        );
      },
    },
  );
  const verifierWindow = { run: flowRun, cpu: verifierCpu.window(), eventLoopDelay: await eventLoop.result() };
  await verifier.stop();

  const verifierErrors = errorFigures(flowRun.errors, flowRun.allRequests);
  if (flowRun.flows === 0 || verifierErrors.rate > ERROR_LIMIT) {
    const partial = buildResults(context, verifierWindow, undefined);
    console.log(`\n${verifierText(partial)}\n\n${errorsText('Errors (whole run)', verifierErrors)}`);
    if (options.json) console.log(toJson(partial));
    const reasons = [
      ...(verifierErrors.rate > ERROR_LIMIT
        ? [`${(verifierErrors.rate * 100).toFixed(2)} % of the verifier requests failed (limit ${ERROR_LIMIT * 100} %)`]
        : []),
      ...(flowRun.flows === 0 ? ['no flow completed in the measured window'] : []),
    ];
    console.error(
      `\nFAILED: ${reasons.join(' and ')}: the figures above do not describe a working verifier. Baseline skipped.` +
        (verifier.recentOutput() === '' ? '' : `\nLast verifier output:\n${verifier.recentOutput()}`),
    );
    return 1;
  }

  // ---- the bare node:http baseline ----
  const bare = await startBaseline();
  failIfItDies(bare);
  console.log(
    `\nbare node:http baseline ready at ${bare.url} (child pid ${bare.pid}): ${options.warmupSeconds} s warm-up, ` +
      `then exactly ${flowRun.requests} requests…`,
  );
  const bareCpu = cpuRecorder(bare);
  const bareProgress = progressMeter(bare);
  const bareRun: BaselineResult = await runTrivialRequests(
    bare.url,
    { concurrency: options.concurrency, warmupMs: options.warmupSeconds * 1000, requests: flowRun.requests },
    {
      ...bareCpu.hooks,
      progressMs: PROGRESS_MS,
      onProgress: ({ elapsedMs, phase, done, measured }) => {
        const { rate, load } = bareProgress(elapsedMs, done);
        console.log(
          `  [${(elapsedMs / 1000).toFixed(1).padStart(5)} s] ${phase === 'warmup' ? 'warm-up ' : 'measuring'}  ` +
            `requests ${measured} of ${flowRun.requests}, now ${rate.toFixed(0)} requests/s${load}`,
        );
      },
    },
  );
  await bare.stop();

  // ---- results ----
  const results = buildResults(context, verifierWindow, { run: bareRun, cpu: bareCpu.window() });
  console.log(
    [
      '',
      '='.repeat(100),
      verifierText(results),
      '',
      baselineText(results),
      '',
      ratiosText(results),
      '',
      cpuText(results, context.machine.cpus, CLOCK_TICKS_PER_SECOND),
      '',
      errorsText('Verifier errors (whole run, warm-up included)', verifierErrors),
      errorsText('Baseline errors', results.baseline?.errors ?? errorFigures(bareRun.errors, bareRun.allRequests)),
      '='.repeat(100),
    ].join('\n'),
  );
  if (options.json) console.log(toJson(results));
  const bareErrors = results.baseline?.errors;
  if (bareErrors !== undefined && bareErrors.rate > ERROR_LIMIT) {
    console.error(`\nFAILED: ${(bareErrors.rate * 100).toFixed(2)} % of the baseline requests failed.`);
    return 1;
  }
  return 0;
}

/** Samples a child's CPU (and this process's) when the measured window opens and closes. */
function cpuRecorder(server: ChildServer): {
  hooks: Pick<WindowHooks, 'onWindowStart' | 'onWindowEnd'>;
  window(): CpuWindow;
} {
  let start: CpuTimes | undefined;
  let end: CpuTimes | undefined;
  let clientStart: NodeJS.CpuUsage | undefined;
  let clientUs = 0;
  let machineStart: number | undefined;
  let machineMs: number | undefined;
  return {
    hooks: {
      onWindowStart: () => {
        start = server.cpu();
        machineStart = machineBusyMs();
        clientStart = process.cpuUsage();
      },
      onWindowEnd: () => {
        end = server.cpu();
        const machineEnd = machineBusyMs();
        const used = process.cpuUsage(clientStart);
        clientUs = used.user + used.system;
        machineMs = machineStart === undefined || machineEnd === undefined ? undefined : machineEnd - machineStart;
      },
    },
    window: () => ({
      server: start === undefined || end === undefined ? undefined : { start, end },
      clientUs,
      machineMs,
    }),
  };
}

runBenchmark({ name: 'flow', usage: USAGE, parse: parseOptions }, main);
