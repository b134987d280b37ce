import { loadDraft, type PartaClient, saveDraft } from '@parta/core';
import type { ReactiveController, ReactiveElement } from 'lit';
import { ClientController } from '../controllers/client-controller.js';

/** How long after the last keystroke the draft is written down. */
export const DRAFT_SAVE_DELAY_MS = 300;

export interface DraftHost extends ReactiveElement {
  chatId?: string | undefined;
  value: string;
  client?: PartaClient | undefined;
}

/**
 * Keeps what is written in a chat's box as that chat's draft (`@parta/core`'s
 * `loadDraft`/`saveDraft`, in IndexedDB): restored when the chat opens, saved
 * a moment after typing stops and when the chat changes or the box goes away,
 * deleted on send. Without a client (a bare composer) it does nothing.
 */
export class DraftController implements ReactiveController {
  #host: DraftHost;
  #provided: ClientController;
  #client: PartaClient | undefined;
  #chatId: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Typed (or sent) since the draft was asked for: a late answer must not overwrite it. */
  #edited = false;

  constructor(host: DraftHost) {
    this.#host = host;
    this.#provided = new ClientController(host, () => host.requestUpdate());
    host.addController(this);
  }

  hostUpdate(): void {
    const client = this.#host.client ?? this.#provided.value;
    const chatId = this.#host.chatId;
    if (client === this.#client && chatId === this.#chatId) return;
    const switched = this.#chatId !== undefined && chatId !== this.#chatId;
    this.flush();
    this.#client = client;
    this.#chatId = chatId;
    this.#edited = false;
    // Another chat's text never stays in the box.
    if (switched) this.#host.value = '';
    void this.#restore(client, chatId);
  }

  hostDisconnected(): void {
    this.flush();
  }

  /** The user typed: written down once they pause. */
  changed(): void {
    this.#edited = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), DRAFT_SAVE_DELAY_MS);
  }

  /** The message went out: nothing is left to keep. */
  cleared(): void {
    this.#edited = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#client && this.#chatId) void saveDraft(this.#client, this.#chatId, '');
  }

  /** Writes a pending draft now. */
  flush(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#client && this.#chatId) void saveDraft(this.#client, this.#chatId, this.#host.value);
  }

  async #restore(client: PartaClient | undefined, chatId: string | undefined) {
    if (!client || !chatId) return;
    const text = await loadDraft(client, chatId);
    if (!text || this.#edited || client !== this.#client || chatId !== this.#chatId) return;
    if (this.#host.value.trim() === '') this.#host.value = text;
  }
}
