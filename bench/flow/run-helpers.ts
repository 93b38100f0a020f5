/**
 * Helpers shared by the benchmarks' entry points (flow/run.ts, enumeration/run.ts): the machine they run
 * on, the JSON line, the progress meter, the reaction to a child server dying mid-run and the stale-build
 * warning.
 */
import { cpus, platform, release } from 'node:os';
import type { ChildServer } from './child-server.js';
import { machineBusyMs } from './child-server.js';
import { cleanUp } from './cleanup.js';

export interface MachineInfo {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
}

export function machineInfo(): MachineInfo {
  return {
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
  };
}

/** One line of JSON, numbers to 6 significant digits (the clock does not resolve more). */
export function toJson(results: unknown): string {
  return JSON.stringify(results, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) && Number.isFinite(value)
      ? Number(value.toPrecision(6))
      : value,
  );
}

/**
 * The rate since the last progress line, and the cores the server(s), this process and everything
 * else on the machine used meanwhile (so a disturbed interval shows as it happens).
 */
export function progressMeter(
  servers: ChildServer | readonly ChildServer[],
): (elapsedMs: number, done: number) => { rate: number; load: string } {
  const list: readonly ChildServer[] = Array.isArray(servers) ? servers : [servers as ChildServer];
  const label = list.length === 1 ? 'server' : 'servers';
  const serversMs = (): number | undefined => {
    let sum = 0;
    for (const server of list) {
      const cpu = server.cpu();
      if (cpu === undefined) return undefined;
      sum += cpu.processMs;
    }
    return sum;
  };
  let last = { at: 0, done: 0, server: serversMs(), client: process.cpuUsage(), machine: machineBusyMs() };
  return (elapsedMs, done) => {
    const now = {
      at: elapsedMs,
      done,
      server: serversMs(),
      client: process.cpuUsage(),
      machine: machineBusyMs(),
    };
    const seconds = (now.at - last.at) / 1000;
    const clientMs = (now.client.user + now.client.system - last.client.user - last.client.system) / 1000;
    let load = '';
    if (
      now.server !== undefined &&
      last.server !== undefined &&
      now.machine !== undefined &&
      last.machine !== undefined
    ) {
      const serverMs = now.server - last.server;
      const otherMs = now.machine - last.machine - serverMs - clientMs;
      const cores = (ms: number) => (ms / 1000 / seconds).toFixed(2);
      load = `; cores: ${label} ${cores(serverMs)}, client ${cores(clientMs)}, others ${cores(Math.max(0, otherMs))}`;
    }
    const rate = (now.done - last.done) / seconds;
    last = now;
    return { rate, load };
  };
}

/** A child server that exits during the run ends the benchmark (after cleaning up) with exit code 1. */
export function failIfItDies(server: ChildServer): void {
  server.onUnexpectedExit = (description) => {
    console.error(`\nFAILED: the ${server.name} exited during the run (${description}):\n${server.recentOutput()}`);
    void cleanUp().finally(() => process.exit(1));
  };
}

/** The warning that the verifier's build is older than its sources (see verifierCli in servers.ts). */
export function warnIfStale(staleSources: readonly string[]): void {
  if (staleSources.length > 0) {
    console.log(
      `  warning      ${staleSources.length} verifier source file(s) are newer than their build output ` +
        `(e.g. ${staleSources[0]}): the figures are for the last build; rebuild with npx tsc -b packages/verifier`,
    );
  }
}
