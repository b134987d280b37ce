import { type PartaClient, setChatMine, updateFolder } from '@parta/core';
import type { ChatSummary, Folder } from '@parta/protocol';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { describeChatError, tm } from '../chats-i18n.js';
import { type Locale, t, withStrings } from '../i18n.js';
import { tokens } from '../styles/tokens.js';

interface Item {
  label: string;
  act: () => Promise<unknown>;
}

/**
 * @summary The actions menu of one chat in `<parta-chat-list>`: pin, archive, mute, folders.
 *
 * A `role="menu"`: focus starts on the first item, arrow keys, Home and End
 * move, Enter or Space act, Escape or Tab (or a click elsewhere) close it. It
 * fires `close` when it is done; the list removes it then.
 *
 * @fires close - The menu is done (an action succeeded, or it was dismissed).
 * @csspart menu - The menu.
 * @csspart item - One action.
 * @csspart error - Why the last action failed.
 */
export class PartaChatActions extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        transform: translateX(-100%);
      }
      [part~='menu'] {
        display: grid;
        min-width: 220px;
        max-width: 320px;
        padding: var(--_space-1);
        border: 1px solid var(--_border);
        border-radius: var(--_radius-s);
        background: var(--_bg);
        box-shadow: 0 6px 24px rgb(0 0 0 / 18%);
      }
      [part~='item'] {
        padding: var(--_space-2) var(--_space-3);
        border: 0;
        border-radius: var(--_radius-s);
        background: none;
        color: var(--_text);
        font: inherit;
        text-align: start;
        cursor: pointer;
      }
      [part~='item']:hover,
      [part~='item']:focus-visible {
        background: var(--_surface);
      }
      [part~='error'] {
        margin: 0;
        padding: var(--_space-2);
        color: var(--_danger);
        font-size: var(--_font-size-s);
      }
      [part~='error']:empty {
        display: none;
      }
    `,
  ];

  @property({ attribute: false }) client?: PartaClient;
  /** The chat the menu acts on. */
  @property({ attribute: false }) chat?: ChatSummary;
  /** The user's folders, to add the chat to or take it out of. */
  @property({ attribute: false }) folders: readonly Folder[] = [];
  /** Language: `ru` (default) or `en`. */
  @property() locale?: Locale;

  @state() private error = '';
  @state() private busy = false;

  get #items(): Item[] {
    const client = this.client;
    const chat = this.chat;
    if (!client || !chat) return [];
    const strings = tm(this.locale);
    const mine = (body: Parameters<typeof setChatMine>[2]) => () => setChatMine(client, chat.id, body);
    return [
      { label: chat.pinnedAt ? strings.unpin : strings.pin, act: mine({ pinned: !chat.pinnedAt }) },
      { label: chat.archived ? strings.fromArchive : strings.toArchive, act: mine({ archived: !chat.archived }) },
      { label: chat.muted ? strings.unmute : strings.mute, act: mine({ muted: !chat.muted }) },
      ...this.folders.map((folder) => {
        const inside = folder.chatIds.includes(chat.id);
        return {
          label: inside ? strings.removeFromFolder(folder.title) : strings.addToFolder(folder.title),
          act: () =>
            updateFolder(client, folder.id, {
              chatIds: inside ? folder.chatIds.filter((id) => id !== chat.id) : [...folder.chatIds, chat.id],
            }),
        };
      }),
    ];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onOutside, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutside, true);
  }

  protected override scheduleUpdate(): Promise<unknown> | undefined {
    // English words come in a chunk of their own: the update waits for them.
    return withStrings(this.locale, () => super.scheduleUpdate());
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }

  protected override render() {
    if (!this.chat) return nothing;
    return html`<div part="menu" role="menu" aria-label=${t(this.locale).chatActions} @keydown=${this.#onKeydown}>
      ${this.#items.map(
        (item, index) => html`<button
          type="button"
          part="item"
          role="menuitem"
          tabindex=${index === 0 ? 0 : -1}
          ?disabled=${this.busy}
          @click=${() => this.#act(item)}
        >
          ${item.label}
        </button>`,
      )}
      <p part="error" role="alert">${this.error}</p>
    </div>`;
  }

  async #act(item: Item) {
    this.busy = true;
    this.error = '';
    try {
      await item.act();
      this.#close();
    } catch (error) {
      this.error = describeChatError(error, this.locale);
    } finally {
      this.busy = false;
    }
  }

  #close() {
    this.dispatchEvent(new Event('close'));
  }

  #onOutside = (event: Event) => {
    if (!event.composedPath().includes(this)) this.#close();
  };

  #onKeydown = (event: KeyboardEvent) => {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const current = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = (current + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (current - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      this.#close();
      return;
    }
    if (next < 0) return;
    event.preventDefault();
    items[next]!.focus();
  };
}
