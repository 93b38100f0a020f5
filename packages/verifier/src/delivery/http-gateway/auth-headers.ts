import { ConfigError } from '../../config/config-error.js';
import type { HttpGatewayAuth } from './config-schema.js';

export interface GatewayAuth {
  headers: Record<string, string>;
  /** Every form of the secret, to keep out of error messages. */
  secrets: string[];
}

/**
 * The authentication header of a gateway, its secret read from the environment once, at start (OWASP ASVS
 * v4.0.3 2.10.4: no secret in files). A missing variable stops the start, naming the variable, never a value.
 */
export function gatewayAuth(
  providerName: string,
  auth: HttpGatewayAuth | undefined,
  env: NodeJS.ProcessEnv,
): GatewayAuth {
  if (auth === undefined) return { headers: {}, secrets: [] };
  const secret = env[auth.secretEnv];
  if (secret === undefined || secret === '') {
    throw new ConfigError(
      `provider "${providerName}": auth.secretEnv: the environment variable ${auth.secretEnv} is not set`,
    );
  }
  const headers = headersOf(auth, secret);
  return { headers, secrets: [secret, ...Object.values(headers)] };
}

function headersOf(auth: HttpGatewayAuth, secret: string): Record<string, string> {
  switch (auth.type) {
    case 'bearer':
      return { authorization: `Bearer ${secret}` };
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${auth.username}:${secret}`).toString('base64')}` };
    case 'header':
      return { [auth.name.toLowerCase()]: secret };
  }
}
