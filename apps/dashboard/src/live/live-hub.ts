import type { Response } from 'express';
import type { Alert } from '../alerts/alert-store.js';
import type { Activity } from './activity.js';

export interface LiveHubOptions {
  maxSubscribers: number;
  /** Streams one user may hold at once, so one account cannot take every stream. */
  maxPerUser: number;
  heartbeatMs: number;
  /** A subscriber whose unsent output grows past this is too slow and is dropped. */
  maxBufferedBytes: number;
  /** A stream resuming after Last-Event-ID gets at most this many missed events; beyond, `event: reset`. */
  replayLimit: number;
  onSubscribersChanged?: (count: number) => void;
}

export const DEFAULT_LIVE_HUB: LiveHubOptions = {
  maxSubscribers: 200,
  maxPerUser: 5,
  heartbeatMs: 15_000,
  maxBufferedBytes: 1 << 20,
  replayLimit: 5_000,
};

/** Who holds a stream, and whether they still may: asked at every heartbeat. */
export interface StreamViewer {
  username: string;
  stillSignedIn(): boolean;
}

interface Subscriber {
  /** The one brand it may see; undefined: every brand (an operator without a brand filter). */
  brand: string | undefined;
  viewer: StreamViewer;
  res: Response;
}

export class TooManySubscribers extends Error {}

/**
 * What a stream resuming after an event id missed (one brand's, or every brand's): every activity, or not
 * complete (more than the limit), with the feed's cursor to resume from after starting over.
 */
export type Replayed = { complete: true; activities: Activity[] } | { complete: false; cursor?: number };
export type Replay = (afterId: number, brand: string | undefined, limit: number) => Replayed;

/** Fans the fold loop's activities and the evaluator's alerts out to the open streams, each filtered by brand. */
export class LiveHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly heartbeat: NodeJS.Timeout;
  private replay: Replay = () => ({ complete: true, activities: [] });

  constructor(private readonly options: LiveHubOptions = DEFAULT_LIVE_HUB) {
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  setReplay(replay: Replay): void {
    this.replay = replay;
  }

  /** Starts an event stream on `res`, first replaying what came after `lastEventId`. */
  subscribe(res: Response, viewer: StreamViewer, brand: string | undefined, lastEventId: number | undefined): void {
    if (this.subscribers.size >= this.options.maxSubscribers) throw new TooManySubscribers();
    const own = [...this.subscribers].filter((subscriber) => subscriber.viewer.username === viewer.username);
    if (own.length >= this.options.maxPerUser) throw new TooManySubscribers();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const subscriber: Subscriber = { brand, viewer, res };
    if (lastEventId !== undefined) res.write(replayFrames(this.replay(lastEventId, brand, this.options.replayLimit)));
    this.subscribers.add(subscriber);
    this.options.onSubscribersChanged?.(this.subscribers.size);
    res.on('close', () => this.drop(subscriber));
  }

  publishActivities(activities: readonly Activity[]): void {
    for (const activity of activities) this.broadcast(activity.brand, activityFrame(activity));
  }

  publishAlert(alert: Alert): void {
    this.broadcast(alert.brand, `event: alert\ndata: ${JSON.stringify(alert)}\n\n`);
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Ends every stream (shutdown). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const subscriber of [...this.subscribers]) {
      subscriber.res.end();
      this.drop(subscriber);
    }
  }

  /**
   * Ends the streams of viewers no longer signed in (signed out, removed, timed out: a stream is checked at every
   * heartbeat, not only when it opens), and pings the others.
   */
  private beat(): void {
    for (const subscriber of [...this.subscribers]) {
      if (subscriber.viewer.stillSignedIn()) continue;
      subscriber.res.end();
      this.drop(subscriber);
    }
    this.broadcast(undefined, ': ping\n\n');
  }

  /** Writes to every subscriber that may see `brand` (undefined: everyone). */
  private broadcast(brand: string | undefined, frame: string): void {
    for (const subscriber of this.subscribers) {
      if (brand !== undefined && !visible(subscriber, brand)) continue;
      subscriber.res.write(frame);
      if (subscriber.res.writableLength > this.options.maxBufferedBytes) {
        subscriber.res.destroy();
        this.drop(subscriber);
      }
    }
  }

  private drop(subscriber: Subscriber): void {
    if (this.subscribers.delete(subscriber)) this.options.onSubscribersChanged?.(this.subscribers.size);
  }
}

function visible(subscriber: Subscriber, brand: string): boolean {
  return subscriber.brand === undefined || subscriber.brand === brand;
}

/** The missed activities, or `event: reset` (with the id to resume from next time) when they cannot all be sent. */
function replayFrames(replayed: Replayed): string {
  if (replayed.complete) return replayed.activities.map(activityFrame).join('');
  return `${replayed.cursor === undefined ? '' : `id: ${replayed.cursor}\n`}event: reset\ndata: {}\n\n`;
}

function activityFrame(activity: Activity): string {
  return `id: ${activity.id}\nevent: activity\ndata: ${JSON.stringify(activity)}\n\n`;
}
