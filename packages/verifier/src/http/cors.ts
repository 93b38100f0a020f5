import type { RequestHandler } from 'express';
import type { BrandRegistry } from '../config/brands.js';

/**
 * CORS for the pages of configured brands only. Which brand an origin may act for is checked
 * again by the routes; this only lets the browser through for origins some brand allows.
 */
export function brandCors(brands: BrandRegistry): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin !== undefined && brands.isAllowedOrigin(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Expose-Headers', 'Retry-After, ETag');
      if (req.method === 'OPTIONS') {
        res.set('Access-Control-Allow-Methods', 'GET, POST');
        res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        res.set('Access-Control-Max-Age', '600');
      }
    }
    res.vary('Origin');
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}
