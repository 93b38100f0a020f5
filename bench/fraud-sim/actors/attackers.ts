import { SimClient } from '../client.js';
import { customerBrowser, homeAddress, rotatingAddress, scriptBrowser } from '../devices.js';
import { germanMobile, prefixOf, sequential } from '../numbers.js';
import type { Random } from '../random.js';
import type { ActorContext } from './context.js';
import { newOrder } from './context.js';

/** The first numbers of the pumping runs: German premium rate (0900-1…) and one mobile range (0151 1234 …). */
export const PUMPED_RANGES = { premium: '+499001000000', mobile: '+4915112340000' } as const;

/**
 * SMS pumping: a bot opens sessions for sequential numbers it earns from (premium rate, and a mobile range of a
 * partner operator), half of each, every few seconds, each request from a new address of a large proxy pool and
 * with a new user agent and fingerprint. It never types a code.
 */
export async function pumpingRun(context: ActorContext, attempts: number): Promise<void> {
  const { random, clock } = context;
  const target = context.target(context.brands.de);
  for (let n = 0; n < attempts; n += 1) {
    const start = n % 2 === 0 ? PUMPED_RANGES.premium : PUMPED_RANGES.mobile;
    const phone = sequential(start, Math.floor(n / 2));
    const client = new SimClient(target, 'pumping', scriptBrowser(random), rotatingAddress(random));
    const session = await client.createSession(phone, newOrder(random, 'pump'));
    if (typeof session !== 'string') await client.send(session);
    await clock.sleep(random.between(2, 12));
  }
}

/**
 * SMS pumping spread thin over German mobile number blocks: one or two numbers in each block (the prefix the risk
 * engine counts: the number minus its last 4 digits), so no block sees more than two sends, at the same pace and with
 * the same rotating addresses as the sequential run. Only the low-conversion rules and the spend caps can see it.
 */
export async function spreadPumpingRun(context: ActorContext, attempts: number): Promise<void> {
  const { random, clock } = context;
  const target = context.target(context.brands.de);
  let phone = germanMobile(random);
  let inBlock = 1;
  for (let n = 0; n < attempts; n += 1) {
    const client = new SimClient(target, 'pumping_spread', scriptBrowser(random), rotatingAddress(random));
    const session = await client.createSession(phone, newOrder(random, 'pump'));
    if (typeof session !== 'string') await client.send(session);
    await clock.sleep(random.between(2, 12));
    const sameBlock = inBlock === 1 && random.chance(0.5);
    phone = sameBlock ? `${prefixOf(phone)}${random.digits(4)}` : germanMobile(random);
    inBlock = sameBlock ? 2 : 1;
  }
}

/**
 * Brute force on one victim's number until `until` (the end of the day): a new session every 1 to 3 minutes, each
 * request from a new address, a send, and all 5 guesses the session allows whenever the send went out (when it was
 * refused there is no code to guess, and the script reads the answer).
 */
export async function bruteForce(context: ActorContext, until: number): Promise<void> {
  const { random, clock } = context;
  const target = context.target(context.brands.de);
  const victim = germanMobile(random);
  // The guesses draw from their own source, so the sessions come at the same times whatever the answers were.
  const guessing = random.fork();
  while (clock.now() < until) {
    const client = new SimClient(target, 'brute_force', scriptBrowser(random), rotatingAddress(random));
    const session = await client.createSession(victim, newOrder(random, 'bf'));
    if (typeof session !== 'string' && (await client.send(session)).outcome === 'sent') {
      for (let guess = 0; guess < 5; guess += 1) {
        client.ip = rotatingAddress(guessing);
        if ((await client.check(session, guessing.digits(6))) !== undefined) break;
      }
    }
    await clock.sleep(random.between(60, 180));
  }
}

/**
 * Account takeover after a SIM swap: the attacker holds the victim's number (swapped 1 to 48 hours ago) and orders
 * with it from an ordinary phone. The shop's step-up would ask the real customer, so it never passes: the attacker
 * asks again once and gives up.
 */
export async function simSwapTakeover(context: ActorContext): Promise<void> {
  const { random, clock } = context;
  const brand = random.chance(0.7) ? context.brands.de : context.brands.at;
  const phone = germanMobile(random);
  context.swapSim(phone, new Date(clock.now() - random.between(1, 48) * 3_600_000), 'sim_swap');
  const target = context.target(brand);
  const client = new SimClient(target, 'sim_swap', customerBrowser(random, 'DE'), homeAddress(random, 'DE'));
  const session = await client.createSession(phone, newOrder(random, 'ato'));
  if (typeof session === 'string') return;
  for (let ask = 0; ask < 2; ask += 1) {
    const attempt = await client.send(session);
    if (attempt.outcome === 'sent') {
      await clock.sleep(random.between(10, 30));
      const code = await client.readCode(session);
      const token = code === undefined ? undefined : await client.check(session, code);
      if (token !== undefined) await client.redeem(token, session.order);
      return;
    }
    await clock.sleep(random.between(30, 120));
  }
}

/** The kinds of number an enumeration script tries, with their shares. */
const PROBES: readonly (readonly [(random: Random) => string, number])[] = [
  [germanMobile, 60],
  [(random) => `+49${random.int(150, 179)}${random.digits(random.int(5, 9))}`, 20], // guessed, often no number
  [(random) => `+4930${random.digits(8)}`, 10], // Berlin landlines
  [(random) => `+447${random.digits(9)}`, 10], // British mobiles
];

/**
 * Enumeration: a script on a few rented servers tries many numbers (create and send) to learn which are valid and
 * served by the shop, one every few seconds.
 */
export async function enumerationProbes(context: ActorContext, probes: number): Promise<void> {
  const { random, clock } = context;
  const target = context.target(context.brands.de);
  const servers = Array.from({ length: 4 }, () => rotatingAddress(random));
  for (let n = 0; n < probes; n += 1) {
    const client = new SimClient(target, 'enumeration', scriptBrowser(random), random.pick(servers));
    const session = await client.createSession(random.weighted(PROBES)(random), newOrder(random, 'enum'));
    if (typeof session !== 'string') await client.send(session);
    await clock.sleep(random.between(3, 20));
  }
}
