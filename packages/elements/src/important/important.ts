import { type ImportantItem, listImportant, type PartaClient } from '@parta/core';
import type { ErrorCode } from '@parta/protocol';
import { errorMessage } from '@parta/protocol';
import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ClientController } from '../controllers/client-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import { PartaChatSelectEvent } from '../events/chat-select.js';
import { displayName, formatTime, type Locale } from '../i18n.js';
import { tokens } from '../styles/tokens.js';
import { richText } from '../thread/message-parts.js';
import { styles } from './important.styles.js';

type Item = ImportantItem;

const strings = {
  ru: {
    title: 'Важные сообщения',
    empty: 'Важных сообщений нет. Отметьте сообщение как важное в его меню — оно появится здесь.',
    loading: 'Загрузка…',
    deleted: 'Сообщение удалено',
    open: (chat: string, author: string) => `${chat}, ${author}: открыть в чате`,
  },
  en: {
    title: 'Important messages',
    empty: 'No important messages. Mark one as important in its menu and it shows here.',
    loading: 'Loading…',
    deleted: 'Message deleted',
    open: (chat: string, author: string) => `${chat}, ${author}: open in the chat`,
  },
};

/**
 * @summary The messages the user marked important, across all chats, newest first.
 *
 * Each shows its chat, author, text (links clickable, everything else as text)
 * and time; choosing one (its button, or a click anywhere on it but a link)
 * fires `parta-chat-select` with `messageId`, for the page to open that chat
 * and show the message (`thread.scrollToMessage(messageId)`).
 *
 * @fires parta-chat-select - A message was chosen: `event.chatId`, `event.title`, `event.messageId`. Cancelable.
 * @csspart heading - The title.
 * @csspart list - The list of messages.
 * @csspart item - One message.
 * @csspart open - Its button: chat title and author.
 * @csspart chat-title - The chat's title.
 * @csspart author - Who wrote it.
 * @csspart text - The message's text.
 * @csspart time - When it was sent.
 * @csspart empty - The loading or empty note.
 * @csspart error - Why the list did not load.
 * @cssproperty --parta-important-bg
 * @cssproperty --parta-important-item-hover-bg
 * @cssproperty --parta-link-color
 */
export class PartaImportant extends LitElement {
  static override styles = [tokens, styles];

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  #provided = new ClientController(this, () => this.requestUpdate());
  #items = new LoadController<Item[]>(this);
  #clients = new WeakMap<PartaClient, string>();

  get #client(): PartaClient | undefined {
    return this.client ?? this.#provided.value;
  }

  get #locale(): Locale {
    return (this.locale ?? this.#client?.locale) === 'en' ? 'en' : 'ru';
  }

  /** The messages shown. */
  get items(): readonly Item[] {
    return this.#items.value ?? [];
  }

  /** Loads the list again (after marking or unmarking elsewhere). */
  refresh(): Promise<void> {
    return this.#items.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  // Marks made in another tab or on another device show when the reader comes back.
  #onVisible = () => {
    if (document.visibilityState === 'visible' && this.#items.value) void this.refresh();
  };

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const client = this.#client;
    this.#items.sync(client ? this.#keyOf(client) : undefined, () => listImportant(client!));
  }

  /** One key per client object, so a new client (another user) loads its own list. */
  #keyOf(client: PartaClient): string {
    let key = this.#clients.get(client);
    if (!key) {
      key = String(Math.random());
      this.#clients.set(client, key);
    }
    return key;
  }

  protected override render() {
    const text = strings[this.#locale];
    const items = this.#items.value;
    let body: unknown;
    if (this.#items.error) {
      body = html`<p part="error" role="alert">
        ${errorMessage((this.#items.error as { code: ErrorCode }).code, this.#locale)}
      </p>`;
    } else if (!items) {
      body = html`<p part="empty" role="status">${text.loading}</p>`;
    } else if (items.length === 0) {
      body = html`<p part="empty">${text.empty}</p>`;
    } else {
      body = html`<ul part="list" aria-labelledby="heading">
        ${repeat(
          items,
          (item) => `${item.chat.id}/${item.message.id}`,
          (item) => this.#renderItem(item),
        )}
      </ul>`;
    }
    return html`<h2 part="heading" id="heading">${text.title}</h2>
      ${body}`;
  }

  #renderItem(item: Item) {
    const text = strings[this.#locale];
    const { chat, message } = item;
    const author = displayName(message.author);
    return html`<li
      part="item"
      data-message-id=${message.id}
      @click=${(event: Event) => {
        if (!(event.target as Element).closest('a, button')) this.#open(item);
      }}
    >
      <button part="open" type="button" aria-label=${text.open(chat.title, author)} @click=${() => this.#open(item)}>
        <span part="chat-title">${chat.title}</span>
        <span part="author">${author}</span>
      </button>
      <time part="time" datetime=${message.createdAt}>${formatTime(message.createdAt, this.#locale)}</time>
      <p part="text">${message.deletedAt ? text.deleted : richText(message.text)}</p>
    </li>`;
  }

  #open(item: Item) {
    this.dispatchEvent(new PartaChatSelectEvent(item.chat.id, item.chat.title, item.message.id));
  }
}
