import { forwardMessages } from '@parta/core';
import { type ChatSummary, canSendMessage, limits } from '@parta/protocol';
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { StoreController } from '../controllers/store-controller.js';
import { td } from './dialog-strings.js';
import { openDialog, ThreadDialog } from './thread-dialog.js';

const fold = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/**
 * @summary Forwards messages to up to 12 of the user's chats: search, tick, optionally comment.
 *
 * A 13th chat is refused at once, with the reason; a refusal from the server shows the same way.
 */
export class PartaForwardDialog extends ThreadDialog {
  @property() fromChatId = '';
  @property({ attribute: false }) messageIds: string[] = [];
  /** Called after the server forwarded them. */
  @property({ attribute: false }) done: () => void = () => {};

  @state() private query = '';
  @state() private chosen: string[] = [];
  @state() private error = '';
  @state() private busy = false;

  #chats = new StoreController<ChatSummary[]>(this);
  #comment = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#chats.store = this.client?.$chats;
  }

  protected override renderContent() {
    const strings = td(this.locale);
    const query = fold(this.query.trim());
    const chats = (this.#chats.value ?? []).filter(
      (chat) => canSendMessage(chat) && (!query || fold(chat.title).includes(query)),
    );
    return html`<form @submit=${this.#submit}>
      <h2 id="title">${strings.forwardTitle(this.messageIds.length)}</h2>
      <input
        part="search"
        type="search"
        aria-label=${strings.searchChats}
        placeholder=${strings.searchChats}
        .value=${this.query}
        @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
      />
      <p part="count" class="note" id="count">${strings.chosen(this.chosen.length)}</p>
      ${
        chats.length === 0
          ? html`<p class="empty">${strings.noChatsFound}</p>`
          : html`<ul part="chats" aria-label=${strings.chats} aria-describedby="count">
              ${repeat(
                chats,
                (chat) => chat.id,
                (chat) =>
                  html`<li>
                    <label class="check" part="chat">
                      <input
                        type="checkbox"
                        data-chat-id=${chat.id}
                        .checked=${this.chosen.includes(chat.id)}
                        @change=${(event: Event) => this.#toggle(chat.id, event.target as HTMLInputElement)}
                      />
                      ${chat.title}
                    </label>
                  </li>`,
              )}
            </ul>`
      }
      <p part="error" role="alert">${this.error}</p>
      <label>
        ${strings.comment}
        <textarea
          part="comment"
          rows="2"
          maxlength=${limits.messageTextMax}
          @input=${(event: Event) => (this.#comment = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      <div class="actions">
        <button type="button" @click=${() => this.close()}>${strings.cancel}</button>
        <button part="submit" type="submit" class="primary" ?disabled=${this.busy || this.chosen.length === 0}>
          ${this.busy ? strings.forwarding : strings.forward}
        </button>
      </div>
    </form>`;
  }

  #toggle(chatId: string, box: HTMLInputElement) {
    if (!box.checked) {
      this.chosen = this.chosen.filter((id) => id !== chatId);
      this.error = '';
      return;
    }
    if (this.chosen.length >= limits.forwardMaxChats) {
      box.checked = false;
      this.error = td(this.locale).tooMany;
      return;
    }
    this.error = '';
    this.chosen = [...this.chosen, chatId];
  }

  #submit = async (event: Event) => {
    event.preventDefault();
    if (this.busy || this.chosen.length === 0) return;
    this.busy = true;
    this.error = '';
    try {
      const comment = this.#comment.trim();
      await forwardMessages(this.client, {
        fromChatId: this.fromChatId,
        messageIds: this.messageIds,
        toChatIds: this.chosen,
        ...(comment ? { comment } : {}),
      });
      this.done();
      this.close();
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.error = code === 'limit_reached' ? td(this.locale).tooMany : this.describe(error);
      this.busy = false;
    }
  };
}

export function openForwardDialog(layer: Element, options: Partial<PartaForwardDialog>): PartaForwardDialog {
  return openDialog(layer, 'parta-forward-dialog', PartaForwardDialog, options);
}

declare global {
  interface HTMLElementTagNameMap {
    'parta-forward-dialog': PartaForwardDialog;
  }
}
