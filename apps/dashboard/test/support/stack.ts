import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { RunningVerifier, VerifierOptions } from '@otp-verify/verifier';
import { startVerifier } from '@otp-verify/verifier';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { AlertRule } from '../../src/alerts/alert-rules.js';
import type { DashboardOptions, RunningDashboard } from '../../src/dashboard.js';
import { startDashboard } from '../../src/dashboard.js';
import { ACME, testBrands } from './brands.js';
import type { TestClock } from './clock.js';
import { testClock } from './clock.js';
import { DashboardClient } from './dashboard-client.js';
import { VerifierClient } from './verifier-client.js';

export const PASSWORD = 'correct horse battery staple';

export interface Stack {
  clock: TestClock;
  dataDir: string;
  verifier: RunningVerifier;
  dashboard: RunningDashboard;
  shop: VerifierClient;
  /** Everything the dashboard logged, as text. */
  logs: string[];
  /** A fresh client signed in as `username` (users made by `stack` itself: operator, acme-analyst, initech-analyst). */
  signedIn(username: string): Promise<DashboardClient>;
  client(): DashboardClient;
  /** Ends the sessions whose life is over (the verifier's once-a-minute housekeeping, run now). */
  endSessions(): void;
  dispose(): Promise<void>;
}

export type StackOptions = Partial<Omit<DashboardOptions, 'verifierDataDir' | 'brands' | 'clock' | 'logger'>> & {
  alertRules?: readonly AlertRule[];
  /** The verifier's brands and delivery, when a test needs other than the two test brands on the dev inbox. */
  verifier?: Partial<Pick<VerifierOptions, 'brands' | 'providers' | 'outbox'>>;
};

/** A real verifier (dev mode, SQLite in a temp dir) and a dashboard on its data, with three users. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const root = await mkdtemp(join(tmpdir(), 'otp-dashboard-test-'));
  const dataDir = join(root, 'verifier');
  const clock = testClock();
  const { verifier: verifierOptions, ...dashboardOptions } = options;
  const brands = verifierOptions?.brands ?? testBrands();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const verifier = await startVerifier({
    dataDir,
    brands,
    publicUrl: 'https://verify.test',
    mode: 'dev',
    logger: pino({ level: 'silent' }),
    clock,
    host: '127.0.0.1',
    port: 0,
    ...verifierOptions,
  });
  const dashboard = await startDashboard({
    verifierDataDir: dataDir,
    brands,
    alertRules: [],
    webDir: join(root, 'web'),
    clock,
    logger: pino({ level: 'info' }, sink),
    host: '127.0.0.1',
    port: 0,
    ...dashboardOptions,
  });
  await dashboard.operators.add({ username: 'operator', role: 'operator', brand: null }, PASSWORD);
  await dashboard.operators.add({ username: 'acme-analyst', role: 'analyst', brand: ACME.id }, PASSWORD);
  await dashboard.operators.add({ username: 'initech-analyst', role: 'analyst', brand: 'initech' }, PASSWORD);
  return {
    clock,
    dataDir,
    verifier,
    dashboard,
    shop: new VerifierClient(verifier.url),
    logs,
    client: () => new DashboardClient(dashboard.url),
    signedIn: async (username) => {
      const client = new DashboardClient(dashboard.url);
      const response = await client.signIn(username, PASSWORD);
      if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
      return client;
    },
    endSessions: () => void verifier.context.store.endSessions(clock()),
    dispose: async () => {
      await dashboard.stop();
      await verifier.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Starts a stack before the file's tests and disposes of it after them. */
export function useStack(options: StackOptions = {}): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    Object.assign(stack, await startStack(options));
  });
  afterAll(() => stack.dispose());
  return stack;
}
