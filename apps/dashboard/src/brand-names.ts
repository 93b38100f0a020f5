import type { BrandRegistry } from '@otp-verify/verifier';
import { loadBrands } from '@otp-verify/verifier';
import type { BrandName, BrandNames } from './http/brand-scope.js';

/** The brands' ids and display names, from the verifier's brands directory (or file) or a loaded registry. */
export function brandNames(source: string | BrandRegistry): BrandNames {
  const registry = typeof source === 'string' ? loadBrands(source) : source;
  const names: BrandName[] = registry
    .all()
    .map((brand) => ({ id: brand.id, name: brand.displayName }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set(names.map((brand) => brand.id));
  return { all: () => names.map((brand) => ({ ...brand })), has: (id) => ids.has(id) };
}
