import { html, nothing, render } from 'lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { pastedCode } from '../code/pasted-code.js';
import { normalizeCode } from '../digits.js';
import { codeFieldStyles } from '../code-field.styles.js';
import { adoptLightDomStyles } from '../light-dom-styles.js';

export interface CodeFieldView {
  label: string;
  hint: string;
  /** The error to show and announce; empty when there is none. */
  error: string;
  value: string;
  length: number;
  invalid: boolean;
  busy: boolean;
  /** The element is disabled (its own `disabled` or a disabled fieldset around it). */
  disabled: boolean;
}

export interface CodeFieldEvents {
  /** The digits in the field changed; `check` when the customer typed, autofilled or pasted a whole code. */
  change(code: string, check: boolean): void;
  /** Enter in the field. */
  submit(): void;
}

let instances = 0;

/**
 * The code step's one real `<input autocomplete="one-time-code">`, drawn as one slot per digit. It is rendered
 * into the host's light DOM (slot="code"), where autofill, SMS code suggestions and password managers find it;
 * its label, hint and error live beside it so aria-describedby can reach them.
 */
export class CodeField implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #events: CodeFieldEvents;
  readonly #id = `otp-verify-${++instances}-code`;
  #container: HTMLDivElement | undefined;
  #view: CodeFieldView | undefined;
  #caret = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, events: CodeFieldEvents) {
    this.#host = host;
    this.#events = events;
    host.addController(this);
  }

  get input(): HTMLInputElement | null {
    return this.#container?.querySelector('input') ?? null;
  }

  hostConnected(): void {
    if (this.#container) adoptLightDomStyles(this.#host.getRootNode(), codeFieldStyles);
  }

  /** Shows the field with this content, creating it in the host's light DOM the first time. */
  show(view: CodeFieldView): void {
    this.#view = view;
    if (!this.#container) {
      adoptLightDomStyles(this.#host.getRootNode(), codeFieldStyles);
      this.#container = document.createElement('div');
      this.#container.slot = 'code';
      this.#container.className = 'otp-verify-code';
      this.#host.append(this.#container);
    }
    this.#draw();
  }

  /** Takes the field out of the page (another step). */
  hide(): void {
    this.#container?.remove();
    this.#container = undefined;
    this.#view = undefined;
  }

  focus(): void {
    const input = this.input;
    input?.focus();
    input?.setSelectionRange(input.value.length, input.value.length);
  }

  #draw(): void {
    const view = this.#view;
    if (!view || !this.#container) return;
    const hintId = `${this.#id}-hint`;
    const errorId = `${this.#id}-error`;
    // A cleared field (after a wrong code) puts the caret back in the first slot.
    const active = Math.min(this.#caret, view.value.length, view.length - 1);
    const slots = Array.from({ length: view.length }, (_, index) => {
      const digit = view.value[index] ?? '';
      return html`<span class="otp-verify-code-slot" ?data-active=${index === active}>${digit}</span>`;
    });
    render(
      html`
        <label for=${this.#id}>${view.label}</label>
        <div class="otp-verify-code-box">
          <input
            id=${this.#id}
            class="otp-verify-code-input"
            type="text"
            autocomplete="one-time-code"
            inputmode="numeric"
            enterkeyhint="done"
            autocapitalize="off"
            spellcheck="false"
            dir="ltr"
            .value=${live(view.value)}
            ?readonly=${view.busy}
            ?disabled=${view.disabled}
            aria-invalid=${view.invalid ? 'true' : 'false'}
            aria-describedby=${view.error ? `${hintId} ${errorId}` : hintId}
            @input=${this.#onInput}
            @paste=${this.#onPaste}
            @keydown=${this.#onKeydown}
            @keyup=${this.#trackCaret}
            @click=${this.#trackCaret}
            @select=${this.#trackCaret}
            @focus=${this.#trackCaret}
          />
          <div class="otp-verify-code-slots" aria-hidden="true">${slots}</div>
        </div>
        <p id=${hintId}>${view.hint}</p>
        <div id=${errorId} role="alert">${view.error || nothing}</div>
      `,
      this.#container,
    );
  }

  #onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const length = this.#view?.length ?? 0;
    const caret = input.selectionStart ?? input.value.length;
    const digitsBeforeCaret = normalizeCode(input.value.slice(0, caret), length).length;
    this.#apply(input, normalizeCode(input.value, length), digitsBeforeCaret, true);
  };

  /** A whole code replaces the field; other digits go in at the caret; more than fit are not checked. */
  #onPaste = (event: ClipboardEvent): void => {
    const input = event.target as HTMLInputElement;
    // While a code is being checked the field is read-only: a paste must not change it under the check.
    if (input.readOnly) return;
    event.preventDefault();
    const length = this.#view?.length ?? 0;
    const pasted = pastedCode(event.clipboardData?.getData('text') ?? '', length);
    if (pasted.whole) {
      this.#apply(input, pasted.digits, length, true);
      return;
    }
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const joined = input.value.slice(0, start) + pasted.digits + input.value.slice(end);
    this.#apply(input, joined.slice(0, length), start + pasted.digits.length, joined.length <= length);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    // The field sits inside the page's own form: Enter must check the code, not submit the checkout.
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#events.submit();
    }
  };

  #apply(input: HTMLInputElement, code: string, caret: number, check: boolean): void {
    if (input.value !== code) input.value = code;
    if (this.#view) this.#view.value = code;
    this.#caret = Math.min(caret, code.length);
    input.setSelectionRange(this.#caret, this.#caret);
    this.#events.change(code, check);
    this.#draw();
  }

  #trackCaret = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.#caret = input.selectionStart ?? input.value.length;
    this.#draw();
  };
}
