import { z } from 'zod';
import { PROVIDER_NAMES, PROVIDER_TYPES } from '../delivery/providers.js';
import { recordWithKeys } from './record-keys.js';

const providerNameSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a provider name: lower-case letters, digits and single dashes')
  .max(64)
  .refine(
    (name) => !(PROVIDER_NAMES as readonly string[]).includes(name),
    `the name of one of the verifier's own providers (${PROVIDER_NAMES.join(', ')}): choose another`,
  );

/** One provider: its `type` picks the schema of the rest (PROVIDER_TYPES). */
const providerSchema = z.unknown().transform((entry, context) => {
  const type = entry !== null && typeof entry === 'object' ? (entry as { type?: unknown }).type : undefined;
  const providerType =
    typeof type === 'string' && Object.hasOwn(PROVIDER_TYPES, type) ? PROVIDER_TYPES[type] : undefined;
  if (providerType === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['type'],
      message: `the provider's type: one of ${Object.keys(PROVIDER_TYPES).join(', ')}`,
    });
    return z.NEVER;
  }
  const parsed = providerType.safeParse(entry);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

/**
 * platform.json's `providers`: the message providers brands route to besides the verifier's own, by name.
 * Secrets are named (`secretEnv`), never given: they are read from the environment when the verifier starts.
 */
export const providersSchema = recordWithKeys(providerNameSchema, providerSchema);
