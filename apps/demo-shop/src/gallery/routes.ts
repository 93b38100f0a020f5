import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router } from 'express';
import type { ShopBrand } from '../shop-config.js';
import { galleryColumns, themeFolders } from './columns.js';
import { galleryPage } from './page.js';
import { scriptedVerifier } from './scripted-verifier.js';
import { GALLERY_STATES } from './states.js';
import { scopeTheme } from './theme-scope.js';

export interface GalleryOptions {
  brands: readonly ShopBrand[];
  themesDir: string;
  /** The real verifier, for the brands' settings. */
  verifierUrl: string;
}

/**
 * The theme gallery, mounted at `/gallery`: the page, each brand's theme scoped to its cells
 * (`/gallery/themes/<id>.css`) and the scripted answers the cells talk to (`/gallery/verifier/<state>/v1/…`).
 */
export function galleryRoutes({ brands, themesDir, verifierUrl }: GalleryOptions): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    const columns = galleryColumns(themesDir, brands);
    res
      .set('Cache-Control', 'no-store')
      .send(galleryPage({ columns, states: GALLERY_STATES, verifierBase: '/gallery/verifier' }));
  });
  router.get('/themes/:file', async (req, res, next) => {
    const id = req.params.file.replace(/\.css$/, '');
    if (!req.params.file.endsWith('.css') || !themeFolders(themesDir).includes(id)) {
      next();
      return;
    }
    const css = await readFile(join(themesDir, id, 'theme.css'), 'utf8');
    res.type('text/css').set('Cache-Control', 'no-cache').send(scopeTheme(id, css));
  });
  router.use('/verifier', scriptedVerifier({ verifierUrl }));
  return router;
}
