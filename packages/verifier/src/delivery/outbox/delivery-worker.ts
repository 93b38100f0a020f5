import type { Channel } from '@otp-verify/protocol';
import type { Logger } from 'pino';
import { effectiveStatus } from '../../domain/session.js';
import type { MessageClaim, OutboxMessage, OutboxStore, SessionStore } from '../../store/port.js';
import { DeliveryFailure } from '../provider.js';
import type { MessageProviders } from '../providers.js';
import type { BreakerPermit } from './circuit-breaker.js';
import type { ProviderBreakers } from './provider-breakers.js';
import type { OutboxMetrics } from './outbox-metrics.js';
import type { OutboxSettings } from './outbox-settings.js';
import { retryDelay } from './retry-delay.js';
import { safeReason } from './safe-reason.js';
import { openMessage } from './sealed-message.js';

export interface DeliveryWorkerDependencies {
  store: OutboxStore & Pick<SessionStore, 'findSession'>;
  providers: MessageProviders;
  /** The providers a brand's messages on a channel go through, in order; empty: none. */
  routeOf(brand: string, channel: Channel): readonly string[];
  sealKey: Buffer;
  breakers: ProviderBreakers;
  metrics: OutboxMetrics;
  settings: OutboxSettings;
  clock: () => number;
  logger: Logger;
  random?: () => number;
}

/** Thrown into an attempt that outlived its time, or that the verifier's stop cut short. */
class AttemptAborted extends Error {}

/**
 * Delivers the outbox: claims due messages (at most `concurrency` at a time), sends each through the first
 * provider of its route whose circuit lets it, and records what happened. A failure fails over to the next
 * provider at once when one is available, else the message waits (exponential back-off with jitter); a message
 * out of attempts or past its code's expiry is dead-lettered. Several workers (processes) may share one store.
 */
export class DeliveryWorker {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly dependencies: DeliveryWorkerDependencies) {}

  start(): void {
    this.timer = setInterval(() => this.wake(), this.dependencies.settings.pollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due messages now (a send was just queued, or an attempt ended). */
  wake(): void {
    if (this.stopping.signal.aborted) return;
    const { store, settings, clock, logger } = this.dependencies;
    const free = settings.concurrency - this.inFlight.size;
    if (free <= 0) return;
    const now = clock();
    let claimed: OutboxMessage[];
    try {
      claimed = store.claimMessages(now, now + settings.attemptTimeoutMs + settings.leaseMarginMs, free);
    } catch (error) {
      logger.error({ err: error }, 'the outbox could not be read; trying again at the next poll');
      return;
    }
    for (const message of claimed) {
      const attempt: Promise<void> = this.attempt(message)
        .catch((error: unknown) => logger.error({ err: error, messageId: message.id }, 'a delivery attempt broke'))
        .finally(() => {
          this.inFlight.delete(attempt);
          this.wake();
        });
      this.inFlight.add(attempt);
    }
  }

  /** Resolves once no attempt is running and no message is due now (tests, the benchmark). */
  async idle(): Promise<void> {
    for (;;) {
      this.wake();
      if (this.inFlight.size === 0) return;
      await Promise.allSettled([...this.inFlight]);
    }
  }

  /** Stops claiming, cuts running attempts short and gives their messages back to the queue. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private async attempt(message: OutboxMessage): Promise<void> {
    const { store, clock, settings } = this.dependencies;
    const claim: MessageClaim = { id: message.id, attempts: message.attempts };
    const now = clock();
    if (message.payload === null || now >= message.expiresAt) {
      store.finishMessage(claim, { state: 'dead', reason: 'code_expired', at: now });
      return;
    }
    // Claims that lapsed (a worker died holding them) count too: a message that kills its workers ends.
    if (message.attempts > settings.maxAttempts) {
      store.finishMessage(claim, { state: 'dead', reason: 'attempts_exhausted: claims lapsed', at: now });
      return;
    }
    const session = store.findSession(message.sessionId);
    if (session === undefined || effectiveStatus(session, now) !== 'sent') {
      store.finishMessage(claim, { state: 'cancelled', reason: 'session_closed', at: now });
      return;
    }
    if (store.latestMessageOfSession(message.sessionId)?.id !== message.id) {
      store.finishMessage(claim, { state: 'cancelled', reason: 'superseded', at: now });
      return;
    }
    const candidates = this.dependencies
      .routeOf(message.brand, message.channel)
      .filter((name) => !message.refusedBy.includes(name));
    if (candidates.length === 0) {
      store.finishMessage(claim, { state: 'failed', reason: message.reason ?? 'no_provider', at: now });
      return;
    }
    const chosen = this.pickProvider(candidates, message);
    if (chosen === undefined && message.fallback !== null) {
      // Every circuit of the SMS route is open: the email stand-in goes now, not after the SMS's retries.
      store.finishMessage(claim, { state: 'failed', reason: 'every provider of the route is unavailable', at: now });
      return;
    }
    if (chosen === undefined) {
      store.postponeMessage(claim, this.whenAProviderMayTakeIt(candidates, now), now);
      return;
    }
    await this.sendThrough(chosen, message, claim, candidates);
  }

  /**
   * When to look again at a message no provider of its route may take now: when the first open circuit lets a
   * probe through, but not sooner than the next poll (so the loop never spins while a probe is out) and not later
   * than an attempt's timeout.
   */
  private whenAProviderMayTakeIt(candidates: readonly string[], now: number): number {
    const { breakers, settings } = this.dependencies;
    const earliest = Math.min(...candidates.map((name) => breakers.of(name).availableAt()));
    return Math.max(now + settings.pollIntervalMs, Math.min(earliest, now + settings.attemptTimeoutMs));
  }

  /**
   * The provider for this attempt: after a failure the next one of the route (failover), else the first; the
   * first whose circuit gives leave, taking its half-open probe if it is one.
   */
  private pickProvider(
    candidates: readonly string[],
    message: OutboxMessage,
  ): { name: string; permit: BreakerPermit } | undefined {
    const failedAt = message.reason === null || message.provider === null ? -1 : candidates.indexOf(message.provider);
    const order = [...candidates.slice(failedAt + 1), ...candidates.slice(0, failedAt + 1)];
    for (const name of order) {
      const permit = this.dependencies.breakers.of(name).tryAcquire();
      if (permit !== undefined) return { name, permit };
    }
    return undefined;
  }

  private async sendThrough(
    chosen: { name: string; permit: BreakerPermit },
    message: OutboxMessage,
    claim: MessageClaim,
    candidates: readonly string[],
  ): Promise<void> {
    const { store, providers, breakers, metrics, settings, clock, logger, sealKey } = this.dependencies;
    const breaker = breakers.of(chosen.name);
    let providerMessageId: string;
    try {
      const provider = providers[chosen.name];
      if (provider === undefined) throw new Error(`the verifier has no message provider "${chosen.name}"`);
      const content = openMessage(sealKey, message.id, message.payload as Buffer);
      const signal = AbortSignal.any([AbortSignal.timeout(settings.attemptTimeoutMs), this.stopping.signal]);
      const sending = provider.send(
        {
          ...content,
          channel: message.channel,
          sentAt: clock(),
          sessionId: message.sessionId,
          idempotencyKey: message.id,
        },
        { signal },
      );
      ({ providerMessageId } = await abortable(sending, signal));
    } catch (error) {
      if (this.stopping.signal.aborted) {
        breaker.released(chosen.permit);
        store.postponeMessage(claim, clock(), clock());
        return;
      }
      const rejected = error instanceof DeliveryFailure && error.rejected;
      // A rejection is an answer: the provider is up, the message is what it refuses.
      if (rejected) breaker.succeeded(chosen.permit);
      else breaker.failed(chosen.permit);
      const reason = failureReason(error, settings.attemptTimeoutMs);
      metrics.observeFailure(message, chosen.name, rejected);
      logger.warn(
        { messageId: message.id, provider: chosen.name, attempt: message.attempts, rejected, reason },
        'a delivery attempt failed',
      );
      this.afterFailure(message, claim, { providerName: chosen.name, reason, rejected, candidates });
      return;
    }
    breaker.succeeded(chosen.permit);
    const at = clock();
    metrics.observeSent(message, chosen.name, at);
    // The provider has it: whatever the store says now, this is no provider failure. If the record cannot be
    // written, the claim lapses and the message is sent again under the same idempotency key.
    try {
      if (!store.markMessageSent(claim, { provider: chosen.name, providerMessageId, at })) {
        logger.warn({ messageId: message.id, provider: chosen.name }, 'a message was sent after its claim lapsed');
      }
    } catch (error) {
      logger.error({ err: error, messageId: message.id }, 'a sent message could not be recorded; its claim will lapse');
    }
  }

  private afterFailure(
    message: OutboxMessage,
    claim: MessageClaim,
    failure: { providerName: string; reason: string; rejected: boolean; candidates: readonly string[] },
  ): void {
    const { store, breakers, settings, clock } = this.dependencies;
    const at = clock();
    const untried = failure.candidates.filter((name) => !(failure.rejected && name === failure.providerName));
    if (untried.length === 0) {
      store.finishMessage(claim, { state: 'failed', reason: failure.reason, provider: failure.providerName, at });
      return;
    }
    if (message.attempts >= settings.maxAttempts) {
      const reason = `attempts_exhausted: ${failure.reason}`;
      store.finishMessage(claim, { state: 'dead', reason, provider: failure.providerName, at });
      return;
    }
    // Fail over at once to a provider further down the route; once the route has been gone through, wait.
    const further = failure.candidates.slice(failure.candidates.indexOf(failure.providerName) + 1);
    const failover = further.some((name) => breakers.of(name).isAvailable());
    const wait = failover ? 0 : retryDelay(settings.retry, message.attempts, this.dependencies.random);
    store.retryMessage(claim, {
      provider: failure.providerName,
      reason: failure.reason,
      rejected: failure.rejected,
      nextAttemptAt: at + wait,
      at,
    });
  }
}

/** The provider's promise, or a rejection as soon as the signal aborts (a provider that ignores it is not waited for). */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AttemptAborted(String(signal.reason)));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Why an attempt failed, for the message's record, the event log and the logs. */
function failureReason(error: unknown, attemptTimeoutMs: number): string {
  if (error instanceof AttemptAborted) return `no answer within ${attemptTimeoutMs} ms`;
  return safeReason(error instanceof Error ? error.message : String(error));
}
