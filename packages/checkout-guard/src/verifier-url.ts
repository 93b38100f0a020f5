import { JWKS_PATH, REDEMPTIONS_PATH, TOKEN_REFUSALS_PATH } from './contract.js';

export interface VerifierUrlOptions {
  /**
   * Allow plain http to a host other than localhost/127.0.0.1/[::1]. Keys and the secret key travel over this
   * connection, so only ever for a private test network. Default false.
   */
  allowInsecureHttp?: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * Parses a verifier (or JWKS) URL given by the checkout server's configuration. Refuses anything but https,
 * except http to the local machine: the JWKS decides which signatures are trusted and the redemption call
 * carries the secret key (OWASP ASVS 5.0 V12.3.1, TLS for all outbound connections).
 */
export function parseVerifierUrl(input: string | URL, options: VerifierUrlOptions = {}): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new TypeError(`checkout-guard: ${JSON.stringify(String(input))} is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`checkout-guard: the verifier URL must be https (got ${url.protocol})`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && options.allowInsecureHttp !== true) {
    throw new TypeError(
      `checkout-guard: the verifier URL must be https unless it is this machine (got ${url.origin}); ` +
        'set allowInsecureHttp only for a private test network',
    );
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new TypeError('checkout-guard: the verifier URL must not carry credentials, a query or a fragment');
  }
  return url;
}

/** The verifier's base URL without a trailing slash: the default expected `iss` (API.md: the verifier's public URL). */
export function verifierBase(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `{verifierUrl}/.well-known/jwks.json`, or the URL itself when it already names a JSON document. */
export function jwksUrlOf(url: URL): URL {
  if (url.pathname.endsWith('.json')) return new URL(url.href);
  return new URL(`${verifierBase(url)}${JWKS_PATH}`);
}

/** `{verifierUrl}/v1/redemptions`. */
export function redemptionsUrlOf(url: URL): URL {
  return new URL(`${verifierBase(url)}${REDEMPTIONS_PATH}`);
}

/** `{verifierUrl}/v1/token-refusals`. */
export function tokenRefusalsUrlOf(url: URL): URL {
  return new URL(`${verifierBase(url)}${TOKEN_REFUSALS_PATH}`);
}
