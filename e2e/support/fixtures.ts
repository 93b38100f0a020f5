import type { APIRequestContext, Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import type { DevInboxMessage } from '@otp-verify/protocol';

export interface DemoStack {
  shopUrl: string;
  verifierUrl: string;
  /** A mobile number of the brand's country that no other test uses, as E.164 and as typed nationally. */
  uniquePhone(country: 'DE' | 'GB'): { e164: string; national: string };
  /** The code of the newest message to `e164` in the dev inbox, waiting for it to arrive. */
  codeSentTo(e164: string, previous?: string): Promise<string>;
}

let phoneSequence = 0;

export const test = base.extend<{ stack: DemoStack }>({
  stack: async ({ request }, use, testInfo) => {
    const shopUrl = requiredEnv('E2E_SHOP_URL');
    const verifierUrl = requiredEnv('E2E_VERIFIER_URL');
    await use({
      shopUrl,
      verifierUrl,
      uniquePhone: (country) => {
        phoneSequence += 1;
        const subscriber = String(testInfo.workerIndex * 100_000 + phoneSequence).padStart(6, '0');
        return country === 'DE'
          ? { e164: `+4915112${subscriber}`, national: `01511 2${subscriber}` }
          : { e164: `+447400${subscriber}`, national: `07400 ${subscriber}` };
      },
      codeSentTo: (e164, previous) => codeSentTo(request, verifierUrl, e164, previous),
    });
  },
});

async function codeSentTo(
  request: APIRequestContext,
  verifierUrl: string,
  e164: string,
  previous?: string,
): Promise<string> {
  let code = '';
  await expect
    .poll(
      async () => {
        const response = await request.get(`${verifierUrl}/dev/inbox/messages`, { params: { to: e164 } });
        const [newest] = (await response.json()) as DevInboxMessage[];
        code = newest?.body.match(/#(\d+)$/)?.[1] ?? '';
        return code !== '' && code !== previous;
      },
      { message: `a code in the dev inbox for ${e164}` },
    )
    .toBe(true);
  return code;
}

function requiredEnv(name: string): string {
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
