import {
  addChatMembers,
  createChatInvite,
  getChat,
  getChatInvite,
  leaveChat,
  listChatMembers,
  type PartaClient,
  removeChatMember,
  revokeChatInvite,
  setChatMemberRole,
  setChatMine,
  updateChat,
} from '@parta/core';
import {
  type ChatContext,
  type ChatMember,
  type ChatSettings,
  type ChatSummary,
  canEditChatInfo,
  canInviteToChat,
  canJoinCall,
  canLeaveChat,
  canManageChat,
  disappearTimers,
  isChatAdmin,
  limits,
} from '@parta/protocol';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { describeChatError, tm } from '../chats-i18n.js';
import { ClientController } from '../controllers/client-controller.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { PartaCallStartEvent } from '../events/call-start.js';
import { PartaChatLeaveEvent } from '../events/chat-leave.js';
import { displayName, type Locale } from '../i18n.js';
import '../people-picker/define.js';
import type { PartaPeoplePicker } from '../people-picker/people-picker.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './chat-card.styles.js';

const SEARCH_DELAY_MS = 300;
type Invite = Awaited<ReturnType<typeof getChatInvite>>;
type Toggle = 'onlyAdminsWrite' | 'membersMayInvite' | 'membersMayPin' | 'membersMayEditInfo';

/** What the permission rules of @parta/protocol need to know about a chat. */
export function chatContext(chat: ChatSummary): ChatContext {
  return {
    kind: chat.kind,
    onlyAdminsWrite: chat.onlyAdminsWrite,
    membersMayInvite: chat.settings?.membersMayInvite,
    membersMayPin: chat.settings?.membersMayPin,
    membersMayEditInfo: chat.settings?.membersMayEditInfo,
    myRole: chat.myRole,
  };
}

/**
 * @summary A chat's card: title, avatar, members with search, notifications, call, invite link, settings, leave.
 *
 * What one may do follows the chat's rules (`canManageChat`, `canInviteToChat`,
 * `canEditChatInfo`, `canLeaveChat` from @parta/protocol); the server checks
 * the same. Members come alphabetically by surname, administrators marked.
 *
 * @fires parta-call-start - The call button was pressed (`event.chatId`); the host starts the call.
 * @fires parta-chat-leave - The user left the chat.
 * @fires parta-chat-select - A new chat was created from this one's members.
 * @csspart header - The avatar, title and member count.
 * @csspart avatar - The chat's initials.
 * @csspart members - The member list; each member an `item`, administrators with a `role` mark.
 * @csspart invite - The invite link section; `url` its address.
 * @csspart settings - The administrators' settings.
 * @csspart button - Every button; also `button-call`, `button-add`, `button-remove`, `button-admin`, `button-leave`, `button-copy-members`, `button-link-create`, `button-link-copy`, `button-link-revoke`.
 * @csspart notice - What the last action did (a live region).
 * @csspart error - Why the last action failed.
 * @csspart confirm - The confirmation dialog.
 */
export class PartaChatCard extends LitElement {
  static override styles = [tokens, controls, styles];

  /** The chat shown. */
  @property({ attribute: 'chat-id' }) chatId?: string;

  /**
   * What comes before the code in an invite link; defaults to this page's
   * address with `?chat-invite=`.
   */
  @property({ attribute: 'link-base' }) linkBase?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  @state() private query = '';
  @state() private notice = '';
  @state() private error = '';
  @state() private adding = false;
  @state() private copying = false;

  #provided = new ClientController(this, () => this.requestUpdate());
  #chats = new StoreController<ChatSummary[]>(this);
  #loaded = new LoadController<ChatSummary>(this);
  #members = new LoadController<{ members: ChatMember[]; total: number }>(this);
  #invite = new LoadController<Invite>(this);
  #confirm = new ConfirmController(this);
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #membersKey = 0;
  #seenCount: number | undefined;

  get #client(): PartaClient | undefined {
    return this.client ?? this.#provided.value;
  }

  get #locale() {
    return this.locale ?? this.#client?.locale;
  }

  /** The chat as the list knows it (live), with what only the full answer carries. */
  get chat(): ChatSummary | undefined {
    const live = this.#chats.value?.find((chat) => chat.id === this.chatId);
    const loaded = this.#loaded.value?.id === this.chatId ? this.#loaded.value : undefined;
    if (!live) return loaded;
    return { ...loaded, ...live, settings: live.settings ?? loaded?.settings };
  }

  /** The members shown, in the server's order (by surname). */
  get members(): readonly ChatMember[] {
    return this.#members.value?.members ?? [];
  }

  protected override willUpdate(): void {
    const client = this.#client;
    const chatId = this.chatId;
    this.#chats.store = client?.$chats;
    const key = client && chatId ? chatId : undefined;
    this.#loaded.sync(key, () => getChat(client!, chatId!));
    const chat = this.chat;
    // Someone joined or left (here, elsewhere, by a link): the list follows.
    if (chat && this.#seenCount !== undefined && chat.memberCount !== this.#seenCount) this.#membersKey++;
    this.#seenCount = chat?.memberCount;
    const query = this.query;
    this.#members.sync(
      key && `${chatId}|${query}|${this.#membersKey}`,
      () => listChatMembers(client!, chatId!, { q: query || undefined, limit: 200 }),
      true,
    );
    this.#invite.sync(chat && canInviteToChat(chatContext(chat)) ? chatId : undefined, () =>
      getChatInvite(client!, chatId!),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override render() {
    const strings = tm(this.#locale);
    const chat = this.chat;
    if (!chat) {
      return html`<p part="empty" role=${this.#loaded.error ? 'alert' : 'status'}>
        ${this.#loaded.error ? describeChatError(this.#loaded.error, this.#locale) : strings.loading}
      </p>`;
    }
    const context = chatContext(chat);
    const title = chat.kind === 'saved' ? strings.saved : chat.title;
    const count = chat.memberCount;
    return html`<header part="header">
        <span part="avatar" aria-hidden="true">${initials(title)}</span>
        <div>
          <h2 id="title" tabindex="-1">${title}</h2>
          <span class="meta">${strings.members(count)}</span>
        </div>
      </header>
      <section aria-label=${strings.chatCard}>
        <div class="row">
          ${canJoinCall(context) ? html`<button type="button" part="button button-call" class="primary" @click=${this.#call}>${strings.call}</button>` : nothing}
          <label class="inline">
            <input type="checkbox" role="switch" .checked=${!chat.muted} @change=${this.#toggleMuted} />
            ${strings.notifications}
          </label>
        </div>
        ${canEditChatInfo(context) ? this.#renderTitleForm(chat) : nothing}
      </section>
      <p part="notice" role="status">${this.notice}</p>
      <p part="error" role="alert">${this.error}</p>
      ${canManageChat(context) || chat.kind === 'direct' ? this.#renderSettings(chat, canManageChat(context)) : nothing}
      ${canInviteToChat(context) ? this.#renderInvite() : nothing}
      ${chat.kind === 'saved' ? nothing : this.#renderMembers(context)}
      <section class="row">
        ${
          chat.kind === 'saved' || chat.kind === 'direct'
            ? nothing
            : html`<button type="button" part="button button-copy-members" @click=${this.#openCopy}>${strings.copyMembers}</button>`
        }
        ${canLeaveChat(context) ? html`<button type="button" part="button button-leave" class="danger" @click=${this.#leave}>${strings.leave}</button>` : nothing}
      </section>
      ${
        this.copying
          ? html`<dialog class="wide" aria-label=${strings.copyMembers} @cancel=${this.#closeCopy} @close=${this.#closeCopy}>
              <parta-new-chat
                .client=${this.#client}
                from-chat-id=${chat.id}
                locale=${this.#locale ?? 'ru'}
                @close=${this.#closeCopy}
                @parta-chat-select=${() => this.#closeCopy()}
              ></parta-new-chat>
            </dialog>`
          : nothing
      }
      ${this.#confirm.render()}`;
  }

  #renderTitleForm(chat: ChatSummary) {
    const strings = tm(this.#locale);
    return html`<form class="inline" part="title-form" @submit=${this.#saveTitle}>
      <label>
        ${strings.editTitle}
        <input name="title" required maxlength=${limits.chatTitleMax} .value=${chat.title} />
      </label>
      <button type="submit" part="button button-title">${strings.save}</button>
    </form>`;
  }

  #renderSettings(chat: ChatSummary, manage: boolean) {
    const strings = tm(this.#locale);
    const settings = chat.settings;
    const toggle = (key: Toggle, label: string) => html`<label class="inline">
      <input type="checkbox" name=${key} .checked=${settings?.[key] ?? false} @change=${(event: Event) => this.#saveSetting({ [key]: (event.target as HTMLInputElement).checked })} />
      ${label}
    </label>`;
    return html`<section part="settings" aria-labelledby="settings-title">
      <h3 id="settings-title">${strings.settings}</h3>
      ${
        manage
          ? html`${toggle('onlyAdminsWrite', strings.onlyAdminsWrite)} ${toggle('membersMayInvite', strings.membersMayInvite)}
            ${toggle('membersMayPin', strings.membersMayPin)} ${toggle('membersMayEditInfo', strings.membersMayEditInfo)}`
          : nothing
      }
      <label>
        ${strings.disappear}
        <select
          name="disappear"
          @change=${(event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            void this.#saveSetting({ disappearAfterSec: value ? Number(value) : null });
          }}
        >
          <option value="" ?selected=${!settings?.disappearAfterSec}>${strings.disappearOff}</option>
          ${disappearTimers.map(
            (seconds) =>
              html`<option value=${seconds} ?selected=${settings?.disappearAfterSec === seconds}>${strings.disappearAfter[seconds]}</option>`,
          )}
        </select>
      </label>
    </section>`;
  }

  #renderInvite() {
    const strings = tm(this.#locale);
    const invite = this.#invite.value;
    return html`<section part="invite" aria-labelledby="invite-title">
      <h3 id="invite-title">${strings.inviteLink}</h3>
      ${
        invite
          ? html`<div class="row">
              <input part="url" id="invite-url" readonly aria-labelledby="invite-title" .value=${this.linkFor(invite.code)} />
              <button type="button" part="button button-link-copy" @click=${() => this.#copyLink(invite.code)}>${strings.copyLink}</button>
              <button type="button" part="button button-link-revoke" class="danger" @click=${this.#revokeLink}>${strings.revokeLink}</button>
            </div>`
          : html`<div class="row">
              <span class="meta">${this.#invite.loading ? strings.loading : strings.inviteNone}</span>
              <button type="button" part="button button-link-create" @click=${this.#createLink}>${strings.createLink}</button>
            </div>`
      }
    </section>`;
  }

  #renderMembers(context: ChatContext) {
    const strings = tm(this.#locale);
    const me = this.#client?.userId;
    const manage = canManageChat(context);
    return html`<section part="members-section" aria-labelledby="members-title">
      <div class="row">
        <h3 id="members-title">${strings.membersHeading}</h3>
        ${
          canInviteToChat(context)
            ? html`<button type="button" part="button button-add" aria-expanded=${this.adding ? 'true' : 'false'} @click=${this.#toggleAdding}>
                ${strings.addMembers}
              </button>`
            : nothing
        }
      </div>
      ${
        this.adding
          ? html`<form class="picker" @submit=${this.#add} aria-label=${strings.addMembers}>
              <parta-people-picker .client=${this.#client} .exclude=${this.members.map((m) => m.user.id)} locale=${this.#locale ?? 'ru'}></parta-people-picker>
              <div class="actions">
                <button type="button" part="button" @click=${this.#toggleAdding}>${strings.cancel}</button>
                <button type="submit" part="button button-add-confirm" class="primary">${strings.add}</button>
              </div>
            </form>`
          : nothing
      }
      <div role="search">
        <label>
          ${strings.searchMembers}
          <input type="search" part="member-search" @input=${this.#onSearch} autocomplete="off" />
        </label>
      </div>
      ${
        this.members.length === 0
          ? html`<p part="empty">${this.#members.value ? strings.noMembers : strings.loading}</p>`
          : html`<ul part="list members" aria-labelledby="members-title" aria-busy=${this.#members.loading ? 'true' : 'false'}>
              ${repeat(
                this.members,
                (member) => member.user.id,
                (member) => {
                  const self = member.user.id === me;
                  const name = displayName(member.user);
                  const nameId = `member-${member.user.id}`;
                  const admin = isChatAdmin(member.role);
                  const canAct = manage && !self && member.role !== 'owner';
                  return html`<li part="item" data-user-id=${member.user.id}>
                    <span class="grow">
                      <span class="name" id=${nameId}>${name}${self ? html` <span class="meta">(${strings.you})</span>` : nothing}</span>
                      ${admin ? html`<span><span part="role">${member.role === 'owner' ? strings.owner : strings.admin}</span></span>` : nothing}
                    </span>
                    ${
                      canAct
                        ? html`<span class="actions">
                            <button type="button" part="button button-admin" aria-describedby=${nameId} @click=${() => this.#toggleAdmin(member)}>
                              ${admin ? strings.unmakeAdmin : strings.makeAdmin}
                            </button>
                            <button type="button" part="button button-remove" class="danger" aria-describedby=${nameId} @click=${() => this.#remove(member)}>
                              ${strings.remove}
                            </button>
                          </span>`
                        : nothing
                    }
                  </li>`;
                },
              )}
            </ul>`
      }
    </section>`;
  }

  /** The address of an invite link. */
  linkFor(code: string): string {
    const base =
      this.linkBase ?? `${globalThis.location?.origin ?? ''}${globalThis.location?.pathname ?? '/'}?chat-invite=`;
    return base + encodeURIComponent(code);
  }

  /** Runs an action, with its notice on success and its error on failure. */
  async #run(action: () => Promise<unknown>, done = ''): Promise<boolean> {
    this.notice = '';
    this.error = '';
    try {
      await action();
      this.notice = done;
      return true;
    } catch (error) {
      this.error = describeChatError(error, this.#locale);
      return false;
    }
  }

  #reloadMembers() {
    this.#membersKey++;
    this.requestUpdate();
  }

  #call = () => {
    if (this.chatId) this.dispatchEvent(new PartaCallStartEvent(this.chatId));
  };

  #toggleMuted = (event: Event) => {
    const on = (event.target as HTMLInputElement).checked;
    void this.#run(() => setChatMine(this.#client!, this.chatId!, { muted: !on }));
  };

  #saveTitle = async (event: SubmitEvent) => {
    event.preventDefault();
    const title = String(new FormData(event.target as HTMLFormElement).get('title') ?? '').trim();
    if (!title) return;
    await this.#run(() => updateChat(this.#client!, this.chatId!, { title }), tm(this.#locale).settingsSaved);
  };

  async #saveSetting(settings: Partial<ChatSettings>) {
    await this.#run(() => updateChat(this.#client!, this.chatId!, { settings }), tm(this.#locale).settingsSaved);
  }

  #onSearch = (event: Event) => {
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => (this.query = value), SEARCH_DELAY_MS);
  };

  #toggleAdding = async () => {
    this.adding = !this.adding;
    await this.updateComplete;
    if (this.adding) this.renderRoot.querySelector<PartaPeoplePicker>('parta-people-picker')?.focus();
    else this.renderRoot.querySelector<HTMLElement>('[part~="button-add"]')?.focus();
  };

  #add = async (event: SubmitEvent) => {
    event.preventDefault();
    const picked = this.renderRoot.querySelector<PartaPeoplePicker>('parta-people-picker')?.chosen ?? [];
    if (picked.length === 0) return;
    const ok = await this.#run(
      () =>
        addChatMembers(
          this.#client!,
          this.chatId!,
          picked.map((user) => user.id),
        ),
      tm(this.#locale).added(picked.length),
    );
    if (!ok) return;
    this.adding = false;
    this.#reloadMembers();
  };

  async #toggleAdmin(member: ChatMember) {
    const strings = tm(this.#locale);
    const name = displayName(member.user);
    const admin = isChatAdmin(member.role);
    const ok = await this.#run(
      () => setChatMemberRole(this.#client!, this.chatId!, member.user.id, admin ? 'member' : 'admin'),
      admin ? strings.adminTaken(name) : strings.adminGiven(name),
    );
    if (ok) this.#reloadMembers();
  }

  async #remove(member: ChatMember) {
    const strings = tm(this.#locale);
    const name = displayName(member.user);
    const sure = await this.#confirm.ask({
      title: strings.removeQuestion(name),
      detail: strings.removeDetail,
      confirm: strings.remove,
      cancel: strings.cancel,
    });
    if (!sure) return;
    const ok = await this.#run(
      () => removeChatMember(this.#client!, this.chatId!, member.user.id),
      strings.removed(name),
    );
    if (!ok) return;
    this.#reloadMembers();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#members-title')?.focus();
  }

  #leave = async () => {
    const strings = tm(this.#locale);
    const chatId = this.chatId!;
    const sure = await this.#confirm.ask({
      title: strings.leaveQuestion,
      detail: strings.leaveDetail,
      confirm: strings.leave,
      cancel: strings.cancel,
    });
    if (!sure) return;
    if (await this.#run(() => leaveChat(this.#client!, chatId))) this.dispatchEvent(new PartaChatLeaveEvent(chatId));
  };

  #createLink = async () => {
    let invite: Invite = null;
    const ok = await this.#run(async () => {
      invite = await createChatInvite(this.#client!, this.chatId!);
    });
    if (ok) this.#invite.set(invite);
  };

  #revokeLink = async () => {
    const strings = tm(this.#locale);
    const sure = await this.#confirm.ask({
      title: strings.revokeQuestion,
      detail: strings.revokeDetail,
      confirm: strings.revokeLink,
      cancel: strings.cancel,
    });
    if (sure && (await this.#run(() => revokeChatInvite(this.#client!, this.chatId!)))) this.#invite.set(null);
  };

  async #copyLink(code: string) {
    const strings = tm(this.#locale);
    try {
      await navigator.clipboard.writeText(this.linkFor(code));
      this.notice = strings.copied;
    } catch {
      // Clipboard access can be refused (an iframe without permission): leave the text selected instead.
      const field = this.renderRoot.querySelector<HTMLInputElement>('#invite-url');
      field?.focus();
      field?.select();
    }
  }

  #openCopy = async () => {
    await import('../new-chat/define.js');
    this.copying = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.wide')?.showModal();
  };

  #closeCopy = (event?: Event) => {
    // Escape closes the dialog through the template, not by itself.
    if (event?.type === 'cancel') event.preventDefault();
    this.copying = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part~="button-copy-members"]')?.focus(),
    );
  };
}

function initials(title: string): string {
  const words = title.split(/\s+/).filter(Boolean);
  return (
    words.length === 1
      ? words[0]!.slice(0, 2)
      : words
          .slice(0, 2)
          .map((word) => word[0])
          .join('')
  ).toUpperCase();
}
