import type { ClientMessage, PartaClient } from '@parta/core';
import { limits, type Reactions } from '@parta/protocol';
import { html, nothing } from 'lit';

/**
 * Reactions under a message: one chip per emoji with its count, pressed when
 * the reader is among those who chose it; a click toggles the reader's own.
 * The quick picker that adds a new one is a chunk of its own (reaction-picker.ts).
 */

const strings = {
  ru: {
    reactions: 'Реакции',
    chip: (emoji: string, count: number, mine: boolean) => `${emoji} ${count}${mine ? ', вы отметили' : ''}`,
    add: 'Добавить реакцию',
    tooMany: `У сообщения может быть не больше ${limits.reactionsPerMessageMax} разных реакций`,
  },
  en: {
    reactions: 'Reactions',
    chip: (emoji: string, count: number, mine: boolean) => `${emoji} ${count}${mine ? ', including you' : ''}`,
    add: 'Add a reaction',
    tooMany: `A message can have at most ${limits.reactionsPerMessageMax} different reactions`,
  },
};

export const reactionStrings = (locale: string | undefined) => (locale === 'en' ? strings.en : strings.ru);

/** Says why a reaction was refused when it is the per-message limit; other refusals keep their usual words. */
export const explainRefusal = (locale: string | undefined) => (error: unknown) =>
  (error as { code?: string } | null)?.code === 'limit_reached' ? reactionStrings(locale).tooMany : undefined;

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

/** The reactions with `userId` added to or taken from `emoji`'s, in the server's order (new emoji last). */
export function toggled(reactions: Reactions, emoji: string, userId: string, on: boolean): Reactions {
  const next = reactions
    .map((entry) =>
      entry.emoji === emoji
        ? {
            emoji,
            userIds: on ? [...new Set([...entry.userIds, userId])] : entry.userIds.filter((id) => id !== userId),
          }
        : entry,
    )
    .filter((entry) => entry.userIds.length > 0);
  if (on && !next.some((entry) => entry.emoji === emoji)) next.push({ emoji, userIds: [userId] });
  return next;
}

/**
 * Adds or takes back the user's reaction. The thread shows it at once (the
 * `message.reactions` event that follows carries the whole set and settles it),
 * and puts it back if the server refuses. A new emoji beyond the per-message
 * limit waits for the server's answer (`limit_reached`) instead.
 */
export async function react(
  client: PartaClient,
  chatId: string,
  message: ClientMessage,
  userId: string,
  emoji: string,
  on: boolean,
): Promise<void> {
  const held = message.reactions ?? [];
  const atLimit = on && !held.some((entry) => entry.emoji === emoji) && held.length >= limits.reactionsPerMessageMax;
  const apply = (value: boolean) =>
    client.updateMessage(chatId, message.id, (current) => ({
      ...current,
      reactions: toggled(current.reactions ?? [], emoji, userId, value),
    }));
  if (!atLimit) apply(on);
  try {
    await client.react(chatId, message.id, emoji, on);
  } catch (error) {
    if (!atLimit) apply(!on);
    throw error;
  }
}
