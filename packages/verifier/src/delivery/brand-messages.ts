import type { Order } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import { messageLocale } from '../config/brand-locales.js';
import { brandTemplates } from '../config/brand-templates.js';
import type { MessageValues } from './message-values.js';
import { messageValues } from './message-values.js';
import type { RenderedEmail } from './render-email.js';
import { renderEmail } from './render-email.js';
import { renderSms } from './render-sms.js';

export interface BrandMessageInput {
  /** The session's locale: the page's wish, which the SMS meets with the brand's closest locale. */
  requestedLocale: string | undefined;
  order: Pick<Order, 'amount' | 'currency'>;
  validitySeconds: number;
  code: string;
  /** The host of the checkout page, for the WebOTP line. */
  checkoutHost: string;
}

type MessageBrand = Pick<Brand, 'displayName' | 'locales' | 'templates'>;

function brandMessage(brand: MessageBrand, input: BrandMessageInput) {
  const { locale, tag } = messageLocale(brand.locales, input.requestedLocale);
  const values = messageValues({
    brandName: brand.displayName,
    order: input.order,
    tag,
    validitySeconds: input.validitySeconds,
    code: input.code,
  });
  return { templates: brandTemplates(brand.templates, locale), tag, values };
}

/** The SMS a session of the brand gets: the send and the preview both make it here, so they cannot differ. */
export function brandSms(brand: MessageBrand, input: BrandMessageInput): { text: string; values: MessageValues } {
  const { templates, values } = brandMessage(brand, input);
  return { text: renderSms(templates.sms, values, input.checkoutHost), values };
}

/** The email of the same code, in the same language. */
export function brandEmail(brand: MessageBrand, input: BrandMessageInput): RenderedEmail {
  const { templates, tag, values } = brandMessage(brand, input);
  return renderEmail(templates.email, values, tag);
}
