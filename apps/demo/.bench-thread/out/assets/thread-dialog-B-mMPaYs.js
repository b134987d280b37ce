import { s as errorMessage } from "./client-CJrYHZFX.js";
import { a as i, c as b, i as n, n as tokens, t as __decorate, u as i$1 } from "./decorate-cSunO33U.js";
// packages/elements/src/thread/thread-dialog.ts
/**
* A modal dialog the thread opens on demand (forward, receipts, award). It
* loads with its first use, shows itself at once, closes on Escape or its
* buttons, removes itself, and returns focus to the control that opened it.
*/
var ThreadDialog = class extends i {
	constructor(..._args) {
		super(..._args);
		this.returnFocus = null;
	}
	static {
		this.styles = [tokens, i$1`
      dialog {
        width: min(420px, 92vw);
        max-height: min(640px, 90vh);
        padding: var(--_space-4);
        border: 1px solid var(--_border);
        border-radius: var(--_radius-m);
        background: var(--_bg);
        color: var(--_text);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 40%);
      }
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
    `];
	}
	render() {
		return b`<dialog
      part="dialog"
      aria-labelledby="title"
      @cancel=${(event) => {
			event.preventDefault();
			this.close();
		}}
    >
      ${this.renderContent()}
    </dialog>`;
	}
	firstUpdated() {
		this.renderRoot.querySelector("dialog").showModal();
	}
	close() {
		this.remove();
		if (this.returnFocus?.isConnected) this.returnFocus.focus();
	}
	describe(error) {
		return errorMessage(error.code, this.locale === "en" ? "en" : "ru");
	}
};
__decorate([n({ attribute: false })], ThreadDialog.prototype, "client", void 0);
__decorate([n()], ThreadDialog.prototype, "locale", void 0);
__decorate([n({ attribute: false })], ThreadDialog.prototype, "returnFocus", void 0);
/** Registers the dialog's tag on first use and opens it in `layer`. */
function openDialog(layer, tag, type, options) {
	if (!customElements.get(tag)) customElements.define(tag, type);
	const dialog = Object.assign(document.createElement(tag), options);
	layer.append(dialog);
	return dialog;
}
export { openDialog as n, ThreadDialog as t };
