import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ERROR_STATUS,
  brandSettingsSchema,
  checkResponseSchema,
  createSessionResponseSchema,
  problemSchema,
  sendResponseSchema,
  sessionViewSchema,
} from '@otp-verify/protocol';
import type { Verifier } from '@otp-verify/verifier';
import { createVerifier } from '@otp-verify/verifier';
import { writeDemoBrands } from '../src/demo-brands.js';
import { scriptedVerifier } from '../src/gallery/scripted-verifier.js';
import type { GalleryState } from '../src/gallery/states.js';
import { GALLERY_STATES, galleryState } from '../src/gallery/states.js';

const listen = (app: express.Express) =>
  new Promise<Server>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

let dataDir: string;
let verifier: Verifier;
let verifierServer: Server;
let galleryServer: Server;
/** The scripted answers of one state, as the cell's element reaches them. */
let answersFor: (state: GalleryState) => string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gallery-answers-'));
  const brandsDir = join(dataDir, 'brands');
  writeDemoBrands(brandsDir, { allowedOrigins: ['http://127.0.0.1'], customerAuthIssuer: 'http://127.0.0.1' });
  // One brand that texts registered numbers only, as some do.
  const nova = join(brandsDir, 'nova.json');
  writeFileSync(nova, JSON.stringify({ ...JSON.parse(readFileSync(nova, 'utf8')), guestCheckout: false }));
  verifier = await createVerifier({
    dataDir: join(dataDir, 'data'),
    brands: brandsDir,
    publicUrl: 'http://127.0.0.1',
    mode: 'dev',
    logger: pino({ level: 'silent' }),
  });
  verifierServer = await listen(verifier.app);
  galleryServer = await listen(express().use('/verifier', scriptedVerifier({ verifierUrl: urlOf(verifierServer) })));
  answersFor = (state) => `${urlOf(galleryServer)}/verifier/${state.id}`;
});

afterAll(async () => {
  galleryServer.closeAllConnections();
  await new Promise((resolve) => galleryServer.close(resolve));
  await new Promise((resolve) => verifierServer.close(resolve));
  verifier.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Exchange {
  status: number;
  contentType: string | null;
  body: unknown;
}

async function ask(url: string, init: RequestInit = {}): Promise<Exchange> {
  const response = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}

/** A success is valid against the endpoint's response schema, an error is a problem+json with its contract status. */
function expectContract(exchange: Exchange, success: { safeParse(value: unknown): { error?: unknown } }): void {
  if (exchange.status < 400) {
    expect(success.safeParse(exchange.body).error).toBeUndefined();
    return;
  }
  expect(exchange.contentType).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(exchange.body);
  expect(problem.status).toBe(exchange.status);
}

const order = { id: 'gallery-order', amount: 4990, currency: 'EUR' };
const stateNamed = (id: string) => galleryState(id) as GalleryState;

describe('the gallery’s scripted answers follow the API contract in every state', () => {
  for (const state of GALLERY_STATES.filter((candidate) => candidate.brand !== 'held')) {
    it(`${state.id}: each answer the cell's element gets is what API.md allows`, async () => {
      const base = answersFor(state);
      const brand = await ask(`${base}/v1/brands/acme?locale=en`);
      expectContract(brand, brandSettingsSchema);
      if (state.brand === 'down') {
        expect(brand.status).toBe(503);
        return;
      }
      expect(brand.status).toBe(200);

      let sessionId = 'gallery-session';
      if (state.mode.kind === 'customer') {
        const created = await ask(`${base}/v1/sessions`, {
          method: 'POST',
          body: JSON.stringify({ brand: 'acme', order, customerToken: 'gallery-customer' }),
        });
        expectContract(created, createSessionResponseSchema);
        expect(created.status).toBe(201);
        sessionId = createSessionResponseSchema.parse(created.body).id;
      }
      if (state.mode.kind === 'session') {
        const read = await ask(`${base}/v1/sessions/${sessionId}`, { headers: { Authorization: 'Bearer s' } });
        expectContract(read, sessionViewSchema);
        expect(sessionViewSchema.parse(read.body).status).toBe(state.mode.status);
      }
      if (state.script.includes('send')) {
        const sent = await ask(`${base}/v1/sessions/${sessionId}/send`, { method: 'POST', body: '{}' });
        expectContract(sent, sendResponseSchema);
        expect(sent.status).toBe(202);
      }
      if (state.script.includes('type-code') && state.check !== 'held') {
        const checked = await ask(`${base}/v1/sessions/${sessionId}/check`, {
          method: 'POST',
          body: JSON.stringify({ code: '123456' }),
        });
        expectContract(checked, checkResponseSchema);
        const expected = { wrong: ERROR_STATUS.invalid_code, locked: ERROR_STATUS.locked, verified: 200 };
        expect(checked.status).toBe(expected[state.check ?? 'wrong']);
      }
    });
  }

  it('serves the brand’s real settings, with guest checkout on only where the cell shows the phone step', async () => {
    const real = brandSettingsSchema.parse(
      await (await fetch(`${urlOf(verifierServer)}/v1/brands/nova?locale=fr`)).json(),
    );
    const shown = (state: GalleryState) =>
      ask(`${answersFor(state)}/v1/brands/nova?locale=fr`).then(({ body }) => brandSettingsSchema.parse(body));

    expect(real.guestCheckout).toBe(false);
    expect(await shown(stateNamed('registered'))).toEqual(real);
    expect(await shown(stateNamed('phone'))).toEqual({ ...real, guestCheckout: true });
    expect(real.locale).toBe('fr');
  });

  it('passes the real verifier’s refusal of an unknown brand through, and refuses an unknown state', async () => {
    const unknownBrand = await ask(`${answersFor(stateNamed('phone'))}/v1/brands/nobody`);
    expect(unknownBrand.status).toBe(404);
    expect(problemSchema.parse(unknownBrand.body).code).toBe('unknown_brand');

    const unknownState = await ask(`${urlOf(galleryServer)}/verifier/no-such-state/v1/brands/acme`);
    expect(unknownState.status).toBe(404);
    expect(problemSchema.parse(unknownState.body).code).toBe('not_found');
  });

  it('never answers a held request, while the other cells get theirs', async () => {
    const abort = new AbortController();
    let settled = false;
    const loading = fetch(`${answersFor(stateNamed('loading'))}/v1/brands/acme`, { signal: abort.signal }).then(
      () => (settled = true),
      () => undefined,
    );
    const checking = fetch(`${answersFor(stateNamed('checking'))}/v1/sessions/gallery-checking/check`, {
      method: 'POST',
      body: '{"code":"123456"}',
      signal: abort.signal,
    }).then(
      () => (settled = true),
      () => undefined,
    );
    // Answers asked for after the held ones arrive, in full, while those stay open.
    expect((await ask(`${answersFor(stateNamed('phone'))}/v1/brands/acme`)).status).toBe(200);
    expect((await ask(`${answersFor(stateNamed('code'))}/v1/sessions/x`)).status).toBe(200);
    expect(settled).toBe(false);
    abort.abort();
    await Promise.all([loading, checking]);
    expect(settled).toBe(false);
  });
});
