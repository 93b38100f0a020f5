import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BrandSettings, Challenge, Order } from '@otp-verify/protocol';
import { endsSession } from '../api/failure.js';
import type { Failure } from '../api/failure.js';
import { VerifierClient, VerifierError } from '../api/verifier-client.js';
import { normalizeCode } from '../digits.js';
import { emit } from '../events.js';
import { browserFingerprint } from '../fingerprint.js';
import { isLocale } from '../i18n/negotiate.js';
import { createText } from '../i18n/text.js';
import type { Text } from '../i18n/text.js';
import { sessionState } from '../mode.js';
import type { Mode } from '../mode.js';
import { asMetadata } from '../phone/phone.js';
import { CountdownController } from './countdown.js';
import { DeadlineController } from './deadline.js';
import { PhoneField } from './phone-field.js';

/**
 * loading: fetching the brand (and, for a registered number, making or reading the session); unavailable: that
 * failed; phone: asking for the number; registered: a session for the registered number is ready, the customer
 * sends the code; code: a code was sent; closed: the session can no longer be used; verified: the token is ready.
 */
export const STEPS = ['loading', 'unavailable', 'phone', 'registered', 'code', 'closed', 'verified'] as const;
export type Step = (typeof STEPS)[number];

/** Where the host should move focus after its next render, after something the customer did. */
export type FocusTarget = 'phone' | 'send' | 'code' | 'success' | 'restart';

export interface FlowConfig {
  verifier: string;
  brand: string | undefined;
  order: Order | undefined;
  locale: string;
  mode: Mode;
}

interface Session {
  id: string;
  clientSecret: string;
  /** The number the customer typed; never set for a registered number (the element never receives it). */
  phone?: string;
  codeLength: number;
  phoneMasked: string;
  sendsLeft: number;
  sent: boolean;
}

/** The verification session against the verifier: brand, phone, code, token (API.md). */
export class VerificationFlow implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #config: () => FlowConfig;
  readonly #expiry: DeadlineController;
  #abort = new AbortController();
  #reloadOnConnect = false;
  /** The customer chose "Use a different number" over the registered one. */
  #guest = false;
  /** Computed at the first send, then the same for every send of this element. */
  #fingerprint: Promise<string | undefined> | undefined;

  readonly phone: PhoneField;
  readonly resendCountdown: CountdownController;
  step: Step = 'loading';
  brand: BrandSettings | undefined;
  session: Session | undefined;
  token: { token: string; expiresAt: string } | undefined;
  code = '';
  failure: Failure | undefined;
  busy = false;
  announcement = '';
  focus: FocusTarget | undefined;
  /** The language of the text: the verifier's best match for the customer's locale. */
  language = 'en';
  text: Text = createText('en');

  constructor(host: ReactiveControllerHost & HTMLElement, config: () => FlowConfig) {
    this.#host = host;
    this.#config = config;
    this.#expiry = new DeadlineController(host);
    this.phone = new PhoneField(host);
    this.resendCountdown = new CountdownController(host, () => this.#announceResendAvailable());
    host.addController(this);
  }

  get codeLength(): number {
    return this.session?.codeLength ?? this.brand?.codeLength ?? 6;
  }

  /** Whether the number is the customer's registered one (customer token or a session made by the server). */
  get registered(): boolean {
    const { kind } = this.#config().mode;
    return (kind === 'customer' || kind === 'session') && !this.#guest;
  }

  /** Whether the customer may type a number instead of the registered one: the brand allows guest checkout. */
  get canUsePhone(): boolean {
    return this.brand?.guestCheckout === true;
  }

  /** "Change number" in the code step: always for a typed number, for a registered one only with guest checkout. */
  get canChangeNumber(): boolean {
    return !this.registered || this.canUsePhone;
  }

  /** The element can make a new session itself, except for one the checkout server made. */
  get canStartAgain(): boolean {
    return !(this.registered && this.#config().mode.kind === 'session');
  }

  hostConnected(): void {
    if (this.#reloadOnConnect) void this.load();
    this.#reloadOnConnect = false;
  }

  hostDisconnected(): void {
    // Moving the element in the page cancels what is in flight; a cancelled brand load must be redone.
    this.#reloadOnConnect = this.step === 'loading';
    this.#cancel();
  }

  /**
   * Fetches the brand's settings, then opens the first step (for a registered number: makes or reads the
   * session); `retry` when the customer asked for it, so focus follows.
   */
  async load(retry = false): Promise<void> {
    this.#clear();
    this.brand = undefined;
    const { brand, verifier, locale } = this.#config();
    if (!brand) {
      this.step = 'unavailable';
      this.#fail({ code: 'not_configured' });
      return;
    }
    this.step = 'loading';
    await this.#run(async (signal) => {
      const settings = await new VerifierClient(verifier).brand(brand, locale, signal);
      const metadata = asMetadata(settings.phoneMetadata);
      // An older or broken verifier's answer: better a clear error than a phone step that cannot work.
      if (!metadata || !Array.isArray(settings.countryNames)) throw new VerifierError({ code: 'internal_error' });
      this.brand = settings;
      this.#localize(settings);
      const { countries, defaultCountry, countryNames } = settings;
      this.phone.setup({ countries, defaultCountry, metadata }, countryNames);
      await this.#open(signal, retry);
    });
  }

  /** The polite live region says when "Send a new code" works again; the countdown itself is not read out. */
  #announceResendAvailable(): void {
    if (this.step !== 'code' || !this.session?.sendsLeft) return;
    this.announcement = this.text.resendAvailable;
    this.#host.requestUpdate();
  }

  /** The page changed the element's language: the brand's text in it, same step, same session. */
  async relocalize(): Promise<void> {
    const { brand, verifier, locale } = this.#config();
    if (!brand || !this.brand) return;
    try {
      const settings = await new VerifierClient(verifier).brand(brand, locale, this.#abort.signal);
      this.#localize(settings);
      if (Array.isArray(settings.countryNames)) this.phone.relabel(settings.countryNames);
    } catch {
      // Offline or cancelled: the customer keeps the text they have.
    }
  }

  #localize(settings: BrandSettings): void {
    this.language = isLocale(settings.locale) ? settings.locale : 'en';
    this.text = createText(this.language, settings.messages);
    this.#host.requestUpdate();
  }

  /** The first step once the brand is known: the phone step, or the session for the registered number. */
  async #open(signal: AbortSignal, focus: boolean): Promise<void> {
    const mode = this.#config().mode;
    if (mode.kind === 'incomplete') throw new VerifierError({ code: 'not_configured' });
    if (mode.kind === 'customer' && !this.#guest) {
      await this.#createRegistered(mode.customerToken, signal);
    } else if (mode.kind === 'session' && !this.#guest) {
      await this.#readSession(mode.sessionId, mode.clientSecret, signal);
    } else {
      this.#askForPhone();
    }
    if (focus) this.focus = this.step === 'registered' ? 'send' : this.step === 'code' ? 'code' : 'phone';
  }

  /** A session for the number on the customer's account: the verifier reads it from the ID token, we get the mask. */
  async #createRegistered(customerToken: string, signal: AbortSignal): Promise<void> {
    const { verifier, order, locale } = this.#config();
    if (!order || !this.brand) throw new VerifierError({ code: 'not_configured' });
    const body = { brand: this.brand.id, order, locale, customerToken };
    const created = await new VerifierClient(verifier).createSession(body, signal);
    this.#adopt(created.id, created.clientSecret, created.codeLength, created.phoneMasked, 0, false);
    this.#expireAt(created.expiresAt);
    emit(this.#host, 'otp-session-created', {
      sessionId: created.id,
      expiresAt: created.expiresAt,
      codeLength: created.codeLength,
    });
    this.step = 'registered';
    this.announcement = this.text.registered(this.session?.phoneMasked ?? '');
  }

  /** A session the checkout server made (server to server): its status decides the step. */
  async #readSession(id: string, clientSecret: string, signal: AbortSignal): Promise<void> {
    const view = await new VerifierClient(this.#config().verifier).session(id, clientSecret, signal);
    const state = sessionState(view.status);
    if (state.next === 'none') {
      this.step = 'closed';
      throw new VerifierError(state.failure);
    }
    const sent = state.next === 'code';
    this.#adopt(id, clientSecret, this.brand?.codeLength ?? 6, view.phoneMasked, view.sendsLeft, sent);
    this.#expireAt(view.expiresAt);
    if (sent) {
      this.step = 'code';
      this.code = '';
      this.resendCountdown.start(view.retryAfter);
    } else {
      this.step = 'registered';
      this.announcement = this.text.registered(this.session?.phoneMasked ?? '');
    }
  }

  #adopt(
    id: string,
    clientSecret: string,
    codeLength: number,
    phoneMasked: string | undefined,
    sendsLeft: number,
    sent: boolean,
  ): void {
    this.session = { id, clientSecret, codeLength, phoneMasked: phoneMasked ?? '', sendsLeft, sent };
  }

  /** "Send code" in the registered step: the session has the number, so the send carries none. */
  async sendCode(challengeToken?: string): Promise<void> {
    if (this.busy || this.step !== 'registered' || !this.session) return;
    await this.#run((signal) => this.#send(signal, challengeToken));
  }

  /**
   * Validates the number, creates the session (or reuses one whose send failed or was challenged) and sends the
   * code.
   */
  async submitPhone(challengeToken?: string): Promise<void> {
    if (this.busy || this.step !== 'phone' || !this.brand) return;
    const phone = this.phone.parse();
    if (!phone.ok) {
      this.failure = { code: phone.reason };
      this.focus = 'phone';
      this.#host.requestUpdate();
      return;
    }
    const { verifier, order, locale } = this.#config();
    if (!order) {
      this.#fail({ code: 'not_configured' });
      return;
    }
    const brand = this.brand.id;
    await this.#run(async (signal) => {
      if (this.session?.phone !== phone.e164) {
        const body = { brand, order, locale, phone: phone.e164, country: phone.country };
        const created = await new VerifierClient(verifier).createSession(body, signal);
        this.session = {
          id: created.id,
          clientSecret: created.clientSecret,
          phone: phone.e164,
          codeLength: created.codeLength,
          phoneMasked: created.phoneMasked ?? '',
          sendsLeft: 0,
          sent: false,
        };
        this.#expireAt(created.expiresAt);
        emit(this.#host, 'otp-session-created', {
          sessionId: created.id,
          expiresAt: created.expiresAt,
          codeLength: created.codeLength,
        });
      }
      await this.#send(signal, challengeToken);
    });
  }

  /**
   * Takes what the customer typed, pasted or autofilled in the code field; `check`: check it once it is
   * complete (not for a paste that held more digits than fit).
   */
  enterCode(input: string, check: boolean): void {
    const code = normalizeCode(input, this.codeLength);
    if (code === this.code) return;
    this.code = code;
    if (this.failure?.code === 'code_incomplete') this.failure = undefined;
    this.#host.requestUpdate();
    if (check && code.length === this.codeLength) void this.checkCode();
  }

  async checkCode(): Promise<void> {
    const session = this.session;
    if (this.busy || this.step !== 'code' || !session) return;
    if (this.code.length !== session.codeLength) {
      this.failure = { code: 'code_incomplete' };
      this.focus = 'code';
      this.#host.requestUpdate();
      return;
    }
    const code = this.code;
    const verified = await this.#run(async (signal) => {
      const result = await new VerifierClient(this.#config().verifier).check(
        session.id,
        session.clientSecret,
        code,
        signal,
      );
      this.token = { token: result.token, expiresAt: result.tokenExpiresAt };
      this.step = 'verified';
      this.focus = 'success';
      this.announcement = '';
      this.resendCountdown.stop();
      this.#expireAt(result.tokenExpiresAt);
      emit(this.#host, 'otp-verified', { token: result.token, expiresAt: result.tokenExpiresAt });
    });
    if (!verified && this.step === 'code') {
      this.code = '';
      this.focus = 'code';
      this.#host.requestUpdate();
    }
  }

  async resend(challengeToken?: string): Promise<void> {
    if (this.busy || this.step !== 'code' || this.resendCountdown.remaining > 0) return;
    await this.#run((signal) => this.#send(signal, challengeToken));
  }

  /**
   * The page resolved the challenge of the last send: repeats that send, with the captcha's token. A number
   * changed meanwhile gets a session of its own, which the verifier assesses afresh.
   */
  async continueAfterChallenge(challengeToken?: string): Promise<void> {
    if (this.failure?.code !== 'challenge_required') return;
    if (this.step === 'phone') await this.submitPhone(challengeToken);
    else if (this.step === 'registered') await this.sendCode(challengeToken);
    else if (this.step === 'code') await this.resend(challengeToken);
  }

  /**
   * Back to the first step with a new session: "Start again", a form reset, a changed order or mode
   * (`initial`: forget "Use a different number"), or "Change number"/"Use a different number" (`phone`).
   * `focus` when the customer asked for it.
   */
  restart(
    options: { focus?: boolean; clearPhone?: boolean; failure?: Failure; initial?: boolean; phone?: boolean } = {},
  ): void {
    if (options.initial) this.#guest = false;
    if (options.phone) this.#guest = true;
    if (!this.brand) {
      void this.load(options.focus);
      return;
    }
    this.#clear();
    if (options.clearPhone) this.phone.clear();
    if (this.registered) {
      this.step = 'loading';
      void this.#run(async (signal) => {
        await this.#open(signal, options.focus === true);
        if (options.failure) this.failure = options.failure;
      });
      return;
    }
    this.#askForPhone();
    this.failure ??= options.failure;
    if (options.focus) this.focus = 'phone';
  }

  /** The phone step, unless the brand only texts registered numbers: then say so before any number is typed. */
  #askForPhone(): void {
    if (this.canUsePhone) {
      this.step = 'phone';
      return;
    }
    this.step = 'unavailable';
    this.#fail({ code: 'guest_checkout_disabled' });
  }

  async #send(signal: AbortSignal, challengeToken?: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.#fingerprint ??= browserFingerprint();
    const fingerprint = await this.#fingerprint;
    const client = new VerifierClient(this.#config().verifier);
    const sent = await client.send(session.id, session.clientSecret, { fingerprint, challengeToken }, signal);
    this.announcement = session.sent
      ? this.text.newCodeSent(sent.phoneMasked, sent.sendsLeft)
      : this.text.codeSent(sent.phoneMasked);
    Object.assign(session, { phoneMasked: sent.phoneMasked, sendsLeft: sent.sendsLeft, sent: true });
    this.step = 'code';
    this.code = '';
    this.focus = 'code';
    this.resendCountdown.start(sent.retryAfter);
    this.#expireAt(sent.expiresAt);
    emit(this.#host, 'otp-code-sent', {
      phoneMasked: sent.phoneMasked,
      retryAfter: sent.retryAfter,
      expiresAt: sent.expiresAt,
      sendsLeft: sent.sendsLeft,
    });
  }

  /** Runs one request at a time; returns whether it succeeded. A cancelled request changes nothing. */
  async #run(work: (signal: AbortSignal) => Promise<void>): Promise<boolean> {
    const signal = this.#abort.signal;
    this.busy = true;
    this.failure = undefined;
    this.#host.requestUpdate();
    try {
      await work(signal);
      return true;
    } catch (error) {
      if (signal.aborted) return false;
      const failure: Failure = error instanceof VerifierError ? error.failure : { code: 'internal_error' };
      if (failure.code === 'challenge_required' && failure.challenge && this.session)
        this.#challenge(failure.challenge, failure, this.session.id);
      else this.#fail(failure);
      return false;
    } finally {
      if (!signal.aborted) {
        this.busy = false;
        this.#host.requestUpdate();
      }
    }
  }

  /** The page resolves the challenge; the customer keeps what they typed and reads what is going on. */
  #challenge(challenge: Challenge, failure: Failure, sessionId: string): void {
    this.failure = failure;
    this.#host.requestUpdate();
    const siteKey = challenge === 'captcha' ? this.brand?.captcha?.siteKey : undefined;
    emit(this.#host, 'otp-verify-challenge', { challenge, sessionId, siteKey, reasons: failure.reasons });
  }

  #fail(failure: Failure): void {
    this.failure = failure;
    if (this.step === 'loading') this.step = 'unavailable';
    if (endsSession(failure)) {
      this.#expiry.clear();
      if (this.step === 'code' || this.step === 'registered') {
        this.step = 'closed';
        this.focus = 'restart';
      } else {
        this.session = undefined;
      }
    }
    if (failure.code === 'rate_limited' && failure.retryAfter && this.step === 'code') {
      this.resendCountdown.start(failure.retryAfter);
    }
    this.#host.requestUpdate();
    emit(this.#host, 'otp-error', { ...failure });
  }

  #expireAt(expiresAt: string): void {
    this.#expiry.set(expiresAt, () => this.#expire(expiresAt));
  }

  #expire(expiresAt: string): void {
    if (this.step === 'registered' && this.canStartAgain) {
      // No code was sent yet: quietly make a new session for the registered number.
      this.restart({ focus: this.#host.matches(':focus-within') });
    } else if (this.step === 'code' || this.step === 'registered') {
      this.step = 'closed';
      this.failure = { code: 'session_expired' };
      // Move focus to "Start again" only if it was in the code step, which is gone now; never steal it.
      if (this.#host.matches(':focus-within')) this.focus = 'restart';
      emit(this.#host, 'otp-expired', { expired: 'session', expiresAt });
    } else if (this.step === 'verified' && !this.canStartAgain) {
      this.#clear();
      this.step = 'closed';
      this.failure = { code: 'token_expired' };
      emit(this.#host, 'otp-expired', { expired: 'token', expiresAt });
    } else if (this.step === 'verified') {
      this.restart({ failure: { code: 'token_expired' } });
      emit(this.#host, 'otp-expired', { expired: 'token', expiresAt });
    } else {
      this.session = undefined;
    }
    this.#host.requestUpdate();
  }

  /** Forgets the session, the token and the code, and cancels what is in flight. */
  #clear(): void {
    this.#cancel();
    this.session = undefined;
    this.token = undefined;
    this.code = '';
    this.failure = undefined;
    this.announcement = '';
    this.resendCountdown.stop();
    this.#expiry.clear();
  }

  #cancel(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.busy = false;
    this.#host.requestUpdate();
  }
}
