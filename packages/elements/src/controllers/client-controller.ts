import type { PartaClient } from '@parta/core';
import type { ReactiveController, ReactiveElement } from 'lit';
import { type ClientCallback, ClientRequestEvent } from '../context.js';

/**
 * Finds the client provided by an enclosing `<parta-client>` and follows it as it
 * changes. Widgets may be upgraded before the provider is (the page imported their
 * `define` first); then the request goes unanswered, so it is repeated once
 * `parta-client` is defined.
 */
export class ClientController implements ReactiveController {
  #host: ReactiveElement;
  #answered = false;
  #onChange: () => void;
  #unsubscribe: (() => void) | undefined;
  /** The provider's answers; one function for the controller's life, so a provider never holds it twice. */
  #callback: ClientCallback = (client, unsubscribe) => {
    // Answered by another provider than before (the widget moved): leave the old one.
    if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
    this.#unsubscribe = unsubscribe;
    this.#answered = true;
    this.value = client;
    this.#host.requestUpdate();
    this.#onChange();
  };

  /** The provided client, if any. */
  value: PartaClient | undefined;

  constructor(host: ReactiveElement, onChange: () => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.#request();
    if (this.#answered || customElements.get('parta-client')) return;
    void customElements.whenDefined('parta-client').then(() => {
      if (!this.#answered && this.#host.isConnected) this.#request();
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #request() {
    this.#host.dispatchEvent(new ClientRequestEvent(this.#host, this.#callback, true));
  }
}
