import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { RunningVerifier, VerifierOptions } from '@otp-verify/verifier';
import { brandRegistry, startVerifier } from '@otp-verify/verifier';
import { pino } from 'pino';
import { registerCleanup } from '../flow/cleanup.js';
import type { BenchBrand } from '../flow/servers.js';
import { temporaryDirectory, writeBenchBrand } from '../flow/servers.js';

/** The platform.json provider the bench brand's SMS go through. */
export const PROVIDER = 'bench-gateway';

export interface BenchVerifier {
  url: string;
  brand: BenchBrand;
  running: RunningVerifier;
  /** Stops it (once; the benchmark's clean-up calls it too). */
  stop(): Promise<void>;
  /** What the verifier logged, by level and message (`40 a delivery attempt failed`), instead of printing it. */
  logged: Map<string, number>;
}

/**
 * The verifier in this process (dev mode, a fresh data directory) on 127.0.0.1, its bench brand's SMS routed to the
 * gateway through the configurable HTTP provider with the message id as `Idempotency-Key`. `outbox` overrides the
 * default delivery timing; the benchmark states it when it does.
 */
export async function startBenchVerifier(
  gatewayUrl: string,
  outbox: VerifierOptions['outbox'] = {},
): Promise<BenchVerifier> {
  const directory = temporaryDirectory();
  const { brand, brandsFile } = writeBenchBrand(directory, { brand: { delivery: { sms: [PROVIDER] } } });
  const brandsWithProvider = {
    ...(JSON.parse(readFileSync(brandsFile, 'utf8')) as object),
    providers: {
      [PROVIDER]: {
        type: 'http',
        url: `${gatewayUrl}/sms`,
        idempotencyKeyHeader: 'Idempotency-Key',
        json: { to: '{to}', text: '{text}' },
        response: { messageIdPath: 'id' },
      },
    },
  };
  const logged = new Map<string, number>();
  const running = await startVerifier({
    dataDir: join(directory, 'data'),
    brands: brandRegistry(brandsWithProvider, brandsFile),
    publicUrl: 'http://127.0.0.1',
    mode: 'dev',
    logger: pino({ level: 'info' }, logCounter(logged)),
    outbox,
    keyPollIntervalMs: 0,
    host: '127.0.0.1',
    port: 0,
  });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= running.stop());
  registerCleanup({ name: `in-process verifier ${running.url}`, now: () => {}, gracefully: stop });
  return { url: running.url, brand, running, stop, logged };
}

function logCounter(logged: Map<string, number>): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const { level, msg } = JSON.parse(line) as { level: number; msg: string };
        const key = `${level} ${msg}`;
        logged.set(key, (logged.get(key) ?? 0) + 1);
      }
      done();
    },
  });
}
