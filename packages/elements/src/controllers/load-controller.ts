import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Loads one thing for a key (a client and an organisation, say) and loads
 * it again when the key changes; answers that arrive for an old key are dropped.
 */
export class LoadController<T> implements ReactiveController {
  #host: ReactiveControllerHost;
  #key: string | undefined;
  #generation = 0;
  #load: (() => Promise<T>) | undefined;
  value: T | undefined;
  error: unknown = null;
  loading = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * Starts loading when `key` differs from the last one; `undefined` clears.
   * With `keep` the old value stays on screen until the new one arrives (a
   * narrower filter of the same list, say), instead of a loading note.
   */
  sync(key: string | undefined, load: () => Promise<T>, keep = false): void {
    if (key === this.#key) return;
    this.#key = key;
    if (!keep) this.value = undefined;
    this.#load = key === undefined ? undefined : load;
    void this.reload();
  }

  async reload(): Promise<void> {
    const generation = ++this.#generation;
    if (!this.#load) {
      this.loading = false;
      this.error = null;
      return;
    }
    this.loading = true;
    this.error = null;
    this.#host.requestUpdate();
    try {
      const value = await this.#load();
      if (generation !== this.#generation) return;
      this.value = value;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.error = error;
    }
    this.loading = false;
    this.#host.requestUpdate();
  }

  /** Changes the held value in place (after an action the server confirmed). */
  set(value: T): void {
    this.value = value;
    this.#host.requestUpdate();
  }

  hostConnected(): void {}
}
