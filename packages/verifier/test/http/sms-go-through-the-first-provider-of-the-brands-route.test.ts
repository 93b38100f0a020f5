import { describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import type { MessageProvider, ProviderMessage } from '../../src/delivery/provider.js';
import { providerNames } from '../../src/delivery/providers.js';
import { ApiClient, createSession } from '../support/api.js';
import { ACME, INITECH, rawTestBrands, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';

/** What the recording provider was given to send. */
const recorded: ProviderMessage[] = [];
const recording: MessageProvider = {
  name: 'recording',
  send: (message) => {
    recorded.push(message);
    return Promise.resolve({ providerMessageId: `recorded-${recorded.length}` });
  },
};

/** The test brands, initech's SMS routed through the recording provider first; acme keeps the default route. */
function brands() {
  const raw = rawTestBrands();
  Object.assign(raw.brands[2] as Record<string, unknown>, {
    delivery: { sms: ['recording', 'dev-inbox'] },
    senderId: 'Initech',
  });
  return brandRegistry(raw, 'test brands', providerNames({ recording }));
}

const fixture = useTestVerifier({ brands: brands(), providers: { recording } });

async function sendTo(phone: string, brand: { id: string; origin: string }): Promise<void> {
  const api = new ApiClient(fixture.url, brand.origin);
  const session = await createSession(api, phone, {}, brand.id);
  expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
}

describe('the SMS route of a brand (delivery.sms)', () => {
  it('sends through its first provider, not the dev inbox', async () => {
    const phone = uniqueMobile();
    await sendTo(phone, INITECH);
    expect(recorded).toEqual([
      expect.objectContaining({ to: phone, channel: 'sms', body: expect.stringMatching(/^Initech Mobilfunk: /) }),
    ]);
    expect(await fixture.api.inbox(phone)).toEqual([]);
  });

  it('hands the provider the brand’s sender id and a fresh idempotency key per message', async () => {
    const phone = uniqueMobile();
    await sendTo(phone, INITECH);
    await sendTo(uniqueMobile(), INITECH);
    const [first, second] = recorded.slice(-2);
    expect(first).toMatchObject({ to: phone, sender: 'Initech', idempotencyKey: expect.stringMatching(/^msg_/) });
    expect(second?.idempotencyKey).not.toBe(first?.idempotencyKey);
  });

  it('leaves another brand on its own route (the dev inbox by default)', async () => {
    const phone = uniqueMobile();
    await sendTo(phone, ACME);
    expect(recorded.filter((message) => message.to === phone)).toEqual([]);
    expect(await fixture.api.inbox(phone)).toEqual([expect.objectContaining({ to: phone, channel: 'sms' })]);
  });
});
