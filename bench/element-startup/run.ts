/**
 * bench/element-startup: what the <otp-verify> element costs the checkout page until its phone step is
 * interactive, in Chromium with a throttled CPU, against the same page without the element. A benchmark, not a
 * test: it prints figures. See bench/README.md.
 */
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { machineBusyMs } from '../flow/child-server.js';
import { registerCleanup } from '../flow/cleanup.js';
import { failIfItDies, machineInfo, toJson } from '../flow/run-helpers.js';
import { runBenchmark } from '../shared/entry-point.js';
import { staleElementSources, startDemoStack } from './demo-stack.js';
import type { StartupOptions } from './options.js';
import { USAGE, parseStartupOptions } from './options.js';
import type { LoadFigures, LoadTarget, Variant } from './page-load.js';
import { measureLoad } from './page-load.js';
import {
  buildResults,
  headerText,
  machineText,
  perLoadText,
  progressLine,
  summaryText,
  transfersText,
  verdictText,
} from './report.js';

const BRAND = 'acme';
/** As e2e/playwright.config.ts launches it. */
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
  ],
};

async function main(options: StartupOptions): Promise<number> {
  const started = performance.now();
  const stack = await startDemoStack();
  failIfItDies(stack.server);
  const browser = await chromium.launch(CHROMIUM);
  // On a normal end or Ctrl-C the browser closes here; if the process dies, Playwright kills it on exit.
  registerCleanup({ name: 'Chromium', now: () => undefined, gracefully: () => browser.close() });

  const target: LoadTarget = {
    pageUrl: `${stack.shopUrl}/checkout/${BRAND}`,
    brandSettingsUrl: `${stack.verifierUrl}/v1/brands/${BRAND}`,
    cpuThrottle: options.cpuThrottle,
  };
  const context = {
    date: new Date().toISOString(),
    command: [process.execPath, ...process.execArgv, ...process.argv.slice(1)].join(' '),
    options,
    machine: machineInfo(),
    chromium: browser.version(),
    pageUrl: target.pageUrl,
  };
  console.log(headerText(context));
  const stale = staleElementSources();
  if (stale.length > 0) {
    console.log(
      `  warning      ${stale.length} element source file(s) are newer than dist/otp-verify.iife.js (e.g. ${stale[0]}): ` +
        'the figures are for the last build; rebuild with pnpm run build',
    );
  }
  console.log(
    `\ndemo ready: shop ${stack.shopUrl}, verifier ${stack.verifierUrl} (child pid ${stack.server.pid}, data in ` +
      `${stack.dataDirectory})`,
  );
  console.log(
    `loading the page ${options.warmup} x 2 times to warm up (discarded), then ${options.runs} x 2 measured, ` +
      'alternating with and without the element…',
  );

  const pairs = options.warmup + options.runs;
  const measured: LoadFigures[] = [];
  const loadAverageBefore = loadavg()[0] as number;
  let busyFrom: number | undefined;
  let measuringFrom = 0;
  for (let pair = 0; pair < pairs; pair += 1) {
    const warmingUp = pair < options.warmup;
    if (pair === options.warmup) {
      busyFrom = machineBusyMs();
      measuringFrom = performance.now();
    }
    // Alternate which page goes first, so a drift in the machine's load falls on both alike.
    const order: Variant[] = pair % 2 === 0 ? ['element', 'baseline'] : ['baseline', 'element'];
    for (const variant of order) {
      const load = await measureLoad(browser, target, variant);
      const label = warmingUp ? `warm-up ${pair + 1}` : `run ${pair - options.warmup + 1} of ${options.runs}`;
      console.log(progressLine(performance.now() - started, label, load));
      if (!warmingUp) measured.push(load);
    }
  }
  const busyTo = machineBusyMs();
  const busyCores =
    busyFrom === undefined || busyTo === undefined ? null : (busyTo - busyFrom) / (performance.now() - measuringFrom);

  const results = buildResults(context, measured, {
    busyCores,
    loadAverage: { before: loadAverageBefore, after: loadavg()[0] as number },
  });
  console.log(
    [
      '',
      '='.repeat(100),
      perLoadText(results),
      '',
      summaryText(results),
      '',
      transfersText(results),
      '',
      verdictText(results),
      '',
      machineText(results),
      '='.repeat(100),
    ].join('\n'),
  );
  if (options.json) console.log(toJson(results));
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
  return 0;
}

runBenchmark({ name: 'element-startup', usage: USAGE, parse: parseStartupOptions }, main);
