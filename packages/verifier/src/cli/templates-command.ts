import { orderSchema } from '@otp-verify/protocol';
import { loadBrands } from '../config/brands.js';
import type { TemplatePreview, PreviewOrder } from '../usecases/preview-templates.js';
import { previewLocale, previewTemplates } from '../usecases/preview-templates.js';
import { segmentCount, unitsOf } from '../delivery/sms-size.js';
import { LARGEST_AMOUNT_TEXT } from '../delivery/longest-sms.js';
import { brandsPath, parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';

export const TEMPLATES_USAGE = `  otp-verify templates preview --brand ID [--brands DIR] [--locale TAG] [--channel sms|email]
                             [--amount MINOR_UNITS [--currency EUR]]
                                         print the brand's SMS (encoding, characters, segments) or email
                                         per locale; without --amount the longest SMS, the one judged
                                         against the brand's sms.maxSegments at start`;

const OPTIONS = {
  brands: { type: 'string' },
  brand: { type: 'string' },
  locale: { type: 'string' },
  channel: { type: 'string', default: 'sms' },
  amount: { type: 'string' },
  currency: { type: 'string' },
} as const;

/** `otp-verify templates preview …`: the text to print. The brands come from --brands, else OTP_VERIFY_BRANDS. */
export function templatesCommand(args: string[], env: NodeJS.ProcessEnv): string {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'preview') {
    throw new UsageError(
      subcommand === undefined
        ? 'templates needs a subcommand: preview'
        : `unknown templates subcommand "${subcommand}"`,
    );
  }
  const options = parseOptions('templates preview', rest, OPTIONS);
  const brandsDirectory = brandsPath('templates preview', options.brands, env);
  if (options.brand === undefined) throw new UsageError('templates preview: --brand ID is required');
  const channel = options.channel;
  if (channel !== 'sms' && channel !== 'email') {
    throw new UsageError(`templates preview: --channel must be sms or email (got "${channel}")`);
  }
  const brand = loadBrands(brandsDirectory).get(options.brand);
  if (brand === undefined) throw new UsageError(`templates preview: no brand "${options.brand}" in ${brandsDirectory}`);
  const order = orderOption(options.amount, options.currency);
  const previews = previewTemplates(brand, { locale: options.locale, order });
  const amount =
    order === undefined
      ? `${LARGEST_AMOUNT_TEXT} in the longest currency format`
      : `${order.amount} ${order.currency} (minor units)`;
  return [
    `${brand.id} (${brand.displayName}): amount ${amount}, code ${brand.effectivePolicy.codeLength} digits, ` +
      `SMS limit ${segmentCount(brand.sms.maxSegments)}`,
    ...previews.map((preview) => (channel === 'sms' ? smsBlock(preview) : emailBlock(preview))),
  ].join('\n\n');
}

function orderOption(amount: string | undefined, currency: string | undefined): PreviewOrder | undefined {
  if (amount === undefined) {
    if (currency !== undefined) throw new UsageError('templates preview: --currency goes with --amount');
    return undefined;
  }
  const order = orderSchema
    .pick({ amount: true, currency: true })
    .safeParse({ amount: /^\d+$/.test(amount) ? Number(amount) : amount, currency: currency ?? 'EUR' });
  if (!order.success) {
    throw new UsageError(
      `templates preview: --amount must be whole minor units (cents) and --currency an ISO 4217 code (got ${amount} ${currency ?? 'EUR'})`,
    );
  }
  return order.data;
}

function heading(preview: TemplatePreview, channel: string): string {
  return `== ${previewLocale(preview)}, ${channel}`;
}

function smsBlock(preview: TemplatePreview): string {
  const { text, size, maxSegments } = preview.sms;
  return (
    `${heading(preview, 'SMS')}: ${size.encoding}, ${[...text].length} characters (${size.units} ${unitsOf(size)}), ` +
    `${segmentCount(size.segments)} of at most ${maxSegments}\n${text}`
  );
}

function emailBlock(preview: TemplatePreview): string {
  const { subject, text, html } = preview.email;
  return `${heading(preview, 'email')}\nSubject: ${subject}\n\n${text}\n\n${html}`;
}
