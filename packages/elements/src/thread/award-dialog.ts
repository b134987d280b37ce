import { giveAward } from '@parta/core';
import { type AwardBadge, awardBadges, type UserSummary } from '@parta/protocol';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { displayName, t } from '../i18n.js';
import { td } from './dialog-strings.js';
import { openDialog, ThreadDialog } from './thread-dialog.js';

/**
 * @summary Gives a chat member a badge («Хочу всё знать» and others) with an optional note;
 * the award appears in the chat as a message everyone sees.
 */
export class PartaAwardDialog extends ThreadDialog {
  @property() chatId = '';
  @property({ attribute: false }) recipient!: UserSummary;

  @state() private badge: AwardBadge = awardBadges[0];
  @state() private error = '';
  @state() private busy = false;

  #note = '';

  protected override renderContent() {
    const strings = td(this.locale);
    const badges = t(this.locale).badges;
    return html`<form @submit=${this.#submit}>
      <h2 id="title">${strings.awardTitle(displayName(this.recipient))}</h2>
      <fieldset part="badges">
        <legend>${strings.badge}</legend>
        ${awardBadges.map(
          (badge) =>
            html`<label class="check">
              <input
                type="radio"
                name="badge"
                value=${badge}
                .checked=${this.badge === badge}
                @change=${() => (this.badge = badge)}
              />
              ${badges[badge]}
            </label>`,
        )}
      </fieldset>
      <label>
        ${strings.note}
        <textarea
          part="note"
          rows="2"
          maxlength="500"
          @input=${(event: Event) => (this.#note = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      <p part="error" role="alert">${this.error}</p>
      <div class="actions">
        <button type="button" @click=${() => this.close()}>${strings.cancel}</button>
        <button part="submit" type="submit" class="primary" ?disabled=${this.busy}>${strings.give}</button>
      </div>
    </form>`;
  }

  #submit = async (event: Event) => {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const note = this.#note.trim();
      await giveAward(this.client, this.chatId, {
        userId: this.recipient.id,
        badge: this.badge,
        ...(note ? { note } : {}),
      });
      this.close();
    } catch (error) {
      this.error = this.describe(error);
      this.busy = false;
    }
  };
}

export function openAwardDialog(layer: Element, options: Partial<PartaAwardDialog>): PartaAwardDialog {
  return openDialog(layer, 'parta-award-dialog', PartaAwardDialog, options);
}

declare global {
  interface HTMLElementTagNameMap {
    'parta-award-dialog': PartaAwardDialog;
  }
}
