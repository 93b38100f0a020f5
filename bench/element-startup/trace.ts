/**
 * What a Chromium trace of one page load says about the page's main thread between two user timing marks the
 * page probe sets: `otp-bench:origin` (navigation start) and the mark that ends the measured window.
 */

/** The trace categories read here; without `devtools.timeline`, EvaluateScript carries no script URL. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

export interface TraceFigures {
  /** The longest main-thread task that started in the window, whatever its length (RunTask). */
  longestTaskMs: number;
  /** Main-thread task time inside the window. */
  busyMs: number;
  /** Evaluation of the script at `scriptUrl` (EvaluateScript); null if none was asked for or it did not run. */
  scriptEvaluationMs: number | null;
}

interface TraceEvent {
  name: string;
  ph: string;
  /** Microseconds. */
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; navigationId?: string } };
}

const ORIGIN_MARK = 'otp-bench:origin';

export function analyzeTrace(trace: Buffer, endMark: string, scriptUrl: string | null): TraceFigures {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const end = events.find((event) => event.name === endMark);
  const navigationId = end?.args?.data?.navigationId;
  // The probe marks every document it runs in: the origin is the one of the same navigation as the end mark.
  const origin = events.find((event) => event.name === ORIGIN_MARK && event.args?.data?.navigationId === navigationId);
  if (end === undefined || origin === undefined) {
    throw new Error(`the trace lacks the ${origin === undefined ? ORIGIN_MARK : endMark} mark`);
  }
  const onMainThread = (event: TraceEvent) =>
    event.pid === origin.pid && event.tid === origin.tid && event.ph === 'X' && event.dur !== undefined;
  const inWindow = (event: TraceEvent) => event.ts >= origin.ts && event.ts < end.ts;

  let longestUs = 0;
  let busyUs = 0;
  let evaluationUs: number | null = null;
  for (const event of events) {
    if (!onMainThread(event)) continue;
    const duration = event.dur as number;
    if (event.name === 'RunTask') {
      busyUs += Math.max(0, Math.min(event.ts + duration, end.ts) - Math.max(event.ts, origin.ts));
      if (inWindow(event)) longestUs = Math.max(longestUs, duration);
    } else if (event.name === 'EvaluateScript' && event.args?.data?.url === scriptUrl && inWindow(event)) {
      evaluationUs = (evaluationUs ?? 0) + duration;
    }
  }
  return {
    longestTaskMs: longestUs / 1000,
    busyMs: busyUs / 1000,
    scriptEvaluationMs: evaluationUs === null ? null : evaluationUs / 1000,
  };
}
