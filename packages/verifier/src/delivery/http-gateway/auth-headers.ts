import type { HttpGatewayAuth } from './config-schema.js';
import { secretFromEnv } from '../../config/env-secret.js';

export interface GatewayAuth {
  headers: Record<string, string>;
  /** Every form of the secret, to keep out of error messages. */
  secrets: string[];
}

/** The authentication header of a gateway, its secret read from the environment at start. */
export function gatewayAuth(
  providerName: string,
  auth: HttpGatewayAuth | undefined,
  env: NodeJS.ProcessEnv,
): GatewayAuth {
  if (auth === undefined) return { headers: {}, secrets: [] };
  const secret = secretFromEnv(`provider "${providerName}": auth.secretEnv`, auth.secretEnv, env);
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
