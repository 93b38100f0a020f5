import type { Actor, Ledger, SendAttempt } from './ledger.js';
import { ACTORS } from './ledger.js';
import { PUMPED_RANGES } from './actors/attackers.js';
import { prefixOf } from './numbers.js';
import type { SimulationOptions } from './simulation.js';
import type { VerifierSetup } from './verifier-under-test.js';

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

/** A pumping run's cost: what its blocked attempts would have cost, and what its sends did. */
export interface PumpingFigures {
  blockedShare: number;
  sent: number;
  /** Blocked segments × the price table. */
  moneySaved: number;
  /** Segments that went out × the price table. */
  moneyLost: number;
  /** Attempts whose event recorded no segment count, estimated as 1 segment. */
  segmentsEstimated: number;
}

export interface Figures {
  options: SimulationOptions;
  setup: VerifierSetup;
  simulatedHours: number;
  elapsedSeconds: number;
  actors: Record<Actor, ActorFigures>;
  /** Customers whose send was challenged for a changed SIM and went out after the shop's step-up. */
  legitStepUps: number;
  legitVerified: number;
  /** Legitimate customers (not sends): all who asked for a code, those challenged by the captcha, those refused once. */
  legitCustomers: { asked: number; captchaChallenged: number; refused: number };
  /** The first 20 refusals of customers' sends: the evidence of what blocked them. */
  legitRefusals: { prefix: string; reasons: string[]; at: number; attackedPrefix: boolean }[];
  /** All attacks together: attempts that sent no code, of all attack attempts. */
  attackBlockedShare: number;
  currency: string;
  /** The sequential run over premium-rate and one mobile range, with its codes by the range they went to. */
  pumping: PumpingFigures & { sentTo: { premium: number; mobile: number } };
  /** The run spread over many number blocks, one or two numbers each. */
  pumpingSpread: PumpingFigures;
  bruteForce: {
    /** Codes typed, and those the verifier compared with a live code (not a session without one). */
    guesses: number;
    liveGuesses: number;
    /** What pure chance gives at that count: live guesses × 10^-codeLength. */
    expectedSuccesses: number;
    codeLength: number;
  };
  bruteForceSuccesses: number;
  codesToSwappedSimsWithoutStepUp: number;
  /** Of those, codes to numbers an attacker swapped (the rest: customers' own new SIMs). */
  codesToAttackerSwappedSims: number;
  /** Prefixes and countries the low-conversion rule blocked during the run. */
  lowConversionBlocks: { subject: string; at: number; sends: number; verified: number }[];
  targets: TargetFigure[];
}

export function figuresOf(run: {
  options: SimulationOptions;
  setup: VerifierSetup;
  codeLength: number;
  ledger: Ledger;
  store: GroundTruthStore;
  prices: PriceTable;
  simulatedHours: number;
  elapsedSeconds: number;
}): Figures {
  const { ledger, store, prices } = run;
  const inboxCount = (phone: string) => store.listDevMessages({ to: phone, limit: 100_000 }).length;
  const passed = passedChallenge(store);
  const actors = Object.fromEntries(
    ACTORS.map((actor) => [actor, actorFigures(ledger, actor, inboxCount, passed)]),
  ) as Record<Actor, ActorFigures>;
  const legitAttempts = ledger.attempts.filter((attempt) => attempt.actor === 'legit');
  const legitStepUps = legitAttempts.filter((attempt) => attempt.challenge === 'step_up' && passed(attempt)).length;

  const price = (phone: string) => prices.smsSegment[countryOf(phone)] ?? prices.smsSegment.default ?? 0;
  const pumpingOf = (actor: Actor): PumpingFigures => {
    const counted = ledger.attempts.filter((attempt) => attempt.actor === actor && attempt.outcome !== 'too_soon');
    const money = (attempts: SendAttempt[]) =>
      attempts.reduce((sum, attempt) => sum + (attempt.segments ?? 1) * price(attempt.phone), 0);
    const sent = counted.filter((attempt) => attempt.outcome === 'sent');
    return {
      blockedShare: actors[actor].blockedShare,
      sent: sent.length,
      moneySaved: money(counted.filter((attempt) => attempt.outcome !== 'sent')),
      moneyLost: money(sent),
      segmentsEstimated: counted.filter((attempt) => attempt.segments === undefined).length,
    };
  };
  const sentPumping = ledger.attempts.filter((attempt) => attempt.actor === 'pumping' && attempt.outcome === 'sent');

  const attacks = ACTORS.filter((actor) => actor !== 'legit').map((actor) => actors[actor]);
  const attackAttempts = attacks.reduce((sum, figures) => sum + figures.attempts, 0);
  const attackSent = attacks.reduce((sum, figures) => sum + figures.sent, 0);
  const guesses = ledger.guesses.get('brute_force') ?? { typed: 0, live: 0 };
  const swappedCodes = codesWithoutStepUp(ledger, store);

  const figures: Omit<Figures, 'targets'> = {
    options: run.options,
    setup: run.setup,
    simulatedHours: run.simulatedHours,
    elapsedSeconds: run.elapsedSeconds,
    actors,
    legitStepUps,
    legitVerified: ledger.verified.get('legit') ?? 0,
    legitCustomers: {
      asked: new Set(legitAttempts.map((attempt) => attempt.client)).size,
      captchaChallenged: new Set(
        legitAttempts.filter((attempt) => attempt.challenge === 'captcha').map((attempt) => attempt.client),
      ).size,
      refused: new Set(legitAttempts.filter((attempt) => isRefusal(attempt, passed)).map((attempt) => attempt.client))
        .size,
    },
    legitRefusals: legitRefusals(ledger, passed),
    attackBlockedShare: share(attackAttempts - attackSent, attackAttempts),
    currency: prices.currency,
    pumping: {
      ...pumpingOf('pumping'),
      sentTo: {
        premium: sentPumping.filter((attempt) => isPremium(attempt.phone)).length,
        mobile: sentPumping.filter((attempt) => !isPremium(attempt.phone)).length,
      },
    },
    pumpingSpread: pumpingOf('pumping_spread'),
    bruteForce: {
      guesses: guesses.typed,
      liveGuesses: guesses.live,
      expectedSuccesses: guesses.live * 10 ** -run.codeLength,
      codeLength: run.codeLength,
    },
    bruteForceSuccesses: ledger.verified.get('brute_force') ?? 0,
    codesToSwappedSimsWithoutStepUp: swappedCodes.total,
    codesToAttackerSwappedSims: swappedCodes.toAttackers,
    lowConversionBlocks: lowConversionBlocks(store),
  };
  return { ...figures, targets: targetsOf(figures) };
}

/** Whether an attempt's challenge was passed later in its session (the store's `challengesPassed`). */
type PassedChallenge = (attempt: SendAttempt) => boolean;

function passedChallenge(store: GroundTruthStore): PassedChallenge {
  return (attempt) =>
    attempt.challenge !== undefined &&
    attempt.sessionId !== undefined &&
    (store.findSession(attempt.sessionId)?.challengesPassed.includes(attempt.challenge) ?? false);
}

/** Refused: blocked, or challenged and the challenge never passed (a passed one is neither sent nor refused). */
function isRefusal(attempt: SendAttempt, passed: PassedChallenge): boolean {
  return attempt.outcome === 'blocked' || (attempt.outcome === 'challenged' && !passed(attempt));
}

function actorFigures(
  ledger: Ledger,
  actor: Actor,
  inboxCount: (phone: string) => number,
  passed: PassedChallenge,
): ActorFigures {
  const own = ledger.attempts.filter((attempt) => attempt.actor === actor);
  const counted = own.filter((attempt) => attempt.outcome !== 'too_soon');
  const sent = counted.filter((attempt) => attempt.outcome === 'sent').length;
  const refused = counted.filter((attempt) => isRefusal(attempt, passed));
  // A challenge that was passed (the shop's step-up, the customer's captcha) is neither a send nor a refusal: the
  // send after it counts.
  const attempts = counted.filter((attempt) => !(attempt.outcome === 'challenged' && passed(attempt)));
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

function legitRefusals(ledger: Ledger, passed: PassedChallenge): Figures['legitRefusals'] {
  const attacked = new Set(
    ledger.attempts.filter((attempt) => attempt.actor !== 'legit').map((attempt) => prefixOf(attempt.phone)),
  );
  return ledger.attempts
    .filter((attempt) => attempt.actor === 'legit' && isRefusal(attempt, passed))
    .slice(0, 20)
    .map((attempt) => ({
      prefix: prefixOf(attempt.phone),
      reasons: attempt.reasons,
      at: attempt.at,
      attackedPrefix: attacked.has(prefixOf(attempt.phone)),
    }));
}

/** Dev-inbox messages to numbers whose SIM changed recently, in sessions that did not pass the step-up. */
function codesWithoutStepUp(ledger: Ledger, store: GroundTruthStore): { total: number; toAttackers: number } {
  const codes = { total: 0, toAttackers: 0 };
  for (const [phone, swappedBy] of ledger.swapped) {
    for (const message of store.listDevMessages({ to: phone, limit: 100_000 })) {
      const session = message.sessionId === null ? undefined : store.findSession(message.sessionId);
      if (session?.challengesPassed.includes('step_up')) continue;
      codes.total += 1;
      if (swappedBy !== 'legit') codes.toAttackers += 1;
    }
  }
  return codes;
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
