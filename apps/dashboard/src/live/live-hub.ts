import type { Response } from 'express';
import type { Alert } from '../alerts/alert-store.js';
import type { Activity } from './activity.js';

export interface LiveHubOptions {
  maxSubscribers: number;
  heartbeatMs: number;
  /** A subscriber whose unsent output grows past this is too slow and is dropped. */
  maxBufferedBytes: number;
  onSubscribersChanged?: (count: number) => void;
}

export const DEFAULT_LIVE_HUB: LiveHubOptions = {
  maxSubscribers: 200,
  heartbeatMs: 15_000,
  maxBufferedBytes: 1 << 20,
};

interface Subscriber {
  /** The one brand it may see; undefined: every brand (an operator without a brand filter). */
  brand: string | undefined;
  res: Response;
}

export class TooManySubscribers extends Error {}

/** The activities after an event id that a stream resuming from it missed (one brand's, or every brand's). */
export type Replay = (afterId: number, brand: string | undefined) => Activity[];

/** Fans the fold loop's activities and the evaluator's alerts out to the open streams, each filtered by brand. */
export class LiveHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly heartbeat: NodeJS.Timeout;
  private replay: Replay = () => [];

  constructor(private readonly options: LiveHubOptions = DEFAULT_LIVE_HUB) {
    this.heartbeat = setInterval(() => this.broadcast(undefined, ': ping\n\n'), options.heartbeatMs);
    this.heartbeat.unref();
  }

  setReplay(replay: Replay): void {
    this.replay = replay;
  }

  /** Starts an event stream on `res`, first replaying what came after `lastEventId`. */
  subscribe(res: Response, brand: string | undefined, lastEventId: number | undefined): void {
    if (this.subscribers.size >= this.options.maxSubscribers) throw new TooManySubscribers();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const subscriber: Subscriber = { brand, res };
    if (lastEventId !== undefined) {
      for (const activity of this.replay(lastEventId, brand)) res.write(activityFrame(activity));
    }
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

function activityFrame(activity: Activity): string {
  return `id: ${activity.id}\nevent: activity\ndata: ${JSON.stringify(activity)}\n\n`;
}
