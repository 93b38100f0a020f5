import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whole seconds left until a moment, re-rendering the host each second (the resend cooldown). */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #endsAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  remaining = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  start(seconds: number): void {
    this.#endsAt = performance.now() + seconds * 1000;
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
    if (this.remaining > 0) this.#timer = setTimeout(this.#tick, left - (this.remaining - 1) * 1000);
  };
}
