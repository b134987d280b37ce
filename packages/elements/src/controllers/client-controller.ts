import { ContextConsumer } from '@lit/context';
import type { PartaClient } from '@parta/core';
import type { ReactiveController, ReactiveElement } from 'lit';
import { partaClientContext } from '../context.js';

/**
 * Finds the client provided by an enclosing `<parta-client>`. Widgets may be
 * upgraded before the provider is (the page imported their `define` first);
 * then the request goes unanswered, so it is repeated once `parta-client`
 * is defined.
 */
export class ClientController implements ReactiveController {
  #host: ReactiveElement;
  #consumer: ContextConsumer<typeof partaClientContext, ReactiveElement>;
  #answered = false;
  #onChange: () => void;

  constructor(host: ReactiveElement, onChange: () => void) {
    this.#host = host;
    this.#onChange = onChange;
    this.#consumer = new ContextConsumer(host, {
      context: partaClientContext,
      subscribe: true,
      callback: () => {
        this.#answered = true;
        this.#onChange();
      },
    });
    host.addController(this);
  }

  /** The provided client, if any. */
  get value(): PartaClient | undefined {
    return this.#consumer.value;
  }

  hostConnected(): void {
    if (this.#answered || customElements.get('parta-client')) return;
    void customElements.whenDefined('parta-client').then(() => {
      if (!this.#answered && this.#host.isConnected) this.#consumer.hostConnected();
    });
  }
}
