import { describe, expect, it } from 'vitest';
import { sessionWithCode } from '../support/api.js';
import { uniqueMobile } from '../support/brands.js';
import { startTestVerifier, useTestVerifier } from '../support/fixture.js';

const fixture = useTestVerifier();

describe('operations endpoints', () => {
  it('/healthz answers 200', async () => {
    const response = await fixture.api.request('GET', '/healthz', { origin: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 while the store is reachable', async () => {
    const response = await fixture.api.request('GET', '/readyz', { origin: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready' });
  });

  it('/metrics is Prometheus text with otp_verify_ counters that count what happened', async () => {
    const phone = uniqueMobile();
    const session = await sessionWithCode(fixture.api, phone);
    await fixture.api.check(session.id, session.clientSecret, session.code === '000000' ? '000001' : '000000');
    await fixture.api.check(session.id, session.clientSecret, session.code);

    const response = await fixture.api.request('GET', '/metrics', { origin: null });
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body as string;
    for (const name of [
      'otp_verify_sessions_created_total',
      'otp_verify_codes_sent_total',
      'otp_verify_checks_total',
      'otp_verify_redemptions_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} counter`);
    }
    expect(text).toMatch(/^otp_verify_sessions_created_total\{brand="acme"\} 1$/m);
    expect(text).toMatch(/^otp_verify_codes_sent_total\{brand="acme",channel="sms"\} 1$/m);
    expect(text).toMatch(/^otp_verify_checks_total\{brand="acme",result="invalid_code"\} 1$/m);
    expect(text).toMatch(/^otp_verify_checks_total\{brand="acme",result="verified"\} 1$/m);
    expect(text).not.toContain(phone.slice(1));
  });

  it('/metrics shows the outbox: queue depth by state, attempts by result, the time to the provider', async () => {
    await sessionWithCode(fixture.api, uniqueMobile());
    const text = (await fixture.api.request('GET', '/metrics', { origin: null })).body as string;
    expect(text).toContain('# TYPE otp_verify_outbox_messages gauge');
    for (const state of ['queued', 'sending', 'dead']) {
      expect(text).toMatch(new RegExp(`^otp_verify_outbox_messages\\{state="${state}"\\} 0$`, 'm'));
    }
    expect(text).toMatch(
      /^otp_verify_delivery_attempts_total\{provider="dev-inbox",channel="sms",result="sent"\} [1-9]/m,
    );
    expect(text).toContain('# TYPE otp_verify_delivery_latency_seconds histogram');
    expect(text).toMatch(/^otp_verify_delivery_latency_seconds_count\{provider="dev-inbox",channel="sms"\} [1-9]/m);
  });

  it('/readyz answers 503 once the store is gone, while /healthz still answers', async () => {
    const own = await startTestVerifier();
    try {
      own.verifier.context.store.close();
      const ready = await own.api.request('GET', '/readyz', { origin: null });
      expect(ready.status).toBe(503);
      expect((await own.api.request('GET', '/healthz', { origin: null })).status).toBe(200);
    } finally {
      await own.dispose();
    }
  });
});
