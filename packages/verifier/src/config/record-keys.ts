import { z } from 'zod';

/**
 * A record whose keys `keySchema` checks, its message reported at the key (zod's own key check says only
 * "Invalid key in record"), also when some values are wrong too.
 */
export function recordWithKeys<Value extends z.ZodType>(keySchema: z.ZodType<string>, valueSchema: Value) {
  return z.record(z.string(), valueSchema).superRefine(
    (record, context) => {
      for (const key of Object.keys(record)) {
        const result = keySchema.safeParse(key);
        if (result.success) continue;
        for (const issue of result.error.issues) {
          context.addIssue({ code: 'custom', path: [key], message: issue.message });
        }
      }
    },
    { when: (payload) => payload.value !== null && typeof payload.value === 'object' },
  );
}
