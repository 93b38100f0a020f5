import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import type { DevInboxMessage } from '@otp-verify/protocol';

export interface DemoStack {
  shopUrl: string;
  verifierUrl: string;
  /** A mobile number of the brand's country that no other test uses, as E.164 and as typed nationally. */
  uniquePhone(country: keyof typeof MOBILE_PREFIXES): { e164: string; national: string };
  /** The code of the newest message to `e164` in the dev inbox, waiting for it to arrive. */
  codeSentTo(e164: string, previous?: string): Promise<string>;
  /** The code of the newest message of one session: for a number several tests share (the signed-in demo customer). */
  codeSentInSession(e164: string, sessionId: string): Promise<string>;
}

let phoneSequence = 0;

/** Each country's mobile range the tests draw numbers from: the E.164 prefix and the same prefix typed nationally. */
const MOBILE_PREFIXES = {
  DE: ['+4915112', '01511 2'],
  GB: ['+447400', '07400 '],
  NZ: ['+64210', '0210 '],
  NL: ['+31612', '06 12'],
  AE: ['+971501', '050 1'],
} as const;

export const test = base.extend<{ stack: DemoStack }>({
  stack: async ({ request }, use, testInfo) => {
    await use(demoStackAt(requiredEnv('E2E_SHOP_URL'), requiredEnv('E2E_VERIFIER_URL'), request, testInfo));
  },
});

/** The demo stack's helpers for a shop and verifier: global-setup's, or one a test started itself. */
export function demoStackAt(
  shopUrl: string,
  verifierUrl: string,
  request: APIRequestContext,
  testInfo: TestInfo,
): DemoStack {
  return {
    shopUrl,
    verifierUrl,
    uniquePhone: (country) => {
      phoneSequence += 1;
      // Six digits: workers restarted after failures get indexes past 9, which must not make a seventh. The first two
      // vary fastest, so consecutive numbers fall in different ranges (prefix = the number without its last 4 digits)
      // and a run of tests does not look like SMS pumping over one range to the verifier's velocity_prefix rule.
      const range = String(phoneSequence % 100).padStart(2, '0');
      const rest = String((testInfo.workerIndex % 10) * 1000 + Math.floor(phoneSequence / 100)).padStart(4, '0');
      const subscriber = `${range}${rest}`;
      const [international, national] = MOBILE_PREFIXES[country];
      return { e164: `${international}${subscriber}`, national: `${national}${subscriber}` };
    },
    codeSentTo: (e164, previous) =>
      codeFromInbox(request, verifierUrl, e164, ([newest]) =>
        newest && codeOf(newest) !== previous ? newest : undefined,
      ),
    codeSentInSession: (e164, sessionId) =>
      codeFromInbox(request, verifierUrl, e164, (newestFirst) => newestFirst.find((m) => m.sessionId === sessionId)),
  };
}

const codeOf = (message: DevInboxMessage): string => message.body.match(/#(\d+)$/)?.[1] ?? '';

/** The code of the message `pick` chooses among those to `e164` (newest first), waiting for it to arrive. */
async function codeFromInbox(
  request: APIRequestContext,
  verifierUrl: string,
  e164: string,
  pick: (newestFirst: DevInboxMessage[]) => DevInboxMessage | undefined,
): Promise<string> {
  let code = '';
  await expect
    .poll(
      async () => {
        const response = await request.get(`${verifierUrl}/dev/inbox/messages`, { params: { to: e164 } });
        const picked = pick((await response.json()) as DevInboxMessage[]);
        code = picked ? codeOf(picked) : '';
        return code !== '';
      },
      { message: `a code in the dev inbox for ${e164}` },
    )
    .toBe(true);
  return code;
}

/** Records the ids of the sessions the element creates on this page (call before the page loads). */
export async function recordSessions(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const ids: string[] = [];
    Object.assign(window, { otpSessionIds: ids });
    document.addEventListener('otp-session-created', (event) =>
      ids.push((event as CustomEvent<{ sessionId: string }>).detail.sessionId),
    );
  });
  return () => page.evaluate(() => (window as unknown as { otpSessionIds: string[] }).otpSessionIds);
}

/** A setting global-setup passes to the tests through the environment. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined)
    throw new Error(`${name} is not set: run the suite with \`pnpm e2e\` so global-setup starts the demo`);
  return value;
}

/** The token the element put into the checkout form (ElementInternals form value). */
export function submittedToken(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('form#checkout');
    const value = form ? new FormData(form).get('otpToken') : null;
    return typeof value === 'string' ? value : null;
  });
}

export { expect };
