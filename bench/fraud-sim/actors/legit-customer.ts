import type { OpenSession } from '../client.js';
import { SimClient } from '../client.js';
import type { CarrierNat } from '../devices.js';
import { customerBrowser, homeAddress, mobileIpv6 } from '../devices.js';
import { austrianMobile, germanMobile, mistyped } from '../numbers.js';
import type { Random } from '../random.js';
import type { ActorContext } from './context.js';
import { newOrder } from './context.js';

/**
 * How customers behave, per customer. Shares from what checkout teams report of SMS verification: most type the
 * code within a minute; some mistype their number, ask again, give up, or type a wrong code first.
 */
export const CUSTOMER_BEHAVIOUR = {
  /** The first number typed is one digit short (no valid number: 422), then corrected. */
  missingDigit: 0.05,
  /** The first number typed has one digit wrong (usually a stranger's valid number): no code comes, starts over. */
  digitOff: 0.015,
  /** Never types the code (abandons the order). */
  abandons: 0.08,
  /** Asks for the code again once the cooldown has passed. */
  resends: 0.1,
  /** Types a wrong code first. */
  wrongCodeFirst: 0.05,
  /** The SIM changed in the last 10 days (new phone, lost SIM): the shop steps the customer up. */
  simChanged: 0.005,
  /** On a carrier NAT address shared with a few other customers over the day; on mobile IPv6; else at home. */
  carrierNat: 0.1,
  mobileIpv6: 0.3,
} as const;

/** One customer's order: the number typed (maybe mistyped first), the code asked for, typed and redeemed. */
export async function legitimateCustomer(context: ActorContext, nat: CarrierNat): Promise<void> {
  const { random, clock } = context;
  const brand = random.chance(0.7) ? context.brands.de : context.brands.at;
  const country: 'DE' | 'AT' = brand === context.brands.at && random.chance(0.75) ? 'AT' : 'DE';
  const phone = country === 'AT' ? austrianMobile(random) : germanMobile(random);
  const browser = customerBrowser(random, country);
  const ip = random.chance(CUSTOMER_BEHAVIOUR.carrierNat)
    ? nat.address(random)
    : random.chance(CUSTOMER_BEHAVIOUR.mobileIpv6 / (1 - CUSTOMER_BEHAVIOUR.carrierNat))
      ? mobileIpv6(random)
      : homeAddress(random, country);
  const client = new SimClient(context.target(brand), 'legit', browser, ip);
  const order = newOrder(random, brand.id);
  if (random.chance(CUSTOMER_BEHAVIOUR.simChanged)) {
    context.swapSim(phone, new Date(clock.now() - random.between(2, 230) * 3_600_000), 'legit');
  }

  if (random.chance(CUSTOMER_BEHAVIOUR.missingDigit)) {
    await client.createSession(mistyped(random, phone, 'missing_digit'), order);
    await clock.sleep(random.between(5, 25));
  } else if (random.chance(CUSTOMER_BEHAVIOUR.digitOff)) {
    const wrong = await client.createSession(mistyped(random, phone, 'digit_off'), order);
    if (typeof wrong !== 'string') await sendWithChallenges(context, client, wrong);
    // No code comes; the customer notices the masked number and starts again with the right one.
    await clock.sleep(random.between(60, 180));
  }
  const session = await client.createSession(phone, order);
  if (typeof session === 'string') return;
  if (!(await sendWithChallenges(context, client, session))) return;
  await orderWithCode(context, client, session, random);
}

/**
 * Asks for a code and passes the challenges a person can: the shop's server steps up a customer whose SIM changed,
 * the customer solves the brand's captcha; then asks again. Each challenge is passed at most once.
 */
async function sendWithChallenges(context: ActorContext, client: SimClient, session: OpenSession): Promise<boolean> {
  let attempt = await client.send(session);
  const passed = new Set<string>();
  while (attempt.outcome === 'challenged' && attempt.challenge !== undefined && !passed.has(attempt.challenge)) {
    passed.add(attempt.challenge);
    if (attempt.challenge === 'step_up') {
      if (!(await client.stepUp(session))) return false;
      attempt = await client.send(session);
    } else if (attempt.challenge === 'captcha' && context.solveCaptcha !== undefined) {
      attempt = await client.send(session, context.solveCaptcha());
    } else {
      return false;
    }
  }
  return attempt.outcome === 'sent';
}

async function orderWithCode(
  context: ActorContext,
  client: SimClient,
  session: OpenSession,
  random: Random,
): Promise<void> {
  const { clock } = context;
  if (random.chance(CUSTOMER_BEHAVIOUR.resends)) {
    await clock.sleep(random.between(35, 90));
    if (!(await sendWithChallenges(context, client, session))) return;
  }
  if (random.chance(CUSTOMER_BEHAVIOUR.abandons)) return;
  await clock.sleep(random.between(8, 60));
  const code = await client.readCode(session);
  if (code === undefined) return;
  if (random.chance(CUSTOMER_BEHAVIOUR.wrongCodeFirst)) {
    await client.check(session, wrongDigit(code, random));
    await clock.sleep(random.between(3, 15));
  }
  const token = await client.check(session, code);
  if (token === undefined) return;
  await clock.sleep(random.between(1, 5));
  await client.redeem(token, session.order);
}

function wrongDigit(code: string, random: Random): string {
  const at = random.int(0, code.length - 1);
  return code.slice(0, at) + String((Number(code[at]) + random.int(1, 9)) % 10) + code.slice(at + 1);
}
