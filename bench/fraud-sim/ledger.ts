/** What the simulation saw: every attempt to have a code sent, and every other answer worth counting. */
export const ACTORS = ['legit', 'pumping', 'pumping_spread', 'brute_force', 'sim_swap', 'enumeration'] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * How an attempt to have a code sent ended. `blocked` and `challenged` are the risk engine's and the limits' refusals
 * (recorded as events); `too_soon` (the resend cooldown) and `invalid_number` (a number that is no number) are the
 * client's own mistakes, listed apart; `error` is anything else.
 */
export type SendOutcome = 'sent' | 'blocked' | 'challenged' | 'too_soon' | 'invalid_number' | 'error';

export interface SendAttempt {
  actor: Actor;
  /** The simulated client (one customer, or one request of a script) that made the attempt. */
  client: number;
  /** Where the number was refused, if at all: at session creation or at the send. */
  step: 'create' | 'send';
  phone: string;
  sessionId: string | undefined;
  at: number;
  outcome: SendOutcome;
  /** "<status> <code>" of the answer. */
  answer: string;
  challenge?: string;
  /** The rules (or limit names) the verifier's events give for a refusal. */
  reasons: string[];
  /** SMS segments the event log records for the refused or queued message; undefined when it records none. */
  segments: number | undefined;
  /** Rules that hit in dry-run (reported, not enforced): with no captcha, the captcha rules are reported so. */
  dryRun: string[];
  /** Seconds until the next send may be asked for, when the verifier said. */
  retryAfter: number | undefined;
}

export class Ledger {
  readonly attempts: SendAttempt[] = [];
  /** Other answers by actor and kind ("check 422 invalid_code", "create 422 invalid_phone"...). */
  readonly answers = new Map<string, number>();
  /** Sessions that were verified (a correct code), by actor. */
  readonly verified = new Map<Actor, number>();
  /** Codes typed, by actor, and those the verifier compared with a live code (its event log: wrong or verified). */
  readonly guesses = new Map<Actor, { typed: number; live: number }>();
  /** Numbers whose SIM changed recently, and whose: an attacker's swap or a customer's own new SIM. */
  readonly swapped = new Map<string, Actor>();
  #clients = 0;

  newClient(): number {
    this.#clients += 1;
    return this.#clients;
  }

  count(actor: Actor, what: string): void {
    const key = `${actor} ${what}`;
    this.answers.set(key, (this.answers.get(key) ?? 0) + 1);
  }

  countVerified(actor: Actor): void {
    this.verified.set(actor, (this.verified.get(actor) ?? 0) + 1);
  }

  countGuess(actor: Actor, reachedLiveCode: boolean): void {
    const guesses = this.guesses.get(actor) ?? { typed: 0, live: 0 };
    this.guesses.set(actor, { typed: guesses.typed + 1, live: guesses.live + (reachedLiveCode ? 1 : 0) });
  }
}
