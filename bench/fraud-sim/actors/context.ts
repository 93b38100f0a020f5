import type { Order, SimBrand, Target } from '../client.js';
import type { Actor } from '../ledger.js';
import type { Random } from '../random.js';
import type { SimClock } from '../sim-clock.js';

/** What every actor is given: the clock, its own random source, the verifier and the run's brands. */
export interface ActorContext {
  clock: SimClock;
  random: Random;
  /** The verifier as seen with one brand's page (its Origin and secret key). */
  target(brand: SimBrand): Target;
  brands: { de: SimBrand; at: SimBrand };
  /** Marks a number's SIM changed at `date` in the CAMARA stand-in, by an attacker or by its customer. */
  swapSim(phone: string, date: Date, by: Actor): void;
  /** A person solving the brands' captcha: the token the widget gives the page. Undefined: the brands have none. */
  solveCaptcha: (() => string) | undefined;
}

/** A new order of a phone, a tariff or an accessory, between 20 and 1,500 euros (in cents). */
export function newOrder(random: Random, prefix: string): Order {
  const [min, max] = random.weighted<readonly [number, number]>([
    [[2_000, 9_900], 40],
    [[10_000, 49_900], 35],
    [[50_000, 150_000], 25],
  ]);
  return { id: `${prefix}-${random.digits(12)}`, amount: random.int(min, max), currency: 'EUR' };
}
