// Size budgets, checked by `npm test`: what a shopper downloads before the code step appears, and what an analyst
// downloads before the dashboard draws.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The page's scripts (vite names them by content hash). */
const scriptsIn = (dir) => {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.js'))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
};

const BUDGETS = [
  { what: 'packages/element/dist/otp-verify.iife.js', files: ['packages/element/dist/otp-verify.iife.js'], kb: 25 },
  { what: 'packages/element/dist/otp-verify.js', files: ['packages/element/dist/otp-verify.js'], kb: 25 },
  { what: 'the dashboard page (apps/dashboard/dist/web)', files: scriptsIn('apps/dashboard/dist/web/assets'), kb: 45 },
];

let overBudget = false;
for (const { what, files, kb: budgetKb } of BUDGETS) {
  let gzipKb = 0;
  try {
    if (files.length === 0) throw new Error('no script');
    for (const file of files) gzipKb += gzipSync(readFileSync(file), { level: 9 }).length / 1024;
  } catch {
    console.error(`bundle size: ${what} is missing. Run \`pnpm run build\` first.`);
    process.exit(1);
  }
  const verdict = gzipKb <= budgetKb ? 'ok' : 'OVER BUDGET';
  console.log(`bundle size: ${what} ${gzipKb.toFixed(1)} KB gzip (budget ${budgetKb} KB) ${verdict}`);
  overBudget ||= gzipKb > budgetKb;
}
if (overBudget) {
  console.error('bundle size: over budget. Find what grew with the package build and its report.');
  process.exit(1);
}
