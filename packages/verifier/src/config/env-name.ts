import { z } from 'zod';

/** Secrets are read from the environment at start, never from files (OWASP ASVS v4.0.3 2.10.4). */
export const envNameSchema = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'the name of an environment variable (A-Z, 0-9, _), never the secret itself');
