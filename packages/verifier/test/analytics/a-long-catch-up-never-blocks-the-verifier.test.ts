import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_START, HOUR, eventLogFixture } from './analytics-fixture.js';
import type { EventLogFixture } from './analytics-fixture.js';

let log: EventLogFixture;
beforeEach(() => {
  log = eventLogFixture();
});
afterEach(() => log.dispose());

const BACKLOG = 25_000;
const DAY = { from: DAY_START, to: DAY_START + 24 * HOUR };
const beacon = { at: DAY_START + HOUR, type: 'element.shown', brand: 'acme', data: {} };

describe('a backlog after an outage (issue 7: the analytics never hold up the verifier)', () => {
  it('queries fold a bounded share and say how far they are; catchUp folds the rest between writes', async () => {
    log.append(Array.from({ length: BACKLOG }, () => beacon));
    const analytics = log.analytics();

    const overview = analytics.overview(DAY, 'hour');
    expect(overview.asOfEventId).toBe(10_000);
    expect(overview.figures.funnel.shown).toBe(10_000);
    expect(analytics.eventsAfter(0, { limit: BACKLOG })).toHaveLength(20_000);

    // The verifier keeps writing while the dashboard catches up: each write must find no fold transaction open.
    let catchingUp = true;
    const writes: unknown[] = [];
    const writeWhileCatchingUp = () => {
      if (!catchingUp) return;
      log.store.appendEvent(beacon); // throws SQLITE_BUSY if a fold held the write lock across the event loop
      writes.push(beacon);
      setImmediate(writeWhileCatchingUp);
    };
    setImmediate(writeWhileCatchingUp);
    const folded = await analytics.catchUp();
    catchingUp = false;

    expect(writes.length, 'the verifier wrote between fold batches').toBeGreaterThan(0);
    expect(folded).toBeGreaterThanOrEqual(5_000);
    await analytics.catchUp();
    const caughtUp = analytics.overview(DAY, 'hour');
    expect(caughtUp.asOfEventId).toBe(BACKLOG + writes.length);
    expect(caughtUp.figures.funnel.shown).toBe(BACKLOG + writes.length);
  });
});
