import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import type { CaptchaConfig } from '../../src/config/risk-services-schema.js';
import { SiteverifyCaptcha } from '../../src/directory/captcha/siteverify-captcha.js';
import type { SiteverifyStandIn } from '../../src/directory/captcha/siteverify-stand-in.js';
import { startSiteverifyStandIn } from '../../src/directory/captcha/siteverify-stand-in.js';
import type { TestGateway } from '../delivery/http-gateway-test-server.js';
import { answer, closedGatewayUrl, neverAnswer, startTestGateway } from '../delivery/http-gateway-test-server.js';
import { recordingLogger } from './recording-logger.js';

const SECRET = 'captcha-secret-acme';
const IP = '203.0.113.7';
const captchaAt = (verifyUrl: string, timeoutMs = 1000): CaptchaConfig => ({
  siteKey: 'site-key',
  verifyUrl,
  secretEnv: 'ACME_CAPTCHA_SECRET',
  timeoutMs,
});

/** A challenged send goes out only for a token the brand's captcha service vouches for (fails closed). */
describe('siteverify captcha tokens pass only when the service says so', () => {
  const log = recordingLogger();
  let standIn: SiteverifyStandIn;
  let captcha: SiteverifyCaptcha;
  beforeAll(async () => {
    standIn = await startSiteverifyStandIn({ secret: SECRET });
    captcha = new SiteverifyCaptcha(
      [{ id: 'acme', captcha: captchaAt(standIn.url) }, { id: 'globex' }],
      { ACME_CAPTCHA_SECRET: SECRET },
      log.logger,
    );
  });
  afterAll(() => standIn.stop());

  it('passes a solved challenge once: a replayed token fails (siteverify timeout-or-duplicate)', async () => {
    const token = standIn.issueToken();
    expect(await captcha.verify('acme', token, IP)).toBe('passed');
    expect(await captcha.verify('acme', token, IP)).toBe('failed');
  });

  it.each([
    ['a made-up token', 'pass-made-up'],
    ['an empty token', ''],
  ])('fails %s', async (_case, token) => {
    expect(await captcha.verify('acme', token, IP)).toBe('failed');
  });

  it('fails a token over 2048 characters without sending it, even to a service that accepts anything', async () => {
    const lenient = await startSiteverifyStandIn({ secret: SECRET, acceptTokens: () => true });
    const verifier = new SiteverifyCaptcha(
      [{ id: 'acme', captcha: captchaAt(lenient.url) }],
      { ACME_CAPTCHA_SECRET: SECRET },
      log.logger,
    );
    expect(await verifier.verify('acme', 'x'.repeat(2048), IP)).toBe('passed');
    expect(await verifier.verify('acme', 'x'.repeat(2049), IP)).toBe('failed');
    await lenient.stop();
  });

  it("sends the client's address: a service that binds tokens to it refuses another one", async () => {
    const bound = await startSiteverifyStandIn({ secret: SECRET, acceptTokens: (_token, ip) => ip === IP });
    const verifier = new SiteverifyCaptcha(
      [{ id: 'acme', captcha: captchaAt(bound.url) }],
      { ACME_CAPTCHA_SECRET: SECRET },
      log.logger,
    );
    expect(await verifier.verify('acme', 'pass-a', '198.51.100.9')).toBe('failed');
    expect(await verifier.verify('acme', 'pass-a', IP)).toBe('passed');
    await bound.stop();
  });

  it('fails every token when the service refuses the secret, and says so in the log', async () => {
    const wrong = new SiteverifyCaptcha(
      [{ id: 'acme', captcha: captchaAt(standIn.url) }],
      { ACME_CAPTCHA_SECRET: 'old' },
      log.logger,
    );
    expect(await wrong.verify('acme', standIn.issueToken(), IP)).toBe('failed');
    expect(log.entries().at(-1)).toMatchObject({ brand: 'acme', level: 50 });
  });

  it('is unavailable for a brand without a captcha', async () => {
    expect(await captcha.verify('globex', standIn.issueToken(), IP)).toBe('unavailable');
  });

  // OWASP ASVS v4.0.3 2.10.4: secrets from the environment; a missing one stops the start, named.
  it('stops the start when a brand secret variable is missing, naming brand, field and variable', () => {
    const start = () => new SiteverifyCaptcha([{ id: 'acme', captcha: captchaAt(standIn.url) }], {}, log.logger);
    expect(start).toThrow(ConfigError);
    expect(start).toThrow('brand "acme": captcha.secretEnv: the environment variable ACME_CAPTCHA_SECRET is not set');
  });

  describe('is unavailable when the service gives no clear answer', () => {
    let broken: TestGateway;
    beforeAll(async () => {
      broken = await startTestGateway();
    });
    afterAll(() => broken.close());
    const verifyWith = (url: string) =>
      new SiteverifyCaptcha(
        [{ id: 'acme', captcha: captchaAt(url, 300) }],
        { ACME_CAPTCHA_SECRET: SECRET },
        log.logger,
      ).verify('acme', 'pass-token', IP);

    it.each([
      ['500', answer(500, JSON.stringify({ success: true }))],
      ['a body that is not JSON', answer(200, 'ok', 'text/plain')],
      ['success that is not a boolean', answer(200, JSON.stringify({ success: 'true' }))],
      ['no answer within the timeout', neverAnswer],
    ])('%s', async (_case, behaviour) => {
      broken.behave(behaviour);
      const started = performance.now();
      expect(await verifyWith(broken.url)).toBe('unavailable');
      expect(performance.now() - started).toBeLessThan(500);
    });

    it('a service that is down', async () => {
      expect(await verifyWith(await closedGatewayUrl())).toBe('unavailable');
    });

    it('posts secret, response and remoteip as a form', async () => {
      broken.behave(answer(200, JSON.stringify({ success: true })));
      expect(await verifyWith(broken.url)).toBe('passed');
      expect(Object.fromEntries(new URLSearchParams(broken.received.at(-1)?.body))).toEqual({
        secret: SECRET,
        response: 'pass-token',
        remoteip: IP,
      });
    });
  });
});
