/**
 * A benchmark's entry point from start to exit code: the options (or the usage text), the run, and the
 * clean-up however it ends.
 */
import { cleanUp } from '../flow/cleanup.js';
import { UsageError } from './command-line.js';

export interface CommandLine<O> {
  /** The benchmark's name in error messages (`bench <name>: …`). */
  name: string;
  usage: string;
  parse(argv: readonly string[]): O | 'help';
}

/** Runs `body` with the parsed options and sets the process's exit code from its answer. */
export function runBenchmark<O>(commandLine: CommandLine<O>, body: (options: O) => Promise<number>): void {
  main(commandLine, body)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        console.error('\nFAILED:', error);
        process.exitCode = 1;
      },
    )
    .finally(() => cleanUp());
}

async function main<O>(commandLine: CommandLine<O>, body: (options: O) => Promise<number>): Promise<number> {
  let options: O | 'help';
  try {
    options = commandLine.parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench ${commandLine.name}: ${error.message}\n\n${commandLine.usage}`);
    return 2;
  }
  if (options === 'help') {
    console.log(commandLine.usage);
    return 0;
  }
  return body(options);
}
