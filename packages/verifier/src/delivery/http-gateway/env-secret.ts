import { ConfigError } from '../../config/config-error.js';

/**
 * A provider's secret, read from the environment once, at start (OWASP ASVS v4.0.3 2.10.4: no secret in files).
 * A missing variable stops the start, naming the field and the variable, never a value.
 */
export function secretFromEnv(providerName: string, field: string, variable: string, env: NodeJS.ProcessEnv): string {
  const secret = env[variable];
  if (secret === undefined || secret === '') {
    throw new ConfigError(`provider "${providerName}": ${field}: the environment variable ${variable} is not set`);
  }
  return secret;
}
