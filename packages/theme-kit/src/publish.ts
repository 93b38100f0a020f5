import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ThemeResult } from './check-theme.js';
import { elementOnlyCss } from './element-only-css.js';

export interface PublishedFile {
  /** Relative to the index: `<brand>/<name>`. */
  path: string;
  bytes: number;
  /** Subresource Integrity hash, ready for `<link integrity>`: `sha384-<base64>`. */
  integrity: string;
}

export interface ThemeIndex {
  brands: { id: string; files: PublishedFile[] }[];
}

export const INDEX_FILE = 'index.json';

/**
 * Writes each checked brand's files to `<outDir>/<brand>/` (theme.css without the demo page's `:root` rules) and an
 * index.json listing them with their hashes.
 * The folder is replaced whole, so a removed brand or asset is not served on; a folder that holds something
 * other than a previous publication is left alone.
 */
export async function publishThemes(themes: readonly ThemeResult[], outDir: string): Promise<ThemeIndex> {
  await clearPreviousPublication(outDir);
  const index: ThemeIndex = { brands: [] };
  for (const { brand, files } of themes) {
    await mkdir(path.join(outDir, brand), { recursive: true });
    const published: PublishedFile[] = [];
    for (const [name, source] of files) {
      const content = name === 'theme.css' ? Buffer.from(elementOnlyCss(source.toString())) : source;
      await writeFile(path.join(outDir, brand, name), content);
      published.push({ path: `${brand}/${name}`, bytes: content.length, integrity: integrityOf(content) });
    }
    index.brands.push({ id: brand, files: published });
  }
  await writeFile(path.join(outDir, INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}

const integrityOf = (content: Buffer) => `sha384-${createHash('sha384').update(content).digest('base64')}`;

async function clearPreviousPublication(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch((error: NodeJS.ErrnoException): string[] => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0 && !entries.includes(INDEX_FILE)) {
    throw new Error(`${outDir} is not empty and holds no ${INDEX_FILE}: not a themes folder, refusing to replace it`);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
}
