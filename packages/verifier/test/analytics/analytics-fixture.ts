import type { Analytics } from '../../src/analytics/index.js';
import { openAnalytics } from '../../src/analytics/index.js';
import type { PriceTable } from '../../src/analytics/figures.js';
import type { NewEvent, Store } from '../../src/store/port.js';
import { databaseFile, openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../support/temp-dir.js';

export const PRICES: PriceTable = { currency: 'EUR', smsSegment: { default: 0.05, DE: 0.07, AT: 0.06 }, email: 0.001 };

export const HOUR = 3_600_000;
/** A day boundary (UTC midnight), so tests can place events on hour and day rows at will. */
export const DAY_START = Date.parse('2030-01-15T00:00:00.000Z');

export interface EventLogFixture {
  dataDir: string;
  store: Store;
  append(events: NewEvent[]): void;
  analytics(): Analytics;
  dispose(): void;
}

/** A verifier database in a temp dir, written through the verifier's own store (its migrations, its event log). */
export function eventLogFixture(): EventLogFixture {
  const dir = tempDir('otp-verify-analytics-');
  const store = openSqliteStore(databaseFile(dir.path));
  const opened: Analytics[] = [];
  return {
    dataDir: dir.path,
    store,
    append: (events) => store.transaction(() => events.forEach((event) => store.appendEvent(event))),
    analytics: () => {
      const analytics = openAnalytics({ dataDir: dir.path, prices: PRICES });
      opened.push(analytics);
      return analytics;
    },
    dispose: () => {
      opened.forEach((analytics) => analytics.close());
      store.close();
      dir.remove();
    },
  };
}

/** The events of one session's life, each `minutes` after its creation. */
export function sessionEvents(
  id: string,
  brand: string,
  createdAt: number,
  steps: [minutes: number, type: string, data?: Record<string, unknown>][],
): NewEvent[] {
  return steps.map(([minutes, type, data]) => ({ at: createdAt + minutes * 60_000, type, brand, sessionId: id, data }));
}
