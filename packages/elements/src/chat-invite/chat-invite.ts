import { joinChatByInvite, type PartaClient, previewChatInvite } from '@parta/core';
import type { ChatInvitePreview } from '@parta/protocol';
import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { describeChatError, tm } from '../chats-i18n.js';
import { ClientController } from '../controllers/client-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import { PartaChatSelectEvent } from '../events/chat-select.js';
import type { Locale } from '../i18n.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';

/**
 * @summary Where a chat's invite link lands: the chat's title and member count, and one button that joins it.
 *
 * Unlike an organisation's invite, a chat's joins at once, with no request to
 * approve. Someone already in the chat gets a button that opens it instead.
 *
 * @fires parta-chat-select - Joined (or opened): the host shows the chat.
 * @csspart card - The preview.
 * @csspart button - The join or open button (also `button-join`).
 * @csspart error - Why the link does not work, or joining failed.
 */
export class PartaChatInvite extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      [part~='card'] {
        display: grid;
        justify-items: center;
        gap: var(--_space-2);
        padding: var(--_space-4);
        text-align: center;
      }
      h2 {
        font-size: 1.3em;
      }
    `,
  ];

  /** The invite code, from the link. */
  @property() code?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  @state() private error = '';
  @state() private busy = false;

  #provided = new ClientController(this, () => this.requestUpdate());
  #preview = new LoadController<ChatInvitePreview>(this);

  get #client(): PartaClient | undefined {
    return this.client ?? this.#provided.value;
  }

  get #locale() {
    return this.locale ?? this.#client?.locale;
  }

  protected override willUpdate(): void {
    const client = this.#client;
    const code = this.code;
    this.#preview.sync(client && code ? code : undefined, () => previewChatInvite(client!, code!));
  }

  protected override render() {
    const strings = tm(this.#locale);
    const preview = this.#preview.value;
    if (!preview) {
      return html`<p part=${this.#preview.error ? 'error' : 'empty'} role=${this.#preview.error ? 'alert' : 'status'}>
        ${this.#preview.error ? describeChatError(this.#preview.error, this.#locale) : strings.loading}
      </p>`;
    }
    return html`<div part="card">
      <h2>${preview.title}</h2>
      <span class="meta">${strings.members(preview.memberCount)}</span>
      ${preview.member ? html`<p>${strings.alreadyMember}</p>` : ''}
      <button type="button" part="button button-join" class="primary" ?disabled=${this.busy} @click=${this.#join}>
        ${preview.member ? strings.openChat : strings.joinChat}
      </button>
      <p part="error" role="alert">${this.error}</p>
    </div>`;
  }

  #join = async () => {
    const client = this.#client;
    const preview = this.#preview.value;
    if (!client || !preview || !this.code) return;
    if (preview.member) {
      this.dispatchEvent(new PartaChatSelectEvent(preview.chatId, preview.title));
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const chat = await joinChatByInvite(client, this.code);
      this.dispatchEvent(new PartaChatSelectEvent(chat.id, chat.title));
    } catch (error) {
      this.error = describeChatError(error, this.#locale);
    } finally {
      this.busy = false;
    }
  };
}
