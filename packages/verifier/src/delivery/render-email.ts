import { textDirection } from '@otp-verify/element/i18n';
import { escapeHtml } from './escape-html.js';
import type { EmailTemplate } from './templates/template.js';
import type { TemplateValues } from './templates/variables.js';
import { TEMPLATE_VARIABLES, fillTemplate } from './templates/variables.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The email of a code, in the language `tag` (the HTML's lang and dir). Every value in the HTML
 * is escaped (a brand name is operator input, still not markup), and the subject is kept to one line: a line
 * break in a header would start a header of its own.
 */
export function renderEmail(template: EmailTemplate, values: TemplateValues, tag: string): RenderedEmail {
  const subject = fillTemplate(template.subject, values).replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
  const escaped = Object.fromEntries(
    TEMPLATE_VARIABLES.map((name) => [name, escapeHtml(values[name])]),
  ) as TemplateValues;
  const html =
    `<!doctype html>\n<html lang="${escapeHtml(tag)}" dir="${textDirection(tag)}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(subject)}</title></head>\n<body>\n${fillTemplate(template.html, escaped)}\n</body></html>`;
  return { subject, text: fillTemplate(template.text, values), html };
}
