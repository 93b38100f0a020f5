import { OrderTokenError } from '../../src/index.js';

/** Awaits a call that must refuse the token and returns the OrderTokenError (anything else fails the test). */
export async function refusal(promise: Promise<unknown>): Promise<OrderTokenError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    if (error instanceof OrderTokenError) return error;
    throw error;
  }
  throw new Error(`expected an OrderTokenError, but the call resolved with ${JSON.stringify(outcome)}`);
}
