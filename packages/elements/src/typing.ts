import type { ChatSummary, UserSummary } from '@parta/protocol';
import type { t } from './i18n.js';

/**
 * "Мария печатает…" while someone other than the user types in a chat; undefined
 * when nobody does. Names come from what the chat list already knows (one-to-one
 * peers, authors of last messages); three or more typing are counted instead.
 */
export function typingText(
  strings: ReturnType<typeof t>,
  chat: ChatSummary,
  typingIds: readonly string[],
  chats: readonly ChatSummary[],
  me: string | null | undefined,
): string | undefined {
  const ids = typingIds.filter((id) => id !== me);
  if (ids.length === 0) return undefined;
  if (chat.kind === 'direct') return strings.typing([]);
  const known = new Map<string, UserSummary>();
  for (const other of chats) {
    if (other.peer) known.set(other.peer.id, other.peer);
    if (other.lastMessage) known.set(other.lastMessage.author.id, other.lastMessage.author);
  }
  const names = ids.map((id) => known.get(id)?.name).filter((name): name is string => Boolean(name));
  return strings.typing(ids.length > 2 ? ids : names);
}
