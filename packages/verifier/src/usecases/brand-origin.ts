import type { Brand } from '../config/brands.js';
import { VerificationError } from '../domain/errors.js';

/** The page's origin, when it is one of the brand's allowed origins: a brand id is public, its origins are not. */
export function pageOrigin(brand: Brand, origin: string | undefined): string {
  if (origin === undefined || !brand.allowedOrigins.includes(origin)) {
    throw new VerificationError('origin_not_allowed', `This page’s origin may not use brand "${brand.id}".`);
  }
  return origin;
}
