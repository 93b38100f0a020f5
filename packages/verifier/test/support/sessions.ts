import { NEW_SESSION_PROGRESS, type Session } from '../../src/domain/session.js';
import { DEFAULT_POLICY } from '../../src/domain/policy.js';
import { CLOCK_START } from './clock.js';

let sequence = 0;

/** A session row as create-session would insert it (status created, no code yet), for domain and store tests. */
export function makeSession(overrides: Partial<Session> = {}): Session {
  sequence += 1;
  const createdAt = overrides.createdAt ?? CLOCK_START;
  return {
    id: `ses_test_${sequence}`,
    brand: 'acme',
    order: { id: 'order-1001', amount: 12999, currency: 'EUR' },
    locale: 'en',
    status: 'created',
    clientSecretHash: 'client-secret-hash',
    phoneE164: '+491701234567',
    phoneRef: 'phone-ref',
    phoneMasked: '••• 67',
    email: null,
    checkoutHost: 'shop.acme.test',
    policy: { ...DEFAULT_POLICY },
    createdAt,
    expiresAt: createdAt + DEFAULT_POLICY.sessionLifetimeSeconds * 1000,
    ...NEW_SESSION_PROGRESS,
    ...overrides,
  };
}
