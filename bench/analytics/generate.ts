import type { EventSink, NewEvent } from './event-sink.js';
import { progressPrinter } from './progress.js';
import { seededRandom, sessionLife } from './sessions.js';

const EVENTS_PER_TRANSACTION = 50_000;
/** About how many events a generated session has (beacons included); sets the spacing of creations. */
const EVENTS_PER_SESSION = 9;

/** Writes `total` events of sessions created evenly over [from, to), in creation order, with progress. */
export function generateEvents(sink: EventSink, total: number, period: { from: number; to: number }): number {
  const random = seededRandom(7);
  const spacing = (period.to - period.from) / (total / EVENTS_PER_SESSION);
  const progress = progressPrinter('generated', total, 'events');
  let written = 0;
  let sessions = 0;
  let pending: NewEvent[] = [];
  while (written + pending.length < total) {
    const at = Math.floor(period.from + (sessions + random()) * spacing);
    pending.push(...sessionLife(random, `ses_${sessions.toString(36)}`, Math.min(at, period.to - 3_600_000)));
    sessions += 1;
    if (pending.length >= EVENTS_PER_TRANSACTION) {
      const batch = pending.slice(0, total - written);
      sink.append(batch);
      written += batch.length;
      pending = [];
      progress(written);
    }
  }
  const rest = pending.slice(0, total - written);
  sink.append(rest);
  written += rest.length;
  progress(written, true);
  return sessions;
}
