import { readFileSync } from 'node:fs';
import type { PriceTable } from '@otp-verify/verifier/analytics';
import { z } from 'zod';
import { SettingsError } from './settings.js';

const amount = z.number().finite().min(0);

const priceTableSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
  smsSegment: z
    .record(z.union([z.literal('default'), z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code')]), amount)
    .refine((prices) => prices.default !== undefined, 'needs a "default" price'),
  email: amount,
});

export function loadPriceTable(file: string): PriceTable {
  const parsed = priceTableSchema.safeParse(readJsonFile(file));
  if (!parsed.success) throw new SettingsError(`price table ${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data as PriceTable;
}

export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new SettingsError(`${file}: ${(error as Error).message}`);
  }
}
