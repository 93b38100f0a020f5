/**
 * What an attacker sends the verifier over HTTP, from a checkout origin the brand allows: numbers the risk engine
 * refuses at entry, and a pumping run across one number range. Each returns the HTTP statuses the verifier answered.
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
   * One session and one send per number of `range` (numbers sharing everything but their last digits), as an SMS
   * pumping run does: the statuses of the sends (202 sent, 403 blocked).
   */
  async pump(brand: string, range: string, count: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const created = await this.createSession(brand, `${range}${String(index).padStart(4, '0')}`);
      if (created.status !== 201) {
        statuses.push(created.status);
        continue;
      }
      const session = (await created.json()) as { id: string; clientSecret: string };
      const sent = await this.post(
        `/v1/sessions/${session.id}/send`,
        {},
        { authorization: `Bearer ${session.clientSecret}` },
      );
      statuses.push(sent.status);
    }
    return statuses;
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
