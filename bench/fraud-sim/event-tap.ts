/** The part of the verifier's store the simulation reads: its event log (ground truth of every refusal). */
export interface EventLog {
  listEvents(filter: { afterId?: number; limit: number }): {
    id: number;
    type: string;
    sessionId: string | null;
    data: Record<string, unknown>;
  }[];
}

export type TappedEvent = ReturnType<EventLog['listEvents']>[number];

const PAGE = 500;

/**
 * Reads the events appended since the last read. The actors run one request at a time, so the events read right
 * after a request include every event that request appended (the outbox's own, appended meanwhile, carry their
 * session and are told apart by it).
 */
export class EventTap {
  #after = 0;

  constructor(private readonly log: EventLog) {}

  newEvents(): TappedEvent[] {
    const events: TappedEvent[] = [];
    for (;;) {
      const page = this.log.listEvents({ afterId: this.#after, limit: PAGE });
      events.push(...page);
      const last = page.at(-1);
      if (last !== undefined) this.#after = last.id;
      if (page.length < PAGE) return events;
    }
  }
}
