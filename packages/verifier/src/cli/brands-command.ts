import { loadBrands } from '../config/brands.js';
import { newKeyId, newSecretKey } from '../config/new-secret-key.js';
import { brandsPath, parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';

export const BRANDS_USAGE = `  otp-verify brands check [--brands DIR]
                                         load and validate the brand files as serve does; list the brands
  otp-verify brands new-key [--id ID]    a new secret key for a brand: the key (for its checkout server) and
                                         the secretKeys entry (its SHA-256) for the brand file; the id is
                                         by default the month and 4 random hex digits (2026-11-3fa9)`;

/** `otp-verify brands …`: the text to print. The brands come from --brands, else OTP_VERIFY_BRANDS. */
export function brandsCommand(args: string[], env: NodeJS.ProcessEnv, today = new Date()): string {
  const [subcommand, ...rest] = args;
  if (subcommand === 'check') return checkBrands(rest, env);
  if (subcommand === 'new-key') return newKey(rest, today);
  throw new UsageError(
    subcommand === undefined
      ? 'brands needs a subcommand: check or new-key'
      : `unknown brands subcommand "${subcommand}"`,
  );
}

function checkBrands(args: string[], env: NodeJS.ProcessEnv): string {
  const values = parseOptions('brands check', args, { brands: { type: 'string' } });
  const path = brandsPath('brands check', values.brands, env);
  const brands = loadBrands(path).all();
  const lines = brands.map(
    (brand) =>
      `  ${brand.id}: ${brand.displayName}; ${brand.countries.join(', ')}; ${brand.locales.join(', ')}; ` +
      `${brand.effectivePolicy.codeLength}-digit codes`,
  );
  return [`${path}: ${brands.length} brand${brands.length === 1 ? '' : 's'}, valid`, ...lines].join('\n');
}

function newKey(args: string[], today: Date): string {
  const values = parseOptions('brands new-key', args, { id: { type: 'string' } });
  const { secretKey, entry } = newSecretKey(values.id ?? newKeyId(today));
  return [
    `Secret key (give it to the brand's checkout server; it is not shown again and not stored):`,
    `  ${secretKey}`,
    `Add to the brand file's "secretKeys":`,
    `  ${JSON.stringify(entry)}`,
  ].join('\n');
}
