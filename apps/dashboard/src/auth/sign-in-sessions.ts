import { createHash, randomBytes } from 'node:crypto';
import type { DashboardDatabase } from '../store/dashboard-database.js';
import type { Operator, Role } from './operators.js';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;

export interface SignedIn {
  user: Operator;
  csrfToken: string;
  /** The hash the session is stored under (never the id itself). */
  idHash: string;
}

interface SessionRow {
  username: string;
  role: Role;
  brand: string | null;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
}

/**
 * Sign-in sessions (OWASP ASVS V3): 256-bit random ids, stored as SHA-256 hashes so a copy of the database signs
 * nobody in; idle and absolute timeouts; a CSRF synchronizer token per session.
 */
export class SignInSessions {
  private readonly select;
  private readonly touch;
  private readonly deleteOne;

  constructor(
    private readonly db: DashboardDatabase,
    private readonly clock: () => number,
  ) {
    this.select = db.prepare<[string], SessionRow>(
      `SELECT s.username, o.role, o.brand, s.csrf_token, s.created_at, s.last_seen_at
       FROM sign_in_sessions s JOIN operators o ON o.username = s.username WHERE s.id_hash = ?`,
    );
    this.touch = db.prepare('UPDATE sign_in_sessions SET last_seen_at = ? WHERE id_hash = ?');
    this.deleteOne = db.prepare('DELETE FROM sign_in_sessions WHERE id_hash = ?');
  }

  /** A new session (a fresh id at every sign-in); returns the id for the cookie. */
  create(username: string): { id: string; csrfToken: string } {
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.clock();
    this.db
      .prepare(
        'INSERT INTO sign_in_sessions (id_hash, username, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(hashId(id), username, csrfToken, now, now);
    return { id, csrfToken };
  }

  /** The session of a cookie value, its idle clock restarted; undefined (and deleted) once timed out. */
  resume(id: string): SignedIn | undefined {
    const idHash = hashId(id);
    const row = this.select.get(idHash);
    if (row === undefined) return undefined;
    const now = this.clock();
    if (this.timedOut(row, now)) {
      this.deleteOne.run(idHash);
      return undefined;
    }
    this.touch.run(now, idHash);
    return { user: { username: row.username, role: row.role, brand: row.brand }, csrfToken: row.csrf_token, idHash };
  }

  /** Whether a session still stands (not ended, user not removed, not timed out), without counting as activity. */
  isActive(idHash: string): boolean {
    const row = this.select.get(idHash);
    return row !== undefined && !this.timedOut(row, this.clock());
  }

  end(idHash: string): void {
    this.deleteOne.run(idHash);
  }

  private timedOut(row: SessionRow, now: number): boolean {
    return now - row.last_seen_at >= IDLE_TIMEOUT_MS || now - row.created_at >= ABSOLUTE_TIMEOUT_MS;
  }

  /** Deletes the sessions that have timed out. */
  sweep(): number {
    const now = this.clock();
    return this.db
      .prepare('DELETE FROM sign_in_sessions WHERE last_seen_at <= ? OR created_at <= ?')
      .run(now - IDLE_TIMEOUT_MS, now - ABSOLUTE_TIMEOUT_MS).changes;
  }
}

function hashId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}
