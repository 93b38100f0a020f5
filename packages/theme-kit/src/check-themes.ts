import { checkTheme, type ThemeResult } from './check-theme.js';
import { listThemeFolders, readThemeFolder } from './theme-folder.js';
import type { TokenSet } from './token-set.js';

/** Checks every brand folder in a themes directory; a directory without any is an error in itself. */
export async function checkThemes(themesDir: string, tokenSet: TokenSet): Promise<ThemeResult[]> {
  const brands = await listThemeFolders(themesDir);
  if (brands.length === 0) throw new Error(`no brand folders in ${themesDir}`);
  const folders = await Promise.all(brands.map((brand) => readThemeFolder(themesDir, brand)));
  return folders.map((folder) => checkTheme(folder, tokenSet));
}
