import type { CurrentOrganisation, PartaClient } from '@parta/core';
import type { ChatSummary } from '@parta/protocol';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ClientController } from '../controllers/client-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { PartaChatSelectEvent } from '../events/chat-select.js';
import { displayName, formatTime, type Locale, t } from '../i18n.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './chat-list.styles.js';

/** Up to two letters for the round avatar: "9А" stays, "Родители 9А" becomes "Р9". */
function initials(title: string): string {
  const words = title.split(/\s+/).filter(Boolean);
  if (words.length === 1) return words[0]!.slice(0, 2);
  return words
    .slice(0, 2)
    .map((word) => word[0])
    .join('')
    .toUpperCase();
}

/**
 * @summary The signed-in user's chats, most recently active first, live.
 *
 * It follows the current organisation (the one `<parta-org-switcher>` chose):
 * that organisation's chats, plus the personal ones that belong to none (saved
 * messages, direct chats). `all-organisations` lists every chat instead.
 *
 * A listbox: arrow keys, Home and End move between chats, Enter or Space (or
 * a click) selects one and fires `parta-chat-select`.
 *
 * @fires parta-chat-select - A chat was chosen (`event.chatId`, `event.title`). Cancelable.
 * @csspart list - The listbox.
 * @csspart item - One chat; also `item-selected` on the selected one.
 * @csspart avatar - The chat's initials.
 * @csspart title - The chat's title.
 * @csspart preview - The last message.
 * @csspart time - When the last message was sent.
 * @csspart badge - The unread counter.
 * @csspart empty - The loading or empty note.
 * @cssproperty --parta-chat-list-bg
 * @cssproperty --parta-chat-list-item-hover-bg
 * @cssproperty --parta-chat-list-item-selected-bg
 * @cssproperty --parta-chat-list-avatar-bg
 * @cssproperty --parta-chat-list-avatar-color
 * @cssproperty --parta-chat-list-badge-bg
 * @cssproperty --parta-chat-list-badge-color
 */
export class PartaChatList extends LitElement {
  static override styles = [tokens, styles];

  /** The selected chat's id. */
  @property({ reflect: true }) selected?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  /** List the chats of all the user's organisations, not only the current one's. */
  @property({ type: Boolean, attribute: 'all-organisations' }) allOrganisations = false;

  /** The chat that holds keyboard focus (roving tabindex). */
  @state() private focusedId?: string;

  #provided = new ClientController(this, () => this.requestUpdate());
  #chats = new StoreController<ChatSummary[]>(this);
  #loading = new StoreController<boolean>(this);
  #me = new StoreController<{ user: { id: string } } | null>(this);
  #organisation = new StoreController<CurrentOrganisation | null>(this);

  get #client(): PartaClient | undefined {
    return this.client ?? this.#provided.value;
  }

  get #strings() {
    return t(this.locale ?? this.#client?.locale);
  }

  /** The chats shown, in the store's order. */
  get chats(): readonly ChatSummary[] {
    const chats = this.#chats.value ?? [];
    if (this.allOrganisations) return chats;
    const orgId = this.#organisation.value?.organisation.id;
    return chats.filter((chat) => chat.orgId === null || chat.orgId === orgId);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const client = this.#client;
    this.#chats.store = client?.$chats;
    this.#loading.store = client?.$chatsLoading;
    this.#me.store = client?.$me;
    this.#organisation.store = client?.$organisation;
  }

  protected override render() {
    const strings = this.#strings;
    const chats = this.chats;
    if (chats.length === 0) {
      // Until the user's organisations are known, which chats belong on the list is not known either.
      const loading = !this.#client || this.#loading.value !== false || (!this.allOrganisations && !this.#me.value);
      return html`<p part="empty" role="status">${loading ? strings.loading : strings.noChats}</p>`;
    }
    const focused = chats.some((chat) => chat.id === this.focusedId)
      ? this.focusedId
      : chats.some((chat) => chat.id === this.selected)
        ? this.selected
        : chats[0]!.id;
    return html`<div part="list" role="listbox" aria-label=${strings.chats} @keydown=${this.#onKeydown}>
      ${repeat(
        chats,
        (chat) => chat.id,
        (chat) => this.#renderChat(chat, chat.id === focused),
      )}
    </div>`;
  }

  #renderChat(chat: ChatSummary, focusable: boolean) {
    const strings = this.#strings;
    const selected = chat.id === this.selected;
    const last = chat.lastMessage;
    const mine = last && last.author.id === this.#me.value?.user.id;
    const author = last ? (mine ? strings.you : displayName({ ...last.author, verified: false })) : '';
    const preview = last ? (last.deletedAt ? strings.deleted : `${author}: ${last.text}`) : '';
    // The option's name is its content, title first (the avatar is hidden),
    // so "9А" and "Родители 9А" differ from the first word.
    return html`<div
      part=${selected ? 'item item-selected' : 'item'}
      role="option"
      id=${`chat-${chat.id}`}
      data-chat-id=${chat.id}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${focusable ? 0 : -1}
      @click=${() => this.#select(chat)}
      @focus=${() => (this.focusedId = chat.id)}
    >
      <span part="avatar" aria-hidden="true">${initials(chat.title)}</span>
      <span class="body">
        <span part="title">${chat.title}</span>
        ${preview ? html`<span part="preview">${preview}</span>` : nothing}
      </span>
      <span class="meta">
        ${last ? html`<time part="time" datetime=${last.createdAt}>${formatTime(last.createdAt, this.locale ?? this.#client?.locale)}</time>` : nothing}
        ${
          chat.unreadCount > 0
            ? html`<span part="badge"><span aria-hidden="true">${chat.unreadCount}</span><span class="visually-hidden">${strings.unread(chat.unreadCount)}</span></span>`
            : nothing
        }
      </span>
    </div>`;
  }

  #select(chat: ChatSummary) {
    this.focusedId = chat.id;
    if (!this.dispatchEvent(new PartaChatSelectEvent(chat.id, chat.title))) return;
    this.selected = chat.id;
  }

  #onKeydown = (event: KeyboardEvent) => {
    const options = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="option"]')];
    if (options.length === 0) return;
    const active = (this.renderRoot as ShadowRoot).activeElement;
    const current = Math.max(
      0,
      options.findIndex((option) => (active ? option === active : option.tabIndex === 0)),
    );
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(options.length - 1, current + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = options.length - 1;
        break;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const chat = this.chats.find((c) => c.id === options[current]?.dataset.chatId);
        if (chat) this.#select(chat);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    this.focusedId = options[next]!.dataset.chatId;
    options[next]!.focus();
  };
}
