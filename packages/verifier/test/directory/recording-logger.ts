import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { pino } from 'pino';

export interface LogEntry {
  level: number;
  msg?: string;
  [field: string]: unknown;
}

/** A real pino logger at debug level whose lines the test reads back, raw and parsed. */
export function recordingLogger(): { logger: Logger; lines: string[]; entries(): LogEntry[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      );
      done();
    },
  });
  return {
    logger: pino({ level: 'debug' }, sink),
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as LogEntry),
  };
}
