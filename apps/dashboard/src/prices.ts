import { readFileSync } from 'node:fs';
import { pricesSchema } from '@otp-verify/verifier';
import type { PriceTable } from '@otp-verify/verifier/analytics';
import { z } from 'zod';
import { SettingsError } from './settings.js';

/** An override of the price table, validated like platform.json's `prices` (the verifier's spend caps use that). */
export function loadPriceTable(file: string): PriceTable {
  const parsed = pricesSchema.safeParse(readJsonFile(file));
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
