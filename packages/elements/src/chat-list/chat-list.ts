import type { CurrentOrganisation, PartaClient } from '@parta/core';
import type { ChatSummary, Folder } from '@parta/protocol';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ReadableAtom } from 'nanostores';
import { ClientController } from '../controllers/client-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { PartaChatSelectEvent } from '../events/chat-select.js';
import { displayName, formatTime, type Locale, t, withStrings } from '../i18n.js';
import { tokens } from '../styles/tokens.js';
import { typingText } from '../typing.js';
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

/** Which chats the list shows: every one not archived, a folder's, or the archive. */
type View = 'all' | 'archive' | `folder:${string}`;

/** The stores the list reads besides `$chats`, looked up by name so the list works with any client build. */
type LiveStores = {
  $folders?: ReadableAtom<Folder[]>;
  $typing?: (chatId: string) => ReadableAtom<readonly string[]>;
};

const pinnedFirst = (chats: ChatSummary[]) => chats.sort((a, b) => (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? ''));

/**
 * @summary The signed-in user's chats, most recently active first, live.
 *
 * It follows the current organisation (the one `<parta-org-switcher>` chose):
 * that organisation's chats, plus the personal ones that belong to none (saved
 * messages, direct chats). `all-organisations` lists every chat instead.
 *
 * Pinned chats come first. Tabs above the list switch between all chats, the
 * user's folders (at most 15) and the archive; "Непрочитанные" leaves only
 * chats with unread messages. While someone types, the chat says so instead
 * of its last message.
 *
 * A listbox: arrow keys, Home and End move between chats, Enter or Space (or
 * a click) selects one and fires `parta-chat-select`. Shift+F10, the context
 * menu key or a right click open the chat's actions (pin, archive, mute,
 * folders); the new-chat dialog, the folder editor and the actions load on
 * first use.
 *
 * @fires parta-chat-select - A chat was chosen (`event.chatId`, `event.title`). Cancelable.
 * @csspart toolbar - The buttons above the tabs.
 * @csspart button - Every button of the toolbar; also `button-new-chat`, `button-saved`, `button-unread`, `button-folder-add`, `button-folder-edit`.
 * @csspart tabs - The tabs: all chats, each folder, the archive.
 * @csspart tab - One tab; also `tab-selected`.
 * @csspart list - The listbox.
 * @csspart item - One chat; also `item-selected` on the selected one.
 * @csspart avatar - The chat's initials.
 * @csspart title - The chat's title.
 * @csspart pin - The mark of a pinned chat.
 * @csspart preview - The last message, or who is typing (also `typing`).
 * @csspart time - When the last message was sent.
 * @csspart badge - The unread counter (also `badge-muted` for a muted chat).
 * @csspart more - The pointer's way to the chat's actions.
 * @csspart empty - The loading or empty note.
 * @csspart dialog - The new-chat and folder dialogs.
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
  @state() private view: View = 'all';
  @state() private unreadOnly = false;
  /** The open actions menu, or dialog; their modules load on first use. */
  @state() private menu?: { chatId: string; x: number; y: number };
  @state() private dialog?: 'new-chat' | 'folder-new' | 'folder-edit';

  #provided = new ClientController(this, () => this.requestUpdate());
  #chats = new StoreController<ChatSummary[]>(this);
  #loading = new StoreController<boolean>(this);
  #me = new StoreController<{ user: { id: string } } | null>(this);
  #organisation = new StoreController<CurrentOrganisation | null>(this);
  #folders = new StoreController<Folder[]>(this);
  /** Who types where, for the chats on screen. */
  #typing = new Map<string, { ids: readonly string[]; stop: () => void }>();
  #typingClient?: PartaClient;

  get #client(): PartaClient | undefined {
    return this.client ?? this.#provided.value;
  }

  get #strings() {
    return t(this.locale ?? this.#client?.locale);
  }

  protected override scheduleUpdate(): Promise<unknown> | undefined {
    // English words come in a chunk of their own: the update waits for them.
    return withStrings(this.locale ?? this.#client?.locale, () => super.scheduleUpdate());
  }

  /** The user's folders, live. */
  get folders(): readonly Folder[] {
    return this.#folders.value ?? [];
  }

  /** The chats of the organisation shown, whatever the tab. */
  get #ownChats(): ChatSummary[] {
    const chats = this.#chats.value ?? [];
    if (this.allOrganisations) return chats;
    const orgId = this.#organisation.value?.organisation.id;
    return chats.filter((chat) => chat.orgId === null || chat.orgId === orgId);
  }

  /** The chats shown: the tab's, pinned first, then by latest activity. */
  get chats(): readonly ChatSummary[] {
    const view = this.view;
    const folder = view.startsWith('folder:') ? this.folders.find((f) => `folder:${f.id}` === view) : undefined;
    const inFolder = new Set(folder?.chatIds);
    const shown = this.#ownChats.filter(
      (chat) =>
        (view === 'archive' ? chat.archived === true : !chat.archived && (!folder || inFolder.has(chat.id))) &&
        (!this.unreadOnly || chat.unreadCount > 0),
    );
    return pinnedFirst(shown);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const client = this.#client;
    this.#chats.store = client?.$chats;
    this.#loading.store = client?.$chatsLoading;
    this.#me.store = client?.$me;
    this.#organisation.store = client?.$organisation;
    this.#folders.store = (client as LiveStores | undefined)?.$folders;
    // A folder deleted elsewhere takes its tab away.
    if (
      this.view.startsWith('folder:') &&
      this.#folders.value &&
      !this.folders.some((f) => `folder:${f.id}` === this.view)
    ) {
      this.view = 'all';
    }
    this.#followTyping(client);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#followTyping(undefined);
  }

  /** Subscribes to `$typing` of each chat on screen, and lets go of the others. */
  #followTyping(client: PartaClient | undefined) {
    const typing = (client as LiveStores | undefined)?.$typing;
    const wanted = new Set(client && typing && this.isConnected ? this.chats.map((chat) => chat.id) : []);
    for (const [chatId, held] of this.#typing) {
      if (!wanted.has(chatId) || client !== this.#typingClient) {
        held.stop();
        this.#typing.delete(chatId);
      }
    }
    this.#typingClient = client;
    for (const chatId of wanted) {
      if (this.#typing.has(chatId)) continue;
      const store = typing!.call(client, chatId);
      const held = { ids: store.get(), stop: () => {} };
      held.stop = store.listen((ids) => {
        held.ids = ids;
        this.requestUpdate();
      });
      this.#typing.set(chatId, held);
    }
  }

  /** Focus lands on the chat that holds the list's place in the tab order (the selected one, else the first). */
  override focus(options?: FocusOptions): void {
    const chat = this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"]');
    if (chat) chat.focus(options);
    else super.focus(options);
  }

  protected override render() {
    const strings = this.#strings;
    const chats = this.chats;
    let body: unknown;
    if (chats.length === 0) {
      // Until the user's organisations are known, which chats belong on the list is not known either.
      const loading = !this.#client || this.#loading.value !== false || (!this.allOrganisations && !this.#me.value);
      const note = loading
        ? strings.loading
        : this.unreadOnly
          ? strings.noUnread
          : this.view === 'archive'
            ? strings.archiveEmpty
            : this.view === 'all'
              ? strings.noChats
              : strings.folderEmpty;
      body = html`<p part="empty" role="status">${note}</p>`;
    } else {
      const focused = chats.some((chat) => chat.id === this.focusedId)
        ? this.focusedId
        : chats.some((chat) => chat.id === this.selected)
          ? this.selected
          : chats[0]!.id;
      body = html`<div part="list" role="listbox" aria-label=${strings.chats} aria-describedby="hint" @keydown=${this.#onKeydown}>
        ${repeat(
          chats,
          (chat) => chat.id,
          (chat) => this.#renderChat(chat, chat.id === focused),
        )}
      </div>`;
    }
    return html`${this.#client ? this.#renderTop() : nothing}
      <div role="tabpanel" id="panel" aria-labelledby=${`tab-${this.view}`}>${body}</div>
      <span id="hint" hidden>${strings.actionsHint}</span>
      ${
        this.menu
          ? html`<parta-chat-actions
            .client=${this.#client}
            .chat=${this.#chats.value?.find((chat) => chat.id === this.menu!.chatId)}
            .folders=${this.folders}
            locale=${this.locale ?? this.#client?.locale ?? 'ru'}
            style=${`left:${this.menu.x}px;top:${this.menu.y}px`}
            @close=${this.#closeMenu}
          ></parta-chat-actions>`
          : nothing
      }
      ${this.dialog ? this.#renderDialog() : nothing}`;
  }

  #renderTop() {
    const strings = this.#strings;
    const views: { view: View; label: string }[] = [
      { view: 'all', label: strings.allChats },
      ...this.folders.map((folder) => ({ view: `folder:${folder.id}` as View, label: folder.title })),
      { view: 'archive', label: strings.archive },
    ];
    const inFolder = this.view.startsWith('folder:');
    return html`<div part="toolbar">
        <button type="button" part="button button-new-chat" class="primary" @click=${() => this.#open('new-chat')}>
          ${strings.newChat}
        </button>
        <button type="button" part="button button-saved" @click=${this.#openSaved}>${strings.saved}</button>
        <button
          type="button"
          part="button button-unread"
          aria-pressed=${this.unreadOnly ? 'true' : 'false'}
          @click=${() => (this.unreadOnly = !this.unreadOnly)}
        >
          ${strings.unreadOnly}
        </button>
      </div>
      <div class="tabs-row">
        <div part="tabs" role="tablist" aria-label=${strings.folders} @keydown=${this.#onTabKeydown}>
          ${views.map(({ view, label }) => {
            const selected = view === this.view;
            return html`<button
              type="button"
              role="tab"
              part=${selected ? 'tab tab-selected' : 'tab'}
              id=${`tab-${view}`}
              aria-selected=${selected ? 'true' : 'false'}
              aria-controls="panel"
              tabindex=${selected ? 0 : -1}
              @click=${() => this.#show(view)}
            >
              ${label}
            </button>`;
          })}
        </div>
        ${
          inFolder
            ? html`<button type="button" part="button button-folder-edit" class="icon" aria-label=${strings.editFolder} title=${strings.editFolder} @click=${() => this.#open('folder-edit')}>✎</button>`
            : nothing
        }
        <button type="button" part="button button-folder-add" class="icon" aria-label=${strings.newFolder} title=${strings.newFolder} @click=${() => this.#open('folder-new')}>+</button>
      </div>`;
  }

  #renderDialog() {
    const locale = this.locale ?? this.#client?.locale ?? 'ru';
    const label =
      this.dialog === 'new-chat'
        ? this.#strings.newChat
        : this.dialog === 'folder-new'
          ? this.#strings.newFolder
          : this.#strings.editFolder;
    const folder = this.dialog === 'folder-edit' ? this.folders.find((f) => `folder:${f.id}` === this.view) : undefined;
    return html`<dialog part="dialog" aria-label=${label} @close=${this.#closeDialog} @cancel=${this.#closeDialog}>
      ${
        this.dialog === 'new-chat'
          ? html`<parta-new-chat
              .client=${this.#client}
              locale=${locale}
              @parta-chat-select=${this.#onCreated}
              @close=${this.#closeDialog}
            ></parta-new-chat>`
          : html`<parta-folder-editor
              .client=${this.#client}
              .folder=${folder}
              .chats=${this.#ownChats}
              locale=${locale}
              @close=${this.#onFolderClosed}
            ></parta-folder-editor>`
      }
    </dialog>`;
  }

  #renderChat(chat: ChatSummary, focusable: boolean) {
    const strings = this.#strings;
    const selected = chat.id === this.selected;
    const typing = typingText(
      strings,
      chat,
      this.#typing.get(chat.id)?.ids ?? [],
      this.#chats.value ?? [],
      this.#me.value?.user.id,
    );
    const preview = typing ?? this.#preview(chat);
    const title = chat.kind === 'saved' ? strings.saved : chat.title;
    const last = chat.lastMessage;
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
      @contextmenu=${(event: MouseEvent) => {
        event.preventDefault();
        this.#openMenu(chat.id, event.clientX, event.clientY);
      }}
    >
      <span part="avatar" aria-hidden="true">${chat.kind === 'saved' ? '★' : initials(title)}</span>
      <span class="body">
        <span class="heading">
          <span part="title">${title}</span>
          ${chat.muted ? html`<svg part="muted" aria-hidden="true" viewBox="0 0 16 16"><path d="M8 2a4 4 0 0 0-4 4v3L2.5 11h11L12 9V6a4 4 0 0 0-4-4zM6.5 12.5a1.5 1.5 0 0 0 3 0zM2 2l12 12" /></svg><span class="visually-hidden">, ${strings.mutedMark}</span>` : nothing}
          ${chat.pinnedAt ? html`<svg part="pin" aria-hidden="true" viewBox="0 0 16 16"><path d="M10 1.5l4.5 4.5-2 .5-2.5 2.5.5 3.5-1 1-3-3-4 4-.5-.5 4-4-3-3 1-1 3.5.5L9.5 3.5z" /></svg><span class="visually-hidden">, ${strings.pinnedMark}</span>` : nothing}
        </span>
        ${preview ? html`<span part=${typing ? 'preview typing' : 'preview'}>${preview}</span>` : nothing}
      </span>
      <span class="meta">
        ${last ? html`<time part="time" datetime=${last.createdAt}>${formatTime(last.createdAt, this.locale ?? this.#client?.locale)}</time>` : nothing}
        ${
          chat.unreadCount > 0
            ? html`<span part=${chat.muted ? 'badge badge-muted' : 'badge'}><span aria-hidden="true">${chat.unreadCount}</span><span class="visually-hidden">${strings.unread(chat.unreadCount)}</span></span>`
            : nothing
        }
      </span>
      <span
        part="more"
        aria-hidden="true"
        title=${strings.chatActions}
        @click=${(event: MouseEvent) => {
          event.stopPropagation();
          const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
          this.#openMenu(chat.id, box.right, box.bottom);
        }}
        >⋯</span
      >
    </div>`;
  }

  /** The last message as one line of text: who wrote it and what, or what happened to it. */
  #preview(chat: ChatSummary): string {
    const strings = this.#strings;
    const last = chat.lastMessage;
    if (!last) return '';
    if (last.deletedAt) return strings.deleted;
    const author =
      last.author.id === this.#me.value?.user.id ? strings.you : displayName({ ...last.author, verified: false });
    let text = last.text;
    if (last.award) {
      const award = `${strings.award} «${strings.badges[last.award.badge]}» — ${displayName({ ...last.award.recipient, verified: false })}`;
      text = text ? `${award}. ${text}` : award;
    } else if (last.forwardedFrom) {
      text = `${strings.forwarded}: ${text}`;
    }
    return `${author}: ${text}`;
  }

  #select(chat: ChatSummary) {
    this.focusedId = chat.id;
    if (
      !this.dispatchEvent(new PartaChatSelectEvent(chat.id, chat.kind === 'saved' ? this.#strings.saved : chat.title))
    )
      return;
    this.selected = chat.id;
  }

  #show(view: View) {
    this.view = view;
    this.focusedId = undefined;
  }

  async #open(dialog: 'new-chat' | 'folder-new' | 'folder-edit') {
    this.#returnFocus = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    await (dialog === 'new-chat' ? import('../new-chat/define.js') : import('../folder-editor/define.js'));
    this.dialog = dialog;
    await this.updateComplete;
    const element = this.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="dialog"]');
    if (element && !element.open) element.showModal();
  }

  #returnFocus: HTMLElement | null = null;

  #closeDialog = (event?: Event) => {
    // Escape closes the dialog through the template, not by itself.
    if (event?.type === 'cancel') event.preventDefault();
    this.dialog = undefined;
    const target = this.#returnFocus;
    this.#returnFocus = null;
    void this.updateComplete.then(() => target?.isConnected && target.focus());
  };

  /** The new chat (or saved messages) was opened: show it selected, where it is listed. */
  #onCreated = (event: PartaChatSelectEvent) => {
    this.#closeDialog();
    this.#reveal(event.chatId);
  };

  #reveal(chatId: string) {
    if (!this.chats.some((chat) => chat.id === chatId)) {
      this.view = 'all';
      this.unreadOnly = false;
    }
    this.selected = chatId;
    this.focusedId = chatId;
  }

  #onFolderClosed = (event: Event) => {
    const created = (event as Event & { folderId?: string }).folderId;
    this.#closeDialog();
    if (created) this.view = `folder:${created}`;
  };

  #openSaved = async () => {
    const client = this.#client;
    if (!client) return;
    const { openSavedChat } = await import('./lazy.js');
    const chat = await openSavedChat(client);
    this.#reveal(chat.id);
    this.#select(chat);
  };

  async #openMenu(chatId: string, x: number, y: number) {
    await import('./lazy.js');
    this.menu = { chatId, x, y };
  }

  #closeMenu = () => {
    const chatId = this.menu?.chatId;
    this.menu = undefined;
    if (!chatId) return;
    // Back to the chat, or to the list when the chat left this tab (archived, say).
    void this.updateComplete.then(() =>
      (
        this.renderRoot.querySelector<HTMLElement>(`[data-chat-id="${CSS.escape(chatId)}"]`) ??
        this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"], [role="tab"][aria-selected="true"]')
      )?.focus(),
    );
  };

  #onTabKeydown = (event: KeyboardEvent) => {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')];
    const current = tabs.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    const next =
      event.key === 'ArrowRight'
        ? (current + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (current - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    tabs[next]!.click();
    tabs[next]!.focus();
  };

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
      case 'F10':
      case 'ContextMenu': {
        if (event.key === 'F10' && !event.shiftKey) return;
        event.preventDefault();
        const option = options[current]!;
        const box = option.getBoundingClientRect();
        void this.#openMenu(option.dataset.chatId!, box.right - 8, box.bottom);
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
