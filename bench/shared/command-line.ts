/** The benchmarks' command-line primitives: flag parsing, bounded numbers and the usage error. */
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';

type FlagsConfig = NonNullable<ParseArgsConfig['options']>;

/** A command line the benchmark cannot run with: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

type Flags<O extends FlagsConfig> = ReturnType<
  typeof parseArgs<{ options: O; strict: true; allowPositionals: false }>
>['values'];

/** The flags of `argv` (strict, no positionals); `help` when the user asked for the usage text. */
export function parseFlags<O extends FlagsConfig>(argv: readonly string[], options: O): Flags<O> | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      // pnpm may pass the `--` separator through to the script; it carries no meaning here.
      args: argv.filter((arg) => arg !== '--'),
      options: { ...options, ...HELP },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return (values as { help?: boolean }).help === true ? 'help' : (values as Flags<O>);
}

/** A number flag within bounds, or `fallback` when it is not given. */
export function numberOption(
  name: string,
  raw: string | undefined,
  fallback: number,
  bounds: { min: number; max: number; integer?: boolean },
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${name} must be a number, not "${raw}"`);
  if (bounds.integer === true && !Number.isInteger(value)) throw new UsageError(`${name} must be a whole number`);
  if (value < bounds.min || value > bounds.max) {
    throw new UsageError(`${name} must be between ${bounds.min} and ${bounds.max} (got ${value}): this run is bounded`);
  }
  return value;
}
