import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operator, Operators } from '@otp-verify/dashboard';

export interface DemoSignIn extends Operator {
  password: string;
}

/** The demo's dashboard users: a platform operator and an analyst of the first brand. */
const DEMO_USERS: readonly Operator[] = [
  { username: 'operator', role: 'operator', brand: null },
  { username: 'acme-analyst', role: 'analyst', brand: 'acme' },
];

const CREDENTIALS_FILE = 'demo-sign-ins.json';

/**
 * Creates the demo's dashboard users on the first start, each with a random password (or DEMO_DASHBOARD_PASSWORD,
 * for tests), kept in a file only the owner may read so that later starts can print them again. A demo only:
 * production operators are added with `otp-verify-dashboard users add`.
 */
export async function demoSignIns(operators: Operators, dashboardDataDir: string, fixedPassword?: string) {
  const file = join(dashboardDataDir, CREDENTIALS_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoSignIn[];
  const signIns: DemoSignIn[] = [];
  for (const user of DEMO_USERS) {
    const password = fixedPassword ?? randomBytes(12).toString('base64url');
    if (operators.find(user.username) === undefined) await operators.add(user, password);
    else await operators.resetPassword(user.username, password);
    signIns.push({ ...user, password });
  }
  writeFileSync(file, JSON.stringify(signIns, null, 2), { mode: 0o600 });
  return signIns;
}
