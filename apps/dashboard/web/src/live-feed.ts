import type { Activity, Alert } from './api-types.js';

export type Connection = 'connecting' | 'live' | 'reconnecting';

export interface LiveFeedListener {
  activity(activity: Activity): void;
  alert(alert: Alert): void;
  /** The events missed while disconnected were too many to replay: start the view over from now. */
  reset(): void;
  connection(state: Connection): void;
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 15_000;

/**
 * The live stream (`/api/live`, Server-Sent Events). EventSource retries by itself after a dropped connection,
 * (sending Last-Event-ID, so the server resumes after the last event seen), but gives up for good when the
 * server answers with an error (a restart behind a proxy, a 503): then this opens a new one, waiting longer
 * each time. When the server cannot replay everything missed it sends `event: reset` (with the id to resume from
 * next time) instead: the view starts over.
 */
export class LiveFeed {
  private source: EventSource | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = FIRST_RETRY_MS;
  private opened = false;

  constructor(
    private readonly brand: string | null,
    private readonly listener: LiveFeedListener,
  ) {}

  open(): void {
    this.listener.connection(this.opened ? 'reconnecting' : 'connecting');
    const query = this.brand ? `?${new URLSearchParams({ brand: this.brand })}` : '';
    const source = new EventSource(`/api/live${query}`);
    this.source = source;
    source.addEventListener('open', () => {
      this.opened = true;
      this.retryMs = FIRST_RETRY_MS;
      this.listener.connection('live');
    });
    source.addEventListener('activity', (event) => this.listener.activity(JSON.parse(event.data) as Activity));
    source.addEventListener('alert', (event) => this.listener.alert(JSON.parse(event.data) as Alert));
    source.addEventListener('reset', () => this.listener.reset());
    source.addEventListener('error', () => {
      this.listener.connection('reconnecting');
      if (source.readyState === EventSource.CLOSED) this.retryLater();
    });
  }

  close(): void {
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = undefined;
  }

  private retryLater(): void {
    this.close();
    this.retryTimer = setTimeout(() => this.open(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
