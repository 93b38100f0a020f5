import { html, LitElement, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { VerificationFlow } from './controllers/verification-flow.js';
import type { FocusTarget } from './controllers/verification-flow.js';
import { failureMessage, text } from './i18n/en.js';
import { pickLocale } from './locale.js';
import { selectMode } from './mode.js';
import { orderFrom } from './order.js';
import { styles } from './otp-verify.styles.js';
import { scriptOrigin } from './script-origin.js';

const PHONE_FAILURES = new Set(['phone_missing', 'invalid_phone', 'country_not_allowed']);
const CODE_FAILURES = new Set(['code_incomplete', 'invalid_code']);
/** Page set-up problems: trying again cannot help the customer. */
const NOT_RETRYABLE = new Set([
  'not_configured',
  'unknown_brand',
  'origin_not_allowed',
  'invalid_customer_token',
  'blocked',
  'locked',
  'session_expired',
  'session_closed',
  'session_not_found',
  'invalid_client_secret',
]);
const FOCUS_SELECTORS: Record<FocusTarget, string> = {
  phone: '#phone',
  send: '#send',
  code: '#code',
  success: '#success',
  restart: '#restart',
};

/** A field is described by its hint and, while it is invalid, by the error message too. */
function describedBy(hintId: string, invalid: boolean): string {
  return invalid ? `${hintId} error` : hintId;
}

interface View {
  fields: TemplateResult | typeof nothing;
  actions: TemplateResult | typeof nothing;
}

/**
 * `<otp-verify>`: confirms an order with a one-time code sent by SMS and hands the page (and its form) an
 * order-verified token. See README.md for attributes, events, parts and CSS tokens.
 */
export class OtpVerify extends LitElement {
  static formAssociated = true;

  static override properties: PropertyDeclarations = {
    brand: { type: String },
    orderId: { type: String, attribute: 'order-id' },
    // An empty attribute is a missing amount, not 0 (Lit's Number converter would read it as 0).
    amount: { converter: { fromAttribute: (value: string | null) => (value?.trim() ? Number(value) : undefined) } },
    currency: { type: String },
    locale: { type: String },
    verifier: { type: String },
    // Credentials: read from the attributes, never reflected back to them.
    customerToken: { type: String, attribute: 'customer-token' },
    sessionId: { type: String, attribute: 'session-id' },
    clientSecret: { type: String, attribute: 'client-secret' },
    name: { type: String, reflect: true },
    required: { type: Boolean, reflect: true },
    formDisabled: { state: true },
  };

  static override styles = styles;

  /** The brand's publishable id. */
  declare brand: string | undefined;
  declare orderId: string | undefined;
  /** In minor units (cents). */
  declare amount: number | undefined;
  /** ISO 4217. */
  declare currency: string | undefined;
  /** BCP 47; defaults to the closest `lang` attribute, then the browser's language. */
  declare locale: string | undefined;
  /** Base URL of the verifier API; defaults to the origin the script was loaded from. */
  declare verifier: string | undefined;
  /** The brand's customer-auth OIDC ID token: the code goes to the number on the customer's account. */
  declare customerToken: string | undefined;
  /** A session the checkout server created (server to server), with its `clientSecret`. */
  declare sessionId: string | undefined;
  /** Bearer credential for that one session only. */
  declare clientSecret: string | undefined;
  /** The form field the token is submitted under. */
  declare name: string | undefined;
  declare required: boolean;
  declare protected formDisabled: boolean;

  readonly #internals: ElementInternals;
  readonly #flow: VerificationFlow;

  constructor() {
    super();
    this.required = false;
    this.formDisabled = false;
    this.#internals = this.attachInternals();
    this.#flow = new VerificationFlow(this, () => ({
      verifier: this.verifier || scriptOrigin,
      brand: this.brand,
      order: orderFrom(this.orderId, this.amount, this.currency),
      locale: this.#locale,
      mode: selectMode(this.customerToken, this.sessionId, this.clientSecret),
    }));
  }

  /** The order-verified token once the phone is verified. */
  get token(): string | undefined {
    return this.#flow.token?.token;
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  formResetCallback(): void {
    this.#flow.restart({ clearPhone: true, initial: true });
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  get #locale(): string {
    return pickLocale(this.locale, this.closest('[lang]')?.getAttribute('lang'), navigator.language);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('brand') || changed.has('verifier')) {
      void this.#flow.load();
    } else if (changed.has('customerToken') || changed.has('sessionId') || changed.has('clientSecret')) {
      // Another customer, or another session from the checkout server: start over in the mode they select.
      this.#flow.restart({ initial: true });
    } else if (changed.has('orderId') || changed.has('amount') || changed.has('currency')) {
      // A session and its token are bound to the order they were made for: a changed cart needs a new one.
      const flow = this.#flow;
      if (flow.session || flow.token || flow.busy || flow.failure?.code === 'not_configured') flow.restart();
    }
    if (changed.has('locale')) this.#flow.phone.relabel(this.#locale);
  }

  protected override updated(): void {
    this.#syncForm();
    const target = this.#flow.focus;
    if (target) {
      this.#flow.focus = undefined;
      this.renderRoot.querySelector<HTMLElement>(FOCUS_SELECTORS[target])?.focus();
    }
  }

  #syncForm(): void {
    const token = this.#flow.token?.token ?? null;
    this.#internals.setFormValue(token);
    if (token || !this.required) {
      this.#internals.setValidity({});
    } else {
      const anchor = this.renderRoot.querySelector<HTMLElement>('input, select, button') ?? undefined;
      this.#internals.setValidity({ valueMissing: true }, text.valueMissing, anchor);
    }
  }

  protected override render(): TemplateResult {
    const flow = this.#flow;
    const view = this.#view();
    const message = flow.failure ? failureMessage(flow.failure, flow.codeLength, flow.canStartAgain) : '';
    return html`
      <form part="form" novalidate aria-busy=${flow.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <fieldset ?disabled=${this.formDisabled}>
          <legend part="legend">${text.legend}</legend>
          ${view.fields}
          <div id="error" part="error" role="alert" class=${message ? 'shown' : ''}>${message}</div>
          ${view.actions}
        </fieldset>
        <div class="visually-hidden" role="status">${flow.announcement}</div>
      </form>
    `;
  }

  #view(): View {
    switch (this.#flow.step) {
      case 'loading':
        return { fields: html`<p part="status" class="hint">${text.loading}</p>`, actions: nothing };
      case 'unavailable':
        return {
          fields: nothing,
          actions: html`${
            NOT_RETRYABLE.has(this.#flow.failure?.code ?? '')
              ? nothing
              : this.#button('retry', text.tryAgain, () => this.#flow.load(true))
          }${this.#flow.registered && this.#flow.canUsePhone ? this.#usePhone() : nothing}`,
        };
      case 'phone':
        return this.#phoneStep();
      case 'registered':
        return this.#registeredStep();
      case 'code':
        return this.#codeStep();
      case 'closed':
        return {
          fields: nothing,
          actions: this.#flow.canStartAgain
            ? this.#button('restart', text.startAgain, () => this.#flow.restart({ focus: true }))
            : this.#flow.canUsePhone
              ? this.#button('restart', text.usePhone, this.#onUsePhone)
              : nothing,
        };
      case 'verified':
        return { fields: this.#verified(), actions: nothing };
    }
  }

  #phoneStep(): View {
    const flow = this.#flow;
    const { phone } = flow;
    const invalid = PHONE_FAILURES.has(flow.failure?.code ?? '');
    return {
      fields: html`
        <p part="intro">${text.intro(flow.brand?.displayName ?? '')}</p>
        <div class="phone-row">
          <div class="field country">
            <label for="country" part="label">${text.country}</label>
            <select id="country" part="select" @change=${this.#onCountryChange}>
              ${phone.options.map(
                (option) =>
                  html`<option value=${option.code} ?selected=${option.code === phone.country}>
                    ${text.countryOption(option.name, option.callingCode)}
                  </option>`,
              )}
            </select>
          </div>
          <div class="field number">
            <label for="phone" part="label">${text.phone}</label>
            <input
              id="phone"
              part="input phone-input"
              type="tel"
              autocomplete="tel"
              inputmode="tel"
              .value=${live(phone.value)}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${describedBy('phone-hint', invalid)}
              @input=${this.#onPhoneInput}
            />
          </div>
        </div>
        <p id="phone-hint" part="hint" class="hint">${text.phoneHint}</p>
      `,
      actions: this.#submit(text.sendCode),
    };
  }

  /** The number on the customer's account, masked: the element never has more of it. */
  #registeredStep(): View {
    const flow = this.#flow;
    return {
      fields: html`<p id="registered" part="intro">${text.registered(flow.session?.phoneMasked ?? '')}</p>`,
      actions: html`
        ${this.#submit(text.sendCode, 'send', describedBy('registered', flow.failure !== undefined))}
        ${flow.canUsePhone ? this.#usePhone() : nothing}
      `,
    };
  }

  #usePhone(): TemplateResult {
    return html`<button id="use-phone" type="button" part="button button-link" class="link" @click=${this.#onUsePhone}>
      ${text.usePhone}
    </button>`;
  }

  #codeStep(): View {
    const flow = this.#flow;
    const invalid = CODE_FAILURES.has(flow.failure?.code ?? '');
    const sendsLeft = flow.session?.sendsLeft ?? 0;
    const wait = flow.resendCountdown.remaining;
    return {
      fields: html`
        <div class="field">
          <label for="code" part="label">${text.codeLabel(flow.codeLength, flow.session?.phoneMasked ?? '')}</label>
          <input
            id="code"
            part="input code-input"
            class="code"
            type="text"
            autocomplete="one-time-code"
            inputmode="numeric"
            pattern="[0-9]*"
            spellcheck="false"
            .value=${live(flow.code)}
            ?readonly=${flow.busy}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy('code-hint', invalid)}
            @input=${this.#onCodeInput}
          />
        </div>
        <p id="code-hint" part="hint" class="hint">${text.codeHint}</p>
      `,
      actions: html`
        ${this.#submit(text.verify)}
        <div class="resend">
          ${
            sendsLeft > 0
              ? html`<button
                  type="button"
                  part="button button-secondary"
                  class="secondary"
                  ?disabled=${wait > 0}
                  aria-disabled=${flow.busy ? 'true' : 'false'}
                  @click=${this.#onResend}
                >
                  ${text.resend}
                </button>`
              : nothing
          }
          ${wait > 0 && sendsLeft > 0 ? html`<span part="countdown" class="hint">${text.resendIn(wait)}</span>` : nothing}
          ${sendsLeft <= 2 ? html`<span part="sends-left" class="hint">${text.sendsLeft(sendsLeft)}</span>` : nothing}
        </div>
        ${
          flow.canChangeNumber
            ? html`<button type="button" part="button button-link" class="link" @click=${this.#onChangeNumber}>
                ${text.changeNumber}
              </button>`
            : nothing
        }
      `,
    };
  }

  #verified(): TemplateResult {
    return html`
      <div id="success" part="status success" class="success" tabindex="-1">
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor" />
        </svg>
        <div>
          <strong>${text.verified}</strong>
          <span class="hint">${text.verifiedHint}</span>
        </div>
      </div>
    `;
  }

  #submit(label: string, id?: string, describedby?: string): TemplateResult {
    const busy = this.#flow.busy;
    return html`<button
      id=${id ?? nothing}
      type="submit"
      aria-describedby=${describedby ?? nothing}
      part="button button-primary"
      class="primary ${busy ? 'busy' : ''}"
      aria-disabled=${busy ? 'true' : 'false'}
    >
      ${label}
    </button>`;
  }

  #button(id: string, label: string, onClick: () => void): TemplateResult {
    return html`<button id=${id} type="button" part="button button-primary" class="primary" @click=${onClick}>
      ${label}
    </button>`;
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.#flow.step === 'phone') void this.#flow.submitPhone();
    else if (this.#flow.step === 'registered') void this.#flow.sendCode();
    else if (this.#flow.step === 'code') void this.#flow.checkCode();
  };

  #onCountryChange = (event: Event): void => {
    this.#flow.phone.selectCountry((event.target as HTMLSelectElement).value);
  };

  #onPhoneInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    // Reformatting moves the caret to the end and re-adds what a deletion removed, so only format
    // while the customer types at the end of the number.
    const deleting = event instanceof InputEvent && event.inputType.startsWith('delete');
    this.#flow.phone.input(input.value, !deleting && input.selectionStart === input.value.length);
  };

  #onCodeInput = (event: Event): void => {
    this.#flow.enterCode((event.target as HTMLInputElement).value);
  };

  #onResend = (): void => {
    void this.#flow.resend();
  };

  #onChangeNumber = (): void => {
    this.#flow.restart({ focus: true, phone: this.#flow.registered });
  };

  #onUsePhone = (): void => {
    this.#flow.restart({ focus: true, phone: true });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'otp-verify': OtpVerify;
  }
}
