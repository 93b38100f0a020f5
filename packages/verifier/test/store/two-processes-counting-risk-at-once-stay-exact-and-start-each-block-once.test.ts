/**
 * Two verifier processes on one database run the risk engine's store calls at the same moment (a persistence race
 * test in the style of Ory Kratos's): every added amount lands in exactly one total, every distinct member counts
 * once, and of two processes starting the same low-conversion block exactly one starts it. Runs the built store
 * (`dist/`) in child processes, released together once both are ready.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { CLOCK_START } from '../support/clock.js';
import { tempDir } from '../support/temp-dir.js';

const STORE_MODULE = fileURLToPath(new URL('../../dist/store/sqlite/sqlite-store.js', import.meta.url));
const RACE_MS = 1_000;
const SLOT_MS = 2;
const HOUR = 3_600_000;
const COUNTER = { key: 'risk:velocity_brand:3600:acme', windowStart: CLOCK_START, windowEnd: CLOCK_START + HOUR };
const SET = { key: 'risk:distinct_numbers_ip:3600:ip-1', windowStart: CLOCK_START, windowEnd: CLOCK_START + HOUR };

interface ChildReport {
  /** The counter's total after each of this process's adds. */
  totals: number[];
  /** The time slots this process worked in: each adds the member and tries the block of that slot. */
  slots: number[];
  startedSlots: number[];
}

/**
 * A child process that, once told to go, makes the store calls of one send again and again for RACE_MS. The member
 * and the block's subject change every SLOT_MS of wall-clock time, so both processes add the same member and start
 * the same block within the same few milliseconds.
 */
function startChild(file: string): { child: ChildProcess; ready: Promise<void>; report: Promise<ChildReport> } {
  const script = `
    const { openSqliteStore } = await import(${JSON.stringify(STORE_MODULE)});
    const store = openSqliteStore(${JSON.stringify(file)}, () => ${CLOCK_START});
    process.stdout.write('ready\\n');
    await new Promise((resolve) => process.stdin.once('data', resolve));
    const report = { totals: [], slots: [], startedSlots: [] };
    for (const end = Date.now() + ${RACE_MS}; Date.now() < end; ) {
      const slot = Math.floor(Date.now() / ${SLOT_MS});
      if (report.slots.at(-1) !== slot) report.slots.push(slot);
      const block = { brand: 'acme', scope: 'prefix', subject: '+44906' + slot, startedAt: ${CLOCK_START},
        until: ${CLOCK_START + HOUR}, sends: 40, verified: 0 };
      if (store.startRiskBlock(block)) report.startedSlots.push(slot);
      report.totals.push(store.addToRiskCounters([${JSON.stringify(COUNTER)}], 1, ${CLOCK_START})[0]);
      store.addToDistinctSets([${JSON.stringify(SET)}], 'phone-' + slot, ${CLOCK_START});
    }
    store.close();
    process.stdout.write(JSON.stringify(report));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let signalReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) signalReady();
  });
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const report = new Promise<ChildReport>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.slice('ready\n'.length)) as ChildReport)
        : reject(new Error(`risk-store child exited ${code}: ${err}`)),
    );
  });
  return { child, ready, report };
}

let dir: ReturnType<typeof tempDir>;
let file: string;

beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'otp-verify.sqlite');
  openSqliteStore(file, () => CLOCK_START).close();
});
afterEach(() => dir.remove());

describe('two processes using the risk store at once (issue 8: exact counts)', () => {
  it('count every attempt and member once, and start each block exactly once between them', async () => {
    const children = [startChild(file), startChild(file)];
    await Promise.all(children.map((each) => each.ready));
    for (const { child } of children) child.stdin?.end('go\n');
    const [first, second] = await Promise.all(children.map((each) => each.report));
    if (first === undefined || second === undefined) throw new Error('a child reported nothing');

    const slots = new Set([...first.slots, ...second.slots]);
    expect(first.slots.filter((slot) => second.slots.includes(slot)).length, 'they ran at once').toBeGreaterThan(0);

    const adds = first.totals.length + second.totals.length;
    const totals = [...first.totals, ...second.totals].sort((a, b) => a - b);
    expect(totals, 'each add saw its own total').toEqual(Array.from({ length: adds }, (_, index) => index + 1));
    const started = [...first.startedSlots, ...second.startedSlots].sort((a, b) => a - b);
    expect(started, 'each block started exactly once').toEqual([...slots].sort((a, b) => a - b));

    const store = openSqliteStore(file, () => CLOCK_START);
    try {
      expect(store.sumRiskCounter(COUNTER.key, CLOCK_START, CLOCK_START + HOUR)).toBe(adds);
      expect(store.addToDistinctSets([SET], `phone-${first.slots[0]}`, CLOCK_START)).toEqual([slots.size]);
      expect(store.listRiskBlocks({ now: CLOCK_START })).toHaveLength(slots.size);
    } finally {
      store.close();
    }
  }, 60_000);
});
