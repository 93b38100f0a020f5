import type { SimSwapChecker } from './sim-swap-checker.js';

const ANSWER_TTL_MS = 10 * 60_000;
const UNAVAILABLE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * The SIM-swap service asked at most once per number and maximum age every 10 minutes (an unavailable answer: 30
 * seconds): each check is billed, and a send refused by a limit, or a script repeating one, must not be able to run
 * the bill up. Concurrent sends of one number share one request. A SIM swap is not undone within minutes.
 */
export function cachedSimSwap(checker: SimSwapChecker, clock: () => number): SimSwapChecker {
  const answers = new Map<string, { until: number; answer: ReturnType<SimSwapChecker['check']> }>();
  return {
    check: (phoneE164, maxAgeHours) => {
      const key = `${phoneE164}\0${maxAgeHours}`;
      const now = clock();
      const cached = answers.get(key);
      if (cached !== undefined && cached.until > now) return cached.answer;
      if (answers.size >= MAX_ENTRIES) answers.clear();
      const answer = checker.check(phoneE164, maxAgeHours);
      answers.set(key, { until: now + ANSWER_TTL_MS, answer });
      void answer.then((result) => {
        if (result === 'unavailable' && answers.get(key)?.answer === answer) {
          answers.set(key, { until: now + UNAVAILABLE_TTL_MS, answer });
        }
      });
      return answer;
    },
  };
}
