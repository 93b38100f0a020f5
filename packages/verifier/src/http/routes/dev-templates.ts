import { Router } from 'express';
import { z } from 'zod';
import type { Brand, BrandRegistry } from '../../config/brands.js';
import { VerificationError } from '../../domain/errors.js';
import { escapeHtml } from '../../delivery/escape-html.js';
import { LARGEST_AMOUNT_TEXT } from '../../delivery/longest-sms.js';
import type { TemplatePreview } from '../../usecases/preview-templates.js';
import { previewLocale, previewTemplates } from '../../usecases/preview-templates.js';
import { billedAs, devPage, devTable } from '../dev-page.js';
import { methodNotAllowed } from './method-not-allowed.js';

const querySchema = z.strictObject({
  brand: z.string().min(1).max(64).optional(),
  locale: z.string().min(1).max(35).optional(),
});

/**
 * The template preview: every brand's SMS and email per locale, with the encoding and segments of the SMS.
 * `?brand=` shows one brand, `?locale=` what a customer with that locale gets. Mounted only in dev mode.
 */
export function devTemplateRoutes(brands: BrandRegistry): Router {
  const router = Router();
  router
    .route('/dev/templates')
    .get((req, res) => {
      const query = querySchema.safeParse(req.query);
      if (!query.success) {
        throw new VerificationError('invalid_request', 'Use ?brand=<brand id>&locale=<BCP 47 tag>, each optional.');
      }
      const { brand: id, locale } = query.data;
      const shown = id === undefined ? brands.all() : [brandOrThrow(brands, id)];
      const rows = shown.flatMap((brand) => previewTemplates(brand, { locale }).map((preview) => row(brand, preview)));
      res.set('Cache-Control', 'no-store').type('html').send(templatesPage(rows));
    })
    .all(methodNotAllowed('GET'));
  return router;
}

function brandOrThrow(brands: BrandRegistry, id: string): Brand {
  const brand = brands.get(id);
  if (brand === undefined) throw new VerificationError('unknown_brand', `No brand has the id "${id}".`);
  return brand;
}

function row(brand: Brand, preview: TemplatePreview): string {
  const { text, size, maxSegments } = preview.sms;
  const billing = `${billedAs(size)} of at most ${maxSegments}; ${[...text].length} characters`;
  const email =
    `<strong>${escapeHtml(preview.email.subject)}</strong><pre>${escapeHtml(preview.email.text)}</pre>` +
    `<details><summary>HTML</summary><pre>${escapeHtml(preview.email.html)}</pre></details>`;
  return (
    `<tr><td>${escapeHtml(brand.displayName)} (${escapeHtml(brand.id)})</td>` +
    `<td>${escapeHtml(previewLocale(preview))}</td><td><pre>${escapeHtml(text)}</pre></td>` +
    `<td>${escapeHtml(billing)}</td><td>${email}</td></tr>`
  );
}

function templatesPage(rows: string[]): string {
  return devPage({
    title: 'Message templates',
    intro: escapeHtml(
      'Each brand’s SMS and email per locale, with the longest values its SMS limit is checked against at ' +
        `start: a code of the brand’s length, its longest checkout host and ${LARGEST_AMOUNT_TEXT} ` +
        'in the longest currency format. ?brand=<id> shows one brand, ?locale=<tag> what a customer with that ' +
        'locale gets (dev mode only).',
    ),
    table: devTable(['Brand', 'Locale', 'SMS', 'Billed as', 'Email'], rows, 'No brand matches.'),
  });
}
