import type { Locale } from '@otp-verify/element/i18n';
import { escapeHtml } from '../escape-html.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { tr } from './tr.js';
import type { LocaleTemplates, Translation } from './template.js';

const CODE_STYLE = 'font-size:28px;font-weight:700;letter-spacing:4px';

/** The HTML of a plain-text email template: one paragraph per blank-line-separated block, the code set large. */
function htmlOf(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) =>
      block === '{code}'
        ? `<p style="${CODE_STYLE}">{code}</p>`
        : `<p>${escapeHtml(block).replaceAll('\n', '<br>')}</p>`,
    )
    .join('\n');
}

function withHtml(translation: Translation): LocaleTemplates {
  return { ...translation, email: { ...translation.email, html: htmlOf(translation.email.text) } };
}

/** The default SMS and email of every locale the element has a catalog for. */
export const DEFAULT_TEMPLATES: Readonly<Record<Locale, LocaleTemplates>> = {
  en: withHtml(en),
  de: withHtml(de),
  fr: withHtml(fr),
  es: withHtml(es),
  it: withHtml(it),
  nl: withHtml(nl),
  pl: withHtml(pl),
  pt: withHtml(pt),
  tr: withHtml(tr),
  ar: withHtml(ar),
};

export type { EmailTemplate, LocaleTemplates } from './template.js';
