import type { TokenRefusal } from './refusal-reason.js';
import { tokenRefusalsUrlOf } from './verifier-url.js';

/** How the guard's refusal reports fared: sent (the verifier took them), failed, or dropped (too many at once). */
export interface RefusalReportCounts {
  sent: number;
  failed: number;
  dropped: number;
}

export interface RefusalReporter {
  /** Starts reporting the refusal and returns at once: the guard's answer never waits for it. */
  report(refusal: TokenRefusal): void;
  counts(): RefusalReportCounts;
}

export interface RefusalReporterOptions {
  verifierUrl: URL;
  secretKey: string;
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
}

/** Reports in flight at most; more are dropped (and counted), so a flood of bad tokens cannot pile up requests. */
export const MAX_REPORTS_IN_FLIGHT = 32;

/**
 * Reports refused tokens to the verifier (`POST {verifierUrl}/v1/token-refusals`, with the brand's secret key),
 * so its funnel and alerts see the refusals that never reach a redemption. Fire and forget: every error is
 * swallowed and counted, nothing is retried.
 */
export function createRefusalReporter(options: RefusalReporterOptions): RefusalReporter {
  const url = tokenRefusalsUrlOf(options.verifierUrl);
  const counts: RefusalReportCounts = { sent: 0, failed: 0, dropped: 0 };
  let inFlight = 0;

  const send = async (refusal: TokenRefusal): Promise<void> => {
    const response = await options.fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(refusal),
      // Never follow a redirect with the secret key in the request.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel();
    if (response.status !== 202) throw new Error(`POST ${url.href} answered ${response.status}`);
  };

  return {
    report(refusal) {
      if (inFlight >= MAX_REPORTS_IN_FLIGHT) {
        counts.dropped += 1;
        return;
      }
      inFlight += 1;
      send(refusal)
        .then(
          () => void (counts.sent += 1),
          () => void (counts.failed += 1),
        )
        .finally(() => void (inFlight -= 1));
    },
    counts: () => ({ ...counts }),
  };
}
