import type { Operator, Operators } from './operators.js';
import { DECOY_HASH, needsRehash, verifyPassword } from './passwords.js';
import type { SignInSessions } from './sign-in-sessions.js';
import type { SignInThrottle } from './throttle.js';
import { signInKeys } from './throttle.js';

export type SignInResult =
  | { kind: 'signed_in'; user: Operator; sessionId: string; csrfToken: string }
  | { kind: 'invalid_credentials' }
  | { kind: 'too_many_attempts'; retryAfterSeconds: number };

/**
 * Checks a username and password. An unknown user costs the same scrypt as a wrong password and gets the same
 * answer (OWASP ASVS V2.2.1 / V3.2: no user enumeration by message or timing). Each attempt is reserved with the
 * throttle before scrypt runs and counts as a failure until the password proves right.
 */
export class SignIn {
  constructor(
    private readonly operators: Operators,
    private readonly sessions: SignInSessions,
    private readonly throttle: SignInThrottle,
  ) {}

  async attempt(username: string, password: string, clientAddress: string): Promise<SignInResult> {
    const keys = signInKeys(username, clientAddress);
    const retryAfterSeconds = this.throttle.reserve(keys);
    if (retryAfterSeconds > 0) return { kind: 'too_many_attempts', retryAfterSeconds };
    const operator = this.operators.find(username);
    const matches = await verifyPassword(password, operator?.passwordHash ?? (await DECOY_HASH));
    if (operator === undefined || !matches) return { kind: 'invalid_credentials' };
    this.throttle.giveBack(keys);
    if (needsRehash(operator.passwordHash)) await this.operators.rehash(operator.username, password);
    const { id, csrfToken } = this.sessions.create(operator.username);
    return {
      kind: 'signed_in',
      user: { username: operator.username, role: operator.role, brand: operator.brand },
      sessionId: id,
      csrfToken,
    };
  }
}
