import { Router } from 'express';
import type { PublicDocument } from '../../config/brands.js';
import { messageLocale } from '../../config/brand-locales.js';
import type { VerifierContext } from '../../usecases/context.js';
import { VerificationError } from '../../domain/errors.js';
import { methodNotAllowed } from './method-not-allowed.js';

const PUBLIC_CACHE = 'public, max-age=300';
/**
 * A rotated-in key signs at once, so caches in front of the JWKS must let checkout guards (which refetch on an
 * unknown kid, at a bounded rate) see it within seconds.
 */
const JWKS_CACHE = 'public, max-age=10, must-revalidate';

/** The cacheable public documents: brand settings (per locale), the JWKS and the OpenAPI description. */
export function publicDocumentRoutes(context: VerifierContext, openApi: object): Router {
  const router = Router();
  router
    .route('/v1/brands/:brand')
    .get((req, res) => {
      const brand = context.brands.get(req.params.brand);
      if (brand === undefined)
        throw new VerificationError('unknown_brand', `No brand has the id "${req.params.brand}".`);
      // One document per language of the brand: a missing, unknown or malformed ?locale= gets its first, as the
      // customer's SMS does.
      const requested = typeof req.query.locale === 'string' ? req.query.locale : undefined;
      const { locale } = messageLocale(brand.locales, requested);
      const { body, etag } = brand.publicSettings.get(locale) as PublicDocument;
      res.set({ ETag: etag, 'Cache-Control': PUBLIC_CACHE });
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.json(body);
    })
    .all(methodNotAllowed('GET'));
  router
    .route('/.well-known/jwks.json')
    .get((_req, res) => {
      res.set('Cache-Control', JWKS_CACHE).json(context.keys.jwks);
    })
    .all(methodNotAllowed('GET'));
  router
    .route('/v1/openapi.json')
    .get((_req, res) => {
      res.set('Cache-Control', PUBLIC_CACHE).json(openApi);
    })
    .all(methodNotAllowed('GET'));
  return router;
}
