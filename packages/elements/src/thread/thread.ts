import type { ClientMessage, ConnectionStatus, MessagesState, PartaClient } from '@parta/core';
import {
  type ChatSummary,
  canDeleteForEveryone,
  canEditMessage,
  canSendMessage,
  type ErrorCode,
  errorMessage,
  type MeResponse,
  type Message,
} from '@parta/protocol';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ClientController } from '../controllers/client-controller.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { PartaMessageDeleteEvent } from '../events/message-delete.js';
import { PartaMessageEditEvent } from '../events/message-edit.js';
import type { PartaMessageSendEvent } from '../events/message-send.js';
import { displayName, formatTime, type Locale, loadStrings, t, withStrings } from '../i18n.js';
import { lastResult } from '../last-result.js';
import { tokens } from '../styles/tokens.js';
import { LogWindow, logStyles } from './log-window.js';
import type { ActionsHost } from './message-menu.js';
import {
  type MessageView,
  renderAward,
  renderConfirmation,
  renderLead,
  renderMarks,
  renderPinnedBar,
  renderReplyBar,
  renderTicks,
  richText,
} from './message-parts.js';
import { renderReactions } from './reactions.js';
import { styles } from './thread.styles.js';

// Drawn in CSS, like the actions button's dots: an SVG element is several times dearer to
// create than a span, and every message of a teacher carries the mark.
const verifiedMark = (label: string) => html`<span part="verified" role="img" aria-label=${label}></span>`;

/** The row before the first message that was unread when the chat was opened. */
const UNREAD_LINE = '#unread-line';
type Row = ClientMessage | typeof UNREAD_LINE;

type DeleteScope = 'everyone' | 'me';

interface MenuItem {
  label: string;
  run: () => void;
  danger?: boolean;
}

/** An open actions menu: whose it is (a message id, or the selection bar's), its items, which way it opens. */
interface OpenMenu {
  owner: string;
  items: MenuItem[];
  up: boolean;
  trigger: HTMLElement;
}

interface Editing {
  id: string;
  text: string;
  error: string;
  busy: boolean;
}

const SELECTION = '#selection';
/** How long the first paint may wait for the thread's first answer (the cached page, usually within a few ms). */
const FIRST_PAINT_WAIT_MS = 100;

type Actions = typeof import('./message-menu.js');
/** Reply, forward, pin, mark, receipts, confirm, award: a chunk of its own, loaded on first use. */
const actions = (): Promise<Actions> => import('./message-menu.js');

/** The rows of the log: the messages, with the "new messages" line before the first one unread when the chat was opened. */
function unreadRows(
  messages: ClientMessage[],
  hasMore: boolean,
  unread: { after: number; upTo: number } | undefined,
  me: string | undefined,
): Row[] {
  if (!unread) return messages;
  // Confirmed messages come first, in seq order: the first one after the read position by halving.
  let sent = messages.length;
  while (sent > 0 && messages[sent - 1]!.status !== 'sent') sent--;
  let low = 0;
  let high = sent;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (messages[middle]!.seq > unread.after) high = middle;
    else low = middle + 1;
  }
  let first = low;
  while (first < sent && messages[first]!.author.id === me) first++;
  // Only where it is known to be the first: after a message already read, or at the very start.
  if (first === sent || messages[first]!.seq > unread.upTo || (first === 0 && hasMore)) return messages;
  const rows: Row[] = messages.slice();
  rows.splice(first, 0, UNREAD_LINE);
  return rows;
}

/**
 * The latest pinned message: the chat's, unless the copy held here was unpinned or deleted
 * since; else the newest pinned one held.
 */
function findPinned(messages: readonly ClientMessage[], latest: Message | null | undefined): Message | undefined {
  const held = latest && messages.findLast((message) => message.id === latest.id);
  if (latest && !held) return latest;
  if (held?.pinned && !held.deletedAt) return held;
  return messages.findLast((message) => message.pinned && !message.deletedAt);
}

/**
 * @summary One chat: its messages, newest at the bottom, and the composer.
 *
 * Message text is shown as text, with http(s) links made clickable; no HTML
 * from a message is ever rendered. New messages keep the view at the bottom
 * when it was there, and leave it alone when the reader has scrolled up.
 *
 * Long threads stay light: only the messages near the view are in the DOM
 * (see log-window.ts); older ones load as the reader scrolls up, without
 * moving what is being read. `scrollToMessage(id)` shows any message of the
 * chat, loading it when it is not held. A "new messages" line marks the first
 * message that was unread when the chat was opened.
 *
 * Each message has an actions menu (edit, delete, select several); deleting
 * asks first, in a modal dialog.
 *
 * @fires parta-message-send - From the composer, before sending. Cancelable: `preventDefault()` stops the send.
 * @fires parta-message-edit - Saving an edit. Cancelable.
 * @fires parta-message-delete - A confirmed deletion. Cancelable.
 * @csspart status - The connection note shown while offline or connecting.
 * @csspart messages - The scrolling message log.
 * @csspart message - One message; also `message-own`, `message-sending`, `message-failed`, `message-deleted`, `message-selected`.
 * @csspart message-bubble - The message's bubble.
 * @csspart message-author - The author's name.
 * @csspart verified - The verified mark next to staff names.
 * @csspart message-text - The message's text.
 * @csspart message-time - When it was sent.
 * @csspart message-status - Time, "edited" and the sending state.
 * @csspart retry-button - Sends a failed message again.
 * @csspart discard-button - Gives up on a failed message: it leaves the thread and is never sent.
 * @csspart edited - The "edited" mark.
 * @csspart actions-button - Opens the actions menu.
 * @csspart menu - The actions menu.
 * @csspart menu-item - Its entries; also `menu-item-danger`.
 * @csspart edit-input - The editing box.
 * @csspart edit-error - Why an edit failed.
 * @csspart select-checkbox - Selects a message.
 * @csspart selection-bar - Replaces the composer while selecting.
 * @csspart selection-delete - Deletes the selected.
 * @csspart selection-cancel - Ends selecting.
 * @csspart notice - Why a deletion failed.
 * @csspart confirm - The confirmation dialog; its buttons: `button`, `button-danger`.
 * @csspart reactions - The reactions under a message; each chip is `reaction` (also `reaction-mine`), and `reaction-add` opens the picker.
 * @csspart load-older - Loads earlier messages.
 * @csspart unread-line - "New messages", before the first one unread when the chat was opened.
 * @csspart to-latest - After a jump far back: back to the newest messages.
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
  static override styles = [tokens, styles, logStyles];

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
  /** Renders only the messages near the view, and keeps the reader's place (see log-window.ts). */
  #log = new LogWindow<Row>(this, {
    scroller: () => this.scroller,
    live: () => !this.#messages.value?.hasNewer,
    nearStart: () => {
      const state = this.#messages.value;
      if (this.chatId && state?.hasMore && !state.loading) void this.#client?.loadOlder(this.chatId);
    },
    nearEnd: () => {
      const state = this.#messages.value;
      if (this.chatId && state?.hasNewer && !state.loading) void this.#client?.loadNewer(this.chatId);
    },
  });
  /** Which messages were unread when the chat was opened: after `after`, up to `upTo`. */
  #unread: { after: number; upTo: number } | undefined;
  #confirm = new ConfirmController(this);
  #menu: OpenMenu | undefined;
  #editing: Editing | undefined;
  /** The ids chosen in selection mode; undefined outside it. */
  #selected: Set<string> | undefined;
  #notice = '';
  /** The message the composer replies to. */
  #replyTo: ClientMessage | undefined;
  #typing = new StoreController<readonly string[]>(this);

  get #client(): PartaClient | undefined {
    return this.client ?? this.#provided.value;
  }

  get #locale(): string | undefined {
    return this.locale ?? this.#client?.locale;
  }

  protected override scheduleUpdate(): Promise<unknown> | undefined {
    // English words come in a chunk of their own: the update waits for them.
    const update = () => withStrings(this.#locale, () => super.scheduleUpdate());
    // The first paint waits a moment for the thread's first answer (the cached page, read while
    // nothing else runs): a returning reader sees the messages at once, not "loading" first.
    const $messages = !this.hasUpdated && this.chatId ? this.#client?.$messages(this.chatId) : undefined;
    const answered = (state: MessagesState) => state.messages.length > 0 || !state.loading;
    if (!$messages || answered($messages.get())) return update();
    void loadStrings(this.#locale);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), FIRST_PAINT_WAIT_MS);
      let off: (() => void) | undefined;
      const done = () => {
        clearTimeout(timer);
        off?.();
        resolve(undefined);
      };
      off = $messages.listen((state) => answered(state) && done());
    }).then(update);
  }

  /** The messages shown, as the store holds them. */
  get messages(): readonly ClientMessage[] {
    return this.#messages.value?.messages ?? [];
  }

  get #chat(): ChatSummary | undefined {
    return this.#chats.value?.find((chat) => chat.id === this.chatId);
  }

  get #userId(): string | undefined {
    return this.#me.value?.user.id ?? this.#client?.userId ?? undefined;
  }

  #canDeleteForEveryone(message: ClientMessage): boolean {
    const userId = this.#userId;
    // Before the chat list has loaded, the role is unknown: one's own messages still qualify.
    const chat = this.#chat ?? { kind: 'group', onlyAdminsWrite: false, myRole: null };
    return Boolean(
      userId && canDeleteForEveryone(userId, { authorId: message.author.id, createdAt: message.createdAt }, chat),
    );
  }

  /** Messages that actions apply to: confirmed by the server and not deleted. */
  #actionable = (message: ClientMessage) => message.status === 'sent' && !message.deletedAt;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.#client;
    if (changed.has('chatId')) {
      this.#log.reset();
      this.#unread = undefined;
      this.#menu = undefined;
      this.#editing = undefined;
      this.#selected = undefined;
      this.#notice = '';
      this.#replyTo = undefined;
    } else {
      this.#log.sync();
    }
    this.#messages.store = client && this.chatId ? client.$messages(this.chatId) : undefined;
    this.#chats.store = client?.$chats;
    this.#connection.store = client?.$connection;
    this.#me.store = client?.$me;
    this.#typing.store = client && this.chatId ? client.$typing(this.chatId) : undefined;
    // What was unread when the chat was opened, for the "new messages" line; reading it later does not move the line.
    const chat = this.#chat;
    if (chat && !this.#unread) this.#unread = { after: chat.readSeq, upTo: chat.lastSeq };
  }

  protected override updated(): void {
    if (this.#readPending || !this.#shouldMarkRead()) return;
    // After the frame that shows the new messages: the update that marking them read causes
    // (the chat's unread count) does not delay that frame. A hidden page runs no frames, so
    // its messages are marked read when it is shown again.
    this.#readPending = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.#readPending = false;
        const chat = this.#chat;
        if (this.isConnected && chat && this.#shouldMarkRead()) void this.#client?.markRead(chat.id);
      }),
    );
  }

  #readPending = false;

  #shouldMarkRead(): boolean {
    const chat = this.#chat;
    return Boolean(chat && chat.unreadCount > 0 && this.#log.atBottom && document.visibilityState === 'visible');
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
      ${this.#renderPinned()}
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
      ${
        state?.hasNewer
          ? html`<button part="to-latest" type="button" @click=${this.#toLatest}>${strings.toLatest}</button>`
          : nothing
      }
      ${this.#notice ? html`<p part="notice" role="alert">${this.#notice}</p>` : nothing}
      ${this.#renderTyping()}
      ${this.#selected ? this.#renderSelectionBar() : nothing}
      ${this.#replyTo && !this.#selected ? renderReplyBar(this.#replyTo, strings, this.#cancelReply) : nothing}
      <parta-composer
        part="composer"
        ?hidden=${Boolean(this.#selected)}
        exportparts="input:composer-input, send-button:composer-send-button"
        chat-id=${this.chatId}
        .client=${this.#client}
        locale=${this.#locale ?? 'ru'}
        ?disabled=${!canSend}
        placeholder=${chat && !canSend ? strings.readOnly : strings.message}
        ?confirmable=${canSend && chat?.kind !== 'saved'}
        @parta-message-send=${this.#onSend}
        @input=${this.#onType}
      ></parta-composer>
      ${this.#confirm.render()}
      <div class="layer"></div>
    `;
  }

  #renderSelectionBar() {
    const strings = t(this.#locale);
    const chosen = this.#chosen();
    return html`<div part="selection-bar">
      <button
        part="selection-forward"
        type="button"
        ?disabled=${chosen.length === 0}
        @click=${(event: Event) => {
          const trigger = event.currentTarget as HTMLElement;
          const ids = chosen.map((message) => message.id);
          void this.#withActions((module, host) => module.openForward(host, ids, trigger));
        }}
      >
        ${strings.forwardCount(chosen.length)}
      </button>
      <div class="anchor">
        <button
          part="selection-delete"
          type="button"
          class="danger"
          aria-haspopup="menu"
          aria-expanded=${this.#menu?.owner === SELECTION ? 'true' : 'false'}
          ?disabled=${chosen.length === 0}
          @click=${this.#openSelectionMenu}
          @keydown=${this.#onTriggerKeydown}
        >
          ${strings.deleteCount(chosen.length)}
        </button>
        ${this.#menu?.owner === SELECTION ? this.#renderMenu(this.#menu) : nothing}
      </div>
      <button part="selection-cancel" type="button" @click=${this.#leaveSelection}>${strings.cancel}</button>
    </div>`;
  }

  /** The selected messages still shown and still actionable. */
  #chosen(): ClientMessage[] {
    const selected = this.#selected;
    return selected ? this.messages.filter((message) => selected.has(message.id) && this.#actionable(message)) : [];
  }

  #renderMenu(menu: OpenMenu) {
    return html`<div
      part="menu"
      role="menu"
      class=${menu.up ? 'up' : ''}
      aria-label=${t(this.#locale).messageActions}
      @keydown=${this.#onMenuKeydown}
      @focusout=${this.#onMenuFocusout}
    >
      ${menu.items.map(
        (item) =>
          html`<button
            part=${item.danger ? 'menu-item menu-item-danger' : 'menu-item'}
            role="menuitem"
            type="button"
            tabindex="-1"
            @click=${() => this.#choose(item)}
          >
            ${item.label}
          </button>`,
      )}
    </div>`;
  }

  #renderBody(state: MessagesState | undefined) {
    const strings = t(this.#locale);
    const messages = state?.messages ?? [];
    if (messages.length === 0) {
      const note = !state || state.loading ? strings.loading : state.error ? strings.loadFailed : strings.noMessages;
      return html`<p part="empty">${note}</p>`;
    }
    // Rows that hold focus or an open menu stay rendered wherever the view goes.
    const focused = (this.renderRoot as ShadowRoot).activeElement?.closest<HTMLElement>('[data-message-id]');
    this.#log.keep = [this.#menu?.owner, this.#editing?.id, focused?.dataset.messageId].filter((id): id is string =>
      Boolean(id),
    );
    const locale = this.#locale;
    const userId = this.#userId;
    const othersRead = this.#chat?.othersReadSeq ?? 0;
    const selecting = this.#selected !== undefined;
    // Past midnight, today's times become dates.
    const today = new Date().toDateString();
    return this.#log.render(
      this.#rows(state!),
      (row) => (row === UNREAD_LINE ? UNREAD_LINE : row.id),
      (row) =>
        row === UNREAD_LINE
          ? html`<li part="unread-line">${strings.newMessages}</li>`
          : // A row is rendered again only when something it shows changed: a message arriving
            // in a long thread costs its own row, not every row on screen. The row being edited
            // or holding the open menu keeps state of its own and renders every time.
            guard(
              [
                row,
                locale,
                userId,
                today,
                row.author.id === userId && othersRead >= row.seq,
                selecting,
                Boolean(this.#selected?.has(row.id)),
                this.#editing?.id === row.id || this.#menu?.owner === row.id ? {} : undefined,
              ],
              () => this.#renderMessage(row),
            ),
    );
  }

  /**
   * The messages, with the "new messages" line before the first one unread when the chat was
   * opened; computed again only when one of its inputs changed (a long thread would be copied
   * on every update otherwise).
   */
  #rows(state: MessagesState): Row[] {
    return this.#rowsOf(state.messages, state.hasMore, this.#unread, this.#userId);
  }

  #rowsOf = lastResult(unreadRows);

  /**
   * Shows a message, loading the page around it when it is not held (a replied-to or
   * pinned one far back), and highlights it briefly. Resolves false, with a notice, for
   * a message that is not in the chat (or was deleted for this user), and false without
   * one when a later jump took the thread elsewhere before this one's page arrived.
   */
  async scrollToMessage(messageId: string): Promise<boolean> {
    const client = this.#client;
    const chatId = this.chatId;
    if (!client || !chatId) return false;
    this.#log.jumpTo(messageId);
    if (!this.messages.some((message) => message.id === messageId)) {
      try {
        await client.jumpTo(chatId, messageId);
      } catch (error) {
        this.#log.holdPosition();
        this.#notice = this.#describe(error);
        this.requestUpdate();
        return false;
      }
    }
    this.requestUpdate();
    await this.updateComplete;
    return this.messages.some((message) => message.id === messageId);
  }

  #toLatest = () => {
    if (!this.chatId) return;
    this.#log.stickToBottom();
    void this.#client?.jumpToLatest(this.chatId);
    this.scroller?.focus();
  };

  #renderMessage(message: ClientMessage) {
    const strings = t(this.#locale);
    const own = message.author.id === this.#userId;
    const actionable = this.#actionable(message);
    const selected = Boolean(actionable && this.#selected?.has(message.id));
    const editing = this.#editing?.id === message.id && actionable ? this.#editing : undefined;
    const menu = this.#menu?.owner === message.id ? this.#menu : undefined;
    const parts = ['message'];
    if (own) parts.push('message-own');
    if (message.status !== 'sent') parts.push(`message-${message.status}`);
    if (message.deletedAt) parts.push('message-deleted');
    if (selected) parts.push('message-selected');
    if (message.award) parts.push('message-award');
    const view: MessageView = {
      strings,
      locale: this.#locale,
      own,
      read: own && (this.#chat?.othersReadSeq ?? 0) >= message.seq,
      confirmed: Boolean(message.confirmation?.byMe),
      jump: this.#jump,
      confirm: () => void this.#confirmRead(message),
      receipts: (trigger) => void this.#withActions((module, host) => module.openReceipts(host, message, trigger)),
    };
    return html`<li part=${parts.join(' ')} data-message-id=${message.id}>
      ${
        this.#selected && actionable
          ? html`<input
              part="select-checkbox"
              type="checkbox"
              aria-label=${strings.selectMessage}
              .checked=${selected}
              @change=${(event: Event) => this.#toggle(message.id, (event.target as HTMLInputElement).checked)}
            />`
          : nothing
      }
      <div part="message-bubble">
        ${
          // An award's card names its giver; one forwarded by someone else says who forwarded it.
          own || (message.award && !message.forwardedFrom)
            ? nothing
            : html`<div class="meta">
              <span part="message-author"
                >${displayName(message.author)}${message.author.verified ? verifiedMark(strings.verified) : nothing}</span
              >
            </div>`
        }
        ${message.deletedAt || editing ? nothing : renderLead(message, view)}${
          message.deletedAt
            ? html`<p part="message-text" class="deleted">${strings.deleted}</p>`
            : editing
              ? this.#renderEditor(editing)
              : message.award
                ? renderAward(message, view)
                : html`<p part="message-text">${richText(message.text)}</p>`
        }
        ${renderConfirmation(message, view)}
        ${renderReactions(message, {
          locale: this.#locale,
          userId: this.#userId,
          react: (emoji, on) =>
            void this.#withActions(async (module, host) => {
              await module.toggleReaction(host, message, emoji, on);
              // Taking back the last one removes the row, and the focused chip with it.
              if (!(this.renderRoot as ShadowRoot).activeElement) this.#refocusMessage(message.id);
            }),
          pick: (trigger) => void this.#withActions((module, host) => module.openReactions(host, message, trigger)),
        })}
        <div part="message-status">
          ${message.editedAt && !message.deletedAt ? html`<span part="edited">${strings.edited}</span>` : nothing}
          ${renderMarks(message, view)}
          <time part="message-time" datetime=${message.createdAt}>${formatTime(message.createdAt, this.#locale)}</time>
          ${renderTicks(message, view)}
          ${message.status === 'sending' ? html`<span>${strings.sending}</span>` : nothing}
          ${
            message.status === 'failed'
              ? html`<span>${strings.failed}</span>
                <button part="retry-button" type="button" @click=${() => this.#retry(message)}>${strings.retry}</button>
                <button part="discard-button" type="button" @click=${() => this.#discard(message)}>${strings.discard}</button>`
              : nothing
          }
          ${
            actionable && !editing && !this.#selected
              ? html`<button
                  part="actions-button"
                  type="button"
                  aria-label=${strings.messageActions}
                  title=${strings.messageActions}
                  aria-haspopup="menu"
                  aria-expanded=${menu ? 'true' : 'false'}
                  @click=${(event: Event) => this.#openMessageMenu(message, event.currentTarget as HTMLElement)}
                  @keydown=${this.#onTriggerKeydown}
                ></button>`
              : nothing
          }
        </div>
        ${menu ? this.#renderMenu(menu) : nothing}
      </div>
    </li>`;
  }

  #renderEditor(editing: Editing) {
    const strings = t(this.#locale);
    return html`<div class="editor">
      <textarea
        part="edit-input"
        rows="2"
        aria-label=${strings.editing}
        aria-describedby="edit-error"
        aria-invalid=${editing.error ? 'true' : 'false'}
        .value=${editing.text}
        ?readonly=${editing.busy}
        @input=${(event: Event) => {
          editing.text = (event.target as HTMLTextAreaElement).value;
        }}
        @keydown=${this.#onEditKeydown}
      ></textarea>
      ${editing.error ? html`<p part="edit-error" id="edit-error" role="alert">${editing.error}</p>` : nothing}
      <div class="edit-actions">
        <button type="button" @click=${this.#cancelEdit}>${strings.cancel}</button>
        <button type="button" class="primary" ?disabled=${editing.busy} @click=${this.#saveEdit}>${strings.save}</button>
      </div>
    </div>`;
  }

  // --- the actions menu

  async #openMessageMenu(message: ClientMessage, trigger: HTMLElement) {
    if (this.#menu?.owner === message.id) return this.#closeMenu(true);
    const strings = t(this.#locale);
    const userId = this.#userId;
    const host = this.#actionsHost();
    // Reply, forward, pin… load with the first menu opened.
    const items: MenuItem[] = host ? (await actions()).messageItems(host, message, trigger) : [];
    if (
      userId &&
      canEditMessage(userId, {
        authorId: message.author.id,
        createdAt: message.createdAt,
        forwarded: Boolean(message.forwardedFrom),
      })
    ) {
      items.push({ label: strings.edit, run: () => this.#startEdit(message) });
    }
    if (this.#canDeleteForEveryone(message)) {
      items.push({
        label: strings.deleteForEveryone,
        danger: true,
        run: () => void this.#delete([message.id], 'everyone'),
      });
    }
    items.push({ label: strings.deleteForMe, danger: true, run: () => void this.#delete([message.id], 'me') });
    items.push({ label: strings.select, run: () => this.#enterSelection(message.id) });
    this.#showMenu(message.id, items, trigger);
  }

  #openSelectionMenu = (event: Event) => {
    if (this.#menu?.owner === SELECTION) return this.#closeMenu(true);
    const strings = t(this.#locale);
    const chosen = this.#chosen();
    const ids = chosen.map((message) => message.id);
    const items: MenuItem[] = [];
    if (chosen.every((message) => this.#canDeleteForEveryone(message))) {
      items.push({ label: strings.deleteForEveryone, danger: true, run: () => void this.#delete(ids, 'everyone') });
    }
    items.push({ label: strings.deleteForMe, danger: true, run: () => void this.#delete(ids, 'me') });
    this.#showMenu(SELECTION, items, event.currentTarget as HTMLElement);
  };

  #showMenu(owner: string, items: MenuItem[], trigger: HTMLElement) {
    // Open upwards in the lower half of the log, so the menu is not cut off at its end.
    const log = this.scroller?.getBoundingClientRect();
    const up = owner === SELECTION || !log || trigger.getBoundingClientRect().top > log.top + log.height / 2;
    this.#menu = { owner, items, up, trigger };
    this.requestUpdate();
    void this.updateComplete.then(() => this.#menuItems()[0]?.focus());
  }

  #menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  #closeMenu(refocus: boolean) {
    const trigger = this.#menu?.trigger;
    this.#menu = undefined;
    this.requestUpdate();
    if (refocus) trigger?.focus();
  }

  #choose(item: MenuItem) {
    // Focus goes back to the button first, so a dialog opened next returns it there.
    this.#closeMenu(true);
    item.run();
  }

  #onTriggerKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    if (!this.#menu) (event.currentTarget as HTMLElement).click();
  };

  #onMenuKeydown = (event: KeyboardEvent) => {
    const items = this.#menuItems();
    const at = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = (at + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#closeMenu(true);
      return;
    } else if (event.key === 'Tab') {
      this.#closeMenu(false);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    items[next]?.focus();
  };

  #onMenuFocusout = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    const menu = event.currentTarget as HTMLElement;
    if (!this.#menu || (to && (menu.contains(to) || to === this.#menu.trigger))) return;
    this.#closeMenu(false);
  };

  // --- replying, forwarding, pins, marks, receipts, awards, typing

  #renderPinned() {
    const pinned = this.#pinned(this.messages, this.#chat?.pinnedMessage);
    return pinned ? renderPinnedBar(pinned, t(this.#locale), this.#jump) : nothing;
  }

  /** Looked for again only when the messages or the chat's pinned one changed: a long thread makes the search costly. */
  #pinned = lastResult(findPinned);

  #renderTyping() {
    const userId = this.#userId;
    const typing = (this.#typing.value ?? []).filter((id) => id !== userId);
    if (typing.length === 0) return nothing;
    const chat = this.#chat;
    const names = typing.flatMap((id) => {
      const user =
        chat?.peer?.id === id ? chat.peer : this.messages.findLast((message) => message.author.id === id)?.author;
      return user ? [displayName(user)] : [];
    });
    return html`<p part="typing" role="status">${t(this.#locale).typing(names)}</p>`;
  }

  #onType = (event: Event) => {
    if (this.chatId && (event.target as Element).localName === 'parta-composer') this.#client?.sendTyping(this.chatId);
  };

  #startReply(message: ClientMessage) {
    this.#replyTo = message;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('parta-composer')?.focus());
  }

  #cancelReply = () => {
    this.#replyTo = undefined;
    this.requestUpdate();
    this.renderRoot.querySelector<HTMLElement>('parta-composer')?.focus();
  };

  /** Shows a message: a quote's original, the pinned one. */
  #jump = (messageId: string) => void this.scrollToMessage(messageId);

  /** What the message actions (loaded on first use) need from the thread. */
  #actionsHost(): ActionsHost | undefined {
    const client = this.#client;
    const chatId = this.chatId;
    if (!client || !chatId) return undefined;
    return {
      client,
      chatId,
      locale: this.#locale,
      chat: this.#chat,
      me: this.#me.value?.user,
      // After the content, inside the shadow root, so dialogs take the thread's theme.
      layer: this.renderRoot.querySelector('.layer')!,
      reply: (message) => this.#startReply(message as ClientMessage),
      act: async (action, explain) => {
        this.#notice = '';
        try {
          await action();
          return true;
        } catch (error) {
          this.#notice = explain?.(error) ?? this.#describe(error);
          return false;
        } finally {
          this.requestUpdate();
        }
      },
      forwarded: () => {
        if (this.#selected) this.#leaveSelection();
      },
    };
  }

  /** Runs a message action once its module has loaded; `trigger` gets focus back from a dialog. */
  async #withActions(run: (module: Actions, host: ActionsHost) => unknown) {
    const host = this.#actionsHost();
    if (host) await run(await actions(), host);
  }

  /** Confirms reading; the core counts it at once, and focus moves to the message's "confirmed" note. */
  async #confirmRead(message: ClientMessage) {
    await this.#withActions((module, host) => module.confirmRead(host, message));
    this.renderRoot
      .querySelector<HTMLElement>(`[data-message-id="${CSS.escape(message.id)}"] [part~="confirmed"]`)
      ?.focus();
  }

  // --- editing

  #startEdit(message: ClientMessage) {
    this.#editing = { id: message.id, text: message.text, error: '', busy: false };
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const box = this.renderRoot.querySelector<HTMLTextAreaElement>('[part~="edit-input"]');
      box?.focus();
      box?.setSelectionRange(box.value.length, box.value.length);
    });
  }

  #onEditKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#cancelEdit();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.#saveEdit();
    }
  };

  #cancelEdit = () => {
    const id = this.#editing?.id;
    this.#editing = undefined;
    this.requestUpdate();
    this.#refocusMessage(id);
  };

  #saveEdit = async () => {
    const editing = this.#editing;
    const client = this.#client;
    const chatId = this.chatId;
    if (!editing || editing.busy || !client || !chatId) return;
    const original = this.messages.find((message) => message.id === editing.id);
    const text = editing.text.trim();
    if (text === '' || text === original?.text) return this.#cancelEdit();
    if (!this.dispatchEvent(new PartaMessageEditEvent(chatId, editing.id, text))) return;
    editing.busy = true;
    editing.error = '';
    this.requestUpdate();
    try {
      await client.editMessage(chatId, editing.id, text);
      if (this.#editing === editing) this.#cancelEdit();
    } catch (error) {
      editing.busy = false;
      editing.error = this.#describe(error);
      this.requestUpdate();
    }
  };

  /** After editing, focus goes back to the message's actions button. */
  #refocusMessage(id: string | undefined) {
    void this.updateComplete.then(() => {
      const button = this.renderRoot.querySelector<HTMLElement>(
        `[data-message-id="${CSS.escape(id ?? '')}"] [part~="actions-button"]`,
      );
      (button ?? this.scroller)?.focus();
    });
  }

  #describe(error: unknown): string {
    return errorMessage((error as { code: ErrorCode }).code, this.#locale === 'en' ? 'en' : 'ru');
  }

  // --- deleting and selection

  async #delete(ids: string[], scope: DeleteScope) {
    const client = this.#client;
    const chatId = this.chatId;
    if (!client || !chatId || ids.length === 0) return;
    const strings = t(this.#locale);
    const confirmed = await this.#confirm.ask({
      title: strings.deleteQuestion(ids.length),
      detail: scope === 'everyone' ? strings.deleteEveryoneDetail : strings.deleteMeDetail,
      confirm: strings.delete,
      cancel: strings.cancel,
    });
    if (!confirmed || !this.dispatchEvent(new PartaMessageDeleteEvent(chatId, ids, scope))) return;
    this.#notice = '';
    try {
      await client.deleteMessages(chatId, ids, scope);
      if (this.#selected) this.#leaveSelection();
    } catch (error) {
      this.#notice = this.#describe(error);
    }
    this.requestUpdate();
    await this.updateComplete;
    const root = this.renderRoot as ShadowRoot;
    if (!root.activeElement) this.scroller?.focus();
  }

  #enterSelection(id: string) {
    this.#selected = new Set([id]);
    this.#editing = undefined;
    this.requestUpdate();
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLElement>(`[data-message-id="${CSS.escape(id)}"] [part~="select-checkbox"]`)
        ?.focus(),
    );
  }

  #toggle(id: string, on: boolean) {
    if (on) this.#selected?.add(id);
    else this.#selected?.delete(id);
    this.requestUpdate();
  }

  #leaveSelection = () => {
    this.#selected = undefined;
    this.#menu = undefined;
    this.requestUpdate();
  };

  #onScroll = () => this.#log.onScroll();

  #onSend = (event: PartaMessageSendEvent) => {
    const client = this.#client;
    const chatId = this.chatId;
    // Decide after the event has reached the page: a host listener further up may still veto it.
    queueMicrotask(() => {
      if (event.defaultPrevented || !client || !chatId) return;
      this.#log.stickToBottom();
      const replyToId = event.replyToId ?? this.#replyTo?.id ?? null;
      this.#replyTo = undefined;
      this.requestUpdate();
      client
        .sendMessage(chatId, event.text, { replyToId, requiresConfirmation: event.requiresConfirmation })
        .catch(() => {});
    });
  };

  #retry(message: ClientMessage) {
    if (!this.chatId) return;
    this.#client?.retrySend(this.chatId, message.clientKey).catch(() => {});
  }

  /** Gives up on a message that was not sent: it leaves the thread and the outbox, and focus stays in the log. */
  #discard(message: ClientMessage) {
    if (!this.chatId) return;
    this.#client
      ?.discardSend(this.chatId, message.clientKey)
      .then(() => this.scroller?.focus())
      .catch(() => {});
  }

  #loadOlder = () => {
    if (!this.chatId) return;
    // The older messages go above; the ones on screen stay where they are.
    this.#log.holdPosition();
    void this.#client?.loadOlder(this.chatId);
  };
}
