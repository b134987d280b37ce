import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

interface Question {
  title: string;
  detail: string;
  confirm: string;
  cancel: string;
  resolve: (answer: boolean) => void;
}

/**
 * Asks before an action that cannot be undone, in a modal `<dialog>`: focus
 * starts on Cancel, Escape cancels, and focus returns to the control that asked.
 * The host renders `confirm.render()` somewhere in its shadow root.
 */
export class ConfirmController implements ReactiveController {
  #host: ReactiveElement;
  #question: Question | null = null;
  #returnFocus: HTMLElement | null = null;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Resolves true when the user confirms. */
  ask(question: Omit<Question, 'resolve'>): Promise<boolean> {
    this.#question?.resolve(false);
    const root = this.#host.renderRoot as ShadowRoot;
    this.#returnFocus = (root.activeElement as HTMLElement | null) ?? null;
    return new Promise((resolve) => {
      this.#question = { ...question, resolve };
      this.#host.requestUpdate();
    });
  }

  render(): TemplateResult | typeof nothing {
    const question = this.#question;
    if (!question) return nothing;
    return html`<dialog
      part="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-detail"
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.#answer(false);
      }}
    >
      <h3 id="confirm-title">${question.title}</h3>
      <p id="confirm-detail">${question.detail}</p>
      <div class="actions">
        <button type="button" part="button" autofocus @click=${() => this.#answer(false)}>${question.cancel}</button>
        <button type="button" part="button button-danger" class="danger" @click=${() => this.#answer(true)}>
          ${question.confirm}
        </button>
      </div>
    </dialog>`;
  }

  hostUpdated(): void {
    const dialog = this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="confirm"]');
    if (dialog && !dialog.open) dialog.showModal();
  }

  hostDisconnected(): void {
    this.#question?.resolve(false);
    this.#question = null;
  }

  #answer(answer: boolean) {
    const question = this.#question;
    if (!question) return;
    this.#question = null;
    this.#host.requestUpdate();
    question.resolve(answer);
    const target = this.#returnFocus;
    this.#returnFocus = null;
    void this.#host.updateComplete.then(() => {
      if (target?.isConnected) target.focus();
    });
  }
}
