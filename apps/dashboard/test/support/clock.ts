/** A clock the test moves by hand, shared by the verifier and the dashboard. */
export interface TestClock {
  (): number;
  advance(milliseconds: number): void;
}

/** A whole hour, so hour-aligned periods start exactly at the scenario's start. */
export const CLOCK_START = Date.parse('2030-01-15T10:00:00.000Z');

export function testClock(start: number = CLOCK_START): TestClock {
  let now = start;
  const clock = (() => now) as TestClock;
  clock.advance = (milliseconds) => {
    now += milliseconds;
  };
  return clock;
}
