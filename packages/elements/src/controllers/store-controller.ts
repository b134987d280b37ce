import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Binds a nanostore to a Lit element: the element re-renders on every change
 * and holds its subscription only while connected, so lazy stores load when a
 * widget appears and let go when it leaves. The store may be swapped (a
 * thread switching chats) or absent (no client yet).
 */
export class StoreController<T> implements ReactiveController {
  #host: ReactiveControllerHost;
  #store: ReadableAtom<T> | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;
  value: T | undefined;

  constructor(host: ReactiveControllerHost, store?: ReadableAtom<T>) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  get store(): ReadableAtom<T> | undefined {
    return this.#store;
  }

  set store(store: ReadableAtom<T> | undefined) {
    if (store === this.#store) return;
    this.#unbind();
    this.#store = store;
    this.value = undefined;
    if (this.#connected) this.#bind();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#bind();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unbind();
  }

  #bind() {
    if (!this.#store || this.#unsubscribe) return;
    this.#unsubscribe = this.#store.subscribe((value) => {
      this.value = value as T;
      this.#host.requestUpdate();
    });
  }

  #unbind() {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
