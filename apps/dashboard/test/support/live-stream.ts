import type { DashboardClient } from './dashboard-client.js';

export interface ServerSentEvent {
  event: string;
  id?: string;
  data: unknown;
}

export interface LiveStream {
  status: number;
  events: ServerSentEvent[];
  /** Comments (`: ping`) received. */
  comments: string[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(match: (event: ServerSentEvent) => boolean, timeoutMs?: number): Promise<ServerSentEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `GET /api/live` as an EventSource would, with the client's cookie, and parses the frames as they come. */
export async function openLive(client: DashboardClient, query = '', lastEventId?: number): Promise<LiveStream> {
  const controller = new AbortController();
  const response = await fetch(`${client.url}/api/live${query}`, {
    headers: {
      accept: 'text/event-stream',
      ...(client.cookie === undefined ? {} : { cookie: client.cookie }),
      ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }),
    },
    signal: controller.signal,
  });
  const events: ServerSentEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const ended = (async () => {
    if (response.body === null) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          parseFrame(buffer.slice(0, end), events, comments);
          buffer = buffer.slice(end + 2);
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    status: response.status,
    events,
    comments,
    ended,
    close: () => controller.abort(),
    waitFor: (match, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching live event in ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

function parseFrame(frame: string, events: ServerSentEvent[], comments: string[]): void {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) comments.push(line.slice(1).trim());
    else if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('id: ')) id = line.slice(4);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length > 0) events.push({ event, ...(id === undefined ? {} : { id }), data: JSON.parse(data.join('\n')) });
}
