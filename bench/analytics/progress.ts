/** A progress line at most every `everyMs`: done of total, percent, rate and the time left at that rate. */
export function progressPrinter(label: string, total: number, unit: string, everyMs = 2_000) {
  const started = performance.now();
  let lastPrint = started;
  return (done: number, force = false): void => {
    const now = performance.now();
    if (!force && now - lastPrint < everyMs) return;
    lastPrint = now;
    const seconds = (now - started) / 1000;
    const rate = done / seconds;
    const left = rate > 0 ? (total - done) / rate : Number.NaN;
    console.log(
      `  ${label}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${unit} ` +
        `(${((100 * done) / total).toFixed(1)} %), ${Math.round(rate).toLocaleString('en')} ${unit}/s, ` +
        `${seconds.toFixed(0)} s so far, ETA ${Number.isFinite(left) ? left.toFixed(0) : '?'} s`,
    );
  };
}
