/**
 * NIST SP 800-63B 5.1.1.2: at least a minimum length, no composition rules, and no password from a list of
 * commonly used or compromised ones.
 */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  'qwertyuiopas',
  'qwertyuiop123',
  'qwerty123456',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'password!234',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'administrator',
  'admin1234567',
  'adminadminadmin',
  'changeme1234',
  'abcdefghijkl',
  'abc123abc123',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  'trustno1trustno1',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'dragon123456',
  'monkey123456',
  'superman1234',
  'starwars1234',
  'otpverify123',
  'otp-verify-dashboard',
  'dashboard123',
]);

/** The reason a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `use at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'this password is too common: choose another';
  if (new Set(lower).size <= 2) return 'this password repeats one or two characters: choose another';
  if (lower.includes(username.toLowerCase())) return 'the password must not contain the username';
  return null;
}
