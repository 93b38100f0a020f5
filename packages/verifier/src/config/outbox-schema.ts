import { z } from 'zod';
import type { OutboxSettings } from '../delivery/outbox/outbox-settings.js';

const milliseconds = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * platform.json's `outbox`: the delivery timing, each field within bounds that keep a code deliverable in its
 * lifetime; what is left out keeps its default (delivery/outbox/outbox-settings.ts).
 */
export const outboxSettingsSchema = z.strictObject({
  attemptTimeoutMs: milliseconds(100, 60_000).optional(),
  leaseMarginMs: milliseconds(100, 60_000).optional(),
  maxAttempts: z.number().int().min(1).max(50).optional(),
  concurrency: z.number().int().min(1).max(256).optional(),
  pollIntervalMs: milliseconds(50, 10_000).optional(),
  retry: z
    .strictObject({ baseMs: milliseconds(10, 60_000), maxMs: milliseconds(10, 300_000) })
    .refine((retry) => retry.maxMs >= retry.baseMs, { path: ['maxMs'], message: 'must be at least baseMs' })
    .optional(),
  breaker: z
    .strictObject({ failureThreshold: z.number().int().min(1).max(100), openMs: milliseconds(100, 600_000) })
    .optional(),
}) satisfies z.ZodType<Partial<OutboxSettings>>;
