import type { Context } from '@lit/context';
import type { PartaClient } from '@parta/core';

/**
 * The page's Parta client, handed down from `<parta-client>` to every widget
 * inside it. The key is global so separately bundled packages (such as
 * `@parta/calls`) find the same provider.
 *
 * It travels by the community Context Protocol (a bubbling, composed
 * `context-request` event), so a `ContextConsumer` from `@lit/context` finds it
 * too; the widgets answer and ask with the few lines below instead of shipping
 * that library.
 */
export const partaClientContext = Symbol.for('parta.client') as Context<symbol, PartaClient | undefined>;

/** Called with the client, and again whenever it changes while subscribed. */
export type ClientCallback = (client: PartaClient | undefined, unsubscribe?: () => void) => void;

/** The Context Protocol's request for the client. */
export class ClientRequestEvent extends Event {
  readonly context = partaClientContext;
  readonly contextTarget: Element;
  readonly callback: ClientCallback;
  readonly subscribe: boolean;

  constructor(contextTarget: Element, callback: ClientCallback, subscribe: boolean) {
    super('context-request', { bubbles: true, composed: true });
    this.contextTarget = contextTarget;
    this.callback = callback;
    this.subscribe = subscribe;
  }
}
