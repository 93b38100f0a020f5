/**
 * Property: under truly concurrent requests (many TCP connections released at the same instant, and several
 * verifier processes on one data directory) a code yields exactly one token, and wrong guesses are counted
 * exactly: never more than 5 comparisons per session.
 *
 * Requirements: NIST SP 800-63B-4 3.1.3.2 / 3.2.2 (a secret accepted once; failed attempts limited);
 * PSD2 RTS art. 4(1) (the authentication code is accepted only once) and art. 4(3)(b); OWASP ASVS 5.0 6.5.1
 * (out-of-band codes usable only once). The failures this guards against are public: Ory Kratos HackerOne
 * report 3692149 (a one-time code raced into more than one success) and better-auth issue #8067 (concurrent
 * verification of one OTP giving a double success).
 * Built in: src/usecases/check-code.ts (count and compare inside one IMMEDIATE transaction),
 * src/store/sqlite/sqlite-store.ts (countAttempt `UPDATE … attempts < max_attempts … RETURNING`, markVerified
 * `WHERE status = 'sent' AND code_hash = ?`: exactly one row changes), busy_timeout for several processes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { problemSchema } from '@otp-verify/protocol';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSession, sessionWithCode } from '../support/api.js';
import type { TimedRequest, VerifierProcess } from '../support/attacker.js';
import {
  simultaneousRequests,
  startVerifierProcess,
  storedSession,
  writeJsonFile,
  wrongCode,
} from '../support/attacker.js';
import { ACME, PUBLIC_URL, rawTestBrands, uniqueMobile } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import type { RawResponse } from '../support/raw-http.js';

/** POST /v1/sessions/{id}/{action} as the brand's page would send it. */
function sessionPost(
  baseUrl: string,
  session: { id: string; clientSecret: string },
  action: 'send' | 'check',
  body: object,
): TimedRequest {
  return {
    baseUrl,
    method: 'POST',
    path: `/v1/sessions/${session.id}/${action}`,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${session.clientSecret}`,
      origin: ACME.origin,
    },
    body: JSON.stringify(body),
  };
}

function checkRequest(baseUrl: string, session: { id: string; clientSecret: string }, code: string): TimedRequest {
  return sessionPost(baseUrl, session, 'check', { code });
}

/** The sessions' messages as the store has them, with how many `message.sent` events each has. */
function outboxOf(dataDir: string, sessionIds: string[]): { state: string; attempts: number; sentEvents: number }[] {
  const db = new Database(join(dataDir, 'otp-verify.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const select = db.prepare<[string], { state: string; attempts: number; sentEvents: number }>(
      `SELECT state, attempts,
         (SELECT count(*) FROM events WHERE message_id = outbox.id AND type = 'message.sent') AS sentEvents
       FROM outbox WHERE session_id = ?`,
    );
    return sessionIds.flatMap((id) => select.all(id));
  } finally {
    db.close();
  }
}

function problemCode(response: RawResponse): string {
  return problemSchema.parse(response.body).code;
}

function tally(responses: RawResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const key = response.status < 300 ? String(response.status) : `${response.status} ${problemCode(response)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('one verifier process, many connections', () => {
  let fixture: VerifierFixture;
  beforeAll(async () => {
    fixture = await startTestVerifier();
  });
  afterAll(() => fixture.dispose());

  it('20 simultaneous correct checks give exactly one 200 with a token; the other 19 are 409 session_closed', async () => {
    const session = await sessionWithCode(fixture.api, uniqueMobile());
    const responses = await simultaneousRequests(
      Array.from({ length: 20 }, () => checkRequest(fixture.url, session, session.code)),
    );
    expect(tally(responses)).toEqual({ '200': 1, '409 session_closed': 19 });
    const winner = responses.find((response) => response.status === 200);
    expect(winner?.body).toMatchObject({ status: 'verified', token: expect.any(String) });
    expect(storedSession(fixture.dataDir, session.id)).toMatchObject({
      status: 'verified',
      token_jti: expect.any(String),
    });
  });

  it('50 simultaneous wrong guesses: exactly 5 counted (4 × 422 + 1 × 423), the other 45 are 423; no token', async () => {
    const session = await sessionWithCode(fixture.api, uniqueMobile());
    const responses = await simultaneousRequests(
      Array.from({ length: 50 }, (_, i) => checkRequest(fixture.url, session, wrongCode(session.code, (i % 9) + 1))),
    );
    expect(tally(responses)).toEqual({ '422 invalid_code': 4, '423 locked': 46 });
    const left = responses
      .filter((response) => response.status === 422)
      .map((response) => problemSchema.parse(response.body).attemptsLeft)
      .sort();
    expect(left).toEqual([1, 2, 3, 4]);
    expect(storedSession(fixture.dataDir, session.id)).toEqual({ attempts: 5, status: 'locked', token_jti: null });
    const late = await fixture.api.check(session.id, session.clientSecret, session.code);
    expect(late.status).toBe(423);
  });

  it('the right code racing 30 wrong ones: at most one token, and never more than 5 comparisons', async () => {
    const session = await sessionWithCode(fixture.api, uniqueMobile());
    const requests = Array.from({ length: 31 }, (_, i) =>
      checkRequest(fixture.url, session, i === 15 ? session.code : wrongCode(session.code, (i % 9) + 1)),
    );
    const responses = await simultaneousRequests(requests);
    const successes = responses.filter((response) => response.status === 200);
    expect(successes.length).toBeLessThanOrEqual(1);
    const stored = storedSession(fixture.dataDir, session.id);
    expect(stored.attempts).toBeLessThanOrEqual(5);
    expect(stored.status).toBe(successes.length === 1 ? 'verified' : 'locked');
    for (const response of responses) expect(response.status === 200 || response.status >= 400).toBe(true);
  });
});

describe('three verifier processes on one data directory', () => {
  let root: string;
  let processes: VerifierProcess[] = [];
  let clients: ApiClient[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'otp-verify-processes-'));
    const brandsFile = join(root, 'brands.json');
    writeJsonFile(brandsFile, rawTestBrands());
    const options = { dataDir: join(root, 'data'), brandsFile, publicUrl: PUBLIC_URL };
    // The first start creates the keys and secrets; the others then load the same ones.
    processes.push(await startVerifierProcess(options));
    processes.push(...(await Promise.all([startVerifierProcess(options), startVerifierProcess(options)])));
    clients = processes.map((child) => new ApiClient(child.url));
  }, 30_000);

  afterAll(async () => {
    await Promise.all(processes.map((child) => child.stop()));
    processes = [];
    rmSync(root, { recursive: true, force: true });
  });

  it('24 simultaneous correct checks spread over 3 processes give exactly one token overall', async () => {
    const [first, second] = clients as [ApiClient, ApiClient, ApiClient];
    const session = await sessionWithCode(first, uniqueMobile());
    // The code another process wrote is visible to all of them: they share the store.
    expect(await second.latestCode(session.phone)).toBe(session.code);
    const responses = await simultaneousRequests(
      Array.from({ length: 24 }, (_, i) => checkRequest(processes[i % 3]?.url as string, session, session.code)),
    );
    expect(tally(responses)).toEqual({ '200': 1, '409 session_closed': 23 });
    const token = (responses.find((response) => response.status === 200)?.body as { token: string }).token;
    // The single token redeems once, at any of the processes.
    const redeemed = await Promise.all(clients.map((client) => client.redeem(ACME.secretKey, { token })));
    expect(redeemed.map((response) => response.status).sort()).toEqual([200, 409, 409]);
  });

  it('45 simultaneous wrong guesses spread over 3 processes: exactly 5 counted, the stored count stays 5', async () => {
    const [first] = clients as [ApiClient];
    const session = await sessionWithCode(first, uniqueMobile());
    const responses = await simultaneousRequests(
      Array.from({ length: 45 }, (_, i) =>
        checkRequest(processes[i % 3]?.url as string, session, wrongCode(session.code, (i % 9) + 1)),
      ),
    );
    expect(tally(responses)).toEqual({ '422 invalid_code': 4, '423 locked': 41 });
    const root_ = join(root, 'data');
    expect(storedSession(root_, session.id)).toEqual({ attempts: 5, status: 'locked', token_jti: null });
    expect((await first.check(session.id, session.clientSecret, session.code)).status).toBe(423);
  });

  it('30 simultaneous sends spread over 3 processes: each message is claimed once and sent once (shared outbox)', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 30 }, (_, i) => createSession(clients[i % 3] as ApiClient, uniqueMobile())),
    );
    const responses = await simultaneousRequests(
      sessions.map((session, i) => sessionPost(processes[(i + 1) % 3]?.url as string, session, 'send', {})),
    );
    expect(tally(responses)).toEqual({ '202': 30 });
    const ids = sessions.map((session) => session.id);
    await expect.poll(() => outboxOf(join(root, 'data'), ids).filter((row) => row.state === 'sent').length).toBe(30);
    for (const row of outboxOf(join(root, 'data'), ids)) expect(row).toMatchObject({ attempts: 1, sentEvents: 1 });
  });

  it('the processes stayed healthy and logged no internal error', async () => {
    for (const child of processes) {
      expect(child.child.exitCode).toBeNull();
      expect(child.output()).not.toMatch(/"level":(5|6)0/);
    }
  });
});
