import { expect } from 'vitest';
import type { TestBrand } from './brands.js';

export interface Flow {
  id: string;
  clientSecret: string;
  phone: string;
  brand: TestBrand;
}

/** Drives the real verifier's HTTP API as a brand's page (and checkout server) would. */
export class VerifierClient {
  constructor(readonly url: string) {}

  async create(brand: TestBrand, phone: string, orderId = `order-${phone.slice(-5)}`): Promise<Flow> {
    const body = await this.call(201, 'POST', '/v1/sessions', {
      origin: brand.origin,
      body: { brand: brand.id, order: { id: orderId, amount: 12999, currency: 'EUR' }, phone },
    });
    return { id: body.id as string, clientSecret: body.clientSecret as string, phone, brand };
  }

  async send(flow: Flow): Promise<void> {
    await this.call(202, 'POST', `/v1/sessions/${flow.id}/send`, { bearer: flow.clientSecret, body: {} });
  }

  /** Waits for the code in the dev inbox (the outbox sends in the background). */
  async code(flow: Flow): Promise<string> {
    for (let tries = 0; tries < 200; tries += 1) {
      const messages = (await this.call(
        200,
        'GET',
        `/dev/inbox/messages?to=${encodeURIComponent(flow.phone)}`,
        {},
      )) as unknown as {
        body: string;
        sessionId: string;
      }[];
      const message = messages.find((candidate) => candidate.sessionId === flow.id);
      const code = message && /#(\d+)$/.exec(message.body.split('\n').at(-1) ?? '')?.[1];
      if (code) return code;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no code arrived for ${flow.id}`);
  }

  /** Checks a code; returns the token when it was right. */
  async check(flow: Flow, code: string): Promise<{ status: number; token?: string }> {
    const response = await this.request('POST', `/v1/sessions/${flow.id}/check`, {
      bearer: flow.clientSecret,
      body: { code },
    });
    return { status: response.status, ...(response.status === 200 ? { token: response.body.token as string } : {}) };
  }

  async redeem(flow: Flow, token: string): Promise<void> {
    expect(await this.redeemStatus(flow, token)).toBe(200);
  }

  /** Presents the token as the brand's checkout server does; returns the status (200, or 409 the second time). */
  async redeemStatus(flow: Flow, token: string): Promise<number> {
    const response = await this.request('POST', '/v1/redemptions', { bearer: flow.brand.secretKey, body: { token } });
    return response.status;
  }

  /** Created, sent, the right code, and the order accepted. */
  async orderAccepted(brand: TestBrand, phone: string): Promise<Flow> {
    const flow = await this.create(brand, phone);
    await this.send(flow);
    const { token } = await this.check(flow, await this.code(flow));
    await this.redeem(flow, token as string);
    return flow;
  }

  private async call(
    expected: number,
    method: string,
    path: string,
    options: { origin?: string; bearer?: string; body?: unknown },
  ): Promise<Record<string, unknown>> {
    const response = await this.request(method, path, options);
    if (response.status !== expected) {
      throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body;
  }

  private async request(
    method: string,
    path: string,
    options: { origin?: string; bearer?: string; body?: unknown },
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const headers: Record<string, string> = {};
    if (options.origin) headers.origin = options.origin;
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }
}

/** A code of the same length that is certainly wrong. */
export function wrongCode(code: string): string {
  return `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
}
