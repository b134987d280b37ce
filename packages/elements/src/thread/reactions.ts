import type { ClientMessage } from '@parta/core';
import { html, nothing } from 'lit';

/**
 * Reactions under a message: one chip per emoji with its count, pressed when
 * the reader is among those who chose it; a click toggles the reader's own.
 * Toggling (reaction-actions.ts) and the quick picker that adds a new one
 * (reaction-picker.ts) load with the message menu, on first use.
 */

const strings = {
  ru: {
    reactions: 'Реакции',
    chip: (emoji: string, count: number, mine: boolean) => `${emoji} ${count}${mine ? ', вы отметили' : ''}`,
    add: 'Добавить реакцию',
  },
  en: {
    reactions: 'Reactions',
    chip: (emoji: string, count: number, mine: boolean) => `${emoji} ${count}${mine ? ', including you' : ''}`,
    add: 'Add a reaction',
  },
};

const reactionStrings = (locale: string | undefined) => (locale === 'en' ? strings.en : strings.ru);

/** What the chips need from the thread. */
export interface ReactionsView {
  locale: string | undefined;
  userId: string | undefined;
  /** Adds (`on`) or takes back the reader's reaction. */
  react: (emoji: string, on: boolean) => void;
  /** Opens the quick picker next to `trigger`. */
  pick: (trigger: HTMLElement) => void;
}

/** The chips row; nothing for a message without reactions, or a deleted one. */
export function renderReactions(message: ClientMessage, view: ReactionsView) {
  const reactions = message.reactions;
  if (!reactions?.length || message.deletedAt) return nothing;
  const text = reactionStrings(view.locale);
  const live = message.status === 'sent';
  return html`<div part="reactions" role="group" aria-label=${text.reactions}>
    ${reactions.map(({ emoji, userIds }) => {
      const mine = Boolean(view.userId && userIds.includes(view.userId));
      return html`<button
        part=${mine ? 'reaction reaction-mine' : 'reaction'}
        type="button"
        aria-pressed=${mine ? 'true' : 'false'}
        aria-label=${text.chip(emoji, userIds.length, mine)}
        ?disabled=${!live}
        @click=${() => view.react(emoji, !mine)}
      >
        <span aria-hidden="true">${emoji}</span><span aria-hidden="true" class="count">${userIds.length}</span>
      </button>`;
    })}
    ${
      live
        ? html`<button
            part="reaction-add"
            type="button"
            aria-label=${text.add}
            title=${text.add}
            aria-haspopup="menu"
            @click=${(event: Event) => view.pick(event.currentTarget as HTMLElement)}
          >
            +
          </button>`
        : nothing
    }
  </div>`;
}
