import { randomInt } from 'node:crypto';
import type { BenchBrand } from '../flow/servers.js';
import { timedFetch } from '../shared/timed-fetch.js';

export const KINDS = ['known', 'unknown', 'unverified'] as const;
export type Kind = (typeof KINDS)[number];
export const STEPS = ['create', 'send', 'check'] as const;
export type Step = (typeof STEPS)[number];

/** The letter the customer directory (directory-server.mjs) reads the kind from. */
const REF_LETTER: Record<Kind, string> = { known: 'K', unknown: 'U', unverified: 'V' };
/** The wrong code every sample checks (a known session's real code is this one in a million times). */
const WRONG_CODE = '000000';

export type PerKindStep<T> = Record<Kind, Record<Step, T>>;

export function perKindStep<T>(make: () => T): PerKindStep<T> {
  return Object.fromEntries(
    KINDS.map((kind) => [kind, Object.fromEntries(STEPS.map((step) => [step, make()]))]),
  ) as PerKindStep<T>;
}

export interface SamplingResult {
  /** Latency in ms of every answered request of the measured samples, in the order they were made. */
  latencies: PerKindStep<number[]>;
  /** What the verifier answered (measured samples): "<status> <code>" → count. */
  answers: PerKindStep<Map<string, number>>;
  /** Sessions opened per kind (warm-up included): each should have cost exactly one directory lookup. */
  sessionsCreated: Record<Kind, number>;
  /** Samples that could not be completed (no session, send refused, network failure), warm-up included. */
  failures: { kind: Kind; step: Step; answer: string }[];
  measuredSamples: number;
  requestedSamples: number;
  /** True if --max-seconds ended the run before all samples were done. */
  timedOut: boolean;
  elapsedMs: number;
}

export interface SamplingHooks {
  progressMs: number;
  onProgress(progress: { elapsedMs: number; warmingUp: boolean; done: number; total: number }): void;
}

/**
 * Rounds of one sample per kind, the kinds in a fresh random order each round, one request at a time: the
 * three kinds see the same machine (GC, other processes, SQLite checkpoints) and no queueing. A sample opens a
 * session for a fresh customer reference of its kind, asks for a code, and checks one wrong code.
 */
export async function sampleKinds(
  target: { url: string; brand: BenchBrand },
  options: { samples: number; warmup: number; maxSeconds: number },
  hooks: SamplingHooks,
): Promise<SamplingResult> {
  const { url, brand } = target;
  const latencies = perKindStep<number[]>(() => []);
  const answers = perKindStep(() => new Map<string, number>());
  const sessionsCreated: Record<Kind, number> = { known: 0, unknown: 0, unverified: 0 };
  const failures: SamplingResult['failures'] = [];
  const rounds = options.warmup + options.samples;
  let next = 0;
  let round = 0;
  let measuredSamples = 0;

  const request = async (
    kind: Kind,
    step: Step,
    measured: boolean,
    path: string,
    init: RequestInit,
  ): Promise<{ status: number; body: unknown }> => {
    let answered;
    try {
      answered = await timedFetch(`${url}${path}`, init);
    } catch (error) {
      failures.push({ kind, step, answer: `network ${(error as Error).message}` });
      throw new SampleAbandoned();
    }
    const { status, text, elapsedMs: elapsed } = answered;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (measured) {
      latencies[kind][step].push(elapsed);
      const answer = `${status} ${problemCode(body)}`;
      answers[kind][step].set(answer, (answers[kind][step].get(answer) ?? 0) + 1);
    }
    return { status, body };
  };

  const oneSample = async (kind: Kind, measured: boolean): Promise<void> => {
    const n = next++;
    const customerRef = `ref-${REF_LETTER[kind]}-${String(n).padStart(8, '0')}`;
    const order = { id: `enum-${n}`, amount: 1000 + (n % 9000), currency: 'EUR' };
    const json = { 'content-type': 'application/json' };
    const created = await request(kind, 'create', measured, '/v1/sessions', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${brand.secretKey}` },
      body: JSON.stringify({ brand: brand.id, order, customerRef }),
    });
    const session = created.body as { id?: unknown; clientSecret?: unknown } | undefined;
    if (created.status !== 201 || typeof session?.id !== 'string' || typeof session.clientSecret !== 'string') {
      failures.push({ kind, step: 'create', answer: `${created.status} ${problemCode(created.body)}` });
      throw new SampleAbandoned();
    }
    sessionsCreated[kind] += 1;
    const asPage = { ...json, origin: brand.origin, authorization: `Bearer ${session.clientSecret}` };
    const path = `/v1/sessions/${encodeURIComponent(session.id)}`;
    const sent = await request(kind, 'send', measured, `${path}/send`, { method: 'POST', headers: asPage, body: '{}' });
    if (sent.status !== 202) {
      failures.push({ kind, step: 'send', answer: `${sent.status} ${problemCode(sent.body)}` });
      throw new SampleAbandoned();
    }
    // A wrong code is refused (the same answer for every kind, which the report checks), not a failure.
    await request(kind, 'check', measured, `${path}/check`, {
      method: 'POST',
      headers: asPage,
      body: JSON.stringify({ code: WRONG_CODE }),
    });
  };

  const runStart = performance.now();
  const deadline = runStart + options.maxSeconds * 1000;
  let timedOut = false;
  const progressTimer = setInterval(
    () =>
      hooks.onProgress({
        elapsedMs: performance.now() - runStart,
        warmingUp: round < options.warmup,
        done: round,
        total: rounds,
      }),
    hooks.progressMs,
  );
  try {
    for (; round < rounds; round += 1) {
      if (performance.now() > deadline) {
        timedOut = true;
        break;
      }
      const measured = round >= options.warmup;
      for (const kind of shuffled(KINDS)) {
        try {
          await oneSample(kind, measured);
        } catch (error) {
          if (!(error instanceof SampleAbandoned)) throw error;
        }
      }
      if (measured) measuredSamples += 1;
    }
  } finally {
    clearInterval(progressTimer);
  }
  return {
    latencies,
    answers,
    sessionsCreated,
    failures,
    measuredSamples,
    requestedSamples: options.samples,
    timedOut,
    elapsedMs: performance.now() - runStart,
  };
}

/** Thrown (after being recorded) to abandon a sample; the next one starts. */
class SampleAbandoned extends Error {}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function problemCode(body: unknown): string {
  const code = (body as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : '-';
}
