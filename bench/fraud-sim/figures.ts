import type { Actor, Ledger, SendAttempt } from './ledger.js';
import { ACTORS } from './ledger.js';
import { PUMPED_RANGES } from './actors/attackers.js';
import { prefixOf } from './numbers.js';
import type { SimulationOptions } from './simulation.js';

/** The part of the verifier's store the figures read: its dev inbox, sessions and event log. */
export interface GroundTruthStore {
  listDevMessages(filter: { to?: string; limit: number }): { sessionId: string | null }[];
  findSession(id: string): { challengesPassed: readonly string[] } | undefined;
  listEvents(filter: { afterId?: number; limit: number }): { id: number; at: number; type: string; data: object }[];
}

export interface PriceTable {
  currency: string;
  smsSegment: Record<string, number>;
}

export interface ActorFigures {
  /** Attempts to have a code sent (a number refused at session creation counts as one), mistakes left out. */
  attempts: number;
  sent: number;
  /** Attempts that sent no code because the risk engine or a limit refused them (for customers: not passed). */
  blocked: number;
  blockedShare: number;
  /** The first rule (or limit) of each refusal. */
  byReason: Record<string, number>;
  /** Attempts each dry-run rule hit (what it would have refused if enforced). */
  dryRunHits: Record<string, number>;
  /** Codes the dev inbox received for this actor's numbers: the ground truth of `sent`. */
  inboxMessages: number;
  /** Answers that are the client's own mistakes or neither sent nor refused ("<step> <status> <code>"). */
  otherAnswers: Record<string, number>;
}

export interface TargetFigure {
  figure: string;
  value: string;
  target: string;
  pass: boolean;
}

export interface Figures {
  options: SimulationOptions;
  simulatedHours: number;
  elapsedSeconds: number;
  actors: Record<Actor, ActorFigures>;
  /** Customers whose send was challenged for a changed SIM and went out after the shop's step-up. */
  legitStepUps: number;
  legitVerified: number;
  /** The first 20 refusals of customers' sends: the evidence of what blocked them. */
  legitRefusals: { prefix: string; reasons: string[]; at: number; attackedPrefix: boolean }[];
  /** All attacks together: attempts that sent no code, of all attack attempts. */
  attackBlockedShare: number;
  pumping: {
    blockedShare: number;
    /** Pumping codes that went out, by the range they went to. */
    sentTo: { premium: number; mobile: number };
    currency: string;
    /** Blocked pumping segments × the price table. */
    moneySaved: number;
    /** Pumping segments that went out × the price table. */
    moneyLost: number;
    /** Refusals whose event recorded no segment count, estimated as 1 segment. */
    segmentsEstimated: number;
  };
  bruteForceSuccesses: number;
  codesToSwappedSimsWithoutStepUp: number;
  /** Prefixes and countries the low-conversion rule blocked during the run. */
  lowConversionBlocks: { subject: string; at: number; sends: number; verified: number }[];
  targets: TargetFigure[];
}

export function figuresOf(run: {
  options: SimulationOptions;
  ledger: Ledger;
  store: GroundTruthStore;
  prices: PriceTable;
  simulatedHours: number;
  elapsedSeconds: number;
}): Figures {
  const { ledger, store, prices } = run;
  const inboxCount = (phone: string) => store.listDevMessages({ to: phone, limit: 100_000 }).length;
  const actors = Object.fromEntries(ACTORS.map((actor) => [actor, actorFigures(ledger, actor, inboxCount)])) as Record<
    Actor,
    ActorFigures
  >;
  const legitStepUps = ledger.attempts.filter(
    (attempt) => attempt.actor === 'legit' && attempt.outcome === 'challenged' && isSteppedUp(ledger, attempt),
  ).length;

  const price = (phone: string) => prices.smsSegment[countryOf(phone)] ?? prices.smsSegment.default ?? 0;
  const pumping = ledger.attempts.filter((attempt) => attempt.actor === 'pumping' && attempt.outcome !== 'too_soon');
  const blockedPumping = pumping.filter((attempt) => attempt.outcome !== 'sent');
  const sentPumping = pumping.filter((attempt) => attempt.outcome === 'sent');
  const money = (attempts: SendAttempt[]) =>
    attempts.reduce((sum, attempt) => sum + (attempt.segments ?? 1) * price(attempt.phone), 0);

  const attacks = ACTORS.filter((actor) => actor !== 'legit').map((actor) => actors[actor]);
  const attackAttempts = attacks.reduce((sum, figures) => sum + figures.attempts, 0);
  const attackSent = attacks.reduce((sum, figures) => sum + figures.sent, 0);

  const figures: Omit<Figures, 'targets'> = {
    options: run.options,
    simulatedHours: run.simulatedHours,
    elapsedSeconds: run.elapsedSeconds,
    actors,
    legitStepUps,
    legitVerified: ledger.verified.get('legit') ?? 0,
    legitRefusals: legitRefusals(ledger),
    attackBlockedShare: share(attackAttempts - attackSent, attackAttempts),
    pumping: {
      blockedShare: actors.pumping.blockedShare,
      sentTo: {
        premium: sentPumping.filter((attempt) => isPremium(attempt.phone)).length,
        mobile: sentPumping.filter((attempt) => !isPremium(attempt.phone)).length,
      },
      currency: prices.currency,
      moneySaved: money(blockedPumping),
      moneyLost: money(sentPumping),
      segmentsEstimated: pumping.filter((attempt) => attempt.segments === undefined).length,
    },
    bruteForceSuccesses: ledger.verified.get('brute_force') ?? 0,
    codesToSwappedSimsWithoutStepUp: codesWithoutStepUp(ledger, store),
    lowConversionBlocks: lowConversionBlocks(store),
  };
  return { ...figures, targets: targetsOf(figures) };
}

function actorFigures(ledger: Ledger, actor: Actor, inboxCount: (phone: string) => number): ActorFigures {
  const own = ledger.attempts.filter((attempt) => attempt.actor === actor);
  const counted = own.filter((attempt) => attempt.outcome !== 'too_soon');
  const sent = counted.filter((attempt) => attempt.outcome === 'sent').length;
  const refused = counted.filter(
    (attempt) =>
      attempt.outcome === 'blocked' ||
      (attempt.outcome === 'challenged' && !(actor === 'legit' && isSteppedUp(ledger, attempt))),
  );
  // A customer's challenge the shop passed (step-up) is neither a send nor a refusal: the send after it counts.
  const attempts = counted.filter((attempt) => !(attempt.outcome === 'challenged' && !refused.includes(attempt)));
  const byReason: Record<string, number> = {};
  for (const attempt of refused) {
    const reason = attempt.reasons[0] ?? `(${attempt.answer})`;
    byReason[reason] = (byReason[reason] ?? 0) + 1;
  }
  const dryRunHits: Record<string, number> = {};
  for (const rule of counted.flatMap((attempt) => attempt.dryRun)) dryRunHits[rule] = (dryRunHits[rule] ?? 0) + 1;
  const otherAnswers: Record<string, number> = {};
  for (const attempt of own.filter((entry) => entry.outcome === 'too_soon' || entry.outcome === 'error')) {
    const key = `send ${attempt.answer}`;
    otherAnswers[key] = (otherAnswers[key] ?? 0) + 1;
  }
  for (const [key, count] of ledger.answers) {
    const [who, ...what] = key.split(' ');
    if (who === actor && !/^(check 200|redeem 200|step-up 200)/.test(what.join(' '))) {
      otherAnswers[what.join(' ')] = count;
    }
  }
  const phones = new Set(own.map((attempt) => attempt.phone));
  return {
    attempts: attempts.length,
    sent,
    blocked: refused.length,
    blockedShare: share(refused.length, attempts.length),
    byReason,
    dryRunHits,
    inboxMessages: [...phones].reduce((sum, phone) => sum + inboxCount(phone), 0),
    otherAnswers,
  };
}

function legitRefusals(ledger: Ledger): Figures['legitRefusals'] {
  const attacked = new Set(
    ledger.attempts.filter((attempt) => attempt.actor !== 'legit').map((attempt) => prefixOf(attempt.phone)),
  );
  return ledger.attempts
    .filter(
      (attempt) =>
        attempt.actor === 'legit' &&
        (attempt.outcome === 'blocked' || (attempt.outcome === 'challenged' && !isSteppedUp(ledger, attempt))),
    )
    .slice(0, 20)
    .map((attempt) => ({
      prefix: prefixOf(attempt.phone),
      reasons: attempt.reasons,
      at: attempt.at,
      attackedPrefix: attacked.has(prefixOf(attempt.phone)),
    }));
}

function isSteppedUp(ledger: Ledger, attempt: SendAttempt): boolean {
  return attempt.challenge === 'step_up' && attempt.sessionId !== undefined && ledger.steppedUp.has(attempt.sessionId);
}

/** Dev-inbox messages to numbers whose SIM changed recently, in sessions that did not pass the step-up. */
function codesWithoutStepUp(ledger: Ledger, store: GroundTruthStore): number {
  let count = 0;
  for (const phone of ledger.swapped.keys()) {
    for (const message of store.listDevMessages({ to: phone, limit: 100_000 })) {
      const session = message.sessionId === null ? undefined : store.findSession(message.sessionId);
      if (!session?.challengesPassed.includes('step_up')) count += 1;
    }
  }
  return count;
}

function lowConversionBlocks(store: GroundTruthStore): Figures['lowConversionBlocks'] {
  const blocks: Figures['lowConversionBlocks'] = [];
  let after = 0;
  for (;;) {
    const page = store.listEvents({ afterId: after, limit: 5_000 });
    for (const event of page) {
      if (event.type !== 'risk.block_started') continue;
      const data = event.data as { scope: string; subject: string; sends: number; verified: number };
      blocks.push({
        subject: `${data.scope} ${data.subject}`,
        at: event.at,
        sends: data.sends,
        verified: data.verified,
      });
    }
    const last = page.at(-1);
    if (last === undefined || page.length < 5_000) return blocks;
    after = last.id;
  }
}

function targetsOf(figures: Omit<Figures, 'targets'>): TargetFigure[] {
  const percent = (value: number) => `${(value * 100).toFixed(2)} %`;
  const legit = figures.actors.legit;
  return [
    {
      figure: 'pumping sends blocked',
      value: `${percent(figures.pumping.blockedShare)} (${figures.actors.pumping.blocked} of ${figures.actors.pumping.attempts})`,
      target: '>= 95 %',
      pass: figures.actors.pumping.attempts > 0 && figures.pumping.blockedShare >= 0.95,
    },
    {
      figure: 'legitimate sends blocked',
      value: `${percent(legit.blockedShare)} (${legit.blocked} of ${legit.attempts})`,
      target: '<= 1 %',
      pass: legit.attempts > 0 && legit.blockedShare <= 0.01,
    },
    {
      figure: 'brute-force successes',
      value: String(figures.bruteForceSuccesses),
      target: '0',
      pass: figures.bruteForceSuccesses === 0,
    },
    {
      figure: 'codes to swapped SIMs without step-up',
      value: String(figures.codesToSwappedSimsWithoutStepUp),
      target: '0',
      pass: figures.codesToSwappedSimsWithoutStepUp === 0,
    },
  ];
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function countryOf(e164: string): string {
  if (e164.startsWith('+49')) return 'DE';
  if (e164.startsWith('+43')) return 'AT';
  if (e164.startsWith('+44')) return 'GB';
  return 'default';
}

/** A number of the pumped premium-rate range (0900), as opposed to the pumped mobile range. */
function isPremium(e164: string): boolean {
  return e164.slice(0, 6) === PUMPED_RANGES.premium.slice(0, 6);
}
