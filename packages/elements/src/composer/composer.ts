import type { PartaClient } from '@parta/core';
import { limits } from '@parta/protocol';
import { html, LitElement, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { PartaMessageSendEvent } from '../events/message-send.js';
import { type Locale, t, withStrings } from '../i18n.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './composer.styles.js';
import { DraftController } from './draft-controller.js';

/**
 * @summary The box where a message is written. Enter sends, Shift+Enter starts a new line.
 *
 * A leaf: it knows nothing of the server. Sending fires `parta-message-send`;
 * unless a listener calls `preventDefault()`, the box is cleared.
 *
 * @fires parta-message-send - The user asks to send `event.text`. Cancelable: `preventDefault()` keeps the text and stops the send.
 * @csspart form - The row holding the box and the button.
 * @csspart input - The text box.
 * @csspart send-button - The send button.
 * @csspart confirm-toggle - Asks readers of the next message to confirm reading (with `confirmable`); `aria-pressed` when on.
 * @cssproperty --parta-composer-bg
 * @cssproperty --parta-composer-input-bg
 * @cssproperty --parta-composer-send-bg
 * @cssproperty --parta-composer-send-color
 */
export class PartaComposer extends LitElement {
  static override styles = [tokens, styles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The text being written. */
  @property() value = '';

  /** No writing at all (e.g. only administrators may write here). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Shown in the empty box; defaults to "Сообщение". */
  @property() placeholder?: string;

  /** Passed along in `parta-message-send`, so a page-level listener knows the chat. */
  @property({ attribute: 'chat-id' }) chatId?: string;

  /** Language: `ru` (default) or `en`. */
  @property() locale?: Locale;

  /** Offer the "ask to confirm reading" toggle. */
  @property({ type: Boolean }) confirmable = false;

  /** The toggle's state: the next message asks its readers to confirm reading. */
  @property({ type: Boolean, attribute: false }) requiresConfirmation = false;

  /**
   * Keeps unsent text as the chat's draft across reloads; defaults to the
   * client of an enclosing `<parta-client>`. Without one, nothing is kept.
   */
  @property({ attribute: false }) client?: PartaClient;

  @query('textarea') private textarea!: HTMLTextAreaElement;

  #draft = new DraftController(this);

  /**
   * Sends what is written, as the send button does. Returns false when there
   * was nothing to send or a listener vetoed it.
   */
  send(): boolean {
    const text = this.value.trim();
    if (this.disabled || text === '') return false;
    const requiresConfirmation = this.confirmable && this.requiresConfirmation;
    if (!this.dispatchEvent(new PartaMessageSendEvent(text, { chatId: this.chatId, requiresConfirmation }))) {
      return false;
    }
    this.value = '';
    this.#draft.cleared();
    this.requiresConfirmation = false;
    return true;
  }

  override focus(options?: FocusOptions): void {
    this.textarea?.focus(options);
  }

  protected override scheduleUpdate(): Promise<unknown> | undefined {
    // English words come in a chunk of their own: the update waits for them.
    return withStrings(this.locale, () => super.scheduleUpdate());
  }

  protected override render() {
    const strings = t(this.locale);
    const empty = this.value.trim() === '';
    return html`<form part="form" @submit=${this.#onSubmit}>
      <textarea
        part="input"
        rows="1"
        aria-label=${strings.message}
        placeholder=${this.placeholder ?? strings.message}
        maxlength=${limits.messageTextMax}
        .value=${this.value}
        ?disabled=${this.disabled}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
      ></textarea>
      ${
        this.confirmable
          ? html`<button
              part="confirm-toggle"
              type="button"
              aria-pressed=${this.requiresConfirmation ? 'true' : 'false'}
              aria-label=${strings.askConfirmation}
              title=${strings.askConfirmation}
              ?disabled=${this.disabled}
              @click=${() => (this.requiresConfirmation = !this.requiresConfirmation)}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm4.3 4.3L10.5 14l-2.8-2.8-1.4 1.4 4.2 4.2 7.2-7.1z" /></svg>
            </button>`
          : nothing
      }
      <button part="send-button" type="submit" aria-label=${strings.send} title=${strings.send} ?disabled=${this.disabled || empty}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" /></svg>
      </button>
    </form>`;
  }

  #onInput = (event: InputEvent) => {
    this.value = (event.target as HTMLTextAreaElement).value;
    this.#draft.changed();
  };

  #onKeydown = (event: KeyboardEvent) => {
    // Enter while an IME is composing confirms the composition, not the message.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.send();
  };

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.send();
    this.textarea.focus();
  };
}
