import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import type { MessageState, OutboxMessage, OutboxStore } from '../../store/port.js';
import type { ProviderBreakers } from './provider-breakers.js';

const WAITING_STATES: readonly MessageState[] = ['queued', 'sending', 'dead'];
const BREAKER_STATE_VALUE = { closed: 0, 'half-open': 0.5, open: 1 } as const;

export interface OutboxMetrics {
  observeSent(message: OutboxMessage, provider: string, at: number): void;
  observeFailure(message: OutboxMessage, provider: string, rejected: boolean): void;
  observeReceipt(provider: string, state: string): void;
}

/**
 * The outbox's Prometheus metrics: queue depth by state and each provider's circuit (read when scraped), the
 * time from the accepted send to the provider's acceptance, attempts by result, receipts by state.
 */
export function registerOutboxMetrics(
  registry: Registry,
  store: Pick<OutboxStore, 'countMessagesByState'>,
  breakers: ProviderBreakers,
): OutboxMetrics {
  new Gauge({
    name: 'otp_verify_outbox_messages',
    help: 'Messages in the outbox waiting to be sent (queued, sending) or dead-lettered',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const counts = store.countMessagesByState();
      for (const state of WAITING_STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
  new Gauge({
    name: 'otp_verify_provider_circuit',
    help: 'Each provider circuit breaker: 0 closed, 0.5 half-open, 1 open',
    labelNames: ['provider'],
    registers: [registry],
    collect() {
      for (const [provider, breaker] of breakers.entries())
        this.set({ provider }, BREAKER_STATE_VALUE[breaker.state()]);
    },
  });
  const latency = new Histogram({
    name: 'otp_verify_delivery_latency_seconds',
    help: 'From the accepted send to the provider accepting the message',
    labelNames: ['provider', 'channel'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const attempts = new Counter({
    name: 'otp_verify_delivery_attempts_total',
    help: 'Delivery attempts by provider and result (sent, failed, rejected)',
    labelNames: ['provider', 'channel', 'result'],
    registers: [registry],
  });
  const receipts = new Counter({
    name: 'otp_verify_delivery_receipts_total',
    help: 'Delivery receipts by provider and state',
    labelNames: ['provider', 'state'],
    registers: [registry],
  });
  return {
    observeSent: (message, provider, at) => {
      latency.observe({ provider, channel: message.channel }, Math.max(0, at - message.createdAt) / 1000);
      attempts.inc({ provider, channel: message.channel, result: 'sent' });
    },
    observeFailure: (message, provider, rejected) =>
      attempts.inc({ provider, channel: message.channel, result: rejected ? 'rejected' : 'failed' }),
    observeReceipt: (provider, state) => receipts.inc({ provider, state }),
  };
}
