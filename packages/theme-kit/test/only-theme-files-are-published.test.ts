import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkThemes, ELEMENT_TOKEN_SET } from '../src/index.js';
import { MAX_FILE_BYTES } from '../src/theme-folder.js';
import { SAFE_LOGO, makeThemesDir, themeCss } from './support/theme-folders.js';

const problemsIn = async (themesDir: string) =>
  (await checkThemes(themesDir, ELEMENT_TOKEN_SET)).flatMap((result) => result.problems);

describe('a brand folder', () => {
  it('needs a logo.svg and a theme.css', async () => {
    expect(await problemsIn(await makeThemesDir({ fixture: {} }))).toEqual([
      'fixture: theme.css is missing',
      'fixture: logo.svg is missing',
    ]);
  });

  it('may hold further SVG assets, checked like the logo', async () => {
    const themesDir = await makeThemesDir({
      fixture: {
        'theme.css': themeCss(),
        'logo.svg': SAFE_LOGO,
        'mark.svg': '<svg xmlns="http://www.w3.org/2000/svg"><a/></svg>',
      },
    });
    expect(await problemsIn(themesDir)).toEqual(['fixture: mark.svg: <a> is not a drawing element']);
  });

  it('refuses files that would run on the element’s origin once published (HTML, JS)', async () => {
    const themesDir = await makeThemesDir({
      fixture: { 'theme.css': themeCss(), 'logo.svg': SAFE_LOGO, 'login.html': '<form>', 'x.js': 'alert(1)' },
    });
    expect(await problemsIn(themesDir)).toEqual([
      'fixture: login.html: not a theme file (only theme.css and .svg assets are published)',
      'fixture: x.js: not a theme file (only theme.css and .svg assets are published)',
    ]);
  });

  it('refuses a symbolic link, which would publish a file from elsewhere', async () => {
    const themesDir = await makeThemesDir({ fixture: { 'theme.css': themeCss() } });
    await symlink('/etc/hostname', path.join(themesDir, 'fixture', 'logo.svg'));
    expect(await problemsIn(themesDir)).toEqual([
      'fixture: logo.svg: symbolic links are not published',
      'fixture: logo.svg is missing',
    ]);
  });

  it('refuses sub-folders, oversized files and a folder name that is not a brand id', async () => {
    const themesDir = await makeThemesDir({
      'Bad Brand': { 'theme.css': themeCss(), 'logo.svg': `${SAFE_LOGO}${' '.repeat(MAX_FILE_BYTES)}` },
    });
    await mkdir(path.join(themesDir, 'Bad Brand', 'fonts'));
    await writeFile(path.join(themesDir, 'README.md'), 'not a brand');
    expect(await problemsIn(themesDir)).toEqual([
      'Bad Brand: the folder name is not a brand id (lower-case letters, digits, -)',
      'Bad Brand: fonts: not a theme file (only theme.css and .svg assets are published)',
      `Bad Brand: logo.svg: ${SAFE_LOGO.length + MAX_FILE_BYTES} bytes, more than ${MAX_FILE_BYTES}`,
      'Bad Brand: logo.svg is missing',
    ]);
  });

  it('refuses a folder name that is not a brand id of the wire contract (no trailing dash)', async () => {
    const themesDir = await makeThemesDir({ 'acme-': { 'theme.css': themeCss(), 'logo.svg': SAFE_LOGO } });
    expect(await problemsIn(themesDir)).toEqual([
      'acme-: the folder name is not a brand id (lower-case letters, digits, -)',
    ]);
  });

  it('is required: a themes folder without any brand is an error', async () => {
    await expect(checkThemes(await makeThemesDir({}), ELEMENT_TOKEN_SET)).rejects.toThrow(/no brand folders/);
  });
});
