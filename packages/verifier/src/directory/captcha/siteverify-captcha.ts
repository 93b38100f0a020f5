import type { Logger } from 'pino';
import type { BrandConfig } from '../../config/brand-schema.js';
import type { CaptchaConfig } from '../../config/risk-services-schema.js';
import { secretFromEnv } from '../../config/env-secret.js';
import { jsonObject, postForJson } from '../post-for-json.js';
import type { CaptchaVerifier } from './captcha-verifier.js';

/** reCAPTCHA's and Turnstile's documented largest response token; longer ones are not sent anywhere. */
const MAX_TOKEN_LENGTH = 2048;

/**
 * Verifies captcha tokens with each brand's siteverify endpoint (reCAPTCHA, hCaptcha, Turnstile): POST form
 * `secret`, `response`, `remoteip`; `{ success: true }` passes, `{ success: false }` fails, anything else (no
 * answer within `timeoutMs`, another status, a body that is not that JSON) is `unavailable`. Every brand's secret
 * is read from the environment at start: a missing one stops the start (OWASP ASVS v4.0.3 2.10.4).
 */
export class SiteverifyCaptcha implements CaptchaVerifier {
  readonly #services = new Map<string, { config: CaptchaConfig; secret: string }>();
  readonly #logger: Logger;

  constructor(brands: readonly Pick<BrandConfig, 'id' | 'captcha'>[], env: NodeJS.ProcessEnv, logger: Logger) {
    for (const { id, captcha } of brands) {
      if (captcha === undefined) continue;
      const secret = secretFromEnv(`brand "${id}": captcha.secretEnv`, captcha.secretEnv, env);
      this.#services.set(id, { config: captcha, secret });
    }
    this.#logger = logger.child({ component: 'captcha' });
  }

  async verify(brandId: string, token: string, remoteIp: string): Promise<'passed' | 'failed' | 'unavailable'> {
    const service = this.#services.get(brandId);
    if (service === undefined) return 'unavailable';
    if (token === '' || token.length > MAX_TOKEN_LENGTH) return 'failed';
    const deadline = AbortSignal.timeout(service.config.timeoutMs);
    const form = new URLSearchParams({ secret: service.secret, response: token, remoteip: remoteIp });
    try {
      const answer = await postForJson(
        service.config.verifyUrl,
        { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        form.toString(),
        deadline,
      );
      const body = jsonObject(answer.json);
      if (answer.status === 200 && typeof body?.success === 'boolean') {
        if (hasErrorCode(body, 'invalid-input-secret')) {
          this.#logger.error({ brand: brandId }, "the captcha service refuses the brand's secret (captcha.secretEnv)");
        }
        return body.success ? 'passed' : 'failed';
      }
      this.#logger.warn({ brand: brandId, status: answer.status }, 'the captcha service did not answer siteverify');
    } catch {
      this.#logger.warn(
        {
          brand: brandId,
          problem: deadline.aborted ? `no answer within ${service.config.timeoutMs} ms` : 'unreachable',
        },
        'the captcha service could not be asked',
      );
    }
    return 'unavailable';
  }
}

function hasErrorCode(body: Record<string, unknown>, code: string): boolean {
  const codes = body['error-codes'];
  return Array.isArray(codes) && codes.includes(code);
}
