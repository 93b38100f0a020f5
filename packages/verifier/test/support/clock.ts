/** A clock the test moves by hand; injected into the verifier as its only source of time. */
export interface TestClock {
  (): number;
  advance(milliseconds: number): void;
  advanceSeconds(seconds: number): void;
  set(epochMilliseconds: number): void;
}

/** A fixed, whole-second start keeps iat/exp arithmetic exact. */
export const CLOCK_START = Date.parse('2030-01-15T10:00:00.000Z');

export function testClock(start: number = CLOCK_START): TestClock {
  let now = start;
  const clock = (() => now) as TestClock;
  clock.advance = (milliseconds) => {
    now += milliseconds;
  };
  clock.advanceSeconds = (seconds) => {
    now += seconds * 1000;
  };
  clock.set = (epochMilliseconds) => {
    now = epochMilliseconds;
  };
  return clock;
}
