import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ELEMENT_TOKEN_SET } from '../src/index.js';
import { makeThemesDir, themeCss, themesDirWithTheme } from './support/theme-folders.js';

// The built command, as the root build script and scripts/check.sh run it (so this test needs `pnpm run build`).
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const run = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [CLI, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });

const badTheme = () => themesDirWithTheme(themeCss('\n  --otp-colour-brand: red;'));

describe('otp-verify-themes', () => {
  it('check exits 0 and says so for good themes', async () => {
    const { code, stdout } = await run('check', await themesDirWithTheme(themeCss()));
    expect(code).toBe(0);
    const pairCount = ELEMENT_TOKEN_SET.pairs.length * 2;
    expect(stdout).toBe(`fixture: ok (${pairCount} contrast pairs pass in light and dark)\n`);
  });

  it('check exits 1 and prints every problem for a refused theme', async () => {
    const { code, stderr } = await run('check', await badTheme());
    expect(code).toBe(1);
    expect(stderr).toContain(
      'fixture: theme.css line 6: unknown token --otp-colour-brand: did you mean --otp-color-brand?',
    );
    expect(stderr).toContain('1 of 1 themes refused, 1 problems');
  });

  it('build publishes nothing when the check fails', async () => {
    const outDir = path.join(await makeThemesDir({}), 'published');
    const { code } = await run('build', await badTheme(), outDir);
    expect(code).toBe(1);
    await expect(access(outDir)).rejects.toThrow();
  });

  it('build publishes checked themes with an index', async () => {
    const outDir = path.join(await makeThemesDir({}), 'published');
    const { code, stdout } = await run('build', await themesDirWithTheme(themeCss()), outDir);
    expect(code).toBe(0);
    expect(stdout).toContain(`published 1 themes (2 files) and index.json to ${outDir}`);
    expect(JSON.parse(await readFile(path.join(outDir, 'index.json'), 'utf8')).brands[0].id).toBe('fixture');
  });

  it('report --markdown prints the contrast table, even for failing themes', async () => {
    const { code, stdout } = await run('report', await badTheme(), '--markdown');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\| Brand \| Scheme \|/);
  });

  it('an unknown command prints the usage and exits 2', async () => {
    const { code, stderr } = await run('publish');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: otp-verify-themes check/);
  });
});
