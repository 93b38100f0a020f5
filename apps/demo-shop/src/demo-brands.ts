import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo's brands directory (`config/brands/<id>.json`), as `npm start` runs it. */
export const demoBrandsDirectory = fileURLToPath(new URL('../config/brands/', import.meta.url));

export interface DemoBrandsTarget {
  /** The origins the brands accept sessions from (the shop of this run, examples...). */
  allowedOrigins: string[];
  /** The shop's own origin: it plays the brands' customer-auth service. */
  customerAuthIssuer: string;
  /** File-wide limits (`platform.json`), for runs that send more codes than the demo's defaults allow. */
  limits?: object;
}

interface BrandFile {
  allowedOrigins: string[];
  customerAuth?: { issuer: string };
}

/**
 * Writes the demo brands into `directory` for a shop on another origin (tests, benchmarks): each brand file
 * with `allowedOrigins` and its customer-auth issuer set to the target's, and `platform.json` with its limits.
 */
export function writeDemoBrands(directory: string, target: DemoBrandsTarget, source = demoBrandsDirectory): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(source).filter((file) => file.endsWith('.json') && file !== 'platform.json')) {
    const brand = JSON.parse(readFileSync(join(source, name), 'utf8')) as BrandFile;
    brand.allowedOrigins = target.allowedOrigins;
    if (brand.customerAuth) brand.customerAuth.issuer = target.customerAuthIssuer;
    writeFileSync(join(directory, name), JSON.stringify(brand), { mode: 0o600 });
  }
  if (target.limits) writeFileSync(join(directory, 'platform.json'), JSON.stringify({ limits: target.limits }));
}
