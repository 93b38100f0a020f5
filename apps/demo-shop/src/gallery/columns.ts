import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ShopBrand } from '../shop-config.js';

export type Scheme = 'light' | 'dark';
const SCHEMES: readonly Scheme[] = ['light', 'dark'];

/** One column of the gallery: a theme (none: the element's defaults) in one colour scheme. */
export interface GalleryColumn {
  /** The brand whose theme the column wears; undefined for the element's defaults. */
  theme: string | undefined;
  /** The brand whose settings (text, countries, code length) the column's elements load. */
  brand: ShopBrand;
  scheme: Scheme;
}

/** The theme folders (`<themesDir>/<id>/theme.css`), by id: a designer's new folder shows before its brand exists. */
export function themeFolders(themesDir: string): string[] {
  return readdirSync(themesDir)
    .sort()
    .filter((id) => existsSync(join(themesDir, id, 'theme.css')));
}

/**
 * The element's defaults first, then every theme folder, each on a light and a dark page. A column loads its
 * brand's settings (text, countries, code length), or the first shop brand's for a theme without a brand yet.
 * Read on every request, so a new theme folder shows without a restart.
 */
export function galleryColumns(themesDir: string, shopBrands: readonly ShopBrand[]): GalleryColumn[] {
  const [defaultsBrand] = shopBrands;
  if (defaultsBrand === undefined) return [];
  const byId = new Map(shopBrands.map((brand) => [brand.id, brand]));
  const themes = [
    { theme: undefined, brand: defaultsBrand },
    ...themeFolders(themesDir).map((id) => ({ theme: id, brand: byId.get(id) ?? defaultsBrand })),
  ];
  return themes.flatMap((column) => SCHEMES.map((scheme) => ({ ...column, scheme })));
}
