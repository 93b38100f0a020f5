const HOUR_MS = 3_600_000;

/** What the verifier answered the sends of a pumping run. */
export interface PumpRun {
  sent: number;
  /** Sends refused with `blocked` (403). */
  blocked: number;
  /** Whether the run began and ended in the same clock hour: the window of an hourly limit never reset during it. */
  withinOneHour: boolean;
}

/**
 * What an attacker sends the verifier over HTTP, from a checkout origin the brand allows: numbers the risk engine
 * refuses at entry, and a pumping run across one number range.
 */
export class FraudAttacks {
  constructor(
    private readonly verifierUrl: string,
    private readonly origin: string,
  ) {}

  /** Creates a session with `phone` typed at the checkout: the status of the creation (422 when refused). */
  async enterNumber(brand: string, phone: string): Promise<number> {
    return (await this.createSession(brand, phone)).status;
  }

  /**
   * One session and one send per number of `range` (numbers sharing everything but their last 4 digits), as an SMS
   * pumping run does. Any answer other than sent (202) or blocked (403 `blocked`) fails the run.
   */
  async pump(brand: string, range: string, count: number): Promise<PumpRun> {
    const startedAt = Date.now();
    const run = { sent: 0, blocked: 0 };
    for (let index = 0; index < count; index += 1) {
      const created = await this.createSession(brand, `${range}${String(index).padStart(4, '0')}`);
      if (created.status !== 201) throw new Error(`session refused: ${created.status} ${await created.text()}`);
      const session = (await created.json()) as { id: string; clientSecret: string };
      const send = await this.post(
        `/v1/sessions/${session.id}/send`,
        {},
        { authorization: `Bearer ${session.clientSecret}` },
      );
      const answer = send.status === 202 ? 'sent' : ((await send.json()) as { code?: string }).code;
      if (answer === 'sent') run.sent += 1;
      else if (send.status === 403 && answer === 'blocked') run.blocked += 1;
      else throw new Error(`send answered ${send.status} ${answer}`);
    }
    const withinOneHour = Math.floor(startedAt / HOUR_MS) === Math.floor(Date.now() / HOUR_MS);
    return { ...run, withinOneHour };
  }

  private createSession(brand: string, phone: string): Promise<Response> {
    const order = { id: `fraud-${Date.now()}-${Math.random().toString(36).slice(2)}`, amount: 2_500, currency: 'EUR' };
    return this.post('/v1/sessions', { brand, order, phone });
  }

  private post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.verifierUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.origin, ...headers },
      body: JSON.stringify(body),
    });
  }
}
