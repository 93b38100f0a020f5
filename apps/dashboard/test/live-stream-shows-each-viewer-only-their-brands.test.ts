import { describe, expect, it } from 'vitest';
import type { Activity } from '../src/live/activity.js';
import { ACME, INITECH, uniqueMobile } from './support/brands.js';
import { openLive } from './support/live-stream.js';
import type { ServerSentEvent } from './support/live-stream.js';
import { useStack } from './support/stack.js';
import type { Flow } from './support/verifier-client.js';

const activity = (event: ServerSentEvent) => event.data as Activity;
const isEndOf = (sessionId: string) => (event: ServerSentEvent) =>
  event.event === 'activity' && activity(event).sessionId === sessionId && activity(event).type === 'session.ended';

describe('the live stream (GET /api/live)', () => {
  const stack = useStack({
    liveIntervalMs: 50,
    live: { heartbeatMs: 200, maxSubscribers: 4, maxBufferedBytes: 1 << 20, replayLimit: 30 },
  });

  it('streams the events of a real verifier flow as they happen, without personal data', async () => {
    const operator = await stack.signedIn('operator');
    const live = await openLive(operator);
    expect(live.status).toBe(200);
    const phone = uniqueMobile();
    const flow = await stack.shop.orderAccepted(ACME, phone);

    const ended = activity(await live.waitFor(isEndOf(flow.id)));
    expect(ended).toMatchObject({ brand: 'acme', type: 'session.ended', outcome: 'order_accepted' });
    const types = live.events
      .map(activity)
      .filter((event) => event.sessionId === flow.id)
      .map((event) => event.type);
    expect(types).toEqual(
      expect.arrayContaining(['session.created', 'message.queued', 'session.verified', 'token.redeemed']),
    );
    const created = live.events
      .map(activity)
      .find((event) => event.sessionId === flow.id && event.type === 'session.created');
    expect(created?.country).toBe('DE');
    const everything = JSON.stringify(live.events);
    expect(everything).not.toContain(phone.slice(1));
    expect(everything).not.toContain(phone.slice(0, -4));
    await live.waitFor(() => live.comments.includes('ping'));
    live.close();
  });

  it('never carries another brand’s events on an analyst’s stream (OWASP ASVS V4.1.3)', async () => {
    const acme = await openLive(await stack.signedIn('acme-analyst'));
    const operator = await openLive(await stack.signedIn('operator'));
    const initechFlow = await stack.shop.orderAccepted(INITECH, uniqueMobile('AT'));
    const acmeFlow = await stack.shop.orderAccepted(ACME, uniqueMobile());

    await operator.waitFor(isEndOf(initechFlow.id));
    await operator.waitFor(isEndOf(acmeFlow.id));
    await acme.waitFor(isEndOf(acmeFlow.id));
    const brands = new Set(acme.events.map((event) => activity(event).brand));
    expect([...brands]).toEqual(['acme']);
    expect(operator.events.some((event) => activity(event).brand === 'initech')).toBe(true);
    acme.close();
    operator.close();
  });

  it('refuses an analyst asking for another brand’s stream', async () => {
    const analyst = await stack.signedIn('acme-analyst');
    const response = await analyst.get('/api/live?brand=initech');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'forbidden_brand' });
  });

  it('resumes after Last-Event-ID with the events missed, of the own brand only', async () => {
    const analyst = await stack.signedIn('acme-analyst');
    const first = await openLive(analyst);
    const before = await stack.shop.orderAccepted(ACME, uniqueMobile());
    const lastSeen = Number((await first.waitFor(isEndOf(before.id))).id);
    first.close();

    const missedAcme = await stack.shop.orderAccepted(ACME, uniqueMobile());
    const missedInitech = await stack.shop.orderAccepted(INITECH, uniqueMobile());
    const operator = await openLive(await stack.signedIn('operator'), '', lastSeen);
    await operator.waitFor(isEndOf(missedInitech.id));
    operator.close();

    const resumed = await openLive(analyst, '', lastSeen);
    await resumed.waitFor(isEndOf(missedAcme.id));
    expect(resumed.events.every((event) => Number(event.id) > lastSeen)).toBe(true);
    expect(resumed.events.some((event) => activity(event).sessionId === missedInitech.id)).toBe(false);
    resumed.close();
  });

  it('sends event: reset, not a partial replay, when more was missed than it replays, then goes on live', async () => {
    const operator = await stack.signedIn('operator');
    const first = await openLive(operator);
    const before = await stack.shop.orderAccepted(ACME, uniqueMobile());
    const lastSeen = Number((await first.waitFor(isEndOf(before.id))).id);
    first.close();

    const watcher = await openLive(operator);
    const missed: Flow[] = [];
    for (let flow = 0; flow < 6; flow += 1) missed.push(await stack.shop.orderAccepted(ACME, uniqueMobile()));
    const newest = Number((await watcher.waitFor(isEndOf((missed.at(-1) as Flow).id))).id);
    watcher.close();
    expect(newest - lastSeen).toBeGreaterThan(30);

    const resumed = await openLive(operator, '', lastSeen);
    const reset = await resumed.waitFor((event) => event.event === 'reset');
    expect(Number(reset.id)).toBeGreaterThanOrEqual(newest);
    const after = await stack.shop.orderAccepted(ACME, uniqueMobile());
    await resumed.waitFor(isEndOf(after.id));
    expect(resumed.events[0]).toBe(reset);
    expect(resumed.events.slice(1).every((event) => Number(event.id) > Number(reset.id))).toBe(true);
    resumed.close();

    // Resuming from the reset's id replays what came after it, without another reset.
    const again = await openLive(operator, '', Number(reset.id));
    await again.waitFor(isEndOf(after.id));
    expect(again.events.some((event) => event.event === 'reset')).toBe(false);
    again.close();
  });

  // OWASP ASVS V3.3.1: signing out (or being removed) ends the session everywhere, open streams included.
  it('ends a stream once its viewer signs out or is removed, within a heartbeat', async () => {
    const signingOut = await stack.signedIn('acme-analyst');
    const first = await openLive(signingOut);
    expect((await signingOut.request('DELETE', '/api/session')).status).toBe(204);
    await first.ended;

    const removed = await stack.signedIn('acme-analyst');
    const second = await openLive(removed);
    expect(second.status).toBe(200);
    stack.dashboard.operators.remove('acme-analyst');
    await second.ended;
    const flow = await stack.shop.orderAccepted(ACME, uniqueMobile());
    expect(second.events.some((event) => activity(event).sessionId === flow.id)).toBe(false);
  });

  it('refuses a stream beyond the subscriber limit, and an unauthenticated one', async () => {
    const operator = await stack.signedIn('operator');
    const streams = await Promise.all([1, 2, 3, 4].map(() => openLive(operator)));
    expect(streams.map((stream) => stream.status)).toEqual([200, 200, 200, 200]);
    const refused = await operator.get('/api/live');
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'too_many_subscribers' });
    for (const stream of streams) stream.close();
    expect((await stack.client().get('/api/live')).status).toBe(401);
  });
});

describe('streams per user', () => {
  const stack = useStack({ live: { maxPerUser: 2 } });

  it('refuses one user more streams than their share, so one account cannot take them all', async () => {
    const operator = await stack.signedIn('operator');
    const streams = await Promise.all([1, 2].map(() => openLive(operator)));
    expect(streams.map((stream) => stream.status)).toEqual([200, 200]);
    const third = await operator.get('/api/live');
    expect(third.status).toBe(503);
    expect(third.body).toMatchObject({ code: 'too_many_subscribers' });
    const analyst = await openLive(await stack.signedIn('acme-analyst'));
    expect(analyst.status).toBe(200);
    for (const stream of [...streams, analyst]) stream.close();
  });
});
