// The element's size budget, checked by `npm test`: what a shopper downloads before the code step appears.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS_KB = {
  'packages/element/dist/otp-verify.iife.js': 25,
  'packages/element/dist/otp-verify.js': 25,
};

let overBudget = false;
for (const [file, budgetKb] of Object.entries(BUDGETS_KB)) {
  let source;
  try {
    source = readFileSync(file);
  } catch {
    console.error(`bundle size: ${file} is missing. Run \`pnpm run build\` first.`);
    process.exit(1);
  }
  const gzipKb = gzipSync(source, { level: 9 }).length / 1024;
  const verdict = gzipKb <= budgetKb ? 'ok' : 'OVER BUDGET';
  console.log(`bundle size: ${file} ${gzipKb.toFixed(1)} KB gzip (budget ${budgetKb} KB) ${verdict}`);
  overBudget ||= gzipKb > budgetKb;
}
if (overBudget) {
  console.error(
    'bundle size: over budget. Find what grew with `pnpm --filter @otp-verify/element build` and its report.',
  );
  process.exit(1);
}
