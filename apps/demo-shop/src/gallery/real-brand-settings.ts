import type { BrandSettings, Problem } from '@otp-verify/protocol';
import type { Answer } from './scripted-answers.js';
import { verifierDown } from './scripted-answers.js';

/**
 * `GET /v1/brands/:brand?locale=` from the real verifier: the brand's own messages, countries and phone
 * metadata, or its error as it is. A verifier that cannot be reached reads as one that is down.
 */
export async function realBrandSettings(
  verifierUrl: string,
  brand: string,
  locale: string | undefined,
): Promise<Answer<BrandSettings | Problem>> {
  const query = locale === undefined ? '' : `?${new URLSearchParams({ locale })}`;
  try {
    const response = await fetch(`${verifierUrl.replace(/\/+$/, '')}/v1/brands/${encodeURIComponent(brand)}${query}`, {
      headers: { Accept: 'application/json, application/problem+json' },
    });
    return { status: response.status, body: (await response.json()) as BrandSettings | Problem };
  } catch {
    return verifierDown();
  }
}
