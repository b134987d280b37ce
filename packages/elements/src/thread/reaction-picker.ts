import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { tokens } from '../styles/tokens.js';
import { td } from './dialog-strings.js';

/** The emoji offered, in this order. */
export const quickReactions = ['👍', '❤️', '😂', '😮', '😢', '🙏', '🔥', '👏', '✅', '❓'] as const;

/**
 * @summary A small menu of common emoji next to a message; choosing one adds
 * the reader's reaction, or takes it back when already chosen.
 *
 * Arrow keys move between the emoji, Enter or Space chooses, Escape closes;
 * focus returns to the control that opened it. It loads on first use.
 */
export class PartaReactionPicker extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        position: fixed;
        z-index: 3;
      }
      [role='menu'] {
        display: grid;
        grid-template-columns: repeat(5, 2.4em);
        gap: 2px;
        padding: var(--_space-1);
        border: 1px solid var(--_border);
        border-radius: var(--_radius-m);
        background: var(--_bg);
        box-shadow: 0 4px 16px rgb(0 0 0 / 15%);
      }
      button {
        height: 2.2em;
        padding: 0;
        border: 1px solid transparent;
        border-radius: var(--_radius-s);
        background: none;
        font: inherit;
        font-size: 1.2em;
        line-height: 1;
        cursor: pointer;
      }
      button:hover,
      button:focus-visible {
        background: var(--_surface);
      }
      [aria-checked='true'] {
        border-color: var(--_accent);
        background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
      }
    `,
  ];

  @property() locale?: string;
  /** The emoji the reader has already chosen on this message. */
  @property({ attribute: false }) chosen: readonly string[] = [];
  /** The control that opened the picker: it sits next to it and gets focus back. */
  @property({ attribute: false }) trigger: HTMLElement | null = null;
  /** Called with the emoji chosen and whether to add (`true`) or take back the reaction. */
  @property({ attribute: false }) pick: (emoji: string, on: boolean) => void = () => {};

  protected override render() {
    return html`<div
      role="menu"
      aria-label=${td(this.locale).reactionPicker}
      @keydown=${this.#onKeydown}
      @focusout=${this.#onFocusout}
    >
      ${quickReactions.map((emoji, index) => {
        const on = !this.chosen.includes(emoji);
        return html`<button
          type="button"
          role="menuitemcheckbox"
          aria-checked=${on ? 'false' : 'true'}
          tabindex=${index === 0 ? '0' : '-1'}
          @click=${() => this.#choose(emoji, on)}
        >
          ${emoji}
        </button>`;
      })}
    </div>`;
  }

  protected override firstUpdated(): void {
    this.#place();
    this.#items()[0]?.focus();
  }

  /** Below the trigger, or above it when there is no room; right edges aligned, inside the window. */
  #place() {
    const anchor = this.trigger?.getBoundingClientRect();
    if (!anchor) return;
    const box = this.getBoundingClientRect();
    const below = anchor.bottom + 4;
    const top =
      below + box.height > innerHeight && anchor.top - box.height - 4 >= 0 ? anchor.top - box.height - 4 : below;
    const left = Math.min(Math.max(4, anchor.right - box.width), innerWidth - box.width - 4);
    this.style.top = `${Math.max(4, top)}px`;
    this.style.left = `${left}px`;
  }

  #closed = false;

  #items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('button')];
  }

  #choose(emoji: string, on: boolean) {
    this.close();
    this.pick(emoji, on);
  }

  /** Removes the picker; `refocus` (the default) gives focus back to its trigger. */
  close(refocus = true): void {
    // Removing the focused picker fires focusout, which closes it again.
    if (this.#closed) return;
    this.#closed = true;
    this.remove();
    if (refocus && this.trigger?.isConnected) this.trigger.focus();
  }

  #onKeydown = (event: KeyboardEvent) => {
    const items = this.#items();
    const at = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    let next: number | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (at + 1) % items.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    for (const [index, item] of items.entries()) item.tabIndex = index === next ? 0 : -1;
    items[next]!.focus();
  };

  #onFocusout = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    if (to && this.renderRoot.contains(to)) return;
    this.close(false);
  };
}

/** Opens the picker in `layer` (registering its tag on first use), next to `trigger`. */
export function openReactionPicker(
  layer: Element,
  options: Pick<PartaReactionPicker, 'locale' | 'chosen' | 'trigger' | 'pick'>,
): PartaReactionPicker {
  if (!customElements.get('parta-reaction-picker')) customElements.define('parta-reaction-picker', PartaReactionPicker);
  for (const open of layer.querySelectorAll('parta-reaction-picker')) open.close(false);
  const picker = Object.assign(document.createElement('parta-reaction-picker'), options);
  layer.append(picker);
  return picker;
}

declare global {
  interface HTMLElementTagNameMap {
    'parta-reaction-picker': PartaReactionPicker;
  }
}
