import { readReceipts } from '@parta/core';
import type { ReceiptsResponse, UserSummary } from '@parta/protocol';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { displayName } from '../i18n.js';
import { td } from './dialog-strings.js';
import { openDialog, ThreadDialog } from './thread-dialog.js';

/**
 * @summary Who has read one's message and who has not; for a message that asks
 * for read confirmation, who confirmed and who has not, first.
 */
export class PartaReceipts extends ThreadDialog {
  @property() chatId = '';
  @property() messageId = '';

  @state() private receipts: ReceiptsResponse | undefined;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    readReceipts(this.client, this.chatId, this.messageId).then(
      (receipts) => (this.receipts = receipts),
      (error) => (this.error = this.describe(error)),
    );
  }

  protected override renderContent() {
    const strings = td(this.locale);
    const receipts = this.receipts;
    const list = (id: string, title: string, people: UserSummary[]) =>
      html`<section part="section" aria-labelledby=${id}>
        <h3 id=${id}>${title}</h3>
        ${
          people.length === 0
            ? html`<p class="empty">${strings.nobody}</p>`
            : html`<ul part="people">${people.map((user) => html`<li>${displayName(user)}</li>`)}</ul>`
        }
      </section>`;
    const confirmation = receipts?.confirmation;
    return html`<h2 id="title">${strings.receiptsTitle}</h2>
      <p part="error" role="alert">${this.error}</p>
      ${!receipts && !this.error ? html`<p class="note" role="status">${strings.loading}</p>` : nothing}
      ${
        confirmation
          ? html`${list(
              'confirmed',
              strings.confirmedList(confirmation.confirmed.length),
              confirmation.confirmed.map((entry) => entry.user),
            )}${list('pending', strings.pendingList(confirmation.pending.length), confirmation.pending)}`
          : nothing
      }
      ${
        receipts
          ? html`${list(
              'read',
              strings.readList(receipts.read.length),
              receipts.read.map((entry) => entry.user),
            )}${list('unread', strings.unreadList(receipts.unread.length), receipts.unread)}`
          : nothing
      }
      <div class="actions">
        <button type="button" autofocus @click=${() => this.close()}>${strings.close}</button>
      </div>`;
  }
}

export function openReceipts(layer: Element, options: Partial<PartaReceipts>): PartaReceipts {
  return openDialog(layer, 'parta-receipts', PartaReceipts, options);
}

declare global {
  interface HTMLElementTagNameMap {
    'parta-receipts': PartaReceipts;
  }
}
