import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>
>['values'];

/** A subcommand's options (no positionals); an unknown or malformed option is a UsageError naming the command. */
export function parseOptions<T extends Options>(command: string, args: string[], options: T): Values<T> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

/** The brands directory a command reads: its `--brands`, else OTP_VERIFY_BRANDS, as `serve` does. */
export function brandsPath(command: string, option: string | undefined, env: NodeJS.ProcessEnv): string {
  const path = option ?? env.OTP_VERIFY_BRANDS;
  if (path === undefined) throw new UsageError(`${command}: --brands DIR (or OTP_VERIFY_BRANDS) is required`);
  return path;
}
