import { timedFetch } from '../shared/timed-fetch.js';
import type { BenchBrand } from './servers.js';

export const REQUEST_KINDS = ['create', 'send', 'inbox', 'check', 'redeem'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

type Phase = 'warmup' | 'measure' | 'done';

/** Refused requests (non-2xx, network failures, unusable answers), by request type, status and code. */
export class ErrorTally {
  private readonly counts = new Map<string, { kind: string; status: string; code: string; count: number }>();
  total = 0;

  add(kind: string, status: number | string, code: string): void {
    const key = `${kind} ${status} ${code}`;
    const entry = this.counts.get(key) ?? { kind, status: String(status), code, count: 0 };
    entry.count += 1;
    this.counts.set(key, entry);
    this.total += 1;
  }

  entries(): { kind: string; status: string; code: string; count: number }[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count);
  }
}

/** Thrown (after being tallied) to abandon the current flow; the worker starts the next one. */
class FlowAbandoned extends Error {}

export interface WindowHooks {
  /** Called when the measured window opens and closes (sample CPU here). */
  onWindowStart(): void;
  onWindowEnd(): void;
  /** Called every `progressMs` with the figures so far. */
  onProgress(progress: { elapsedMs: number; phase: Phase; done: number; measured: number }): void;
  progressMs: number;
}

export interface FlowRunResult {
  windowMs: number;
  /** Flows and requests completed inside the measured window. */
  flows: number;
  requests: number;
  latencies: Record<RequestKind, number[]>;
  flowLatencies: number[];
  /** Over the whole run (warm-up, window and the flows still finishing after it). */
  allRequests: number;
  errors: ErrorTally;
}

/**
 * C workers, each looping one full flow with a fresh German mobile number, for warm-up + window.
 * A request is counted in the window if it completes inside it; after the window, workers finish
 * the flow they are in (uncounted) and stop.
 */
export async function runFlows(
  target: { url: string; brand: BenchBrand },
  options: { concurrency: number; warmupMs: number; measureMs: number },
  hooks: WindowHooks,
): Promise<FlowRunResult> {
  const { url, brand } = target;
  const latencies = Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, [] as number[]])) as Record<
    RequestKind,
    number[]
  >;
  const flowLatencies: number[] = [];
  const errors = new ErrorTally();
  let phase: Phase = 'warmup';
  let windowStart = 0;
  let windowEnd = 0;
  let requests = 0;
  let allRequests = 0;
  let flowsDone = 0;
  let nextNumber = 0;

  const request = async (kind: RequestKind, path: string, init: RequestInit): Promise<unknown> => {
    let answered;
    try {
      answered = await timedFetch(`${url}${path}`, init);
    } catch (error) {
      allRequests += 1;
      if (phase === 'measure') requests += 1;
      errors.add(kind, 'network', networkCode(error));
      throw new FlowAbandoned();
    }
    const { status, text, elapsedMs: elapsed } = answered;
    allRequests += 1;
    if (phase === 'measure') requests += 1;
    if (status < 200 || status > 299) {
      errors.add(kind, status, problemCode(text));
      throw new FlowAbandoned();
    }
    if (phase === 'measure') latencies[kind].push(elapsed);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      errors.add(kind, status, 'not_json');
      throw new FlowAbandoned();
    }
  };

  const field = (kind: RequestKind, body: unknown, name: string): string => {
    const value = (body as Record<string, unknown> | null)?.[name];
    if (typeof value !== 'string' || value === '') {
      errors.add(kind, 'answer', `no_${name}`);
      throw new FlowAbandoned();
    }
    return value;
  };

  const oneFlow = async (): Promise<void> => {
    const n = nextNumber++;
    const phone = `+49151${String(n).padStart(8, '0')}`;
    const order = { id: `bench-${n}`, amount: 1000 + (n % 9000), currency: 'EUR' };
    const json = { 'content-type': 'application/json' };
    const started = performance.now();

    const created = await request('create', '/v1/sessions', {
      method: 'POST',
      headers: { ...json, origin: brand.origin },
      body: JSON.stringify({ brand: brand.id, order, phone, country: 'DE' }),
    });
    const id = encodeURIComponent(field('create', created, 'id'));
    const asPage = {
      ...json,
      origin: brand.origin,
      authorization: `Bearer ${field('create', created, 'clientSecret')}`,
    };
    await request('send', `/v1/sessions/${id}/send`, { method: 'POST', headers: asPage, body: '{}' });
    const inbox = await request('inbox', `/dev/inbox/messages?to=${encodeURIComponent(phone)}`, { method: 'GET' });
    const checked = await request('check', `/v1/sessions/${id}/check`, {
      method: 'POST',
      headers: asPage,
      body: JSON.stringify({ code: codeFromInbox(inbox, new URL(brand.origin).hostname, errors) }),
    });
    await request('redeem', '/v1/redemptions', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${brand.secretKey}` },
      body: JSON.stringify({ token: field('check', checked, 'token'), order }),
    });
    flowsDone += 1;
    if (phase === 'measure') flowLatencies.push(performance.now() - started);
  };

  const worker = async (): Promise<void> => {
    while (phase !== 'done') {
      try {
        await oneFlow();
      } catch (error) {
        if (!(error instanceof FlowAbandoned)) throw error;
      }
    }
  };

  const runStart = performance.now();
  let flowsAtWindowStart = 0;
  const openWindow = () => {
    phase = 'measure';
    windowStart = performance.now();
    flowsAtWindowStart = flowsDone;
    hooks.onWindowStart();
  };
  const closeWindow = () => {
    hooks.onWindowEnd();
    windowEnd = performance.now();
    phase = 'done';
  };
  const measured = () => (phase === 'warmup' ? 0 : flowsDone - flowsAtWindowStart);
  const warmupTimer = options.warmupMs > 0 ? setTimeout(openWindow, options.warmupMs) : undefined;
  if (warmupTimer === undefined) openWindow();
  const endTimer = setTimeout(closeWindow, options.warmupMs + options.measureMs);
  const progressTimer = setInterval(
    () => hooks.onProgress({ elapsedMs: performance.now() - runStart, phase, done: flowsDone, measured: measured() }),
    hooks.progressMs,
  );
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    clearTimeout(warmupTimer);
    clearTimeout(endTimer);
    clearInterval(progressTimer);
  }
  return {
    windowMs: windowEnd - windowStart,
    flows: flowLatencies.length,
    requests,
    latencies,
    flowLatencies,
    allRequests,
    errors,
  };
}

/** The code from the newest message's last line, the WebOTP line `@<host> #<code>`. */
function codeFromInbox(inbox: unknown, host: string, errors: ErrorTally): string {
  const newest = Array.isArray(inbox) ? (inbox[0] as { body?: unknown } | undefined) : undefined;
  const lastLine = typeof newest?.body === 'string' ? newest.body.trimEnd().split('\n').at(-1) : undefined;
  const match = lastLine === undefined ? null : /^@(\S+) #(\d{4,10})$/.exec(lastLine);
  if (match === null || match[1] !== host) {
    errors.add('inbox', 'answer', match === null ? 'no_code' : 'wrong_host');
    throw new FlowAbandoned();
  }
  return match[2] as string;
}

export interface BaselineResult {
  windowMs: number;
  requests: number;
  latencies: number[];
  allRequests: number;
  errors: ErrorTally;
}

/**
 * The baseline load: a warm-up of `warmupMs`, then exactly `requests` trivial GETs, `concurrency`
 * at a time, with the same client (global fetch, keep-alive).
 */
export async function runTrivialRequests(
  url: string,
  options: { concurrency: number; warmupMs: number; requests: number },
  hooks: WindowHooks,
): Promise<BaselineResult> {
  const latencies: number[] = [];
  const errors = new ErrorTally();
  let allRequests = 0;
  let issued = 0;
  let phase: Phase = 'warmup';

  const one = async (): Promise<void> => {
    const started = performance.now();
    try {
      const response = await fetch(url);
      await response.text();
      allRequests += 1;
      if (!response.ok) errors.add('bare', response.status, '-');
      else if (phase === 'measure') latencies.push(performance.now() - started);
    } catch (error) {
      allRequests += 1;
      errors.add('bare', 'network', networkCode(error));
    }
  };

  const runStart = performance.now();
  const progressTimer = setInterval(
    () => hooks.onProgress({ elapsedMs: performance.now() - runStart, phase, done: allRequests, measured: issued }),
    hooks.progressMs,
  );
  try {
    const warmupEnd = runStart + options.warmupMs;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < warmupEnd) await one();
      }),
    );
    phase = 'measure';
    hooks.onWindowStart();
    const windowStart = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (issued < options.requests) {
          issued += 1;
          await one();
        }
      }),
    );
    hooks.onWindowEnd();
    phase = 'done';
    return { windowMs: performance.now() - windowStart, requests: issued, latencies, allRequests, errors };
  } finally {
    clearInterval(progressTimer);
  }
}

function problemCode(text: string): string {
  try {
    const code = (JSON.parse(text) as { code?: unknown }).code;
    return typeof code === 'string' ? code : '-';
  } catch {
    return '-';
  }
}

/** The most specific code of a fetch failure: `fetch failed` wraps the socket error in `cause`. */
function networkCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return error instanceof Error ? error.message : String(error);
}
