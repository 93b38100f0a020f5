import type { DashboardDatabase } from '../store/dashboard-database.js';

/**
 * Failed sign-ins per username and per client address (OWASP ASVS V2.2.1): the 5th failure in a row and each
 * further one lock the key for a doubling time (1 min, 2 min, ... up to `maxLockMs`). An address may fail more
 * often than a username (several people may share it). A success clears the username's count; a quiet day forgets both.
 */
export type ThrottleKey = { kind: 'user' | 'ip'; value: string };

export interface ThrottleSettings {
  /** The failure that reaches this count locks the key. */
  failuresToLock: Record<ThrottleKey['kind'], number>;
  firstLockMs: number;
  maxLockMs: number;
  forgetAfterMs: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  failuresToLock: { user: 5, ip: 20 },
  firstLockMs: 60_000,
  maxLockMs: 60 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};

interface ThrottleRow {
  failures: number;
  locked_until: number;
  last_failure_at: number;
}

export class SignInThrottle {
  constructor(
    private readonly db: DashboardDatabase,
    private readonly clock: () => number,
    private readonly settings: ThrottleSettings = DEFAULT_THROTTLE,
  ) {}

  /** Seconds until any of the keys may try again; 0 when none is locked. */
  retryAfterSeconds(keys: readonly ThrottleKey[]): number {
    const now = this.clock();
    const lockedUntil = Math.max(0, ...keys.map((key) => this.row(key)?.locked_until ?? 0));
    return lockedUntil > now ? Math.ceil((lockedUntil - now) / 1000) : 0;
  }

  recordFailure(keys: readonly ThrottleKey[]): void {
    const now = this.clock();
    this.db.transaction(() => {
      for (const key of keys) {
        const row = this.row(key);
        const failures =
          row === undefined || now - row.last_failure_at >= this.settings.forgetAfterMs ? 1 : row.failures + 1;
        const excess = failures - this.settings.failuresToLock[key.kind];
        const lockedUntil =
          excess >= 0
            ? now + Math.min(this.settings.maxLockMs, this.settings.firstLockMs * 2 ** Math.min(excess, 20))
            : 0;
        this.db
          .prepare(
            `INSERT INTO sign_in_throttle (key, failures, locked_until, last_failure_at) VALUES (@key, @failures, @lockedUntil, @now)
             ON CONFLICT (key) DO UPDATE SET failures = @failures, locked_until = @lockedUntil, last_failure_at = @now`,
          )
          .run({ key: storedKey(key), failures, lockedUntil, now });
      }
    })();
  }

  clear(key: ThrottleKey): void {
    this.db.prepare('DELETE FROM sign_in_throttle WHERE key = ?').run(storedKey(key));
  }

  private row(key: ThrottleKey): ThrottleRow | undefined {
    return this.db
      .prepare<[string], ThrottleRow>(
        'SELECT failures, locked_until, last_failure_at FROM sign_in_throttle WHERE key = ?',
      )
      .get(storedKey(key));
  }
}

function storedKey(key: ThrottleKey): string {
  return `${key.kind}:${key.kind === 'user' ? key.value.toLowerCase() : key.value}`;
}
