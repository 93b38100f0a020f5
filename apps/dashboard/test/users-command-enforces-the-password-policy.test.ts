import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Operators } from '../src/auth/operators.js';
import { verifyPassword } from '../src/auth/passwords.js';
import { usersCommand } from '../src/cli/users-command.js';
import type { DashboardDatabase } from '../src/store/dashboard-database.js';
import { openDashboardDatabase } from '../src/store/dashboard-database.js';

describe('otp-verify-dashboard users (NIST SP 800-63B 5.1.1.2)', () => {
  let dir: string;
  let db: DashboardDatabase;
  let operators: Operators;
  const run = (args: string[], password = 'a long enough passphrase', brands = ['acme']) =>
    usersCommand(args, { operators, password: async () => password, brandExists: (id) => brands.includes(id) });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'otp-dashboard-users-'));
    db = openDashboardDatabase(dir);
    operators = new Operators(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds, lists and removes users; an analyst belongs to a known brand', async () => {
    expect(await run(['add', 'olga', '--role', 'operator'])).toBe('added operator olga');
    expect(await run(['add', 'anna', '--role', 'analyst', '--brand', 'acme'])).toBe('added analyst anna (brand acme)');
    expect(await run(['list'])).toBe('anna\tanalyst\tacme\nolga\toperator\t*');
    await expect(run(['add', 'bob', '--role', 'analyst'])).rejects.toThrow(/analyst needs --brand/);
    await expect(run(['add', 'bob', '--role', 'analyst', '--brand', 'globex'])).rejects.toThrow(/no brand "globex"/);
    await expect(run(['add', 'olga', '--role', 'operator'])).rejects.toThrow(/exists already/);
    expect(await run(['remove', 'olga'])).toBe('removed olga');
    await expect(run(['remove', 'olga'])).rejects.toThrow(/no user olga/);
  });

  it.each([
    ['eleven char', /at least 12 characters/],
    ['password1234', /too common/],
    ['aaaaaaaaaaaaaaaa', /too common|repeats/],
    ['abababababababab', /repeats/],
    ['my name is olga!', /username/],
  ])('refuses the password %j', async (password, reason) => {
    await expect(run(['add', 'olga', '--role', 'operator'], password)).rejects.toThrow(reason);
    expect(operators.list()).toEqual([]);
  });

  it('accepts a long passphrase without composition rules and stores only a salted scrypt hash', async () => {
    await run(['add', 'olga', '--role', 'operator'], 'correct horse battery staple');
    await run(['add', 'oleg', '--role', 'operator'], 'correct horse battery staple');
    const olga = operators.find('olga')?.passwordHash as string;
    const oleg = operators.find('oleg')?.passwordHash as string;
    expect(olga).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(olga).not.toBe(oleg);
    expect(await verifyPassword('correct horse battery staple', olga)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', olga)).toBe(false);
  });

  it('resets a password and ends the user’s sessions', async () => {
    await run(['add', 'olga', '--role', 'operator']);
    db.prepare(
      "INSERT INTO sign_in_sessions (id_hash, username, csrf_token, created_at, last_seen_at) VALUES ('h', 'olga', 't', 0, 0)",
    ).run();
    expect(await run(['reset-password', 'olga'], 'another long passphrase')).toContain('their sessions have ended');
    expect(db.prepare('SELECT COUNT(*) AS n FROM sign_in_sessions').get()).toEqual({ n: 0 });
    expect(await verifyPassword('another long passphrase', operators.find('olga')?.passwordHash as string)).toBe(true);
  });
});
