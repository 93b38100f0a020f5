/**
 * bench/delivery: the time from an accepted send (its 202) to the SMS gateway's acceptance, through the verifier's
 * outbox, at a stated load, against the same gateway called directly; then a burst queued while the gateway is
 * down, and the time until it has them all. A benchmark, not a test: it prints figures. See
 * bench/delivery/README.md.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { registerCleanup } from '../flow/cleanup.js';
import { machineInfo, toJson, warnIfStale } from '../flow/run-helpers.js';
import { verifierCli } from '../flow/servers.js';
import { summarize } from '../flow/stats.js';
import { runBenchmark } from '../shared/entry-point.js';
import { BenchGateway } from './gateway.js';
import type { Started } from './load.js';
import { callGatewayDirectly, sendCodes, untilAnswered } from './load.js';
import type { DeliveryOptions } from './options.js';
import { USAGE, parseDeliveryOptions } from './options.js';
import type { BurstResult, LoadPhaseResult } from './report.js';
import { burstText, deliveredPerSecond, loadPhaseText, pathLatency, refusals } from './report.js';
import type { BenchVerifier } from './verifier.js';
import { startBenchVerifier } from './verifier.js';

const PROGRESS_MS = 2_000;
const ANSWERED_WITHIN_MS = 120_000;
/**
 * The burst's verifier only: with the default (3 failures in a row) the only provider's circuit opens at once, and
 * the verifier answers the sends 503 delivery_unavailable instead of queueing them, which is not what is timed here.
 */
const NO_CIRCUIT = { breaker: { failureThreshold: 1_000_000_000, openMs: 30_000 } };

async function main(options: DeliveryOptions): Promise<number> {
  const machine = machineInfo();
  console.log(
    [
      `bench delivery, ${new Date().toISOString()}, Node ${machine.node}, ${machine.platform}, ${machine.cpus} x ${machine.cpuModel}`,
      `  load       ${options.messages} sends per phase (create session + send, as a page does), ${options.concurrency} ` +
        `at once, gateway latency ${options.latenciesMs.join(' ms, then ')} ms; ${options.warmup} warm-up sends first`,
      `  set-up     one process: the verifier (dev mode, SQLite, outbox timing: ` +
        `${options.outboxConcurrency === undefined ? 'the defaults' : `concurrency ${options.outboxConcurrency}, the rest default`}), an HTTP SMS gateway ` +
        `(node:http) and the load generator (fetch), all on 127.0.0.1`,
      ...(options.burst > 0
        ? [
            `  burst      ${options.burst} sends while the gateway refuses connections for at least ` +
              `${options.outageSeconds} s (a second verifier, its circuit breaker kept closed)`,
          ]
        : []),
    ].join('\n'),
  );
  warnIfStale(verifierCli().staleSources);

  const gateway = new BenchGateway();
  await gateway.up();
  registerCleanup({ name: `gateway ${gateway.url}`, now: () => {}, gracefully: () => gateway.down() });
  const outbox = options.outboxConcurrency === undefined ? {} : { concurrency: options.outboxConcurrency };
  const verifier = await startBenchVerifier(gateway.url, outbox);
  console.log(`gateway at ${gateway.url}, verifier at ${verifier.url}\n`);

  if (options.warmup > 0) {
    const warm = await sendCodes(verifier, { count: options.warmup, concurrency: options.concurrency });
    const refused = refusals(warm.errors);
    if (refused.length > 0) throw new Error(`the warm-up's sends were refused: ${JSON.stringify(refused)}`);
    await untilAnswered(gateway, warm, ANSWERED_WITHIN_MS);
    await callGatewayDirectly(gateway, { count: options.warmup, concurrency: options.concurrency });
  }
  const phases: LoadPhaseResult[] = [];
  for (const latencyMs of options.latenciesMs) {
    phases.push(await loadPhase(gateway, verifier, options, latencyMs));
  }
  await verifier.stop();
  const burst = options.burst > 0 ? await burstAfterOutage(gateway, { ...outbox, ...NO_CIRCUIT }, options) : undefined;

  console.log(
    ['', '='.repeat(100), ...phases.map(loadPhaseText), ...(burst ? [burstText(burst)] : []), '='.repeat(100)].join(
      '\n\n',
    ),
  );
  if (options.json) console.log(toJson({ options, machine, phases, burst }));
  const problems = [
    ...phases
      .filter((phase) => phase.refused.length > 0)
      .map((phase) => `sends refused at ${phase.gatewayLatencyMs} ms`),
    ...(burst !== undefined && burst.refused.length > 0 ? ['sends refused in the burst'] : []),
    ...(burst !== undefined && burst.secondDeliveries > 0 ? ['a number got two messages in the burst'] : []),
  ];
  if (problems.length > 0) {
    console.error(`\nFAILED: ${problems.join('; ')}.`);
    return 1;
  }
  return 0;
}

async function loadPhase(
  gateway: BenchGateway,
  verifier: BenchVerifier,
  options: DeliveryOptions,
  latencyMs: number,
): Promise<LoadPhaseResult> {
  const load = { count: options.messages, concurrency: options.concurrency };
  gateway.latencyMs = latencyMs;
  gateway.reset();
  const label = `gateway latency ${latencyMs} ms`;
  const sendsFrom = performance.now();
  const loopFrom = performance.eventLoopUtilization();
  const sent = await withProgress(`${label}, through the verifier`, gateway, sendCodes(verifier, load));
  const sendsPerSecond = (sent.at.size / (performance.now() - sendsFrom)) * 1000;
  const eventLoopBusy = performance.eventLoopUtilization(loopFrom).utilization;
  await withProgress(`${label}, the last messages`, gateway, untilAnswered(gateway, sent, ANSWERED_WITHIN_MS));
  const outbox = pathLatency(sent, gateway.receipts);
  const delivered = deliveredPerSecond(sent, gateway.receipts);

  gateway.reset();
  const directFrom = performance.now();
  const direct = await withProgress(`${label}, called directly`, gateway, callGatewayDirectly(gateway, load));
  const directPerSecond = (direct.at.size / (performance.now() - directFrom)) * 1000;
  return {
    gatewayLatencyMs: latencyMs,
    messages: options.messages,
    concurrency: options.concurrency,
    outbox,
    direct: pathLatency(direct, gateway.receipts),
    sendsPerSecond,
    eventLoopBusy,
    deliveredPerSecond: delivered,
    directPerSecond,
    refused: refusals(sent.errors, direct.errors),
  };
}

async function burstAfterOutage(
  gateway: BenchGateway,
  outbox: Parameters<typeof startBenchVerifier>[1],
  options: DeliveryOptions,
): Promise<BurstResult> {
  gateway.latencyMs = 0;
  gateway.reset();
  const verifier = await startBenchVerifier(gateway.url, outbox);
  await gateway.down();
  const downAt = performance.now();
  const queued: Started = await withProgress(
    'burst, gateway down',
    gateway,
    sendCodes(verifier, { count: options.burst, concurrency: options.concurrency }),
  );
  await sleep(Math.max(0, options.outageSeconds * 1000 - (performance.now() - downAt)));
  await gateway.up();
  const upAt = performance.now();
  await withProgress('burst, gateway back', gateway, untilAnswered(gateway, queued, ANSWERED_WITHIN_MS));
  await verifier.running.context.outbox.idle();
  const { store } = verifier.running.context;
  const messages = store.listMessages({ limit: options.burst + 1 });
  const result: BurstResult = {
    messages: queued.at.size,
    outageMs: upAt - downAt,
    afterRecovery: summarize(
      [...queued.at.keys()].map((phone) => (gateway.receipts.get(phone)?.receivedAt ?? Number.NaN) - upAt),
    ),
    attempts: summarize(messages.map((message) => message.attempts)),
    failedAttemptsLogged: verifier.logged.get('40 a delivery attempt failed') ?? 0,
    repeatedKeys: gateway.repeats,
    secondDeliveries: gateway.secondDeliveries,
    outboxStates: store.countMessagesByState(),
    refused: refusals(queued.errors),
  };
  await verifier.stop();
  return result;
}

/** Prints how many messages the gateway has every 2 s while `work` runs, and when it ends. */
async function withProgress<T>(label: string, gateway: BenchGateway, work: Promise<T>): Promise<T> {
  const begun = performance.now();
  const report = (state: string) => {
    const seconds = ((performance.now() - begun) / 1000).toFixed(1).padStart(5);
    console.log(`  [${seconds} s] ${label}: ${gateway.receipts.size} messages at the gateway${state}`);
  };
  const timer = setInterval(() => report(''), PROGRESS_MS);
  try {
    const result = await work;
    report(', done');
    return result;
  } finally {
    clearInterval(timer);
  }
}

runBenchmark({ name: 'delivery', usage: USAGE, parse: parseDeliveryOptions }, main);
