#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { ThemeResult } from './check-theme.js';
import { checkThemes } from './check-themes.js';
import { ELEMENT_TOKEN_SET } from './element-tokens.js';
import { DEFAULT_OUT_DIR, DEFAULT_THEMES_DIR } from './paths.js';
import { publishThemes } from './publish.js';
import { formatContrastReport } from './report.js';

const USAGE = `usage: otp-verify-themes check [themesDir]          refuse themes with unknown tokens, low contrast, unsafe assets
       otp-verify-themes report [themesDir] [--markdown]  the contrast table: brand x scheme x pair
       otp-verify-themes build [themesDir] [outDir]    check, then publish to outDir with an index.json
defaults: themesDir ${DEFAULT_THEMES_DIR}, outDir ${DEFAULT_OUT_DIR}`;

async function main(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { markdown: { type: 'boolean' } },
  });
  const [command, themesDir = DEFAULT_THEMES_DIR, outDir = DEFAULT_OUT_DIR] = positionals;
  if (command === 'report') {
    const results = await checkThemes(themesDir, ELEMENT_TOKEN_SET);
    console.log(formatContrastReport(results, { markdown: values.markdown }));
    return 0;
  }
  if (command === 'check' || command === 'build') {
    const results = await checkThemes(themesDir, ELEMENT_TOKEN_SET);
    if (!printCheck(results)) return 1;
    if (command === 'build') {
      const index = await publishThemes(results, outDir);
      const fileCount = index.brands.reduce((count, brand) => count + brand.files.length, 0);
      console.log(`published ${index.brands.length} themes (${fileCount} files) and index.json to ${outDir}`);
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
}

/** Prints each brand's verdict; true when every theme passes. */
function printCheck(results: readonly ThemeResult[]): boolean {
  for (const { brand, problems, contrast } of results) {
    if (problems.length === 0) {
      const schemes = [...new Set(contrast.map((result) => result.scheme))].join(' and ');
      console.log(`${brand}: ok (${contrast.length} contrast pairs pass in ${schemes})`);
    } else {
      for (const problem of problems) console.error(problem);
    }
  }
  const failed = results.filter((result) => result.problems.length > 0);
  const problemCount = failed.reduce((count, result) => count + result.problems.length, 0);
  if (failed.length > 0) {
    console.error(`${failed.length} of ${results.length} themes refused, ${problemCount} problems`);
  }
  return failed.length === 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`otp-verify-themes: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
