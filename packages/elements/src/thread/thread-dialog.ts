import type { PartaClient } from '@parta/core';
import { type ErrorCode, errorMessage } from '@parta/protocol';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { dialogSurface } from '../styles/dialog.js';
import { tokens } from '../styles/tokens.js';

/**
 * A modal dialog the thread opens on demand (forward, receipts, award). It
 * loads with its first use, shows itself at once, closes on Escape or its
 * buttons, removes itself, and returns focus to the control that opened it.
 */
export abstract class ThreadDialog extends LitElement {
  static override styles = [
    tokens,
    css`
      dialog {
        width: min(420px, 92vw);
        max-height: min(640px, 90vh);
        padding: var(--_space-4);
      }
      ${dialogSurface}
      form {
        display: grid;
        gap: var(--_space-3);
      }
      h2 {
        margin: 0;
        font-size: 1.15em;
      }
      h3 {
        margin: var(--_space-2) 0 var(--_space-1);
        font-size: 1em;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      input[type='search'],
      textarea {
        width: 100%;
        padding: var(--_space-2);
        border: 1px solid var(--_border);
        border-radius: var(--_radius-s);
        background: var(--_surface);
        color: inherit;
        font: inherit;
      }
      textarea {
        resize: vertical;
      }
      fieldset {
        margin: 0;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-s);
      }
      label {
        display: grid;
        gap: var(--_space-1);
      }
      .check {
        display: flex;
        align-items: center;
        gap: var(--_space-2);
        padding: var(--_space-1) 0;
        cursor: pointer;
      }
      .note,
      .empty {
        margin: 0;
        color: var(--_muted);
        font-size: var(--_font-size-s);
      }
      [role='alert'] {
        margin: 0;
        color: var(--_danger);
        font-size: var(--_font-size-s);
      }
      [role='alert']:empty {
        display: none;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: var(--_space-2);
      }
      button {
        padding: var(--_space-1) var(--_space-3);
        border: 1px solid var(--_accent);
        border-radius: var(--_radius-s);
        background: none;
        color: var(--_accent);
        font: inherit;
        cursor: pointer;
      }
      button.primary {
        background: var(--_accent);
        color: var(--_on-accent);
      }
      button:disabled {
        opacity: 0.5;
        cursor: default;
      }
    `,
  ];

  @property({ attribute: false }) client!: PartaClient;
  @property() locale?: string;
  /** Focused again when the dialog closes. */
  @property({ attribute: false }) returnFocus: HTMLElement | null = null;

  protected abstract renderContent(): TemplateResult;

  protected override render() {
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.close();
      }}
    >
      ${this.renderContent()}
    </dialog>`;
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector('dialog')!.showModal();
  }

  close(): void {
    this.remove();
    if (this.returnFocus?.isConnected) this.returnFocus.focus();
  }

  protected describe(error: unknown): string {
    return errorMessage((error as { code: ErrorCode }).code, this.locale === 'en' ? 'en' : 'ru');
  }
}

/** Registers the dialog's tag on first use and opens it in `layer`. */
export function openDialog<T extends ThreadDialog>(
  layer: Element,
  tag: string,
  type: CustomElementConstructor & (new () => T),
  options: Partial<T>,
): T {
  if (!customElements.get(tag)) customElements.define(tag, type);
  const dialog = Object.assign(document.createElement(tag) as T, options);
  layer.append(dialog);
  return dialog;
}
