import { getSharedClient, type PartaClient } from '@parta/core';
import type { Locale } from '@parta/protocol';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { type ClientCallback, type ClientRequestEvent, partaClientContext } from '../context.js';
import { themeSchemes } from '../styles/tokens.js';

/** Fetches an embed token from the host site's own route, with the host's session cookie. */
export async function fetchToken(tokenUrl: string): Promise<string> {
  const response = await fetch(tokenUrl, { credentials: 'include', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`the token route answered ${response.status}`);
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('the token route returned no token');
  return body.token;
}

/**
 * @summary Connects the Parta widgets inside it to a Parta server.
 *
 * Give it the server (`base-url`) and the host site's token route
 * (`token-url`, answering `{ "token": "…" }` for the signed-in user), or set
 * `client` directly. Every widget on the page that talks to the same server
 * shares one client and so one socket.
 *
 * @slot - The widgets (and any layout around them).
 * @attr theme - `light` (default), `dark` or `auto` (follows the system) for every widget inside.
 */
export class PartaClientProvider extends LitElement {
  static override styles = [
    themeSchemes,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** The Parta server's URL. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** The host site's route that returns `{ token }` for the signed-in user. */
  @property({ attribute: 'token-url' }) tokenUrl?: string;

  /** Language of the widgets: `ru` (default) or `en`. */
  @property() locale?: Locale;

  /** A client made by the page itself; wins over `base-url` and `token-url`. */
  @property({ attribute: false }) client?: PartaClient;

  #shared: PartaClient | undefined;
  /** The client handed to the widgets inside, and the widgets that follow it. */
  #provided: PartaClient | undefined;
  #subscribers = new Map<ClientCallback, () => void>();

  constructor() {
    super();
    // The Context Protocol: widgets inside ask with a bubbling `context-request` event.
    this.addEventListener('context-request', (event) => {
      const request = event as Partial<ClientRequestEvent>;
      if (request.context !== partaClientContext || request.contextTarget === this) return;
      event.stopPropagation();
      const callback = request.callback!;
      if (!request.subscribe) return callback(this.#provided);
      let unsubscribe = this.#subscribers.get(callback);
      if (!unsubscribe) {
        unsubscribe = () => this.#subscribers.delete(callback);
        this.#subscribers.set(callback, unsubscribe);
      }
      callback(this.#provided, unsubscribe);
    });
  }

  /** The client the widgets inside are using. */
  get activeClient(): PartaClient | undefined {
    return this.client ?? this.#shared;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      !this.client &&
      this.baseUrl &&
      this.tokenUrl &&
      (changed.has('baseUrl') || changed.has('tokenUrl') || !this.#shared)
    ) {
      const tokenUrl = this.tokenUrl;
      this.#shared = getSharedClient({
        baseUrl: this.baseUrl,
        getToken: () => fetchToken(tokenUrl),
        locale: this.locale ?? 'ru',
      });
    }
    const client = this.activeClient;
    if (client !== this.#provided) {
      this.#provided = client;
      for (const [callback, unsubscribe] of this.#subscribers) callback(client, unsubscribe);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
