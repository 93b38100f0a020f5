import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whole seconds left until a moment, re-rendering the host each second (the resend cooldown); `onDone` runs when
 * it reaches zero by itself (not when stopped).
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onDone: (() => void) | undefined;
  #endsAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  remaining = 0;

  constructor(host: ReactiveControllerHost, onDone?: () => void) {
    this.#host = host;
    this.#onDone = onDone;
    host.addController(this);
  }

  start(seconds: number): void {
    this.#endsAt = seconds > 0 ? performance.now() + seconds * 1000 : 0;
    this.#tick();
  }

  stop(): void {
    this.#endsAt = 0;
    this.#tick();
  }

  hostConnected(): void {
    this.#tick();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #tick = (): void => {
    clearTimeout(this.#timer);
    const left = this.#endsAt - performance.now();
    this.remaining = Math.max(0, Math.ceil(left / 1000));
    this.#host.requestUpdate();
    // Wake up when the displayed number changes, not on a fixed interval that drifts.
    if (this.remaining > 0) {
      this.#timer = setTimeout(this.#tick, left - (this.remaining - 1) * 1000);
    } else if (this.#endsAt !== 0) {
      this.#endsAt = 0;
      this.#onDone?.();
    }
  };
}
