import type { ProviderType } from '../providers.js';
import { httpGatewayConfigSchema } from './config-schema.js';
import { httpGatewayProvider } from './http-gateway-provider.js';

/** `"type": "http"` in platform.json's `providers`. */
export const httpGatewayType: ProviderType = httpGatewayConfigSchema.transform(
  (config) =>
    (name, { env }) =>
      httpGatewayProvider(name, config, env),
);
