import type { ActorContext } from './actors/context.js';
import { bruteForce, enumerationProbes, pumpingRun, simSwapTakeover, spreadPumpingRun } from './actors/attackers.js';
import { legitimateCustomer } from './actors/legit-customer.js';
import type { SimBrand, Target } from './client.js';
import { CarrierNat } from './devices.js';
import { EventTap } from './event-tap.js';
import type { Figures } from './figures.js';
import { figuresOf } from './figures.js';
import { Ledger } from './ledger.js';
import { Random } from './random.js';
import { SimClock } from './sim-clock.js';
import type { VerifierSetup } from './verifier-under-test.js';
import { startVerifierUnderTest } from './verifier-under-test.js';

export interface SimulationOptions {
  /** Legitimate customers over the simulated day. */
  legit: number;
  /** Sequential numbers the pumping bot tries (one send attempt each). */
  pumping: number;
  /** Numbers the spread pumping bot tries, one or two per number block. */
  pumpingSpread: number;
  /** Victims the brute-force attacker guesses codes of, each all day long. */
  bruteForce: number;
  /** Orders placed with recently swapped SIMs. */
  simSwap: number;
  /** Numbers the enumeration script tries. */
  enumeration: number;
  seed: number;
}

export interface Progress {
  simulatedHours: number;
  sendAttempts: number;
  elapsedSeconds: number;
}

/** Local midnight in Germany and Austria (CET): the simulated day runs from here for 24 hours. */
export const SIMULATION_START = Date.parse('2030-03-10T23:00:00.000Z');
const HOUR = 3_600_000;

/**
 * Orders per local hour of the day in a German web shop (relative): quiet at night, a noon plateau and an
 * evening peak around 20:00.
 */
const DAILY_CURVE = [
  0.8, 0.4, 0.25, 0.2, 0.2, 0.4, 1.2, 2.5, 3.6, 4.4, 5, 5.4, 5.8, 5.6, 5.3, 5.2, 5.3, 5.6, 6.2, 7, 7.4, 6.8, 4.8, 2.5,
];

/**
 * bench/fraud-sim's core: a simulated day of legitimate orders mixed with attacks, through the real verifier over
 * HTTP, measured from its answers, its event log and its dev inbox. See bench/README.md.
 */
export async function runFraudSimulation(
  options: SimulationOptions,
  setup: VerifierSetup,
  onProgress: (progress: Progress) => void = () => {},
): Promise<Figures> {
  const started = performance.now();
  const clock = new SimClock(SIMULATION_START);
  const under = await startVerifierUnderTest(clock.now, setup);
  try {
    const ledger = new Ledger();
    const events = new EventTap(under.verifier.context.store);
    const target = (brand: SimBrand): Target => ({ url: under.verifier.url, brand, ledger, events, now: clock.now });
    const random = new Random(options.seed);
    const { captcha } = under;
    const actorContext = (): ActorContext => ({
      clock,
      random: random.fork(),
      target,
      brands: under.brands,
      swapSim: (phone, date, by) => {
        under.simSwap.setSwap(phone, date);
        ledger.swapped.set(phone, by);
      },
      solveCaptcha: captcha === undefined ? undefined : () => captcha.issueToken(),
    });

    const nat = new CarrierNat(random, Math.max(1, Math.round(options.legit / 40)));
    for (let n = 0; n < options.legit; n += 1) {
      const context = actorContext();
      clock.spawn(arrival(context.random), () => legitimateCustomer(context, nat));
    }
    const attack = (hours: readonly [number, number], run: (context: ActorContext) => Promise<void>) => {
      const context = actorContext();
      clock.spawn(SIMULATION_START + context.random.between(...hours) * HOUR, () => run(context));
    };
    // The pumping runs and the enumeration start at any time, the brute force in the first hour and goes on all day.
    if (options.pumping > 0) attack([0, 18], (context) => pumpingRun(context, options.pumping));
    if (options.pumpingSpread > 0) attack([0, 18], (context) => spreadPumpingRun(context, options.pumpingSpread));
    for (let n = 0; n < options.bruteForce; n += 1) {
      attack([0, 1], (context) => bruteForce(context, SIMULATION_START + 24 * HOUR));
    }
    if (options.enumeration > 0) attack([0, 20], (context) => enumerationProbes(context, options.enumeration));
    for (let n = 0; n < options.simSwap; n += 1) attack([0, 24], simSwapTakeover);

    let lastReport = performance.now();
    await clock.run(() => {
      if (performance.now() - lastReport < 2_000) return;
      lastReport = performance.now();
      onProgress({
        simulatedHours: (clock.now() - SIMULATION_START) / HOUR,
        sendAttempts: ledger.attempts.length,
        elapsedSeconds: (lastReport - started) / 1000,
      });
    });
    await drainOutbox(under.verifier.context.store);
    return figuresOf({
      options,
      setup,
      codeLength: under.verifier.context.brands.get(under.brands.de.id)?.effectivePolicy.codeLength ?? 6,
      ledger,
      store: under.verifier.context.store,
      prices: under.verifier.context.brands.prices,
      simulatedHours: (clock.now() - SIMULATION_START) / HOUR,
      elapsedSeconds: (performance.now() - started) / 1000,
    });
  } finally {
    await under.stop();
  }
}

/** A customer's arrival: an hour of the day by the daily curve, then any moment in it. */
function arrival(random: Random): number {
  const hour = random.weighted(DAILY_CURVE.map((weight, index) => [index, weight] as const));
  return SIMULATION_START + (hour + random.next()) * HOUR;
}

/** Waits (real time) until the outbox has handed every queued message to the dev inbox: the ground truth is complete. */
async function drainOutbox(store: { countMessagesByState(): Partial<Record<string, number>> }): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const states = store.countMessagesByState();
    if ((states.queued ?? 0) + (states.sending ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the outbox did not hand every queued message to the dev inbox within 30 s');
}
