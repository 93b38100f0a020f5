import { brandRegistry } from '../../src/config/brands.js';
import type { StoredEvent } from '../../src/store/port.js';
import type { ApiResponse } from './api.js';
import { ACME, rawTestBrands } from './brands.js';
import type { FixtureOptions, VerifierFixture } from './fixture.js';
import { startTestVerifier } from './fixture.js';
import { createAndSend } from './limits.js';

/**
 * A verifier on the test brands with Acme's `risk` policy (over the defaults) and optional `captcha`, behind a
 * trusted proxy so each request can come from its own address (`X-Forwarded-For`).
 */
export function startRiskVerifier(
  acme: { risk?: Record<string, unknown>; captcha?: Record<string, unknown> } = {},
  options: FixtureOptions = {},
): Promise<VerifierFixture> {
  const raw = rawTestBrands();
  const brand = raw.brands.find((candidate) => candidate.id === ACME.id) as Record<string, unknown>;
  Object.assign(brand, acme);
  return startTestVerifier({ brands: brandRegistry(raw, 'risk test brands'), trustProxy: ['loopback'], ...options });
}

let address = 0;

/** A client address no other request of the run used: an attacker rotating addresses, or many customers. */
export function freshIp(): string {
  address += 1;
  return `198.18.${Math.floor(address / 250) % 250}.${(address % 250) + 1}`;
}

/** Creates a session for `phone` from a fresh address and asks for its code. */
export async function sendFromFreshIp(fixture: VerifierFixture, phone: string): Promise<ApiResponse> {
  return (await createAndSend(fixture.api, phone, { ip: freshIp() })).sent;
}

/** The events of one type the verifier appended, oldest first. */
export function eventsOfType(fixture: VerifierFixture, type: string): StoredEvent[] {
  return fixture.verifier.context.store.listEvents({ limit: 10_000 }).filter((event) => event.type === type);
}
