import type { Logger } from 'pino';
import type { Store } from '../store/port.js';

const EVERY_MS = 60_000;

/**
 * Once a minute: sessions whose life is over get their outcome, and what expired codes and sessions no longer
 * need (sealed messages, numbers, addresses) is erased. Several processes may run it: each change is conditional.
 */
export function startHousekeeping(
  store: Pick<Store, 'endSessions' | 'purgeExpired'>,
  clock: () => number,
  logger: Logger,
): { stop(): void } {
  const run = () => {
    try {
      const now = clock();
      store.endSessions(now);
      store.purgeExpired(now);
    } catch (error) {
      logger.error({ err: error }, 'housekeeping failed; it runs again in a minute');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
