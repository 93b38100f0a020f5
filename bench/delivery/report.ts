import type { ErrorTally } from '../flow/load.js';
import type { LatencySummary } from '../flow/stats.js';
import { summarize } from '../flow/stats.js';
import type { GatewayReceipt } from './gateway.js';
import type { Started } from './load.js';

/** From a message's start to the gateway having its request, and to the gateway's answer (its acceptance). */
export interface PathLatency {
  toReceived: LatencySummary;
  toAccepted: LatencySummary;
}

export interface LoadPhaseResult {
  gatewayLatencyMs: number;
  messages: number;
  concurrency: number;
  outbox: PathLatency;
  direct: PathLatency;
  /** Accepted sends (202) per second while the load ran, and gateway acceptances per second over the same span. */
  sendsPerSecond: number;
  /** The share of the sends' time this process's event loop (verifier, gateway and client alike) was busy. */
  eventLoopBusy: number;
  deliveredPerSecond: number;
  directPerSecond: number;
  refused: { kind: string; status: string; code: string; count: number }[];
}

export interface BurstResult {
  messages: number;
  outageMs: number;
  /** From the gateway's port opening again to it having each message. */
  afterRecovery: LatencySummary;
  attempts: LatencySummary;
  failedAttemptsLogged: number;
  repeatedKeys: number;
  secondDeliveries: number;
  outboxStates: Record<string, number>;
  refused: { kind: string; status: string; code: string; count: number }[];
}

export function pathLatency(started: Started, receipts: ReadonlyMap<string, GatewayReceipt>): PathLatency {
  const toReceived: number[] = [];
  const toAccepted: number[] = [];
  for (const [phone, at] of started.at) {
    const receipt = receipts.get(phone);
    if (receipt?.answeredAt === undefined) continue;
    toReceived.push(receipt.receivedAt - at);
    toAccepted.push(receipt.answeredAt - at);
  }
  return { toReceived: summarize(toReceived), toAccepted: summarize(toAccepted) };
}

/** Per second over the span from the first start to the last gateway answer. */
export function deliveredPerSecond(started: Started, receipts: ReadonlyMap<string, GatewayReceipt>): number {
  const starts = [...started.at.values()];
  const answers = [...started.at.keys()].map((phone) => receipts.get(phone)?.answeredAt ?? Number.NaN);
  return (starts.length / (Math.max(...answers) - Math.min(...starts))) * 1000;
}

export function refusals(...tallies: ErrorTally[]): LoadPhaseResult['refused'] {
  return tallies.flatMap((tally) => tally.entries());
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(value < 10 ? 2 : 1)).padStart(8);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`.padStart(8);
const row = (label: string, summary: LatencySummary) =>
  `  ${label.padEnd(52)} ${String(summary.count).padStart(6)} ${ms(summary.p50)} ${ms(summary.p90)} ${ms(summary.p99)} ${ms(summary.max)}`;

function refusedText(refused: LoadPhaseResult['refused']): string {
  if (refused.length === 0) return '  refused: none';
  return `  refused: ${refused.map((entry) => `${entry.kind} ${entry.status} ${entry.code} x${entry.count}`).join(', ')}`;
}

export function loadPhaseText(result: LoadPhaseResult): string {
  const { outbox, direct } = result;
  return [
    `Gateway answering after ${result.gatewayLatencyMs} ms: ${result.messages} sends, ${result.concurrency} at once`,
    `  ${'from → to'.padEnd(52)} ${'count'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p90 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
    row('outbox: send answered 202 → gateway has the request', outbox.toReceived),
    row('outbox: send answered 202 → gateway accepted it', outbox.toAccepted),
    row('direct: fetch called → gateway has the request', direct.toReceived),
    row('direct: fetch called → gateway accepted it', direct.toAccepted),
    `  ${'ratio outbox / direct, to the acceptance'.padEnd(59)} ${ratio(outbox.toAccepted.p50, direct.toAccepted.p50)} ${ratio(outbox.toAccepted.p90, direct.toAccepted.p90)} ${ratio(outbox.toAccepted.p99, direct.toAccepted.p99)} ${ratio(outbox.toAccepted.max, direct.toAccepted.max)}`,
    `  throughput: ${result.sendsPerSecond.toFixed(0)} sends/s accepted (create + send each), ` +
      `${result.deliveredPerSecond.toFixed(0)} messages/s accepted by the gateway through the outbox; ` +
      `${result.directPerSecond.toFixed(0)} requests/s called directly`,
    `  event loop busy while the sends ran: ${(result.eventLoopBusy * 100).toFixed(0)} % ` +
      '(one loop for the verifier, the gateway and the client)',
    refusedText(result.refused),
  ].join('\n');
}

export function burstText(result: BurstResult): string {
  const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
  const { afterRecovery, attempts } = result;
  return [
    `Burst after an outage: ${result.messages} sends accepted while the gateway refused connections ` +
      `(${seconds(result.outageMs)}), then its port opened again`,
    `  the gateway had all ${afterRecovery.count} messages ${seconds(afterRecovery.max)} after it came back ` +
      `(each: p50 ${seconds(afterRecovery.p50)}, p90 ${seconds(afterRecovery.p90)}, p99 ${seconds(afterRecovery.p99)})`,
    `  attempts per message: p50 ${attempts.p50}, p99 ${attempts.p99}, max ${attempts.max}; ` +
      `failed attempts logged: ${result.failedAttemptsLogged}`,
    `  delivered twice: ${result.secondDeliveries === 0 ? 'none' : `${result.secondDeliveries} numbers`} ` +
      `(requests repeating an accepted idempotency key, which the gateway answered without delivering: ` +
      `${result.repeatedKeys}); outbox states: ${JSON.stringify(result.outboxStates)}`,
    refusedText(result.refused),
  ].join('\n');
}
