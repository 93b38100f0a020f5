import { readFileSync } from 'node:fs';
import type { DevInboxMessage } from '@otp-verify/protocol';

const DEMO_SECRET_KEYS = JSON.parse(
  readFileSync(new URL('../../apps/demo-shop/config/demo-secret-keys.json', import.meta.url), 'utf8'),
) as Record<string, string>;

/** One customer's way through a checkout, as the scenario wants it to end. */
export interface Journey {
  brand: string;
  /** E.164; its country is the session's. */
  phone: string;
  /** Wrong codes typed before the right one (or before giving up). */
  wrongCodes?: number;
  /** Types the right code (default true). */
  verify?: boolean;
  /** The shop redeems the token: the order is accepted (default true when verified). */
  order?: boolean;
}

/**
 * Drives the real verifier over HTTP as a checkout page and its shop server would: creates the session (from an
 * allowed origin), sends the code, reads it from the dev inbox, types it, and redeems the token with the brand's
 * secret key. Each call is one session in the event log the dashboard reads.
 */
export class ScenarioDriver {
  private orders = 0;

  constructor(
    private readonly verifierUrl: string,
    /** An origin the brands allow (writeDemoBrands' allowedOrigins). */
    private readonly origin: string,
  ) {}

  async journey({ brand, phone, wrongCodes = 0, verify = true, order = verify }: Journey): Promise<string> {
    this.orders += 1;
    const orderRef = { id: `dash-${Date.now()}-${this.orders}`, amount: 2_500, currency: 'EUR' };
    const session = await this.call<{ id: string; clientSecret: string }>('/v1/sessions', {
      headers: { origin: this.origin },
      body: { brand, order: orderRef, phone },
    });
    const asCustomer = { authorization: `Bearer ${session.clientSecret}`, origin: this.origin };
    await this.call(`/v1/sessions/${session.id}/send`, { headers: asCustomer, body: {} });
    const code = await this.codeOf(phone, session.id);
    for (let attempt = 0; attempt < wrongCodes; attempt += 1) {
      await this.call(`/v1/sessions/${session.id}/check`, { headers: asCustomer, body: { code: wrong(code) } }, 422);
    }
    if (!verify) return session.id;
    const { token } = await this.call<{ token: string }>(`/v1/sessions/${session.id}/check`, {
      headers: asCustomer,
      body: { code },
    });
    if (order) {
      const secretKey = DEMO_SECRET_KEYS[brand];
      if (!secretKey) throw new Error(`no demo secret key for ${brand}`);
      await this.call('/v1/redemptions', {
        headers: { authorization: `Bearer ${secretKey}` },
        body: { token, order: orderRef },
      });
    }
    return session.id;
  }

  private async codeOf(phone: string, sessionId: string): Promise<string> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const response = await fetch(`${this.verifierUrl}/dev/inbox/messages?${new URLSearchParams({ to: phone })}`);
      const message = ((await response.json()) as DevInboxMessage[]).find((m) => m.sessionId === sessionId);
      const code = message?.body.match(/#(\d+)$/)?.[1];
      if (code) return code;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no code for session ${sessionId} in the dev inbox`);
  }

  private async call<T>(
    path: string,
    request: { headers: Record<string, string>; body: unknown },
    expectedStatus?: number,
  ): Promise<T> {
    const response = await fetch(`${this.verifierUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: JSON.stringify(request.body),
    });
    const ok = expectedStatus === undefined ? response.ok : response.status === expectedStatus;
    if (!ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

/** A code of the same length that is not the right one. */
function wrong(code: string): string {
  return code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
}
