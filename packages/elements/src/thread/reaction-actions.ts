import type { ClientMessage, PartaClient } from '@parta/core';
import { limits, type Message, type Reactions } from '@parta/protocol';
import { td } from './dialog-strings.js';
import type { ActionsHost } from './message-menu.js';

/** Adding and taking back reactions; loads with the message menu, on first use. */

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

/** Says why a reaction was refused when it is the per-message limit; other refusals keep their usual words. */
const explainRefusal = (locale: string | undefined) => (error: unknown) =>
  (error as { code?: string } | null)?.code === 'limit_reached' ? td(locale).tooManyReactions : undefined;

/** Adds (`on`) or takes back the reader's reaction on `message`, as the thread holds it now. */
export function toggleReaction(host: ActionsHost, message: Message, emoji: string, on: boolean): Promise<boolean> {
  const userId = userIdOf(host);
  if (!userId) return Promise.resolve(false);
  return host.act(
    () => react(host.client, host.chatId, latest(host, message), userId, emoji, on),
    explainRefusal(host.locale),
  );
}

/** The reader's id: from the profile, or the client's before it has loaded. */
export const userIdOf = (host: ActionsHost) => host.me?.id ?? host.client.userId ?? undefined;

/** The message as the thread holds it now: reactions change live while a menu is open. */
export const latest = (host: ActionsHost, message: Message): ClientMessage =>
  host.client
    .$messages(host.chatId)
    .get()
    .messages.find((held) => held.id === message.id) ?? { ...message, status: 'sent' };
