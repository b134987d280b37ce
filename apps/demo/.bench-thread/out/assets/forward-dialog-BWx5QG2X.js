import { n as td, r as forwardMessages } from "./message-menu-CyKcq8W-.js";
import { c as canSendMessage, n as c, r as StoreController } from "./index-4s5tZ5De.js";
import { _ as limits } from "./client-CJrYHZFX.js";
import { c as b, i as n, r, t as __decorate } from "./decorate-cSunO33U.js";
import { n as openDialog, t as ThreadDialog } from "./thread-dialog-B-mMPaYs.js";
// packages/elements/src/thread/forward-dialog.ts
var fold = (text) => text.toLocaleLowerCase("ru").replaceAll("ё", "е");
/**
* @summary Forwards messages to up to 12 of the user's chats: search, tick, optionally comment.
*
* A 13th chat is refused at once, with the reason; a refusal from the server shows the same way.
*/
var PartaForwardDialog = class extends ThreadDialog {
	constructor(..._args) {
		super(..._args);
		this.fromChatId = "";
		this.messageIds = [];
		this.done = () => {};
		this.query = "";
		this.chosen = [];
		this.error = "";
		this.busy = false;
		this.#chats = new StoreController(this);
		this.#comment = "";
		this.#submit = async (event) => {
			event.preventDefault();
			if (this.busy || this.chosen.length === 0) return;
			this.busy = true;
			this.error = "";
			try {
				const comment = this.#comment.trim();
				await forwardMessages(this.client, {
					fromChatId: this.fromChatId,
					messageIds: this.messageIds,
					toChatIds: this.chosen,
					...comment ? { comment } : {}
				});
				this.done();
				this.close();
			} catch (error) {
				const code = error.code;
				this.error = code === "limit_reached" ? td(this.locale).tooMany : this.describe(error);
				this.busy = false;
			}
		};
	}
	#chats;
	#comment;
	willUpdate(changed) {
		if (changed.has("client")) this.#chats.store = this.client?.$chats;
	}
	renderContent() {
		const strings = td(this.locale);
		const query = fold(this.query.trim());
		const chats = (this.#chats.value ?? []).filter((chat) => canSendMessage(chat) && (!query || fold(chat.title).includes(query)));
		return b`<form @submit=${this.#submit}>
      <h2 id="title">${strings.forwardTitle(this.messageIds.length)}</h2>
      <input
        part="search"
        type="search"
        aria-label=${strings.searchChats}
        placeholder=${strings.searchChats}
        .value=${this.query}
        @input=${(event) => this.query = event.target.value}
      />
      <p part="count" class="note" id="count">${strings.chosen(this.chosen.length)}</p>
      ${chats.length === 0 ? b`<p class="empty">${strings.noChatsFound}</p>` : b`<ul part="chats" aria-label=${strings.chats} aria-describedby="count">
              ${c(chats, (chat) => chat.id, (chat) => b`<li>
                    <label class="check" part="chat">
                      <input
                        type="checkbox"
                        data-chat-id=${chat.id}
                        .checked=${this.chosen.includes(chat.id)}
                        @change=${(event) => this.#toggle(chat.id, event.target)}
                      />
                      ${chat.title}
                    </label>
                  </li>`)}
            </ul>`}
      <p part="error" role="alert">${this.error}</p>
      <label>
        ${strings.comment}
        <textarea
          part="comment"
          rows="2"
          maxlength=${limits.messageTextMax}
          @input=${(event) => this.#comment = event.target.value}
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
	#toggle(chatId, box) {
		if (!box.checked) {
			this.chosen = this.chosen.filter((id) => id !== chatId);
			this.error = "";
			return;
		}
		if (this.chosen.length >= limits.forwardMaxChats) {
			box.checked = false;
			this.error = td(this.locale).tooMany;
			return;
		}
		this.error = "";
		this.chosen = [...this.chosen, chatId];
	}
	#submit;
};
__decorate([n()], PartaForwardDialog.prototype, "fromChatId", void 0);
__decorate([n({ attribute: false })], PartaForwardDialog.prototype, "messageIds", void 0);
__decorate([n({ attribute: false })], PartaForwardDialog.prototype, "done", void 0);
__decorate([r()], PartaForwardDialog.prototype, "query", void 0);
__decorate([r()], PartaForwardDialog.prototype, "chosen", void 0);
__decorate([r()], PartaForwardDialog.prototype, "error", void 0);
__decorate([r()], PartaForwardDialog.prototype, "busy", void 0);
function openForwardDialog(layer, options) {
	return openDialog(layer, "parta-forward-dialog", PartaForwardDialog, options);
}
export { openForwardDialog };
