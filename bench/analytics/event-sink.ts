import type { Verifier } from '@otp-verify/verifier';
import { brandRegistry, createVerifier, sha256Hex } from '@otp-verify/verifier';
import { pino } from 'pino';
import { BRANDS, COUNTRIES } from './sessions.js';

/** An event as the verifier's event log takes it. */
export interface NewEvent {
  at: number;
  type: string;
  brand: string;
  sessionId: string | null;
  messageId: string | null;
  data: Record<string, unknown>;
}

export interface EventSink {
  /** Appends the events in one transaction, through the verifier's own event log. */
  append(events: readonly NewEvent[]): void;
  close(): Promise<void>;
}

/** The benchmark's brands: the verifier refuses to start without valid ones. */
function benchBrands() {
  return brandRegistry(
    {
      brands: BRANDS.map((id) => ({
        id,
        displayName: id,
        allowedOrigins: [`https://${id}.test`],
        audience: `https://${id}.test/checkout`,
        countries: [...COUNTRIES],
        defaultCountry: 'DE',
        locales: ['en'],
        secretKeys: [{ id: 'bench', sha256: sha256Hex(`sk_bench_${id}`) }],
      })),
    },
    'bench analytics brands',
  );
}

/**
 * A fresh verifier database in `dataDir`, created by the verifier itself (so its schema and migrations are the
 * real ones), written through its store.
 */
export async function openEventSink(dataDir: string): Promise<EventSink> {
  const verifier: Verifier = await createVerifier({
    dataDir,
    brands: benchBrands(),
    publicUrl: 'https://verify.bench',
    mode: 'dev',
    logger: pino({ level: 'warn' }),
  });
  const { store } = verifier.context;
  return {
    append: (events) => store.transaction(() => events.forEach((event) => store.appendEvent(event))),
    close: () => verifier.close(),
  };
}
