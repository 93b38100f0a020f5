import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkThemes, ELEMENT_TOKEN_SET, publishThemes } from '../src/index.js';
import { SAFE_LOGO, makeThemesDir, themeCss } from './support/theme-folders.js';

const sha384 = (content: string) => `sha384-${createHash('sha384').update(content).digest('base64')}`;

describe('publishing themes', () => {
  it('copies each brand’s files and writes an index with a Subresource Integrity hash per file', async () => {
    const css = themeCss();
    const themesDir = await makeThemesDir({ acme: { 'theme.css': css, 'logo.svg': SAFE_LOGO } });
    const outDir = path.join(themesDir, 'out');

    await publishThemes(await checkThemes(themesDir, ELEMENT_TOKEN_SET), outDir);

    expect(await readFile(path.join(outDir, 'acme', 'theme.css'), 'utf8')).toBe(css);
    expect(await readFile(path.join(outDir, 'acme', 'logo.svg'), 'utf8')).toBe(SAFE_LOGO);
    expect(JSON.parse(await readFile(path.join(outDir, 'index.json'), 'utf8'))).toEqual({
      brands: [
        {
          id: 'acme',
          files: [
            { path: 'acme/logo.svg', bytes: SAFE_LOGO.length, integrity: sha384(SAFE_LOGO) },
            { path: 'acme/theme.css', bytes: css.length, integrity: sha384(css) },
          ],
        },
      ],
    });
  });

  it('publishes the element’s rules only: the demo page’s :root rules would change a brand’s own page', async () => {
    const css = themeCss();
    const page = ':root {\n  color-scheme: dark;\n  --shop-bg: #000000;\n}\n\n';
    const themesDir = await makeThemesDir({ nova: { 'theme.css': page + css, 'logo.svg': SAFE_LOGO } });
    const outDir = path.join(themesDir, 'out');

    const index = await publishThemes(await checkThemes(themesDir, ELEMENT_TOKEN_SET), outDir);

    const published = await readFile(path.join(outDir, 'nova', 'theme.css'), 'utf8');
    expect(published).not.toContain(':root');
    expect(published).not.toContain('--shop-bg');
    expect(published).toBe(css);
    expect(index.brands[0]?.files).toContainEqual({
      path: 'nova/theme.css',
      bytes: published.length,
      integrity: sha384(published),
    });
  });

  it('replaces a previous publication whole, so a removed brand is no longer served', async () => {
    const themesDir = await makeThemesDir({ acme: { 'theme.css': themeCss(), 'logo.svg': SAFE_LOGO } });
    const outDir = path.join(await makeThemesDir({}), 'out');
    await mkdir(path.join(outDir, 'gone'), { recursive: true });
    await writeFile(path.join(outDir, 'index.json'), '{"brands":[{"id":"gone","files":[]}]}');

    await publishThemes(await checkThemes(themesDir, ELEMENT_TOKEN_SET), outDir);

    expect((await readdir(outDir)).sort()).toEqual(['acme', 'index.json']);
  });

  it('refuses to replace a folder that is not a previous publication', async () => {
    const themesDir = await makeThemesDir({ acme: { 'theme.css': themeCss(), 'logo.svg': SAFE_LOGO } });
    const outDir = path.join(themesDir, 'acme');

    await expect(publishThemes(await checkThemes(themesDir, ELEMENT_TOKEN_SET), outDir)).rejects.toThrow(
      /not a themes folder/,
    );
    expect((await readdir(outDir)).sort()).toEqual(['logo.svg', 'theme.css']);
  });
});
