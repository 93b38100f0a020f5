import type { Locale } from '@otp-verify/element/i18n';
import { effectivePolicy } from '../domain/policy.js';
import type { SmsSample } from '../delivery/longest-sms.js';
import type { LocaleTemplates } from '../delivery/templates/index.js';
import { DEFAULT_TEMPLATES } from '../delivery/templates/index.js';
import type { BrandTemplates } from './templates-schema.js';

/** A brand's messages in a locale: its own templates where it has them, the defaults for the rest. */
export function brandTemplates(templates: BrandTemplates | undefined, locale: Locale): LocaleTemplates {
  const defaults = DEFAULT_TEMPLATES[locale];
  return {
    sms: templates?.sms?.[locale] ?? defaults.sms,
    email: templates?.email?.[locale] ?? defaults.email,
  };
}

/** The parts of a brand its SMS are made of. */
export interface BrandSmsParts {
  displayName: string;
  allowedOrigins: readonly string[];
  policy: { codeLength?: number | undefined; codeValiditySeconds?: number | undefined };
}

/**
 * The brand's widest SMS besides the amount: its code length and validity, and the longest host of its allowed
 * origins (the WebOTP line names the host of the page the session was created on).
 */
export function smsSample(brand: BrandSmsParts): SmsSample {
  const policy = effectivePolicy(brand.policy);
  return {
    brandName: brand.displayName,
    codeLength: policy.codeLength,
    validitySeconds: policy.codeValiditySeconds,
    checkoutHost: brand.allowedOrigins
      .map((origin) => URL.parse(origin)?.hostname ?? '')
      .reduce((longest, host) => (host.length > longest.length ? host : longest), ''),
  };
}
