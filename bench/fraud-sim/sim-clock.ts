/**
 * Simulated time for the whole run: the verifier's clock, the SIM-swap stand-in's clock and every actor's waits.
 * Actors are async functions run one at a time in simulated-time order (a discrete-event scheduler): an actor runs
 * until it waits (`sleep`) or ends, then the earliest waiting actor resumes with the clock moved to its time. So a
 * day of traffic takes as long as its requests do, and cooldowns, code validity and rate-limit windows are
 * simulated time, the same in every run.
 */
export class SimClock {
  #now: number;
  #sequence = 0;
  readonly #queue: { at: number; sequence: number; resume: () => void }[] = [];
  #endTurn: (() => void) | undefined;
  #failure: unknown;

  constructor(start: number) {
    this.#now = start;
  }

  /** The simulated time, epoch ms: what the verifier reads as `Date.now()`. */
  readonly now = (): number => this.#now;

  /** Waits `seconds` of simulated time (another actor's requests may run meanwhile). */
  sleep(seconds: number): Promise<void> {
    return new Promise((resume) => {
      this.#schedule(this.#now + Math.max(0, seconds) * 1000, resume);
      this.#turnOver();
    });
  }

  /** Starts `actor` at simulated time `at` (epoch ms) once `run` reaches it. */
  spawn(at: number, actor: () => Promise<void>): void {
    this.#schedule(at, () => {
      actor().then(
        () => this.#turnOver(),
        (error: unknown) => {
          this.#failure ??= error;
          this.#turnOver();
        },
      );
    });
  }

  /** Runs every actor to its end, in simulated-time order; `onTurn` after each turn (progress). */
  async run(onTurn: () => void = () => {}): Promise<void> {
    for (let next = this.#pop(); next !== undefined; next = this.#pop()) {
      this.#now = Math.max(this.#now, next.at);
      const turn = next;
      await new Promise<void>((done) => {
        this.#endTurn = done;
        turn.resume();
      });
      if (this.#failure !== undefined) throw this.#failure;
      onTurn();
    }
  }

  #turnOver(): void {
    const done = this.#endTurn;
    this.#endTurn = undefined;
    done?.();
  }

  // A binary min-heap on (at, sequence): equal times run in the order they were scheduled. Whole milliseconds, as
  // a real clock's (the verifier stores times as integers).
  #schedule(at: number, resume: () => void): void {
    const queue = this.#queue;
    queue.push({ at: Math.round(at), sequence: this.#sequence++, resume });
    let index = queue.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.#before(index, parent)) break;
      this.#swap(index, parent);
      index = parent;
    }
  }

  #pop(): { at: number; resume: () => void } | undefined {
    const queue = this.#queue;
    const top = queue[0];
    const last = queue.pop();
    if (top === undefined || last === undefined || queue.length === 0) return top;
    queue[0] = last;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < queue.length && this.#before(left, smallest)) smallest = left;
      if (right < queue.length && this.#before(right, smallest)) smallest = right;
      if (smallest === index) return top;
      this.#swap(index, smallest);
      index = smallest;
    }
  }

  #before(i: number, j: number): boolean {
    const a = this.#queue[i] as { at: number; sequence: number };
    const b = this.#queue[j] as { at: number; sequence: number };
    return a.at < b.at || (a.at === b.at && a.sequence < b.sequence);
  }

  #swap(i: number, j: number): void {
    const queue = this.#queue;
    [queue[i], queue[j]] = [queue[j] as (typeof queue)[number], queue[i] as (typeof queue)[number]];
  }
}
