import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { ApiError } from '../api.js';
import type { DashboardApi } from '../api.js';
import type { Me } from '../api-types.js';
import { LightElement } from './light-element.js';

const MESSAGES: Record<string, string> = {
  invalid_credentials: 'Wrong username or password.',
  too_many_attempts: 'Too many attempts. Wait a few minutes, then try again.',
};

/** The sign-in form; fires `dash-signed-in` with the user. */
export class SignInForm extends LightElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };

  declare api: DashboardApi;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = '';
    this.busy = false;
  }

  override render() {
    return html`
      <main class="sign-in" id="main">
        <h1>Sign in to the otp-verify dashboard</h1>
        <form @submit=${this.submit} aria-describedby=${this.error ? 'sign-in-error' : nothing}>
          <label for="username">Username</label>
          <input id="username" name="username" autocomplete="username" required autocapitalize="none" />
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <p id="sign-in-error" class="error" role="alert">${this.error}</p>
          <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
        </form>
      </main>
    `;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const me: Me = await this.api.signIn(String(form.get('username')), String(form.get('password')));
      this.dispatchEvent(new CustomEvent('dash-signed-in', { detail: me, bubbles: true }));
    } catch (error) {
      this.error =
        error instanceof ApiError ? (MESSAGES[error.code] ?? error.message) : 'The dashboard did not answer.';
      this.querySelector<HTMLInputElement>('#password')?.select();
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('sign-in-form', SignInForm);

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-form': SignInForm;
  }
  interface HTMLElementEventMap {
    'dash-signed-in': CustomEvent<Me>;
  }
}
