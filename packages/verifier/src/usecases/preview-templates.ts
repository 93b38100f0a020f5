import type { Locale } from '@otp-verify/element/i18n';
import type { Brand } from '../config/brands.js';
import { messageLocale } from '../config/brand-locales.js';
import { brandTemplates, smsSample } from '../config/brand-templates.js';
import type { SmsSample } from '../delivery/longest-sms.js';
import { brandSms } from '../delivery/brand-messages.js';
import { longestSms, sampleCode } from '../delivery/longest-sms.js';
import type { RenderedEmail } from '../delivery/render-email.js';
import { renderEmail } from '../delivery/render-email.js';
import type { SmsSize } from '../delivery/sms-size.js';
import { smsSize } from '../delivery/sms-size.js';

export interface TemplatePreview {
  /** The locale asked for, and the brand's locale it gets (as a session would). */
  requested: string;
  locale: Locale;
  tag: string;
  /** The order's currency: given, or the one whose format makes the longest SMS. */
  currency: string;
  sms: { text: string; size: SmsSize; maxSegments: number };
  email: RenderedEmail;
}

export interface PreviewOrder {
  /** In minor units, as in API.md. */
  amount: number;
  currency: string;
}

export interface PreviewOptions {
  /** A BCP 47 tag; by default each of the brand's locales. */
  locale?: string | undefined;
  /** An order to render; by default the longest SMS, the one judged against `sms.maxSegments` at start. */
  order?: PreviewOrder | undefined;
}

/** The locale a preview is in, and the one asked for when it differs: "en (asked for fr-CH)". */
export function previewLocale(preview: TemplatePreview): string {
  return preview.requested === preview.tag ? preview.tag : `${preview.tag} (asked for ${preview.requested})`;
}

/** The brand's SMS and email per locale, rendered with a code of its length and its longest checkout host. */
export function previewTemplates(brand: Brand, options: PreviewOptions = {}): TemplatePreview[] {
  const sample = smsSample(brand);
  return (options.locale === undefined ? brand.locales : [options.locale]).map((requested) => {
    const { locale, tag } = messageLocale(brand.locales, requested);
    const templates = brandTemplates(brand.templates, locale);
    const sms =
      options.order === undefined
        ? longestSms(templates.sms, sample, tag)
        : smsForOrder(brand, sample, requested, options.order);
    return {
      requested,
      locale,
      tag,
      currency: sms.currency,
      sms: { text: sms.text, size: sms.size, maxSegments: brand.sms.maxSegments },
      email: renderEmail(templates.email, sms.values, tag),
    };
  });
}

function smsForOrder(brand: Brand, sample: SmsSample, requestedLocale: string, order: PreviewOrder) {
  const { text, values } = brandSms(brand, {
    requestedLocale,
    order,
    validitySeconds: sample.validitySeconds,
    code: sampleCode(sample.codeLength),
    checkoutHost: sample.checkoutHost,
  });
  return { text, size: smsSize(text), currency: order.currency, values };
}
