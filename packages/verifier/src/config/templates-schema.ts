import { z } from 'zod';
import { largestAmountIn, longestSms } from '../delivery/longest-sms.js';
import { unitsOf } from '../delivery/sms-size.js';
import type { TemplateVariable } from '../delivery/templates/variables.js';
import { TEMPLATE_VARIABLES, isTemplateVariable, variablesOf } from '../delivery/templates/variables.js';
import type { BrandSmsParts } from './brand-templates.js';
import { brandTemplates, smsSample } from './brand-templates.js';
import { brandLocaleProblem, parseLocale } from './brand-locales.js';

/** A brand's own SMS and email templates, by locale (see refineBrandTemplates). */
export const brandTemplatesSchema = z.strictObject({
  sms: z.record(z.string(), z.string().min(1).max(1000)).optional(),
  email: z
    .record(
      z.string(),
      z.strictObject({
        subject: z.string().min(1).max(200),
        text: z.string().min(1).max(10_000),
        html: z.string().min(1).max(50_000),
      }),
    )
    .optional(),
});
export type BrandTemplates = z.infer<typeof brandTemplatesSchema>;

const DEFAULT_MAX_SEGMENTS = 2;

/** How many segments (each billed as one SMS) the brand's longest SMS may take. */
export const smsSettingsSchema = z
  .strictObject({ maxSegments: z.number().int().min(1).max(3).default(DEFAULT_MAX_SEGMENTS) })
  .default({ maxSegments: DEFAULT_MAX_SEGMENTS });

/**
 * What each template must carry: the brand and the amount make a forwarded code useless for another order
 * (dynamic linking, PSD2 RTS art. 5), and the code is the point. A subject only has to say who writes.
 */
const REQUIRED: Record<'sms' | 'subject' | 'text' | 'html', readonly TemplateVariable[]> = {
  sms: ['brand', 'amount', 'code'],
  subject: ['brand'],
  text: ['brand', 'amount', 'code'],
  html: ['brand', 'amount', 'code'],
};

const listVariables = (names: readonly string[]) => names.map((name) => `{${name}}`).join(', ');

/** A line like "@shop.example #123456": the WebOTP line, which the renderer appends itself. */
const WEBOTP_LINE = /^[ \t]*@\S+[ \t]+#/m;

function templateProblems(template: string, kind: keyof typeof REQUIRED): string[] {
  const used = variablesOf(template);
  const unknown = [...new Set(used.filter((name) => !isTemplateVariable(name)))];
  const missing = REQUIRED[kind].filter((name) => !used.includes(name));
  return [
    ...unknown.map((name) => `{${name}} is not a variable (the variables are ${listVariables(TEMPLATE_VARIABLES)})`),
    ...(missing.length > 0
      ? [`must contain ${listVariables(missing)}: every message names the brand and the amount and carries the code`]
      : []),
    ...(kind === 'sms' && WEBOTP_LINE.test(template)
      ? [
          'has a WebOTP line ("@host #code") written by hand: leave it out, the verifier appends "@<checkout host> #<code>"',
        ]
      : []),
  ];
}

interface BrandWithTemplates extends BrandSmsParts {
  id: string;
  locales: readonly string[];
  sms: { maxSegments: number };
  templates?: BrandTemplates | undefined;
}

/**
 * A brand's templates: for a locale of the brand's (by language: `de` serves de-DE and de-AT), each using only
 * the variables, with the brand, the amount and the code, and no hand-written WebOTP line. Each problem names the
 * brand, the locale and the field.
 */
export function refineBrandTemplates(brand: BrandWithTemplates, context: z.RefinementCtx): void {
  const report = (path: (string | number)[], problem: string) =>
    context.addIssue({ code: 'custom', path, message: `brand "${brand.id}": ${problem}` });
  const checkLocale = (channel: 'sms' | 'email', locale: string): boolean => {
    const problem = brandLocaleProblem(locale, brand.locales, 'templates');
    if (problem !== undefined) report(['templates', channel, locale], problem);
    return problem === undefined;
  };
  for (const [locale, template] of Object.entries(brand.templates?.sms ?? {})) {
    if (!checkLocale('sms', locale)) continue;
    for (const problem of templateProblems(template, 'sms')) report(['templates', 'sms', locale], problem);
  }
  for (const [locale, email] of Object.entries(brand.templates?.email ?? {})) {
    if (!checkLocale('email', locale)) continue;
    for (const field of ['subject', 'text', 'html'] as const) {
      for (const problem of templateProblems(email[field], field))
        report(['templates', 'email', locale, field], problem);
    }
  }
  refineSmsLength(brand, report);
}

/**
 * Refuses a brand whose SMS in one of its locales can take more than `sms.maxSegments` segments: the template
 * (its own or the default) rendered with its longest values (longest-sms.ts).
 */
function refineSmsLength(brand: BrandWithTemplates, report: (path: (string | number)[], problem: string) => void) {
  const sample = smsSample(brand);
  brand.locales.forEach((tag, index) => {
    const parsed = parseLocale(tag);
    if (parsed === undefined) return;
    const longest = longestSms(brandTemplates(brand.templates, parsed.locale).sms, sample, parsed.tag);
    if (longest.size.segments <= brand.sms.maxSegments) return;
    const own = brand.templates?.sms?.[parsed.locale] !== undefined;
    const { encoding, segments, units } = longest.size;
    const rendering =
      `${units} ${unitsOf(longest.size)} with a ${sample.codeLength}-digit code, ` +
      `host ${sample.checkoutHost} and ${largestAmountIn(longest.currency)}, the largest order amount`;
    const shorten = own ? 'shorten it' : `write a shorter templates.sms.${parsed.locale}`;
    report(
      own ? ['templates', 'sms', parsed.locale] : ['locales', index],
      `the ${own ? '' : 'default '}SMS for "${tag}" takes up to ${segments} segments in ${encoding} (${rendering}), ` +
        `more than sms.maxSegments (${brand.sms.maxSegments}): ${shorten} or the display name, or raise sms.maxSegments`,
    );
  });
}
