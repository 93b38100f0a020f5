/**
 * Coarse, stable traits of this browser that need no storage and no permission. Screen sides are sorted so turning
 * a phone does not change them.
 */
export function browserTraits(): string {
  const { width, height, colorDepth } = screen;
  return [
    navigator.userAgent,
    navigator.languages.join(','),
    Intl.DateTimeFormat().resolvedOptions().timeZone,
    `${Math.max(width, height)}x${Math.min(width, height)}x${colorDepth}`,
    navigator.hardwareConcurrency,
    navigator.platform,
  ].join('|');
}

/**
 * The base64url SHA-256 of the browser's traits, for the verifier's per-client velocity limits. Nothing is stored
 * on the device (no cookie, no storage: ePrivacy). Undefined where there is no crypto.subtle (a page over http).
 */
export async function browserFingerprint(): Promise<string | undefined> {
  try {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(browserTraits()));
    return btoa(String.fromCharCode(...new Uint8Array(digest)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  } catch {
    return undefined;
  }
}
