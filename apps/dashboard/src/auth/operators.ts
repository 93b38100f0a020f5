import type { DashboardDatabase } from '../store/dashboard-database.js';
import { passwordProblem } from './password-policy.js';
import { hashPassword } from './passwords.js';

export type Role = 'operator' | 'analyst';

export interface Operator {
  username: string;
  role: Role;
  /** The analyst's brand; null for a platform operator. */
  brand: string | null;
}

export class OperatorError extends Error {}

const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

interface OperatorRow {
  username: string;
  role: Role;
  brand: string | null;
  password_hash: string;
}

/** The people who may sign in to the dashboard; managed by the CLI. */
export class Operators {
  constructor(
    private readonly db: DashboardDatabase,
    private readonly clock: () => number = Date.now,
  ) {}

  async add(user: Operator, password: string): Promise<void> {
    if (!USERNAME.test(user.username)) {
      throw new OperatorError('a username is 1-64 lowercase letters, digits, ".", "_", "-" or "@"');
    }
    if ((user.role === 'analyst') !== (user.brand !== null)) {
      throw new OperatorError('an analyst needs --brand; an operator sees every brand and takes none');
    }
    if (this.find(user.username) !== undefined) throw new OperatorError(`user ${user.username} exists already`);
    const hash = await this.checkedHash(password, user.username);
    this.db
      .prepare('INSERT INTO operators (username, role, brand, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(user.username, user.role, user.brand, hash, this.clock());
  }

  list(): Operator[] {
    return this.db.prepare<[], Operator>('SELECT username, role, brand FROM operators ORDER BY username').all();
  }

  /** Removes the user and ends their sign-in sessions. */
  remove(username: string): void {
    const { changes } = this.db.prepare('DELETE FROM operators WHERE username = ?').run(username);
    if (changes === 0) throw new OperatorError(`no user ${username}`);
  }

  /** Sets a new password and ends the user's sign-in sessions. */
  async resetPassword(username: string, password: string): Promise<void> {
    if (this.find(username) === undefined) throw new OperatorError(`no user ${username}`);
    const hash = await this.checkedHash(password, username);
    this.db.transaction(() => {
      this.db.prepare('UPDATE operators SET password_hash = ? WHERE username = ?').run(hash, username);
      this.db.prepare('DELETE FROM sign_in_sessions WHERE username = ?').run(username);
    })();
  }

  /** Stores a new hash of the password the user just signed in with (the hash parameters have grown). */
  async rehash(username: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    this.db.prepare('UPDATE operators SET password_hash = ? WHERE username = ?').run(hash, username);
  }

  find(username: string): (Operator & { passwordHash: string }) | undefined {
    const row = this.db
      .prepare<[string], OperatorRow>('SELECT username, role, brand, password_hash FROM operators WHERE username = ?')
      .get(username);
    return row && { username: row.username, role: row.role, brand: row.brand, passwordHash: row.password_hash };
  }

  private async checkedHash(password: string, username: string): Promise<string> {
    const problem = passwordProblem(password, username);
    if (problem !== null) throw new OperatorError(`password refused: ${problem}`);
    return hashPassword(password);
  }
}
