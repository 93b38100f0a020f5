import type { Order } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import { messageLocale } from '../config/brand-locales.js';
import { brandTemplates } from '../config/brand-templates.js';
import type { MessageValues } from './message-values.js';
import { messageValues } from './message-values.js';
import { renderSms } from './render-sms.js';

export interface BrandSmsInput {
  /** The session's locale: the page's wish, which the SMS meets with the brand's closest locale. */
  requestedLocale: string | undefined;
  order: Pick<Order, 'amount' | 'currency'>;
  validitySeconds: number;
  code: string;
  /** The host of the checkout page, for the WebOTP line. */
  checkoutHost: string;
}

/** The SMS a session of the brand gets: the send and the preview both make it here, so they cannot differ. */
export function brandSms(
  brand: Pick<Brand, 'displayName' | 'locales' | 'templates'>,
  input: BrandSmsInput,
): { text: string; values: MessageValues } {
  const { locale, tag } = messageLocale(brand.locales, input.requestedLocale);
  const values = messageValues({
    brandName: brand.displayName,
    order: input.order,
    tag,
    validitySeconds: input.validitySeconds,
    code: input.code,
  });
  return { text: renderSms(brandTemplates(brand.templates, locale).sms, values, input.checkoutHost), values };
}
