import { ConfigError } from './config-error.js';

/**
 * A secret read from the environment once, at start (OWASP ASVS v4.0.3 2.10.4: no secret in files). A missing
 * variable stops the start, naming where it is configured (`where`) and the variable, never a value.
 */
export function secretFromEnv(where: string, variable: string, env: NodeJS.ProcessEnv): string {
  const secret = env[variable];
  if (secret === undefined || secret === '') {
    throw new ConfigError(`${where}: the environment variable ${variable} is not set`);
  }
  return secret;
}
