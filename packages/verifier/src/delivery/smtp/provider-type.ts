import { ConfigError } from '../../config/config-error.js';
import type { ProviderType } from '../providers.js';
import { smtpConfigSchema } from './config-schema.js';
import { createSmtpProvider } from './smtp-provider.js';

/** `"type": "smtp"` in platform.json's `providers`: email through an SMTP server, its password from the environment. */
export const smtpType: ProviderType = smtpConfigSchema.transform((config) => (name, { env }) => {
  if (config.passwordEnv === undefined) return createSmtpProvider(name, config);
  const password = env[config.passwordEnv];
  if (!password) {
    throw new ConfigError(
      `provider "${name}": ${config.passwordEnv}, its SMTP password, is not set in the environment`,
    );
  }
  return createSmtpProvider(name, config, password);
});
