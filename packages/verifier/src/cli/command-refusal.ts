/** A command the CLI understood but the data does not allow (no such message, a state it cannot leave): exit 1. */
export class CommandRefusal extends Error {}
