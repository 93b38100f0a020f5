import type { Channel } from '@otp-verify/protocol';
import type { Registry } from 'prom-client';
import { fallbackMessageId } from '../../domain/message-ids.js';
import type { MessageDestination } from '../../store/port.js';
import type { DeliveryReceipt } from '../receipt.js';
import type { DeliveryWorkerDependencies } from './delivery-worker.js';
import { DeliveryWorker } from './delivery-worker.js';
import { registerOutboxMetrics } from './outbox-metrics.js';
import { ProviderBreakers } from './provider-breakers.js';
import type { SealedContent } from './sealed-message.js';
import { safeReason } from './safe-reason.js';
import { sealMessage } from './sealed-message.js';

/** A message the send use case hands over: in clear here, sealed before it is stored. */
export interface MessageToQueue {
  id: string;
  sessionId: string;
  brand: string;
  channel: Channel;
  toMasked: string;
  content: SealedContent;
  /** The email to send instead if this SMS cannot be delivered. */
  fallback?: { toMasked: string; content: SealedContent };
  createdAt: number;
  expiresAt: number;
  destination: MessageDestination;
}

/** The durable queue of messages to customers: the send use case enqueues, a worker delivers. */
export interface Outbox {
  /** Stores the message; call it inside the send's transaction, then `wake`. */
  enqueue(message: MessageToQueue): void;
  /**
   * Starts delivering what was just queued, without waiting for the next poll, once the current request has
   * been answered: the answer never waits for a provider, and takes as long whether a message was queued or not.
   */
  wake(): void;
  /** Whether some provider of the route could take a message now or after a running probe (not every circuit is open). */
  canDeliver(brand: string, channel: Channel): boolean;
  /** Records a provider's delivery receipt on the message it names (unknown ids are logged and dropped). */
  recordReceipt(provider: string, receipt: DeliveryReceipt): void;
  start(): void;
  /** Resolves once nothing is due or running (tests and benchmarks). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface OutboxDependencies extends Omit<DeliveryWorkerDependencies, 'breakers' | 'metrics' | 'random'> {
  /** Where the outbox's metrics are registered. */
  registry: Registry;
}

export function createOutbox(dependencies: OutboxDependencies): Outbox {
  const { store, sealKey, clock, logger, routeOf } = dependencies;
  const breakers = new ProviderBreakers(dependencies.settings.breaker, clock);
  const metrics = registerOutboxMetrics(dependencies.registry, store, breakers);
  const worker = new DeliveryWorker({ ...dependencies, breakers, metrics });
  return {
    enqueue: (message) =>
      store.enqueueMessage({
        id: message.id,
        sessionId: message.sessionId,
        brand: message.brand,
        channel: message.channel,
        toMasked: message.toMasked,
        payload: sealMessage(sealKey, message.id, message.content),
        fallback:
          message.fallback === undefined
            ? null
            : {
                toMasked: message.fallback.toMasked,
                payload: sealMessage(sealKey, fallbackMessageId(message.id), message.fallback.content),
              },
        createdAt: message.createdAt,
        expiresAt: message.expiresAt,
        destination: message.destination,
      }),
    wake: () => void setImmediate(() => worker.wake()),
    canDeliver: (brand, channel) => routeOf(brand, channel).some((name) => breakers.of(name).state() !== 'open'),
    recordReceipt: (provider, receipt) => {
      metrics.observeReceipt(provider, receipt.state);
      const outcome =
        receipt.state === 'delivered'
          ? 'delivered'
          : receipt.state === 'pending' || receipt.state === 'unknown'
            ? undefined
            : 'failed';
      if (outcome === undefined) return;
      const reason = outcome === 'failed' ? safeReason(receipt.error ?? receipt.state) : undefined;
      if (!store.recordDelivery(provider, receipt.providerMessageId, outcome, reason, clock())) {
        logger.info({ provider, providerMessageId: receipt.providerMessageId }, 'a receipt for no sent message');
        return;
      }
      if (outcome === 'failed') worker.wake();
    },
    start: () => worker.start(),
    idle: () => worker.idle(),
    stop: () => worker.stop(),
  };
}
