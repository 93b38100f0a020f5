/**
 * Property: a code that is not exactly the session's number of ASCII digits, sent as a JSON string, is
 * refused with a 4xx before it is compared: it never matches, never causes a 500, and never consumes one of
 * the 5 attempts. A real code starting with 0 keeps its zero end to end. (The generic malformed-body cases of
 * every route are in malformed-requests-get-4xx-problems-never-500.test.ts; this file is about codes.)
 *
 * Requirements: OWASP ASVS 5.0 2.2.1 input validation (a positive allowlist: `^[0-9]+$`, the session's
 * length) and 6.6.3 (brute-force protection must not be bypassable with malformed input); NIST SP 800-63B-4
 * 3.2.2 (only real comparisons count against the limit, and none escapes it); PSD2 RTS art. 4(3)(b).
 * Built in: packages/protocol/src/schemas.ts (checkRequestSchema: strict object, string of ASCII digits,
 * 6-10 long), src/usecases/check-code.ts (length check before countAttempt), src/domain/code.ts (codes are
 * strings zero-padded to the length, compared as HMACs of the string), src/http/app.ts (16 KB body limit).
 */
import { sessionViewSchema } from '@otp-verify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionWithCode } from '../support/api.js';
import { storedSession } from '../support/attacker.js';
import { ACME, uniqueMobile } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import { rawRequest } from '../support/raw-http.js';

let fixture: VerifierFixture;
let session: Awaited<ReturnType<typeof sessionWithCode>>;

beforeAll(async () => {
  fixture = await startTestVerifier();
  // The verifier's randomness is injected: make the next code 012345 so the leading zero is really at stake.
  const { context } = fixture.verifier;
  const randomInt = context.randomInt;
  context.randomInt = () => 12345;
  try {
    session = await sessionWithCode(fixture.api, uniqueMobile());
  } finally {
    context.randomInt = randomInt;
  }
});
afterAll(() => fixture.dispose());

const toDigits = (code: string, zero: number) =>
  [...code].map((digit) => String.fromCodePoint(zero + Number(digit))).join('');

function malformedCodes(code: string): [string, unknown][] {
  return [
    ['5 digits (the code without its leading zero)', code.slice(1)],
    ['12345', '12345'],
    ['7 digits', `${code}7`],
    ['1234567', '1234567'],
    ['a leading space', ` ${code}`],
    ['" 123456"', ' 123456'],
    ['a trailing space', `${code} `],
    ['a trailing newline', `${code}\n`],
    ['a tab inside', `${code.slice(0, 3)}\t${code.slice(3)}`],
    ['a NUL inside', `${code.slice(0, 3)}\u0000${code.slice(3)}`],
    ['a zero-width space', `${code}\u200b`],
    ['Arabic-Indic digits of the right code', toDigits(code, 0x0660)],
    ['Arabic-Indic ١٢٣٤٥٦', '١٢٣٤٥٦'],
    ['Extended Arabic-Indic (Persian) digits', toDigits(code, 0x06f0)],
    ['Devanagari digits', toDigits(code, 0x0966)],
    ['fullwidth digits', toDigits(code, 0xff10)],
    ['mathematical bold digits', toDigits(code, 0x1d7ce)],
    ['a sign', `+${code.slice(1)}`],
    ['a decimal point', `${code.slice(0, 5)}.${code.slice(5)}`],
    ['hex', `0x${Number(code).toString(16)}`],
    ['exponent', '1e5'],
    ['a number instead of a string', Number(code)],
    ['the number 12345', 12345],
    ['the number 123456', 123456],
    ['a float', 12345.0001],
    ['the number 0', 0],
    ['a negative number', -12345],
    ['{"$gt":""}', { $gt: '' }],
    ['{"$ne":null}', { $ne: null }],
    ['{"$regex":".*"}', { $regex: '.*' }],
    ['an array with the right code', [code]],
    ['an array of digits', [...code]],
    ['an empty array', []],
    ['null', null],
    ['true', true],
    ['an empty string', ''],
    ['a 10 KB string of digits', '1'.repeat(10_000)],
    ['SQL', "' OR '1'='1"],
  ];
}

async function postCheck(body: string | Buffer, contentType = 'application/json') {
  return rawRequest(fixture.url, {
    method: 'POST',
    path: `/v1/sessions/${session.id}/check`,
    headers: { 'content-type': contentType, authorization: `Bearer ${session.clientSecret}`, origin: ACME.origin },
    body,
  });
}

function expectRefusedWithoutMatch(response: { status: number; contentType: string; text: string }, label: string) {
  const summary = `${label}: ${response.status} ${response.text.slice(0, 200)}`;
  expect(response.status, summary).toBeGreaterThanOrEqual(400);
  expect(response.status, summary).toBeLessThan(500);
  expect(response.contentType, summary).toMatch(/^application\/problem\+json/);
  expect(response.text, summary).not.toContain('token');
}

async function attemptsLeft(): Promise<number> {
  return sessionViewSchema.parse((await fixture.api.getSession(session.id, session.clientSecret)).body).attemptsLeft;
}

describe('malformed codes', () => {
  it('the real code starts with 0 (randomness injected), as the SMS shows it', () => {
    expect(session.code).toBe('012345');
  });

  it('every malformed code variant is a 400 invalid_request, never a match, never a 500, never an attempt', async () => {
    const cases = malformedCodes(session.code);
    for (const [label, code] of cases) {
      const response = await postCheck(JSON.stringify({ code }));
      expectRefusedWithoutMatch(response, label);
      expect((response.body as { code?: string }).code, label).toBe('invalid_request');
    }
    expect(await attemptsLeft()).toBe(5);
    expect(storedSession(fixture.dataDir, session.id)).toMatchObject({ attempts: 0, status: 'sent' });
  });

  it('malformed bodies around the code: 4xx problem+json, no attempt consumed', async () => {
    const code = session.code;
    const bodies: [string, string | Buffer, string?][] = [
      ['the code as an unquoted number keeps no zero', `{"code":${code}}`],
      ['an extra field', JSON.stringify({ code, attemptsLeft: 99 })],
      ['__proto__', `{"__proto__":{"code":"${code}"}}`],
      ['the code wrapped', JSON.stringify({ code: { code } })],
      ['a bare JSON string', JSON.stringify(code)],
      ['an array of bodies', JSON.stringify([{ code }])],
      ['a 1 MB body', JSON.stringify({ code, pad: 'x'.repeat(1024 * 1024) })],
      ['a 1 MB code', JSON.stringify({ code: '0'.repeat(1024 * 1024) })],
      ['a form body', `code=${code}`, 'application/x-www-form-urlencoded'],
      ['text/plain', JSON.stringify({ code }), 'text/plain'],
      ['UTF-16', Buffer.from(JSON.stringify({ code }), 'utf16le'), 'application/json; charset=utf-16'],
    ];
    for (const [label, body, contentType] of bodies) {
      const response = await postCheck(body, contentType);
      expectRefusedWithoutMatch(response, label);
    }
    expect(await attemptsLeft()).toBe(5);
  });

  it('after all that, the real code 012345, zero included, still verifies on the first counted attempt', async () => {
    const checked = await fixture.api.check(session.id, session.clientSecret, session.code);
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(storedSession(fixture.dataDir, session.id)).toMatchObject({ attempts: 1, status: 'verified' });
  });

  it('a wrong code of the right form does count (so the refusals above were not just a dead check route)', async () => {
    const other = await sessionWithCode(fixture.api, uniqueMobile());
    const guess = other.code === '000000' ? '000001' : '000000';
    const response = await fixture.api.check(other.id, other.clientSecret, guess);
    expect(response.status).toBe(422);
    expect(storedSession(fixture.dataDir, other.id).attempts).toBe(1);
  });
});
