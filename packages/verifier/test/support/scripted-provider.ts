import type { MessageProvider, ProviderMessage, SendOptions } from '../../src/delivery/provider.js';
import { DeliveryFailure } from '../../src/delivery/provider.js';

/** What one attempt at a scripted provider does. */
export type Outcome = 'accept' | 'fail' | 'reject' | 'hang';

export interface ScriptedProvider extends MessageProvider {
  /** Every attempt, in order, with what it was given. */
  readonly attempts: { message: ProviderMessage; outcome: Outcome }[];
  /** The messages it accepted. */
  accepted(): ProviderMessage[];
  /** The next attempts do these, in order; once they are used up, every attempt does `then`. */
  script(outcomes: Outcome[], then?: Outcome): void;
}

/**
 * A provider whose answers a test scripts: accept, fail (its fault: down, 5xx), reject (it refuses this message)
 * or hang (never answers; only the outbox's per-attempt timeout ends the attempt). It stands for a gateway in the
 * outbox's tests; the real gateways have tests of their own against real servers.
 */
export function scriptedProvider(name: string): ScriptedProvider {
  let queue: Outcome[] = [];
  let fallback: Outcome = 'accept';
  const attempts: { message: ProviderMessage; outcome: Outcome }[] = [];
  return {
    name,
    attempts,
    accepted: () => attempts.filter((attempt) => attempt.outcome === 'accept').map((attempt) => attempt.message),
    script: (outcomes, then = 'accept') => {
      queue = [...outcomes];
      fallback = then;
    },
    send: (message: ProviderMessage, options?: SendOptions) => {
      const outcome = queue.shift() ?? fallback;
      attempts.push({ message, outcome });
      switch (outcome) {
        case 'accept':
          return Promise.resolve({ providerMessageId: `${name}-${attempts.length}` });
        case 'fail':
          return Promise.reject(new DeliveryFailure(`${name} answered HTTP 503`));
        case 'reject':
          return Promise.reject(new DeliveryFailure(`${name} refused the number`, true));
        case 'hang':
          return new Promise((_resolve, reject) => {
            options?.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
          });
      }
    },
  };
}
