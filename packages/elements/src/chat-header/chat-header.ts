import type { PartaClient } from '@parta/core';
import type { ChatSummary } from '@parta/protocol';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ReadableAtom } from 'nanostores';
import { ClientController } from '../controllers/client-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { PartaChatCardOpenEvent } from '../events/chat-card-open.js';
import { type Locale, t, withStrings } from '../i18n.js';
import { dialogSurface } from '../styles/dialog.js';
import { tokens } from '../styles/tokens.js';
import { typingText } from '../typing.js';

/**
 * @summary The title bar above a chat's thread: its title, member count or who is typing; opens the chat card.
 *
 * Pressing the title opens `<parta-chat-card>` in a dialog; the card loads on
 * first use. Put other controls (a call button) in the default slot.
 *
 * @fires parta-chat-card-open - The title was pressed. Cancelable: `preventDefault()` keeps the built-in dialog closed.
 * @slot - Controls at the end of the bar.
 * @csspart header - The bar.
 * @csspart title-button - The button with the title and the subtitle.
 * @csspart title - The chat's title.
 * @csspart subtitle - Member count, or who is typing (also `typing`).
 * @csspart dialog - The dialog around the chat card.
 * @csspart close - The dialog's close button.
 */
export class PartaChatHeader extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      [part~='header'] {
        display: flex;
        align-items: center;
        gap: var(--_space-2);
        min-height: 52px;
        padding: var(--_space-1) var(--_space-3);
        border-bottom: 1px solid var(--_border);
      }
      [part~='title-button'] {
        display: grid;
        flex: 1;
        min-width: 0;
        padding: var(--_space-1) var(--_space-2);
        border: 0;
        border-radius: var(--_radius-s);
        background: none;
        color: var(--_text);
        font: inherit;
        text-align: start;
        cursor: pointer;
      }
      [part~='title-button']:hover {
        background: var(--_surface);
      }
      [part~='title'] {
        overflow: hidden;
        font-weight: 600;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      [part~='subtitle'] {
        color: var(--_muted);
        font-size: var(--_font-size-s);
      }
      [part~='typing'] {
        color: var(--_accent);
      }
      dialog {
        width: min(580px, 96vw);
        max-height: 92vh;
        padding: 0;
      }
      ${dialogSurface}
      [part~='close'] {
        position: absolute;
        top: var(--_space-2);
        right: var(--_space-2);
        z-index: 1;
        width: 32px;
        height: 32px;
        border: 0;
        border-radius: 50%;
        background: var(--_surface);
        color: var(--_text);
        font: inherit;
        cursor: pointer;
      }
    `,
  ];

  /** The chat shown. */
  @property({ attribute: 'chat-id' }) chatId?: string;

  /** Passed to the chat card: what comes before the code of an invite link. */
  @property({ attribute: 'link-base' }) linkBase?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  @state() private cardOpen = false;

  #provided = new ClientController(this, () => this.requestUpdate());
  #chats = new StoreController<ChatSummary[]>(this);
  #me = new StoreController<{ user: { id: string } } | null>(this);
  #typing = new StoreController<string[]>(this);

  get #client(): PartaClient | undefined {
    return this.client ?? this.#provided.value;
  }

  protected override scheduleUpdate(): Promise<unknown> | undefined {
    // English words come in a chunk of their own: the update waits for them.
    return withStrings(this.locale ?? this.#client?.locale, () => super.scheduleUpdate());
  }

  protected override willUpdate(): void {
    const client = this.#client;
    this.#chats.store = client?.$chats;
    this.#me.store = client?.$me;
    const typing = (client as { $typing?: (chatId: string) => ReadableAtom<string[]> } | undefined)?.$typing;
    this.#typing.store = client && typing && this.chatId ? typing.call(client, this.chatId) : undefined;
  }

  protected override render() {
    const strings = t(this.locale ?? this.#client?.locale);
    const chat = this.#chats.value?.find((candidate) => candidate.id === this.chatId);
    if (!chat) return html`<div part="header"><slot></slot></div>`;
    const title = chat.kind === 'saved' ? strings.saved : chat.title;
    const typing = typingText(
      strings,
      chat,
      this.#typing.value ?? [],
      this.#chats.value ?? [],
      this.#me.value?.user.id,
    );
    const subtitle =
      typing ?? (chat.kind === 'saved' || chat.kind === 'direct' ? '' : strings.memberCount(chat.memberCount));
    return html`<div part="header">
        <button type="button" part="title-button" aria-haspopup="dialog" @click=${this.openCard}>
          <span part="title">${title}</span>
          ${subtitle ? html`<span part=${typing ? 'subtitle typing' : 'subtitle'} aria-live="polite">${subtitle}</span>` : nothing}
        </button>
        <slot></slot>
      </div>
      ${
        this.cardOpen
          ? html`<dialog part="dialog" aria-label=${strings.chatInfo} @cancel=${this.#close} @parta-chat-leave=${this.#close} @parta-chat-select=${this.#close} @parta-call-start=${this.#close}>
              <button type="button" part="close" aria-label=${strings.closeCard} @click=${this.#close}>✕</button>
              <parta-chat-card
                chat-id=${chat.id}
                .client=${this.#client}
                .linkBase=${this.linkBase}
                locale=${this.locale ?? this.#client?.locale ?? 'ru'}
              ></parta-chat-card>
            </dialog>`
          : nothing
      }`;
  }

  /** Opens the chat card (loading it first, the first time). */
  openCard = async (): Promise<void> => {
    if (!this.chatId || !this.dispatchEvent(new PartaChatCardOpenEvent(this.chatId))) return;
    await import('../chat-card/define.js');
    this.cardOpen = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    this.renderRoot
      .querySelector('parta-chat-card')
      ?.updateComplete.then(() =>
        this.renderRoot.querySelector('parta-chat-card')?.shadowRoot?.querySelector<HTMLElement>('h2')?.focus(),
      );
  };

  #close = (event?: Event) => {
    if (event?.type === 'cancel') event.preventDefault();
    this.cardOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="title-button"]')?.focus());
  };
}
