/**
 * The guard reports the tokens it refuses on its own (before any redemption) to the verifier's event log, so
 * fraud analysts see forged, expired and replayed tokens (OWASP ASVS 5.0 V16.3.x: security events are logged).
 * The report never changes the guard's answer nor waits in its path, and it carries a jti only when the token's
 * signature verified (RFC 8725 3.10: claims of an unverified token are not trusted).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderGuard, type OrderGuardOptions } from '../src/index.js';
import { createTestKey, type TestKey } from './support/keys.js';
import { refusal } from './support/refusal.js';
import { AUDIENCE, goodClaims, ISSUER, nowSeconds, ORDER, signToken } from './support/tokens.js';

const SECRET_KEY = 'sk_test_reports_0123456789';

interface Report {
  authorization: string | undefined;
  body: unknown;
}

/** A verifier's JWKS and refusal endpoint: records each report and answers 202, 500, or never. */
const reports: Report[] = [];
let answer: 'accept' | 'fail' | 'hang' = 'accept';
let key: TestKey;
let url = '';
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  if (req.url === '/.well-known/jwks.json') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [key.publicJwk] }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    reports.push({ authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString()) });
    if (answer === 'hang') return;
    res.writeHead(answer === 'accept' ? 202 : 500).end();
  });
});

beforeAll(async () => {
  key = await createTestKey('ES256', 'k1');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function guard(options: Partial<OrderGuardOptions> = {}) {
  return createOrderGuard({ verifierUrl: url, issuer: ISSUER, audience: AUDIENCE, secretKey: SECRET_KEY, ...options });
}

async function reportCount(count: number): Promise<Report[]> {
  while (reports.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  return reports;
}

/** Refuses `token` with a fresh reporting guard and returns the report the verifier got. */
async function reportOf(token: string | undefined): Promise<unknown> {
  const before = reports.length;
  await refusal(guard().accept(token, ORDER));
  return (await reportCount(before + 1))[before]?.body;
}

describe('refusals reach the verifier with their reason', () => {
  it('says why, with the jti only for a token whose signature verified', async () => {
    const other = await createTestKey('ES256', 'k1');
    const jti = 'otk_reported';
    const expired = goodClaims({ jti, exp: nowSeconds() - 120 }, nowSeconds() - 200);
    expect(await reportOf(undefined)).toEqual({ reason: 'missing' });
    expect(await reportOf('not.a.jwt')).toEqual({ reason: 'malformed' });
    expect(await reportOf(await signToken(other, { claims: goodClaims({ jti }) }))).toEqual({
      reason: 'bad_signature',
    });
    expect(await reportOf(await signToken(key, { claims: expired }))).toEqual({ reason: 'expired', jti });
    expect(await reportOf(await signToken(key, { claims: goodClaims({ jti, aud: 'checkout:other' }) }))).toEqual({
      reason: 'wrong_audience',
      jti,
    });
    const otherOrder = goodClaims({ jti, order: { ...ORDER, amount: 1 } });
    expect(await reportOf(await signToken(key, { claims: otherOrder }))).toEqual({ reason: 'order_mismatch', jti });
    expect(reports.every((report) => report.authorization === `Bearer ${SECRET_KEY}`)).toBe(true);
  });
});

describe('a report never changes the answer nor delays it', () => {
  it('answers while the verifier has not answered the report, and counts the report once it fails', async () => {
    answer = 'hang';
    const hanging = guard({ timeoutMs: 60_000 });
    const before = reports.length;
    const refused = await refusal(hanging.accept(await signToken(key, { claims: goodClaims({ aud: 'x' }) }), ORDER));
    expect(refused.code).toBe('invalid_token');
    expect(hanging.refusalReports()).toEqual({ sent: 0, failed: 0, dropped: 0 });
    await reportCount(before + 1);

    answer = 'fail';
    const failing = guard();
    expect((await refusal(failing.accept('', ORDER))).code).toBe('invalid_token');
    while (failing.refusalReports().failed === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(failing.refusalReports()).toEqual({ sent: 0, failed: 1, dropped: 0 });
    answer = 'accept';
  });

  it('sends nothing with reportRefusals: false', async () => {
    const quiet = guard({ reportRefusals: false });
    await refusal(quiet.accept('', ORDER));
    // A report by a reporting guard, started after the quiet refusal, is the next one the verifier gets.
    const before = reports.length;
    expect(await reportOf('not.a.jwt')).toEqual({ reason: 'malformed' });
    expect(reports).toHaveLength(before + 1);
    expect(quiet.refusalReports()).toEqual({ sent: 0, failed: 0, dropped: 0 });
  });
});
