import { i as giveAward, n as td } from "./message-menu-CyKcq8W-.js";
import { g as awardBadges } from "./client-CJrYHZFX.js";
import { c as b, i as n, r, t as __decorate } from "./decorate-cSunO33U.js";
import { a as t, i as displayName } from "./index-4s5tZ5De.js";
import { n as openDialog, t as ThreadDialog } from "./thread-dialog-B-mMPaYs.js";
// packages/elements/src/thread/award-dialog.ts
/**
* @summary Gives a chat member a badge («Хочу всё знать» and others) with an optional note;
* the award appears in the chat as a message everyone sees.
*/
var PartaAwardDialog = class extends ThreadDialog {
	constructor(..._args) {
		super(..._args);
		this.chatId = "";
		this.badge = awardBadges[0];
		this.error = "";
		this.busy = false;
		this.#note = "";
		this.#submit = async (event) => {
			event.preventDefault();
			if (this.busy) return;
			this.busy = true;
			this.error = "";
			try {
				const note = this.#note.trim();
				await giveAward(this.client, this.chatId, {
					userId: this.recipient.id,
					badge: this.badge,
					...note ? { note } : {}
				});
				this.close();
			} catch (error) {
				this.error = this.describe(error);
				this.busy = false;
			}
		};
	}
	#note;
	renderContent() {
		const strings = td(this.locale);
		const badges = t(this.locale).badges;
		return b`<form @submit=${this.#submit}>
      <h2 id="title">${strings.awardTitle(displayName(this.recipient))}</h2>
      <fieldset part="badges">
        <legend>${strings.badge}</legend>
        ${awardBadges.map((badge) => b`<label class="check">
              <input
                type="radio"
                name="badge"
                value=${badge}
                .checked=${this.badge === badge}
                @change=${() => this.badge = badge}
              />
              ${badges[badge]}
            </label>`)}
      </fieldset>
      <label>
        ${strings.note}
        <textarea
          part="note"
          rows="2"
          maxlength="500"
          @input=${(event) => this.#note = event.target.value}
        ></textarea>
      </label>
      <p part="error" role="alert">${this.error}</p>
      <div class="actions">
        <button type="button" @click=${() => this.close()}>${strings.cancel}</button>
        <button part="submit" type="submit" class="primary" ?disabled=${this.busy}>${strings.give}</button>
      </div>
    </form>`;
	}
	#submit;
};
__decorate([n()], PartaAwardDialog.prototype, "chatId", void 0);
__decorate([n({ attribute: false })], PartaAwardDialog.prototype, "recipient", void 0);
__decorate([r()], PartaAwardDialog.prototype, "badge", void 0);
__decorate([r()], PartaAwardDialog.prototype, "error", void 0);
__decorate([r()], PartaAwardDialog.prototype, "busy", void 0);
function openAwardDialog(layer, options) {
	return openDialog(layer, "parta-award-dialog", PartaAwardDialog, options);
}
export { openAwardDialog };
