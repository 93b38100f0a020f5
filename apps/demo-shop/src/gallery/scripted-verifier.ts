import express, { Router } from 'express';
import type { Response } from 'express';
import type { BrandSettings } from '@otp-verify/protocol';
import { realBrandSettings } from './real-brand-settings.js';
import type { Answer } from './scripted-answers.js';
import {
  codeChecked,
  codeSent,
  problem,
  sessionCreated,
  sessionRead,
  verifierDown,
  withGuestCheckout,
} from './scripted-answers.js';
import type { GalleryState } from './states.js';
import { gallerySessionId, galleryState } from './states.js';

export interface ScriptedVerifierOptions {
  /** The real verifier: the brands' settings come from it. */
  verifierUrl: string;
  now?: () => number;
}

function send(res: Response, answer: Answer<unknown>): void {
  res
    .status(answer.status)
    .type(answer.status >= 400 ? 'application/problem+json' : 'application/json')
    .set('Cache-Control', 'no-store')
    .send(JSON.stringify(answer.body));
}

/**
 * `/<state>/v1/…`: the gallery's scripted answers to the cells of one state (GALLERY_STATES), shaped as API.md
 * says. A held answer never comes: the request stays open until the page goes away.
 */
export function scriptedVerifier({ verifierUrl, now = Date.now }: ScriptedVerifierOptions): Router {
  const router = Router();
  const stateOf = (res: Response): GalleryState => res.locals.galleryState as GalleryState;
  router.param('state', (_req, res, next, id: string) => {
    const state = galleryState(id);
    if (state === undefined) {
      send(res, problem('not_found', `The gallery has no state "${id}".`));
      return;
    }
    res.locals.galleryState = state;
    next();
  });

  router.get('/:state/v1/brands/:brand', async (req, res) => {
    const state = stateOf(res);
    if (state.brand === 'held') return;
    if (state.brand === 'down') {
      send(res, verifierDown());
      return;
    }
    const locale = typeof req.query.locale === 'string' ? req.query.locale : undefined;
    const answer = await realBrandSettings(verifierUrl, req.params.brand, locale);
    const phoneStep = answer.status === 200 && state.mode.kind === 'phone';
    send(res, phoneStep ? { ...answer, body: withGuestCheckout(answer.body as BrandSettings) } : answer);
  });

  router.post('/:state/v1/sessions', express.json({ limit: '16kb' }), async (req, res) => {
    const { brand, locale } = (req.body ?? {}) as { brand?: unknown; locale?: unknown };
    const settings = await realBrandSettings(
      verifierUrl,
      String(brand),
      typeof locale === 'string' ? locale : undefined,
    );
    if (settings.status !== 200) {
      send(res, settings);
      return;
    }
    const { codeLength } = settings.body as BrandSettings;
    send(res, sessionCreated(now(), gallerySessionId(stateOf(res)), codeLength));
  });

  router.get('/:state/v1/sessions/:id', (req, res) => {
    const { mode } = stateOf(res);
    if (mode.kind !== 'session') {
      send(res, problem('session_not_found', 'The gallery made no such session.'));
      return;
    }
    send(res, sessionRead(now(), req.params.id, mode.status));
  });

  router.post('/:state/v1/sessions/:id/send', (_req, res) => {
    send(res, codeSent(now()));
  });

  router.post('/:state/v1/sessions/:id/check', (_req, res) => {
    // A code typed in a cell without a scripted check (the code step) is a wrong one.
    const answer = stateOf(res).check ?? 'wrong';
    if (answer === 'held') return;
    send(res, codeChecked(now(), answer));
  });

  router.use((_req, res) => {
    send(res, problem('not_found', 'The gallery answers only what the element asks.'));
  });
  return router;
}
