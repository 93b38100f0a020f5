import { parseArgs } from 'node:util';
import type { Operators, Role } from '../auth/operators.js';
import { OperatorError } from '../auth/operators.js';

export const USERS_USAGE = `  otp-verify-dashboard users add NAME --role operator|analyst [--brand ID]
                                         add a user; the password comes from DASHBOARD_PASSWORD or stdin
                                         (at least 12 characters, not a common one); an analyst needs --brand
  otp-verify-dashboard users list        list the users: name, role, brand
  otp-verify-dashboard users remove NAME remove a user and end their sessions
  otp-verify-dashboard users reset-password NAME
                                         set a new password (DASHBOARD_PASSWORD or stdin); ends their sessions`;

export interface UsersCommandDeps {
  operators: Operators;
  /** The new password (from the environment or stdin), read only when a command needs one. */
  password: () => Promise<string>;
  /** Whether a brand id exists; undefined when the brands are not known (OTP_VERIFY_BRANDS unset). */
  brandExists?: (id: string) => boolean;
}

/** Runs a `users` subcommand; returns the text to print. Throws OperatorError for a refused request. */
export async function usersCommand(args: string[], deps: UsersCommandDeps): Promise<string> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'add': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { role: { type: 'string' }, brand: { type: 'string' } },
      });
      const username = onlyName(positionals);
      if (values.role !== 'operator' && values.role !== 'analyst') {
        throw new OperatorError('--role must be operator or analyst');
      }
      const brand = values.brand ?? null;
      if (brand !== null && deps.brandExists !== undefined && !deps.brandExists(brand)) {
        throw new OperatorError(`no brand "${brand}" in OTP_VERIFY_BRANDS`);
      }
      await deps.operators.add({ username, role: values.role as Role, brand }, await deps.password());
      return `added ${values.role} ${username}${brand === null ? '' : ` (brand ${brand})`}`;
    }
    case 'list': {
      if (rest.length > 0) throw new OperatorError('users list takes no arguments');
      const users = deps.operators.list();
      if (users.length === 0) return 'no users';
      return users.map((user) => [user.username, user.role, user.brand ?? '*'].join('\t')).join('\n');
    }
    case 'remove': {
      const username = onlyName(rest);
      deps.operators.remove(username);
      return `removed ${username}`;
    }
    case 'reset-password': {
      const username = onlyName(rest);
      await deps.operators.resetPassword(username, await deps.password());
      return `new password set for ${username}; their sessions have ended`;
    }
    default:
      throw new OperatorError(`unknown users command "${subcommand ?? ''}"\n${USERS_USAGE}`);
  }
}

function onlyName(positionals: string[]): string {
  if (positionals.length !== 1) throw new OperatorError('name exactly one user');
  return positionals[0] as string;
}
