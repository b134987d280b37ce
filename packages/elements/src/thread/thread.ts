import type { ClientMessage, ConnectionStatus, MessagesState, PartaClient } from '@parta/core';
import { type ChatSummary, canSendMessage, type MeResponse } from '@parta/protocol';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ClientController } from '../controllers/client-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import type { PartaMessageSendEvent } from '../events/message-send.js';
import { displayName, formatTime, type Locale, t } from '../i18n.js';
import { tokens } from '../styles/tokens.js';
import { linkify } from './linkify.js';
import { styles } from './thread.styles.js';

// On one line: whitespace inside would become part of the author's name in textContent.
const verifiedMark = (label: string) =>
  html`<svg part="verified" role="img" aria-label=${label} viewBox="0 0 24 24"><path d="M12 1.5 14.6 4l3.5-.4.8 3.4 3.1 1.8-1.4 3.2 1.4 3.2-3.1 1.8-.8 3.4-3.5-.4L12 22.5 9.4 20l-3.5.4-.8-3.4L2 15.2l1.4-3.2L2 8.8 5.1 7l.8-3.4 3.5.4zm-1.2 13.7L7.6 12l-1.4 1.4 4.6 4.6 7-7-1.4-1.4z" /></svg>`;

/** How close to the end still counts as "at the bottom", in pixels. */
const BOTTOM_SLACK = 32;

/**
 * @summary One chat: its messages, newest at the bottom, and the composer.
 *
 * Message text is shown as text, with http(s) links made clickable; no HTML
 * from a message is ever rendered. New messages keep the view at the bottom
 * when it was there, and leave it alone when the reader has scrolled up.
 *
 * @fires parta-message-send - From the composer, before sending. Cancelable: `preventDefault()` stops the send.
 * @csspart status - The connection note shown while offline or connecting.
 * @csspart messages - The scrolling message log.
 * @csspart message - One message; also `message-own`, `message-sending`, `message-failed`.
 * @csspart message-bubble - The message's bubble.
 * @csspart message-author - The author's name.
 * @csspart verified - The verified mark next to staff names.
 * @csspart message-text - The message's text.
 * @csspart message-time - When it was sent.
 * @csspart message-status - Time, "edited" and the sending state.
 * @csspart retry-button - Sends a failed message again.
 * @csspart load-older - Loads earlier messages.
 * @csspart composer - The `<parta-composer>`.
 * @csspart empty - The note shown with no chat or no messages.
 * @cssproperty --parta-thread-bg
 * @cssproperty --parta-message-bubble-bg
 * @cssproperty --parta-message-bubble-color
 * @cssproperty --parta-message-bubble-own-bg
 * @cssproperty --parta-message-bubble-own-color
 * @cssproperty --parta-message-bubble-radius
 * @cssproperty --parta-message-author-color
 * @cssproperty --parta-verified-color
 * @cssproperty --parta-link-color
 */
export class PartaThread extends LitElement {
  static override styles = [tokens, styles];

  /** The chat to show. */
  @property({ attribute: 'chat-id', reflect: true }) chatId?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  @query('[part~="messages"]') private scroller?: HTMLElement;

  #provided = new ClientController(this, () => this.requestUpdate());
  #messages = new StoreController<MessagesState>(this);
  #chats = new StoreController<ChatSummary[]>(this);
  #connection = new StoreController<ConnectionStatus>(this);
  #me = new StoreController<MeResponse | null>(this);
  /** Follow new messages: true while the reader is at the bottom. */
  #stick = true;
  /** Scroll geometry before older messages were added above, to keep the reader in place. */
  #anchor: { height: number; top: number } | undefined;

  get #client(): PartaClient | undefined {
    return this.client ?? this.#provided.value;
  }

  get #locale(): string | undefined {
    return this.locale ?? this.#client?.locale;
  }

  /** The messages shown, as the store holds them. */
  get messages(): readonly ClientMessage[] {
    return this.#messages.value?.messages ?? [];
  }

  get #chat(): ChatSummary | undefined {
    return this.#chats.value?.find((chat) => chat.id === this.chatId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.#client;
    if (changed.has('chatId')) {
      this.#stick = true;
      this.#anchor = undefined;
    } else if (!this.#anchor) {
      // Read where the reader is now, before the new content lands: a scroll
      // event may not have reported the latest position yet.
      this.#onScroll();
    }
    this.#messages.store = client && this.chatId ? client.$messages(this.chatId) : undefined;
    this.#chats.store = client?.$chats;
    this.#connection.store = client?.$connection;
    this.#me.store = client?.$me;
  }

  protected override updated(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    if (this.#anchor && !this.#messages.value?.loading) {
      scroller.scrollTop = this.#anchor.top + (scroller.scrollHeight - this.#anchor.height);
      this.#anchor = undefined;
    } else if (this.#stick) {
      scroller.scrollTop = scroller.scrollHeight;
    }
    const chat = this.#chat;
    if (chat && chat.unreadCount > 0 && this.#stick && document.visibilityState === 'visible') {
      void this.#client?.markRead(chat.id);
    }
  }

  protected override render() {
    const strings = t(this.#locale);
    if (!this.chatId) return html`<p part="empty">${strings.selectChat}</p>`;
    const state = this.#messages.value;
    const chat = this.#chat;
    const connection = this.#connection.value;
    const canSend = Boolean(chat && canSendMessage(chat));
    return html`
      ${
        connection && connection !== 'online'
          ? html`<p part="status" role="status">${connection === 'offline' ? strings.offline : strings.connecting}</p>`
          : nothing
      }
      <div part="messages" role="log" aria-label=${strings.messages} tabindex="0" @scroll=${this.#onScroll}>
        ${
          state?.hasMore && state.messages.length > 0
            ? html`<button part="load-older" type="button" ?disabled=${state.loading} @click=${this.#loadOlder}>
              ${state.loading ? strings.loading : strings.loadOlder}
            </button>`
            : nothing
        }
        ${this.#renderBody(state)}
      </div>
      <parta-composer
        part="composer"
        exportparts="input:composer-input, send-button:composer-send-button"
        chat-id=${this.chatId}
        locale=${this.#locale ?? 'ru'}
        ?disabled=${!canSend}
        placeholder=${chat && !canSend ? strings.readOnly : strings.message}
        @parta-message-send=${this.#onSend}
      ></parta-composer>
    `;
  }

  #renderBody(state: MessagesState | undefined) {
    const strings = t(this.#locale);
    const messages = state?.messages ?? [];
    if (messages.length === 0) {
      const note = !state || state.loading ? strings.loading : state.error ? strings.loadFailed : strings.noMessages;
      return html`<p part="empty">${note}</p>`;
    }
    return html`<ol>
      ${repeat(
        messages,
        (message) => message.id,
        (message) => this.#renderMessage(message),
      )}
    </ol>`;
  }

  #renderMessage(message: ClientMessage) {
    const strings = t(this.#locale);
    const own = message.author.id === (this.#me.value?.user.id ?? this.#client?.userId);
    const parts = ['message'];
    if (own) parts.push('message-own');
    if (message.status !== 'sent') parts.push(`message-${message.status}`);
    return html`<li part=${parts.join(' ')} data-message-id=${message.id}>
      <div part="message-bubble">
        ${
          own
            ? nothing
            : html`<div class="meta">
              <span part="message-author"
                >${displayName(message.author)}${message.author.verified ? verifiedMark(strings.verified) : nothing}</span
              >
            </div>`
        }
        ${
          message.deletedAt
            ? html`<p part="message-text" class="deleted">${strings.deleted}</p>`
            : html`<p part="message-text">${linkify(message.text).map((part) =>
                typeof part === 'string'
                  ? part
                  : html`<a href=${part.href} target="_blank" rel="noopener noreferrer nofollow ugc">${part.text}</a>`,
              )}</p>`
        }
        <div part="message-status">
          ${message.editedAt && !message.deletedAt ? html`<span>${strings.edited}</span>` : nothing}
          <time part="message-time" datetime=${message.createdAt}>${formatTime(message.createdAt, this.#locale)}</time>
          ${message.status === 'sending' ? html`<span>${strings.sending}</span>` : nothing}
          ${
            message.status === 'failed'
              ? html`<span>${strings.failed}</span>
                <button part="retry-button" type="button" @click=${() => this.#retry(message)}>${strings.retry}</button>`
              : nothing
          }
        </div>
      </div>
    </li>`;
  }

  #onScroll = () => {
    const scroller = this.scroller;
    if (!scroller) return;
    this.#stick = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= BOTTOM_SLACK;
  };

  #onSend = (event: PartaMessageSendEvent) => {
    const client = this.#client;
    const chatId = this.chatId;
    // Decide after the event has reached the page: a host listener further up may still veto it.
    queueMicrotask(() => {
      if (event.defaultPrevented || !client || !chatId) return;
      this.#stick = true;
      client.sendMessage(chatId, event.text, { replyToId: event.replyToId }).catch(() => {});
    });
  };

  #retry(message: ClientMessage) {
    if (!this.chatId) return;
    this.#client?.retrySend(this.chatId, message.clientKey).catch(() => {});
  }

  #loadOlder = () => {
    const scroller = this.scroller;
    if (!scroller || !this.chatId) return;
    this.#anchor = { height: scroller.scrollHeight, top: scroller.scrollTop };
    this.#stick = false;
    void this.#client?.loadOlder(this.chatId);
  };
}
