import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { BrandRegistry } from '../../src/config/brands.js';
import type { SimSwapServiceConfig } from '../../src/config/risk-services-schema.js';
import type { TrustProxy } from '../../src/config/settings.js';
import type { OutboxSettings } from '../../src/delivery/outbox/outbox-settings.js';
import type { ExtraProviders } from '../../src/delivery/providers.js';
import type { RunningVerifier } from '../../src/verifier.js';
import { startVerifier } from '../../src/verifier.js';
import { ApiClient } from './api.js';
import { PUBLIC_URL, testBrands } from './brands.js';
import type { TestClock } from './clock.js';
import { testClock } from './clock.js';

export interface LogEntry {
  level: number;
  msg?: string;
  [field: string]: unknown;
}

export interface VerifierFixture {
  url: string;
  clock: TestClock;
  dataDir: string;
  verifier: RunningVerifier;
  /** A client on the acme brand's page origin. */
  api: ApiClient;
  /** Everything the verifier logged, parsed. */
  logs: LogEntry[];
  /** Stops the server; the data directory stays until `dispose`. */
  stop(): Promise<void>;
  /** Stops the server (if running) and removes the temporary directory. */
  dispose(): Promise<void>;
}

export interface FixtureOptions {
  brands?: BrandRegistry;
  clock?: TestClock;
  /** Reuse a data directory (a restart); by default a fresh temporary one. */
  dataDir?: string;
  /** Express `trust proxy` (OTP_VERIFY_TRUST_PROXY); off by default, as in production. */
  trustProxy?: TrustProxy;
  /** The algorithm of new signing keys (OTP_VERIFY_SIGNING_ALG); ES256 by default. */
  signingAlg?: 'ES256' | 'EdDSA';
  /** Message providers besides the dev inbox, by the name brands route to. */
  providers?: ExtraProviders;
  /** The outbox's timing (attempt timeout, retries, circuit breakers). */
  outbox?: Partial<OutboxSettings>;
  /** The CAMARA SIM Swap service (a stand-in's URL), over platform.json's. */
  simSwapService?: SimSwapServiceConfig;
  /** The environment configured secrets are read from (captcha, SIM swap). */
  env?: NodeJS.ProcessEnv;
}

/** Starts a verifier on 127.0.0.1, port 0, in dev mode, with a temporary data dir and a hand-moved clock. */
export async function startTestVerifier(options: FixtureOptions = {}): Promise<VerifierFixture> {
  const ownDir = options.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'otp-verify-test-')) : undefined;
  const dataDir = options.dataDir ?? join(ownDir as string, 'data');
  const clock = options.clock ?? testClock();
  const logs: LogEntry[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') logs.push(JSON.parse(line) as LogEntry);
      done();
    },
  });
  const verifier = await startVerifier({
    dataDir,
    brands: options.brands ?? testBrands(),
    publicUrl: PUBLIC_URL,
    mode: 'dev',
    logger: pino({ level: 'debug' }, sink),
    clock,
    host: '127.0.0.1',
    port: 0,
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.signingAlg === undefined ? {} : { signingAlg: options.signingAlg }),
    ...(options.providers === undefined ? {} : { providers: options.providers }),
    ...(options.outbox === undefined ? {} : { outbox: options.outbox }),
    ...(options.simSwapService === undefined ? {} : { simSwapService: options.simSwapService }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  let running = true;
  const stop = async () => {
    if (!running) return;
    running = false;
    await verifier.stop();
  };
  return {
    url: verifier.url,
    clock,
    dataDir,
    verifier,
    api: new ApiClient(verifier.url),
    logs,
    stop,
    dispose: async () => {
      await stop();
      if (ownDir !== undefined) await rm(ownDir, { recursive: true, force: true });
    },
  };
}

/** Starts a test verifier before the file's tests and disposes of it after them; its fields are set in beforeAll. */
export function useTestVerifier(options: FixtureOptions = {}): VerifierFixture {
  const fixture = {} as VerifierFixture;
  beforeAll(async () => {
    Object.assign(fixture, await startTestVerifier(options));
  });
  afterAll(() => fixture.dispose());
  return fixture;
}
