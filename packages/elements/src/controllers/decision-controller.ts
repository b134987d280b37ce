import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { describeError } from '../format.js';
import type { Locale } from '../i18n.js';
import type { ConfirmController } from './confirm-controller.js';

type Decision = 'approve' | 'decline';

export interface DecideOptions {
  /** Asked before a decline, which cannot be undone. */
  declineQuestion: { title: string; detail: string; confirm: string; cancel: string };
  /** The cancelable event the host fires before acting; a `preventDefault()` stops the decision. */
  event: Event;
  /** Calls the server. */
  act(): Promise<unknown>;
  /** What the notice says once it is done. */
  done: string;
  locale: Locale | undefined;
  /** The ids in display order, to move focus to the next row once this one is gone. */
  order: readonly string[];
  /** Reloads the list afterwards. */
  reload(): Promise<unknown> | undefined;
}

/**
 * What the request lists share (join requests, teacher verification): Approve and
 * Decline buttons on each row, a confirmation before a decline, a busy row while the
 * server answers, the decided row hidden until the reloaded list drops it, a notice or
 * an error, and keyboard focus kept in the list.
 */
export class DecisionController implements ReactiveController {
  notice = '';
  error = '';
  #busy = new Set<string>();
  #decided = new Set<string>();
  #host: ReactiveElement;
  #confirm: ConfirmController;

  constructor(host: ReactiveElement, confirm: ConfirmController) {
    this.#host = host;
    this.#confirm = confirm;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The items not yet decided here. */
  pending<T extends { id: string }>(items: readonly T[]): T[] {
    return items.filter((item) => !this.#decided.has(item.id));
  }

  /** The row's two buttons, described by the element with id `nameId`. */
  actions(id: string, nameId: string, labels: { approve: string; decline: string }, decide: (d: Decision) => void) {
    const busy = this.#busy.has(id);
    const button = (decision: Decision, label: string, className: string): TemplateResult =>
      html`<button
        type="button"
        part=${`button button-${decision}`}
        class=${className}
        aria-describedby=${nameId}
        ?disabled=${busy}
        @click=${() => decide(decision)}
      >
        ${label}
      </button>`;
    return html`<div class="actions">
      ${button('approve', labels.approve, 'primary')}${button('decline', labels.decline, 'danger')}
    </div>`;
  }

  /** The notice and error paragraphs; `loadError` shows when no decision failed. */
  messages(loadError: unknown, locale: Locale | undefined) {
    return html`<p part="notice" role="status">${this.notice}</p>
      <p part="error" role="alert">${this.error || (loadError ? describeError(loadError, locale) : '')}</p>`;
  }

  async decide(id: string, decision: Decision, options: DecideOptions): Promise<void> {
    if (decision === 'decline' && !(await this.#confirm.ask(options.declineQuestion))) return;
    if (!this.#host.dispatchEvent(options.event)) return;
    this.error = '';
    this.notice = '';
    this.#busy.add(id);
    this.#host.requestUpdate();
    try {
      await options.act();
      this.#decided.add(id);
      this.notice = options.done;
      this.#focusAfter(id, options.order);
    } catch (error) {
      this.error = describeError(error, options.locale);
    } finally {
      this.#busy.delete(id);
      this.#host.requestUpdate();
    }
    await options.reload();
  }

  /** The decided row disappears: keep the keyboard user in the list, on the next request. */
  #focusAfter(id: string, order: readonly string[]) {
    const next = order.slice(order.indexOf(id) + 1).find((candidate) => !this.#decided.has(candidate));
    void this.#host.updateComplete.then(() => {
      const root = this.#host.renderRoot;
      const row = next ? root.querySelector(`[data-request-id="${CSS.escape(next)}"]`) : null;
      (row?.querySelector<HTMLElement>('button') ?? root.querySelector<HTMLElement>('h2'))?.focus();
    });
  }
}
