import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Browser, Request } from 'playwright-core';
import type { TraceFigures } from './trace.js';
import { TRACE_CATEGORIES, analyzeTrace } from './trace.js';

/** `element`: the checkout page as the shop serves it; `baseline`: the same page, the element's script empty. */
export type Variant = 'element' | 'baseline';

const SCRIPT_PATH = '/assets/otp-verify.iife.js';
const PROBE = fileURLToPath(new URL('./page-probe.js', import.meta.url));
/** Under the heaviest throttling the phone step appears within seconds; a minute means something is broken. */
const READY_TIMEOUT_MS = 60_000;

/** The probe's moments (page-probe.js): the end of the measured window of each variant. */
const WINDOW_END = { element: 'phone-visible', baseline: 'loaded' } as const;
type Moment = 'phone-visible' | 'loaded';

export interface Transfer {
  url: string;
  /** Response headers and body as they came over the wire (the body as encoded, if it was). */
  transferredBytes: number;
  bodyBytes: number;
  /** What the body would be gzipped (level 9): what a server that compresses would send. */
  gzipBytes: number;
  contentEncoding: string | null;
}

export interface LoadFigures {
  variant: Variant;
  /** Navigation start to the end of the window: the phone field visible (element), the first frame after load (baseline). */
  readyMs: number;
  /** Navigation start to the first frame after the load event, or null if it had not come by the window's end. */
  loadedMs: number | null;
  /** PerformanceObserver 'longtask' entries (50 ms or more) that started in the window. */
  longTasks: { count: number; longestMs: number; totalMs: number };
  /** The longest 'long-animation-frame' entry in the window; null where the browser has none. */
  longestFrameMs: number | null;
  trace: TraceFigures;
  /** The element's script and the brand settings it fetched; null in the baseline. */
  script: Transfer | null;
  brandSettings: Transfer | null;
}

interface Span {
  startTime: number;
  duration: number;
}

/** What page-probe.js records. */
interface ProbeRecord {
  longTasks: Span[];
  longFrames: Span[];
  longFramesSupported: boolean;
  phoneVisibleAt: number | null;
  loadedAt: number | null;
}

export interface LoadTarget {
  pageUrl: string;
  /** Where the element fetches the brand settings: `<verifier>/v1/brands/<brand>`. */
  brandSettingsUrl: string;
  cpuThrottle: number;
}

/** One cold load (a fresh browser context: no cache) of the checkout page, traced, with the CPU throttled. */
export async function measureLoad(browser: Browser, target: LoadTarget, variant: Variant): Promise<LoadFigures> {
  const context = await browser.newContext();
  try {
    // Both variants intercept the script request, so interception costs them the same.
    await context.route(`**${SCRIPT_PATH}`, (route) =>
      variant === 'element'
        ? route.continue()
        : route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: '' }),
    );
    const page = await context.newPage();
    const moments = momentWatcher();
    await page.exposeFunction('otpStartupReached', moments.reached);
    await page.addInitScript({ path: PROBE });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: target.cpuThrottle });
    const finished: Request[] = [];
    page.on('requestfinished', (request) => finished.push(request));

    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    let trace: Buffer;
    let record: ProbeRecord;
    try {
      await page.goto(target.pageUrl, { waitUntil: 'commit' });
      await moments.wait(variant === 'element' ? ['phone-visible', 'loaded'] : ['loaded'], READY_TIMEOUT_MS);
      record = (await page.evaluate('globalThis.otpStartupProbe.snapshot()')) as ProbeRecord;
    } finally {
      trace = await browser.stopTracing();
    }

    if (variant === 'element') {
      if (!(await page.getByRole('textbox', { name: 'Mobile number' }).isVisible())) {
        throw new Error('the probe saw the phone field, but there is no visible "Mobile number" textbox');
      }
    } else if (await page.evaluate("customElements.get('otp-verify') !== undefined")) {
      throw new Error('the baseline page defined <otp-verify>: its script was not replaced');
    }
    const windowEnd = (variant === 'element' ? record.phoneVisibleAt : record.loadedAt) as number;
    const scriptUrl = new URL(SCRIPT_PATH, target.pageUrl).href;
    const inWindow = (spans: Span[]) => spans.filter((span) => span.startTime < windowEnd);
    const longTasks = inWindow(record.longTasks);
    return {
      variant,
      readyMs: windowEnd,
      loadedMs: record.loadedAt !== null && record.loadedAt <= windowEnd ? record.loadedAt : null,
      longTasks: {
        count: longTasks.length,
        longestMs: Math.max(0, ...longTasks.map((task) => task.duration)),
        totalMs: longTasks.reduce((sum, task) => sum + task.duration, 0),
      },
      longestFrameMs: record.longFramesSupported
        ? Math.max(0, ...inWindow(record.longFrames).map((frame) => frame.duration))
        : null,
      // The baseline's script is the empty stand-in: its evaluation is not the element's.
      trace: analyzeTrace(trace, `otp-bench:${WINDOW_END[variant]}`, variant === 'element' ? scriptUrl : null),
      script: variant === 'element' ? await transfer(finished, (url) => url === scriptUrl) : null,
      brandSettings:
        variant === 'element' ? await transfer(finished, (url) => url.startsWith(target.brandSettingsUrl)) : null,
    };
  } finally {
    await context.close();
  }
}

async function transfer(requests: Request[], matches: (url: string) => boolean): Promise<Transfer> {
  const request = requests.find((candidate) => matches(candidate.url()));
  const response = await request?.response();
  if (request === undefined || !response) throw new Error('a request the element makes on start-up did not finish');
  const [sizes, body, encoding] = await Promise.all([
    request.sizes(),
    response.body(),
    response.headerValue('content-encoding'),
  ]);
  return {
    url: request.url(),
    transferredBytes: sizes.responseHeadersSize + sizes.responseBodySize,
    bodyBytes: body.length,
    gzipBytes: gzipSync(body, { level: 9 }).length,
    contentEncoding: encoding,
  };
}

/** The moments the page reported through its binding, and a way to wait until some have come. */
function momentWatcher(): {
  reached: (moment: string) => void;
  wait: (wanted: Moment[], timeoutMs: number) => Promise<void>;
} {
  const seen = new Set<string>();
  return {
    reached: (moment) => {
      seen.add(moment);
    },
    wait: async (wanted, timeoutMs) => {
      const deadline = performance.now() + timeoutMs;
      while (!wanted.every((moment) => seen.has(moment))) {
        if (performance.now() > deadline) {
          const missing = wanted.filter((moment) => !seen.has(moment));
          throw new Error(`the page did not reach ${missing.join(', ')} within ${timeoutMs / 1000} s`);
        }
        await sleep(10);
      }
    },
  };
}
