import { z } from 'zod';

const milliseconds = (min: number, max: number, fallback: number) =>
  z.number().int().min(min).max(max).default(fallback);

const backOffSchema = (initialMs: number, maxMs: number) =>
  z
    .strictObject({ initialMs: milliseconds(10, 60_000, initialMs), maxMs: milliseconds(10, 600_000, maxMs) })
    .refine((backOff) => backOff.initialMs <= backOff.maxMs, { message: 'initialMs must not exceed maxMs' })
    .default({ initialMs, maxMs });

/** An SMSC reached over SMPP 3.4, as a brand's provider. The password is read from the environment variable named. */
export const smppProviderConfigSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(2775),
  systemId: z.string().min(1).max(15),
  passwordEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name, such as SMPP_PASSWORD'),
  systemType: z.string().max(12).optional(),
  /** The source address when the brand has no sender id. */
  defaultSender: z.string().min(1).max(20).optional(),
  enquireLinkSeconds: z.number().min(0.05).max(600).default(30),
  connectTimeoutMs: milliseconds(100, 60_000, 5000),
  /** Bounds one send from start to the last part accepted: waiting for a bind and throttling included. */
  submitTimeoutMs: milliseconds(100, 120_000, 10_000),
  reconnect: backOffSchema(500, 30_000),
  throttle: backOffSchema(200, 5000),
});

export type SmppProviderConfig = z.infer<typeof smppProviderConfigSchema>;
