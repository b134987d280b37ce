import { createChat, type PartaClient } from '@parta/core';
import { type ChatSummary, limits } from '@parta/protocol';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { describeChatError, tm } from '../chats-i18n.js';
import { ClientController } from '../controllers/client-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { PartaChatSelectEvent } from '../events/chat-select.js';
import type { Locale } from '../i18n.js';
import '../people-picker/define.js';
import type { PartaPeoplePicker } from '../people-picker/people-picker.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';

/** Chats whose members one may copy into a new group: any with other people in it. */
const copyable = (chat: ChatSummary) => chat.kind !== 'saved' && chat.kind !== 'direct' && chat.memberCount > 1;

/**
 * @summary Starts a chat: one person from the user's contacts for a one-to-one chat, several and a title for a group, or a copy of an existing chat's members.
 *
 * The people offered are those the user may contact (who share an
 * organisation), found by name. When the chat exists, it fires
 * `parta-chat-select` for it, so the host opens it.
 *
 * @fires parta-chat-select - The chat was created (or the one-to-one chat already existed).
 * @fires close - Cancelled.
 * @csspart form - The form.
 * @csspart picker - The people picker.
 * @csspart error - Why the chat was not created.
 * @csspart button - Every button; also `button-create`, `button-mode`.
 */
export class PartaNewChat extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      form {
        display: grid;
        align-items: stretch;
        gap: var(--_space-3);
        border: 0;
        background: none;
      }
      .actions {
        justify-content: flex-end;
      }
      .switch {
        justify-self: start;
      }
    `,
  ];

  /** Copy the members of this chat (the "create from existing" mode from the start). */
  @property({ attribute: 'from-chat-id' }) fromChatId?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  @state() private mode: 'people' | 'copy' = 'people';
  @state() private error = '';
  @state() private busy = false;
  @state() private count = 0;

  #provided = new ClientController(this, () => this.requestUpdate());
  #chats = new StoreController<ChatSummary[]>(this);

  get #client(): PartaClient | undefined {
    return this.client ?? this.#provided.value;
  }

  get #locale() {
    return this.locale ?? this.#client?.locale;
  }

  get #picker() {
    return this.renderRoot.querySelector<PartaPeoplePicker>('parta-people-picker');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#chats.store = this.#client?.$chats;
    if (changed.has('fromChatId') && this.fromChatId) this.mode = 'copy';
  }

  protected override firstUpdated(): void {
    this.#focusFirst();
  }

  protected override render() {
    const strings = tm(this.#locale);
    const copy = this.mode === 'copy';
    const label = copy ? strings.createFromChat : this.count === 1 ? strings.write : strings.createGroup;
    return html`<form part="form" @submit=${this.#create}>
      <h3>${copy ? strings.fromExisting : strings.newChat}</h3>
      ${copy ? this.#renderCopy() : this.#renderPeople()}
      <p part="error" role="alert">${this.error}</p>
      <div class="actions">
        <button type="button" part="button" @click=${() => this.dispatchEvent(new Event('close'))}>${strings.cancel}</button>
        <button type="submit" part="button button-create" class="primary" ?disabled=${this.busy || (!copy && this.count === 0)}>
          ${label}
        </button>
      </div>
    </form>`;
  }

  #renderPeople() {
    const strings = tm(this.#locale);
    return html`<parta-people-picker
        part="picker"
        .client=${this.#client}
        locale=${this.#locale ?? 'ru'}
        @change=${() => (this.count = this.#picker?.chosen.length ?? 0)}
      ></parta-people-picker>
      ${
        this.count > 1
          ? html`<label>
              ${strings.groupTitle}
              <input name="title" required maxlength=${limits.chatTitleMax} />
            </label>`
          : ''
      }
      <button type="button" part="button button-mode" class="link switch" @click=${() => this.#switch('copy')}>
        ${strings.fromExisting}
      </button>`;
  }

  #renderCopy() {
    const strings = tm(this.#locale);
    const chats = (this.#chats.value ?? []).filter(copyable);
    return html`<label>
        ${strings.fromChat}
        <select name="from" required>
          <option value="">${strings.chooseChat}</option>
          ${chats.map(
            (chat) => html`<option value=${chat.id} ?selected=${chat.id === this.fromChatId}>
              ${chat.title} (${strings.members(chat.memberCount)})
            </option>`,
          )}
        </select>
      </label>
      <label>
        ${strings.groupTitle}
        <input name="title" required maxlength=${limits.chatTitleMax} />
      </label>
      <button type="button" part="button button-mode" class="link switch" @click=${() => this.#switch('people')}>
        ${strings.newChat}
      </button>`;
  }

  #focusFirst() {
    const first = this.renderRoot.querySelector<HTMLElement>('parta-people-picker, select');
    if (first instanceof HTMLElement) void (first as LitElement).updateComplete?.then(() => first.focus());
  }

  #switch(mode: 'people' | 'copy') {
    this.mode = mode;
    this.count = 0;
    this.error = '';
    void this.updateComplete.then(() => this.#focusFirst());
  }

  #create = async (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.#client;
    if (!client || this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const title = String(data.get('title') ?? '').trim() || undefined;
    const userIds = this.mode === 'people' ? (this.#picker?.chosen ?? []).map((user) => user.id) : [];
    const body =
      this.mode === 'copy'
        ? { kind: 'group' as const, userIds, title, fromChatId: String(data.get('from')) }
        : userIds.length === 1
          ? { kind: 'direct' as const, userIds }
          : { kind: 'group' as const, userIds, title };
    this.busy = true;
    this.error = '';
    try {
      const chat = await createChat(client, body);
      this.dispatchEvent(new PartaChatSelectEvent(chat.id, chat.title));
    } catch (error) {
      this.error = describeChatError(error, this.#locale);
    } finally {
      this.busy = false;
    }
  };
}
