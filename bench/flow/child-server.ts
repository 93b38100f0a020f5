import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { isShuttingDown, registerCleanup } from './cleanup.js';

/** CPU time a process has used so far, from /proc (Linux), in milliseconds. */
export interface CpuTimes {
  /** All threads: the event loop, libuv's pool (WebCrypto, fs), V8's GC and compiler helpers. */
  processMs: number;
  /** The main thread only: the event loop, where request handling runs. */
  mainThreadMs: number;
}

export const CLOCK_TICKS_PER_SECOND = clockTicks();

/** A port nobody listens on right now: listen on port 0, read the port, close. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface ChildServerSpec {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The server's base URL; `healthPath` below it must answer 200 once it is ready. */
  url: string;
  healthPath: string;
  startTimeoutMs?: number;
}

/**
 * A server running as a child process (`node <args>`), so the load generator does not share its
 * event loop. It is stopped on every way out of the benchmark (see cleanup.ts).
 */
export class ChildServer {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Called if the child exits before `stop()`: the benchmark cannot go on without it. */
  onUnexpectedExit: (description: string) => void = () => undefined;
  private readonly child: ChildProcess;
  private readonly output: string[] = [];
  private exitDescription: string | undefined;
  private stopping = false;
  private readonly exited: Promise<void>;

  private constructor(spec: ChildServerSpec) {
    this.name = spec.name;
    this.url = spec.url;
    this.child = spawn(process.execPath, spec.args, { env: spec.env, stdio: ['pipe', 'pipe', 'pipe'] });
    if (this.child.pid === undefined) throw new Error(`${spec.name}: could not start node`);
    this.pid = this.child.pid;
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitDescription = signal === null ? `exit code ${code}` : `signal ${signal}`;
        if (!this.stopping && !isShuttingDown()) this.onUnexpectedExit(this.exitDescription);
        resolve();
      });
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (stream === null) continue;
      // Keep reading so the child never blocks on a full pipe; remember the last lines for error reports.
      createInterface({ input: stream }).on('line', (line) => {
        this.output.push(line);
        if (this.output.length > 40) this.output.shift();
      });
    }
    registerCleanup({ name: spec.name, now: () => this.killNow(), gracefully: () => this.stop() });
  }

  static async start(spec: ChildServerSpec): Promise<ChildServer> {
    const server = new ChildServer(spec);
    await server.waitUntilHealthy(spec.healthPath, spec.startTimeoutMs ?? 20_000);
    return server;
  }

  /** CPU used so far, or undefined where /proc is not available. */
  cpu(): CpuTimes | undefined {
    const processTicks = readTicks(`/proc/${this.pid}/stat`);
    const mainTicks = readTicks(`/proc/${this.pid}/task/${this.pid}/stat`);
    if (processTicks === undefined || mainTicks === undefined) return undefined;
    const toMs = (ticks: number) => (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
    return { processMs: toMs(processTicks), mainThreadMs: toMs(mainTicks) };
  }

  recentOutput(): string {
    return this.output.join('\n');
  }

  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.exitDescription !== undefined) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }

  killNow(): void {
    this.stopping = true;
    if (this.exitDescription === undefined) this.child.kill('SIGKILL');
  }

  private async waitUntilHealthy(healthPath: string, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    let lastProblem = 'no answer yet';
    while (performance.now() < deadline) {
      if (this.exitDescription !== undefined) {
        throw new Error(`${this.name} exited during start-up (${this.exitDescription}):\n${this.recentOutput()}`);
      }
      try {
        const response = await fetch(new URL(healthPath, this.url), { signal: AbortSignal.timeout(1_000) });
        await response.arrayBuffer();
        if (response.ok) return;
        lastProblem = `GET ${healthPath} answered ${response.status}`;
      } catch (error) {
        lastProblem = (error as Error).message;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `${this.name} was not healthy within ${timeoutMs / 1000} s (${lastProblem}):\n${this.recentOutput()}`,
    );
  }
}

/** CPU time all processes on the machine have used since boot (all cores, from /proc/stat), in ms. */
export function machineBusyMs(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  // "cpu  user nice system idle iowait irq softirq steal …": everything but idle and iowait is busy.
  const fields = (stat.split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  const busy = [user, nice, system, irq, softirq, steal].reduce<number>((sum, value) => sum + (value ?? 0), 0);
  return Number.isFinite(busy) ? (busy * 1000) / CLOCK_TICKS_PER_SECOND : undefined;
}

function clockTicks(): number {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}

/** utime + stime of a /proc stat line, in clock ticks. */
function readTicks(path: string): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
  // There, index 0 is field 3 (state), so utime (field 14) is index 11 and stime (field 15) index 12.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks : undefined;
}
