import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Calls back once when a wall-clock moment passes (a session or token expiry). */
export class DeadlineController implements ReactiveController {
  #at = 0;
  #callback: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Arms the deadline for an ISO timestamp from the verifier; replaces any earlier one. */
  set(isoTime: string, callback: () => void): void {
    this.clear();
    this.#at = Date.parse(isoTime);
    // A moment already past when the verifier sent it means this device's clock runs ahead: timing it
    // would expire every session at once, so leave expiry to the verifier's own errors.
    if (!(this.#at > Date.now())) return;
    this.#callback = callback;
    this.#arm();
  }

  clear(): void {
    this.#callback = undefined;
    clearTimeout(this.#timer);
  }

  hostConnected(): void {
    this.#arm();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #arm(): void {
    clearTimeout(this.#timer);
    const callback = this.#callback;
    if (!callback) return;
    this.#timer = setTimeout(
      () => {
        this.#callback = undefined;
        callback();
      },
      Math.max(0, this.#at - Date.now()),
    );
  }
}
