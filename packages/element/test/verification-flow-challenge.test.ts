import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VerificationFlow } from '../src/controllers/verification-flow.js';
import { browserFingerprint } from '../src/fingerprint.js';
import { en } from '../src/i18n/locales/en.js';
import { metadataFor } from './fixtures/metadata.js';

interface Received {
  method: string;
  path: string;
  body: Record<string, unknown>;
}
type Reply = { status: number; body: object };

/**
 * The verifier's HTTP side as the element sees it, answering each send with the next scripted reply: the real
 * verifier's risk engine decides challenges from traffic this unit test cannot produce (the e2e spec does).
 */
async function scriptedVerifier(sendReplies: Reply[], captcha?: { siteKey: string }) {
  const received: Received[] = [];
  const readBody = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const path = request.url ?? '';
      received.push({ method: request.method ?? '', path, body });
      const reply = (status: number, answer: object) => {
        response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
      };
      const expiresAt = new Date(Date.now() + 600_000).toISOString();
      if (path.startsWith('/v1/brands/')) {
        const countries = ['GB'];
        reply(200, {
          ...{ id: 'acme', displayName: 'Acme', countries, defaultCountry: 'GB', locales: ['en'], codeLength: 6 },
          ...{ guestCheckout: true, channels: ['sms'], locale: 'en', messages: {}, captcha },
          ...{ countryNames: [{ code: 'GB', name: 'United Kingdom' }], phoneMetadata: metadataFor(countries) },
        });
      } else if (path === '/v1/sessions') {
        const id = `ses_${received.filter((r) => r.path === path).length}`;
        reply(201, { id, clientSecret: `cs_${id}`, status: 'created', expiresAt, codeLength: 6 });
      } else {
        const next = sendReplies.shift() ?? { status: 202, body: { status: 'sent', retryAfter: 0, sendsLeft: 2 } };
        reply(next.status, { phoneMasked: '••• 23', expiresAt, ...next.body });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => server.close() };
}

/** What the element is to the flow: an event target it renders and dispatches on. */
function host() {
  const controllers: ReactiveController[] = [];
  const target = Object.assign(new EventTarget(), {
    addController: (controller: ReactiveController) => controllers.push(controller),
    removeController() {},
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
    matches: () => false,
  });
  const events: { type: string; detail: unknown }[] = [];
  for (const type of ['otp-verify-challenge', 'otp-error', 'otp-code-sent'])
    target.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
  const disconnect = () => controllers.forEach((controller) => controller.hostDisconnected?.());
  return { element: target as unknown as ReactiveControllerHost & HTMLElement, events, disconnect };
}

const challenge = (kind: 'captcha' | 'step_up', reasons?: string[]): Reply => ({
  status: 403,
  body: { type: 'about:blank', title: 'Challenge', status: 403, code: 'challenge_required', challenge: kind, reasons },
});

/** The error or challenge message the element shows. */
const shownMessage = (flow: VerificationFlow) => (flow.failure ? flow.text.failure(flow.failure, 6) : '');

let cleanup: (() => void)[] = [];

async function flowAgainst(sendReplies: Reply[], captcha?: { siteKey: string }) {
  const verifier = await scriptedVerifier(sendReplies, captcha);
  const page = host();
  const order = { id: 'A-1001', amount: 129900, currency: 'EUR' };
  const flow = new VerificationFlow(page.element, () => ({
    ...{ verifier: verifier.url, brand: 'acme', order, locale: 'en', mode: { kind: 'phone' } as const },
  }));
  cleanup.push(verifier.close, page.disconnect);
  await flow.load();
  flow.phone.input('07400123456', 11, 'insertText');
  const sends = () => verifier.received.filter((r) => r.path.endsWith('/send'));
  const sessions = () => verifier.received.filter((r) => r.path === '/v1/sessions');
  return { flow, events: page.events, sends, sessions };
}

beforeEach(() => {
  vi.stubGlobal('navigator', { userAgent: 'UA', languages: ['en-GB'], hardwareConcurrency: 4, platform: 'MacIntel' });
  vi.stubGlobal('screen', { width: 1440, height: 900, colorDepth: 30 });
});

afterEach(() => {
  cleanup.forEach((close) => close());
  cleanup = [];
  vi.unstubAllGlobals();
});

describe('a challenged send', () => {
  it('asks the page for the step-up, keeps the number, and sends on the same session once it is done', async () => {
    const { flow, events, sends, sessions } = await flowAgainst([challenge('step_up', ['sim_swap'])]);
    await flow.submitPhone();

    expect(flow.step).toBe('phone');
    expect(flow.phone.value).toBe('07400 123456');
    expect(shownMessage(flow)).toBe(en.challengeStepUp);
    expect(events).toEqual([
      {
        type: 'otp-verify-challenge',
        detail: { challenge: 'step_up', sessionId: 'ses_1', siteKey: undefined, reasons: ['sim_swap'] },
      },
    ]);

    await flow.continueAfterChallenge();
    expect(flow.step).toBe('code');
    expect(sessions()).toHaveLength(1);
    expect(sends().map((send) => send.path)).toEqual(['/v1/sessions/ses_1/send', '/v1/sessions/ses_1/send']);
    expect(sends()[1]?.body.challengeToken).toBeUndefined();
  });

  it("gives the page the brand's captcha site key and sends the widget's token with the repeated send", async () => {
    const { flow, events, sends } = await flowAgainst([challenge('captcha')], { siteKey: 'site-key-1' });
    await flow.submitPhone();
    expect(shownMessage(flow)).toBe(en.challengeCaptcha);
    expect(events[0]?.detail).toMatchObject({ challenge: 'captcha', sessionId: 'ses_1', siteKey: 'site-key-1' });

    await flow.continueAfterChallenge('captcha-token');
    expect(sends()[1]?.body.challengeToken).toBe('captcha-token');
    expect(flow.step).toBe('code');
  });

  it('sends one fingerprint, computed once, with every send of the element', async () => {
    const { flow, sends } = await flowAgainst([challenge('step_up')]);
    const expected = await browserFingerprint();
    await flow.submitPhone();
    vi.stubGlobal('navigator', { userAgent: 'UA', languages: ['fr'], hardwareConcurrency: 4, platform: 'MacIntel' });
    await flow.continueAfterChallenge();
    expect(expected).toBeDefined();
    expect(sends().map((send) => send.body.fingerprint)).toEqual([expected, expected]);
  });

  it('repeats nothing when no send was challenged', async () => {
    const { flow, sends } = await flowAgainst([]);
    await flow.continueAfterChallenge();
    expect(sends()).toHaveLength(0);
    expect(flow.step).toBe('phone');
  });

  it('keeps a block a block: an error, no challenge for the page to resolve', async () => {
    const blocked = {
      status: 403,
      body: { title: 'Blocked', status: 403, code: 'blocked', reasons: ['premium_rate'] },
    };
    const { flow, events, sends } = await flowAgainst([blocked]);
    await flow.submitPhone();
    expect(events.map((event) => event.type)).toEqual(['otp-error']);
    expect(shownMessage(flow)).toBe(en.blocked);
    await flow.continueAfterChallenge();
    expect(sends()).toHaveLength(1);
  });
});
