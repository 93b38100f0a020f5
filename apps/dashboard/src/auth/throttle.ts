import { clientNetwork } from '@otp-verify/verifier';
import type { DashboardDatabase } from '../store/dashboard-database.js';

/**
 * Failed sign-ins (OWASP ASVS V2.2.1, NIST SP 800-63B 5.2.2), counted on three keys:
 * - `userOnNetwork`: a username tried from one client network (an IPv4 address, an IPv6 /64), so that someone
 *   elsewhere cannot lock the user out of their own network;
 * - `network`: every username tried from one network (password spraying; several people may share it);
 * - `user`: a username from anywhere, a high ceiling against guessing spread over many networks.
 * The failure that reaches a key's threshold, and each further one, locks the key for a doubling time (1 min, 2 min,
 * ... up to `maxLockMs`); a key's failures are forgotten after a quiet `forgetAfterMs`.
 */
export type ThrottleScope = 'userOnNetwork' | 'network' | 'user';
export type ThrottleKey = { scope: ThrottleScope; value: string };

export interface ThrottleSettings {
  /** The failure that reaches this count locks the key. */
  failuresToLock: Record<ThrottleScope, number>;
  forgetAfterMs: Record<ThrottleScope, number>;
  firstLockMs: number;
  maxLockMs: number;
}

const HOUR_MS = 60 * 60_000;

export const DEFAULT_THROTTLE: ThrottleSettings = {
  failuresToLock: { userOnNetwork: 5, network: 20, user: 100 },
  forgetAfterMs: { userOnNetwork: 24 * HOUR_MS, network: 24 * HOUR_MS, user: HOUR_MS },
  firstLockMs: 60_000,
  maxLockMs: HOUR_MS,
};

/** The keys a sign-in attempt counts against. */
export function signInKeys(username: string, clientAddress: string): ThrottleKey[] {
  const user = username.toLowerCase();
  const network = clientNetwork(clientAddress);
  return [
    { scope: 'userOnNetwork', value: `${user} ${network}` },
    { scope: 'network', value: network },
    { scope: 'user', value: user },
  ];
}

interface ThrottleRow {
  failures: number;
  locked_until: number;
  last_failure_at: number;
}

export class SignInThrottle {
  private readonly select;
  private readonly upsert;
  private readonly deleteOne;

  constructor(
    private readonly db: DashboardDatabase,
    private readonly clock: () => number,
    private readonly settings: ThrottleSettings = DEFAULT_THROTTLE,
  ) {
    this.select = db.prepare<[string], ThrottleRow>(
      'SELECT failures, locked_until, last_failure_at FROM sign_in_throttle WHERE key = ?',
    );
    this.upsert = db.prepare(
      `INSERT INTO sign_in_throttle (key, failures, locked_until, last_failure_at)
       VALUES (@key, @failures, @lockedUntil, @lastFailureAt)
       ON CONFLICT (key) DO UPDATE SET failures = @failures, locked_until = @lockedUntil, last_failure_at = @lastFailureAt`,
    );
    this.deleteOne = db.prepare('DELETE FROM sign_in_throttle WHERE key = ?');
  }

  /**
   * Reserves an attempt before its password is checked: in one transaction, refuses it while any key is locked
   * (returns the seconds to wait), else counts it as a failure on every key and returns 0. Concurrent attempts
   * therefore never check more passwords than a key's threshold.
   */
  reserve(keys: readonly ThrottleKey[]): number {
    return this.db
      .transaction(() => {
        const now = this.clock();
        const lockedUntil = Math.max(0, ...keys.map((key) => this.select.get(storedKey(key))?.locked_until ?? 0));
        if (lockedUntil > now) return Math.ceil((lockedUntil - now) / 1000);
        for (const key of keys) this.countFailure(key, now);
        return 0;
      })
      .immediate();
  }

  /**
   * Gives back a reserved attempt whose password was right: the user's count on this network restarts; the other
   * keys lose the attempt, and unlock if they fall below their threshold.
   */
  giveBack(keys: readonly ThrottleKey[]): void {
    this.db
      .transaction(() => {
        for (const key of keys) {
          const row = this.select.get(storedKey(key));
          if (key.scope === 'userOnNetwork' || row === undefined || row.failures <= 1) {
            this.deleteOne.run(storedKey(key));
            continue;
          }
          const failures = row.failures - 1;
          const lockedUntil = failures < this.settings.failuresToLock[key.scope] ? 0 : row.locked_until;
          this.upsert.run({ key: storedKey(key), failures, lockedUntil, lastFailureAt: row.last_failure_at });
        }
      })
      .immediate();
  }

  private countFailure(key: ThrottleKey, now: number): void {
    const row = this.select.get(storedKey(key));
    const forgotten = row === undefined || now - row.last_failure_at >= this.settings.forgetAfterMs[key.scope];
    const failures = forgotten ? 1 : row.failures + 1;
    const excess = failures - this.settings.failuresToLock[key.scope];
    const lockedUntil =
      excess >= 0 ? now + Math.min(this.settings.maxLockMs, this.settings.firstLockMs * 2 ** Math.min(excess, 20)) : 0;
    this.upsert.run({ key: storedKey(key), failures, lockedUntil, lastFailureAt: now });
  }
}

function storedKey(key: ThrottleKey): string {
  return `${key.scope}:${key.value}`;
}
