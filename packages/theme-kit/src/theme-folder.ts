import { lstat, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { BRAND_ID_PATTERN } from '@otp-verify/protocol';

export interface ThemeFolder {
  brand: string;
  /** The files a theme may publish, by name: theme.css and SVG assets. */
  files: ReadonlyMap<string, Buffer>;
  problems: readonly string[];
}

const PUBLISHABLE = /^(theme\.css|[a-z0-9][a-z0-9._-]*\.svg)$/;
/** Far above any real logo or theme; a bigger file is a mistake or an attack on the checkout page's load time. */
export const MAX_FILE_BYTES = 100_000;

/** The brand folders in a themes directory (every sub-folder; README.md and such beside them are not brands). */
export async function listThemeFolders(themesDir: string): Promise<string[]> {
  const entries = await readdir(themesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Reads one brand folder. Only plain files named like theme assets are read: a symlink could publish a file
 * from outside the folder, and an HTML or JS file published next to the element's script would run on its
 * origin.
 */
export async function readThemeFolder(themesDir: string, brand: string): Promise<ThemeFolder> {
  const problems: string[] = [];
  const files = new Map<string, Buffer>();
  if (!BRAND_ID_PATTERN.test(brand)) problems.push(`the folder name is not a brand id (lower-case letters, digits, -)`);
  const folder = path.join(themesDir, brand);
  for (const name of (await readdir(folder)).sort()) {
    const stats = await lstat(path.join(folder, name));
    if (stats.isSymbolicLink()) problems.push(`${name}: symbolic links are not published`);
    else if (!stats.isFile() || !PUBLISHABLE.test(name)) {
      problems.push(`${name}: not a theme file (only theme.css and .svg assets are published)`);
    } else if (stats.size > MAX_FILE_BYTES) problems.push(`${name}: ${stats.size} bytes, more than ${MAX_FILE_BYTES}`);
    else files.set(name, await readFile(path.join(folder, name)));
  }
  return { brand, files, problems };
}
