import { a as readReceipts, n as td } from "./message-menu-CyKcq8W-.js";
import { c as b, i as n, o as A, r, t as __decorate } from "./decorate-cSunO33U.js";
import { i as displayName } from "./index-4s5tZ5De.js";
import { n as openDialog, t as ThreadDialog } from "./thread-dialog-B-mMPaYs.js";
// packages/elements/src/thread/receipts-popover.ts
/**
* @summary Who has read one's message and who has not; for a message that asks
* for read confirmation, who confirmed and who has not, first.
*/
var PartaReceipts = class extends ThreadDialog {
	constructor(..._args) {
		super(..._args);
		this.chatId = "";
		this.messageId = "";
		this.error = "";
	}
	connectedCallback() {
		super.connectedCallback();
		readReceipts(this.client, this.chatId, this.messageId).then((receipts) => this.receipts = receipts, (error) => this.error = this.describe(error));
	}
	renderContent() {
		const strings = td(this.locale);
		const receipts = this.receipts;
		const list = (id, title, people) => b`<section part="section" aria-labelledby=${id}>
        <h3 id=${id}>${title}</h3>
        ${people.length === 0 ? b`<p class="empty">${strings.nobody}</p>` : b`<ul part="people">${people.map((user) => b`<li>${displayName(user)}</li>`)}</ul>`}
      </section>`;
		const confirmation = receipts?.confirmation;
		return b`<h2 id="title">${strings.receiptsTitle}</h2>
      <p part="error" role="alert">${this.error}</p>
      ${!receipts && !this.error ? b`<p class="note" role="status">${strings.loading}</p>` : A}
      ${confirmation ? b`${list("confirmed", strings.confirmedList(confirmation.confirmed.length), confirmation.confirmed.map((entry) => entry.user))}${list("pending", strings.pendingList(confirmation.pending.length), confirmation.pending)}` : A}
      ${receipts ? b`${list("read", strings.readList(receipts.read.length), receipts.read.map((entry) => entry.user))}${list("unread", strings.unreadList(receipts.unread.length), receipts.unread)}` : A}
      <div class="actions">
        <button type="button" autofocus @click=${() => this.close()}>${strings.close}</button>
      </div>`;
	}
};
__decorate([n()], PartaReceipts.prototype, "chatId", void 0);
__decorate([n()], PartaReceipts.prototype, "messageId", void 0);
__decorate([r()], PartaReceipts.prototype, "receipts", void 0);
__decorate([r()], PartaReceipts.prototype, "error", void 0);
function openReceipts(layer, options) {
	return openDialog(layer, "parta-receipts", PartaReceipts, options);
}
export { openReceipts };
