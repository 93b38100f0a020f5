import type { Operator } from '../auth/operators.js';
import { HttpProblem } from './problem.js';

export interface BrandName {
  id: string;
  name: string;
}

/** The brands the dashboard knows, with their display names (from the verifier's brands directory). */
export interface BrandNames {
  all(): BrandName[];
  has(id: string): boolean;
}

/**
 * The brand a request may see (OWASP ASVS V4.1 / V4.2: access control enforced on the server): an analyst
 * always gets their own, and asking for another is refused; an operator gets the one asked for, or every
 * brand (undefined) when none is.
 */
export function scopedBrand(user: Operator, requested: string | undefined, brands: BrandNames): string | undefined {
  if (user.role === 'analyst') {
    if (requested !== undefined && requested !== user.brand) {
      throw new HttpProblem('forbidden_brand', 'An analyst sees their own brand only.');
    }
    return user.brand as string;
  }
  if (requested !== undefined && !brands.has(requested)) {
    throw new HttpProblem('invalid_filter', `brand: no brand "${requested}".`);
  }
  return requested;
}

/** The brands a user may see. */
export function visibleBrands(user: Operator, brands: BrandNames): BrandName[] {
  return brands.all().filter((brand) => user.role === 'operator' || brand.id === user.brand);
}
