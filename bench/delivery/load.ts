import { ErrorTally } from '../flow/load.js';
import type { BenchBrand } from '../flow/servers.js';
import type { BenchGateway } from './gateway.js';

let numbersUsed = 0;

/** A German mobile number no earlier send of this run used (so no per-number limit is reached). */
function freshPhone(): string {
  numbersUsed += 1;
  return `+49152${String(numbersUsed).padStart(8, '0')}`;
}

/** When each message started on its way (by phone number, `performance.now()`), and what was refused. */
export interface Started {
  at: Map<string, number>;
  errors: ErrorTally;
}

/** Runs `count` jobs, at most `concurrency` at once. */
async function pool(count: number, concurrency: number, job: () => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/**
 * As a checkout page does: creates a session for a fresh number and sends its code, `count` times, `concurrency`
 * at once. A message starts when its send's 202 arrives (the response's head, before its body is read).
 */
export async function sendCodes(
  target: { url: string; brand: BenchBrand },
  options: { count: number; concurrency: number },
): Promise<Started> {
  const { url, brand } = target;
  const started: Started = { at: new Map(), errors: new ErrorTally() };
  const json = { 'content-type': 'application/json', origin: brand.origin };
  await pool(options.count, options.concurrency, async () => {
    const phone = freshPhone();
    try {
      const created = await fetch(`${url}/v1/sessions`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          brand: brand.id,
          order: { id: `bench-${phone.slice(1)}`, amount: 1999, currency: 'EUR' },
          phone,
        }),
      });
      const session = (await created.json()) as { id?: string; clientSecret?: string; code?: string };
      if (created.status !== 201) {
        started.errors.add('create', created.status, session.code ?? '');
        return;
      }
      const sent = await fetch(`${url}/v1/sessions/${encodeURIComponent(session.id ?? '')}/send`, {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${session.clientSecret}` },
        body: '{}',
      });
      const acceptedAt = performance.now();
      const answer = (await sent.json()) as { code?: string };
      if (sent.status === 202) started.at.set(phone, acceptedAt);
      else started.errors.add('send', sent.status, answer.code ?? '');
    } catch (error) {
      started.errors.add('create or send', 'network', (error as Error).message);
    }
  });
  return started;
}

/** The baseline: the same gateway request the verifier makes, sent by this process directly, no outbox. */
export async function callGatewayDirectly(
  gateway: BenchGateway,
  options: { count: number; concurrency: number },
): Promise<Started> {
  const started: Started = { at: new Map(), errors: new ErrorTally() };
  await pool(options.count, options.concurrency, async () => {
    const phone = freshPhone();
    const at = performance.now();
    try {
      const response = await fetch(`${gateway.url}/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `direct_${phone}` },
        body: JSON.stringify({ to: phone, text: 'Your code is 123456' }),
      });
      await response.text();
      if (response.status === 202) started.at.set(phone, at);
      else started.errors.add('gateway', response.status, '');
    } catch (error) {
      started.errors.add('gateway', 'network', (error as Error).message);
    }
  });
  return started;
}

/** Resolves once the gateway has answered every started message; fails after `withinMs`. */
export async function untilAnswered(gateway: BenchGateway, started: Started, withinMs: number): Promise<void> {
  const deadline = performance.now() + withinMs;
  const answered = () =>
    [...started.at.keys()].filter((phone) => gateway.receipts.get(phone)?.answeredAt !== undefined).length;
  while (answered() < started.at.size) {
    if (performance.now() > deadline) {
      throw new Error(`the gateway answered ${answered()} of ${started.at.size} messages within ${withinMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
