import type { Browser } from './devices.js';
import type { TappedEvent } from './event-tap.js';
import type { EventTap } from './event-tap.js';
import type { Actor, Ledger, SendAttempt, SendOutcome } from './ledger.js';

/** The verifier under test as the simulated clients reach it, and the brand they order from. */
export interface Target {
  url: string;
  brand: SimBrand;
  ledger: Ledger;
  events: EventTap;
  now(): number;
}

export interface SimBrand {
  id: string;
  origin: string;
  secretKey: string;
  countries: readonly ('DE' | 'AT')[];
}

export interface Order {
  id: string;
  amount: number;
  currency: 'EUR';
}

export interface OpenSession {
  id: string;
  clientSecret: string;
  phone: string;
  order: Order;
  /** Codes the verifier accepted to send in this session (each awaited in the dev inbox). */
  codesSent: number;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** How long (real time) a client waits for the outbox to hand a queued code to the dev inbox. */
const INBOX_WAIT_MS = 3_000;

/**
 * One simulated client (a customer's browser, or an attacker's script) talking to the verifier over HTTP as the
 * element does: the brand's Origin, its own address as X-Forwarded-For (the verifier trusts one proxy hop, so one
 * machine plays thousands of clients), its user agent and, for a browser, the element's fingerprint.
 */
export class SimClient {
  /** This client's number in the ledger: a customer's attempts are told apart from another's by it. */
  readonly id: number;

  constructor(
    private readonly target: Target,
    private readonly actor: Actor,
    private readonly browser: Browser,
    public ip: string,
  ) {
    this.id = target.ledger.newClient();
  }

  /**
   * Opens a session for `phone`. A number the risk rules refuse here is a refused send attempt; a number that is no
   * number is the client's own mistake.
   */
  async createSession(phone: string, order: Order): Promise<OpenSession | SendOutcome> {
    const answer = await this.#request('POST', '/v1/sessions', this.#pageHeaders(), {
      brand: this.target.brand.id,
      order,
      phone,
    });
    if (answer.status === 201) {
      return { id: String(answer.body.id), clientSecret: String(answer.body.clientSecret), phone, order, codesSent: 0 };
    }
    const refusal = this.#newEvents().find((event) => event.type === 'risk.number_refused' && event.sessionId === null);
    if (refusal === undefined) {
      this.target.ledger.count(this.actor, `create ${describe(answer)}`);
      return answer.status === 422 ? 'invalid_number' : 'error';
    }
    this.#record({ step: 'create', phone, sessionId: undefined, outcome: 'blocked', answer, events: [refusal] });
    return 'blocked';
  }

  /**
   * Asks for a code to the session's number: one attempt, recorded with what the event log says of it. A page that
   * solved the brand's captcha sends its token as `challengeToken`.
   */
  async send(session: OpenSession, challengeToken?: string): Promise<SendAttempt> {
    const body = {
      ...(this.browser.fingerprint === undefined ? {} : { fingerprint: this.browser.fingerprint }),
      ...(challengeToken === undefined ? {} : { challengeToken }),
    };
    const answer = await this.#request('POST', `/v1/sessions/${session.id}/send`, this.#sessionHeaders(session), body);
    const events = this.#newEvents().filter((event) => event.sessionId === session.id);
    const refusal = events.some((event) => event.type === 'session.blocked');
    const outcome: SendOutcome =
      answer.status === 202
        ? 'sent'
        : answer.body.code === 'challenge_required'
          ? 'challenged'
          : answer.body.code === 'blocked' || refusal
            ? 'blocked'
            : answer.status === 429
              ? 'too_soon'
              : 'error';
    const attempt = this.#record({
      step: 'send',
      phone: session.phone,
      sessionId: session.id,
      outcome,
      answer,
      events,
    });
    if (outcome === 'sent') {
      session.codesSent += 1;
      // Simulated time stands still until the outbox has delivered it, so no code expires in the queue.
      await this.#inboxOf(session);
    }
    return attempt;
  }

  /** The code of the session's newest message in the dev inbox, or undefined if none came. */
  async readCode(session: OpenSession): Promise<string | undefined> {
    const newest = (await this.#inboxOf(session))[0];
    return newest === undefined ? undefined : /#(\d{4,10})\s*$/.exec(newest.body)?.[1];
  }

  /** The session's messages in the dev inbox (newest first), once all its accepted codes are there (or 3 s passed). */
  async #inboxOf(session: OpenSession): Promise<{ sessionId: string; body: string }[]> {
    const deadline = performance.now() + INBOX_WAIT_MS;
    for (;;) {
      const answer = await this.#request('GET', `/dev/inbox/messages?to=${encodeURIComponent(session.phone)}`, {});
      const all = Array.isArray(answer.body) ? (answer.body as { sessionId: string; body: string }[]) : [];
      const messages = all.filter((message) => message.sessionId === session.id);
      if (messages.length >= session.codesSent || performance.now() > deadline) return messages;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /**
   * Checks a code; the token when it was right. The ledger counts whether the verifier compared it with a live code
   * (its event log: `code.wrong` or `session.verified`), as opposed to a session without one.
   */
  async check(session: OpenSession, code: string): Promise<string | undefined> {
    const answer = await this.#request('POST', `/v1/sessions/${session.id}/check`, this.#sessionHeaders(session), {
      code,
    });
    const compared = this.#newEvents().some(
      (event) => event.sessionId === session.id && (event.type === 'code.wrong' || event.type === 'session.verified'),
    );
    this.target.ledger.countGuess(this.actor, compared);
    this.target.ledger.count(this.actor, `check ${describe(answer)}`);
    if (answer.status !== 200) return undefined;
    this.target.ledger.countVerified(this.actor);
    return String(answer.body.token);
  }

  /** The brand's checkout server redeems the token for the order (secret key). */
  async redeem(token: string, order: Order): Promise<boolean> {
    const answer = await this.#request('POST', '/v1/redemptions', this.#serverHeaders(), { token, order });
    this.target.ledger.count(this.actor, `redeem ${describe(answer)}`);
    return answer.status === 200;
  }

  /** The brand's server vouches that it re-verified its customer (POST /v1/sessions/{id}/step-up, secret key). */
  async stepUp(session: OpenSession): Promise<boolean> {
    const answer = await this.#request('POST', `/v1/sessions/${session.id}/step-up`, this.#serverHeaders(), {
      method: 'password',
    });
    this.target.ledger.count(this.actor, `step-up ${describe(answer)}`);
    return answer.status === 200;
  }

  #record(entry: {
    step: SendAttempt['step'];
    phone: string;
    sessionId: string | undefined;
    outcome: SendOutcome;
    answer: Answer;
    events: TappedEvent[];
  }): SendAttempt {
    const decisive = entry.events.find((event) =>
      ['session.blocked', 'risk.number_refused', 'session.challenged', 'message.queued'].includes(event.type),
    );
    const data = decisive?.data ?? {};
    const reasons = Array.isArray(data.reasons) ? data.reasons.map(String) : data.reason ? [String(data.reason)] : [];
    const dryRun = entry.events.find((event) => event.type === 'risk.dry_run')?.data.rules;
    const attempt: SendAttempt = {
      actor: this.actor,
      client: this.id,
      step: entry.step,
      phone: entry.phone,
      sessionId: entry.sessionId,
      at: this.target.now(),
      outcome: entry.outcome,
      answer: describe(entry.answer),
      ...(typeof entry.answer.body.challenge === 'string' ? { challenge: entry.answer.body.challenge } : {}),
      reasons,
      dryRun: Array.isArray(dryRun) ? dryRun.map(String) : [],
      segments: typeof data.segments === 'number' ? data.segments : undefined,
      retryAfter: typeof entry.answer.body.retryAfter === 'number' ? entry.answer.body.retryAfter : undefined,
    };
    this.target.ledger.attempts.push(attempt);
    return attempt;
  }

  #newEvents(): TappedEvent[] {
    return this.target.events.newEvents();
  }

  #pageHeaders(): Record<string, string> {
    return {
      origin: this.target.brand.origin,
      'user-agent': this.browser.userAgent,
      'accept-language': this.browser.acceptLanguage,
      'x-forwarded-for': this.ip,
    };
  }

  #sessionHeaders(session: OpenSession): Record<string, string> {
    return { ...this.#pageHeaders(), authorization: `Bearer ${session.clientSecret}` };
  }

  #serverHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.target.brand.secretKey}` };
  }

  async #request(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
    const response = await fetch(`${this.target.url}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = {};
    }
    return { status: response.status, body: (parsed ?? {}) as Record<string, unknown> };
  }
}

function describe(answer: Answer): string {
  return `${answer.status} ${typeof answer.body.code === 'string' ? answer.body.code : '-'}`;
}
