// Runs in the checkout page before any of its own scripts (Playwright's addInitScript). It records the long tasks
// and long animation frames from the start of the page, and marks two moments, in performance time and as user
// timing marks that the trace also carries: the first frame in which the element's phone field is visible, and
// the first frame after the load event. The benchmark reads the record with `otpStartupProbe.snapshot()`.
/* global document, requestAnimationFrame, requestIdleCallback, addEventListener */
(() => {
  const record = { longTasks: [], longFrames: [], longFramesSupported: false, phoneVisibleAt: null, loadedAt: null };

  // Time 0 of the page (its navigation start), for lining up the trace with performance.now().
  performance.mark('otp-bench:origin', { startTime: 0 });

  const observe = (type, into, entryOf) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return false;
    new PerformanceObserver((list) => into.push(...list.getEntries().map(entryOf))).observe({ type, buffered: true });
    return true;
  };
  observe('longtask', record.longTasks, (entry) => ({ startTime: entry.startTime, duration: entry.duration }));
  record.longFramesSupported = observe('long-animation-frame', record.longFrames, (entry) => ({
    startTime: entry.startTime,
    duration: entry.duration,
    blockingDuration: entry.blockingDuration,
  }));

  /** Calls the benchmark's binding (page.exposeFunction), there once the page's first script runs. */
  const reached = (moment) => globalThis.otpStartupReached?.(moment);

  const phoneField = () => document.querySelector('otp-verify')?.shadowRoot?.querySelector('input[type="tel"]');
  const watchPhoneField = () => {
    if (phoneField()?.checkVisibility()) {
      record.phoneVisibleAt = performance.now();
      performance.mark('otp-bench:phone-visible');
      reached('phone-visible');
    } else {
      requestAnimationFrame(watchPhoneField);
    }
  };
  requestAnimationFrame(watchPhoneField);

  addEventListener('load', () =>
    requestAnimationFrame(() => {
      record.loadedAt = performance.now();
      performance.mark('otp-bench:loaded');
      reached('loaded');
    }),
  );

  globalThis.otpStartupProbe = {
    /** The record once the observers have delivered what is pending (they report after the task, when idle). */
    snapshot: () =>
      new Promise((resolve) => requestIdleCallback(() => resolve(structuredClone(record)), { timeout: 2000 })),
  };
})();
