import { type AwardBadge, ErrorCode, type ForwardedFrom, limits, type Message, PartaError } from '@parta/protocol';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Tx, userSummary } from './chats.ts';
import type { Database } from './db/index.ts';
import { chatMembers, type chats, importantMessages, messageConfirmations, messages, users } from './db/schema.ts';

/**
 * What a message carries besides its text (SPEC §5): the quoted reply, where a forward
 * came from, pins, the reader's "important" mark, read confirmation, the disappearing
 * deadline and awards. `rowExtras` reads the message's own columns; `decorateMessages`
 * adds what needs other rows, a few queries per page whatever its length.
 */

type MessageRow = typeof messages.$inferSelect;
type Reader = Database | Tx;

/** `messages.forwarded_from`: the protocol's `ForwardedFrom` plus the source chat, for the title's audience. */
export interface StoredForward {
  author: ForwardedFrom['author'];
  chatId: string;
  chatTitle: string;
  createdAt: string;
}

/** `messages.award`. */
export interface StoredAward {
  badge: AwardBadge;
  recipientId: string;
}

/** A disappearing message past its deadline reads as deleted even before the sweeper gets to it. */
export const isExpired = (row: Pick<MessageRow, 'expiresAt'>, now = Date.now()) =>
  row.expiresAt !== null && row.expiresAt.getTime() <= now;

/**
 * When a message written at `createdAt` (the database's time, as its row gets it) disappears
 * in this chat, or null when the chat keeps its messages: exactly the chat's timer after it.
 */
export const expiryFor = (chat: Pick<typeof chats.$inferSelect, 'disappearAfterSec'>, createdAt: Date): Date | null =>
  chat.disappearAfterSec ? new Date(createdAt.getTime() + chat.disappearAfterSec * 1000) : null;

/** A reply quotes a message of the same chat that still exists. */
export async function requireReplyTarget(db: Reader, chatId: string, messageId: string): Promise<void> {
  const [row] = await db
    .select({ deletedAt: messages.deletedAt, expiresAt: messages.expiresAt })
    .from(messages)
    .where(and(eq(messages.chatId, chatId), eq(messages.id, messageId)));
  if (!row || row.deletedAt || isExpired(row)) {
    throw new PartaError(ErrorCode.NotFound, 'The message you reply to does not exist in this chat');
  }
}

/** The fields a message row answers by itself; absent ones stay absent so plain messages stay small. */
export function rowExtras(row: MessageRow): Partial<Message> {
  const extras: Partial<Message> = {};
  const forward = row.forwardedFrom as StoredForward | null;
  // The source chat's title is shown only to its members: `decorateMessages` adds it for them.
  if (forward) extras.forwardedFrom = { author: forward.author, chatTitle: null, createdAt: forward.createdAt };
  if (row.pinnedAt && !row.deletedAt) extras.pinned = true;
  if (row.expiresAt) extras.expiresAt = row.expiresAt.toISOString();
  return extras;
}

/** Users by id, in one query (none when no id is asked for). */
export async function usersById(db: Reader, ids: string[]): Promise<Map<string, typeof users.$inferSelect>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((user) => [user.id, user]));
}

/** Every message of the page with its reply preview, confirmation counts, award and the reader's own marks. */
export async function decorateMessages(db: Reader, page: Message[], readerId?: string): Promise<Message[]> {
  const live = page.filter((message) => !message.deletedAt);
  if (live.length === 0) return page;
  const ids = live.map((message) => message.id);
  const rows = await db
    .select({
      id: messages.id,
      replyToId: messages.replyToId,
      requiresConfirmation: messages.requiresConfirmation,
      award: messages.award,
      forwardedFrom: messages.forwardedFrom,
    })
    .from(messages)
    .where(inArray(messages.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const replyIds = [...new Set(live.flatMap((message) => (message.replyToId ? [message.replyToId] : [])))];
  const confirmIds = rows.filter((row) => row.requiresConfirmation).map((row) => row.id);
  const awards = rows.flatMap((row) => (row.award ? [row.award as StoredAward] : []));
  const sourceChats = [
    ...new Set(rows.flatMap((row) => (row.forwardedFrom ? [(row.forwardedFrom as StoredForward).chatId] : []))),
  ];
  const chatIds = [...new Set(live.map((message) => message.chatId))];

  // One after another: inside a transaction they share one connection.
  const replies =
    replyIds.length === 0
      ? []
      : await db
          .select({ message: messages, author: users })
          .from(messages)
          .innerJoin(users, eq(users.id, messages.authorId))
          .where(inArray(messages.id, replyIds));
  const important = readerId
    ? await db
        .select({ messageId: importantMessages.messageId })
        .from(importantMessages)
        .where(and(eq(importantMessages.userId, readerId), inArray(importantMessages.messageId, ids)))
    : [];
  const confirmations =
    confirmIds.length === 0
      ? []
      : await db
          .select({
            messageId: messageConfirmations.messageId,
            count: sql<number>`count(*)`.mapWith(Number),
            mine: sql<boolean>`bool_or(${messageConfirmations.userId} = ${readerId ?? ''})`,
          })
          .from(messageConfirmations)
          .where(inArray(messageConfirmations.messageId, confirmIds))
          .groupBy(messageConfirmations.messageId);
  const memberCounts =
    confirmIds.length === 0
      ? []
      : await confirmationTotals(db, chatIds, [...new Set(live.map((message) => message.author.id))]);
  const recipientById = await usersById(
    db,
    awards.map((award) => award.recipientId),
  );
  const readerSources =
    readerId && sourceChats.length > 0
      ? await db
          .select({ chatId: chatMembers.chatId })
          .from(chatMembers)
          .where(and(eq(chatMembers.userId, readerId), inArray(chatMembers.chatId, sourceChats)))
      : [];

  const replyById = new Map(replies.map((row) => [row.message.id, row]));
  const importantIds = new Set(important.map((row) => row.messageId));
  const confirmedById = new Map(confirmations.map((row) => [row.messageId, row]));
  const readerIn = new Set(readerSources.map((row) => row.chatId));

  return page.map((message) => {
    if (message.deletedAt) return message;
    const row = byId.get(message.id);
    const next: Message = { ...message };
    if (message.replyToId) {
      const quoted = replyById.get(message.replyToId);
      if (quoted) {
        const gone = quoted.message.deletedAt !== null || isExpired(quoted.message);
        next.replyTo = {
          id: quoted.message.id,
          seq: quoted.message.seq,
          author: userSummary(quoted.author),
          text: gone ? '' : quoted.message.text.slice(0, limits.replyPreviewMax),
          deleted: gone,
        };
      } else {
        next.replyTo = null;
      }
    }
    if (readerId && importantIds.has(message.id)) next.important = true;
    if (row?.requiresConfirmation) {
      const counted = confirmedById.get(message.id);
      const members = memberCounts.find((entry) => entry.chatId === message.chatId);
      // Everyone in the chat but the sender was asked.
      const total = Math.max(0, (members?.count ?? 0) - (members?.authorIds.has(message.author.id) ? 1 : 0));
      next.confirmation = {
        confirmed: counted?.count ?? 0,
        total,
        byMe: Boolean(counted?.mine) && readerId !== undefined,
      };
    }
    const award = row?.award as StoredAward | null | undefined;
    if (award) {
      const recipient = recipientById.get(award.recipientId);
      if (recipient) next.award = { badge: award.badge, recipient: userSummary(recipient) };
    }
    const forward = row?.forwardedFrom as StoredForward | null | undefined;
    if (forward && next.forwardedFrom && readerIn.has(forward.chatId)) {
      next.forwardedFrom = { ...next.forwardedFrom, chatTitle: forward.chatTitle };
    }
    return next;
  });
}

/** Members per chat, and which of the page's authors are among them (they are not asked to confirm). */
async function confirmationTotals(db: Reader, chatIds: string[], authorIds: string[]) {
  const counts = await db
    .select({ chatId: chatMembers.chatId, count: sql<number>`count(*)`.mapWith(Number) })
    .from(chatMembers)
    .where(inArray(chatMembers.chatId, chatIds))
    .groupBy(chatMembers.chatId);
  const authors = await db
    .select({ chatId: chatMembers.chatId, userId: chatMembers.userId })
    .from(chatMembers)
    .where(and(inArray(chatMembers.chatId, chatIds), inArray(chatMembers.userId, authorIds)));
  return counts.map((entry) => ({
    ...entry,
    authorIds: new Set(authors.filter((row) => row.chatId === entry.chatId).map((row) => row.userId)),
  }));
}
