import {
  type ChatEvent,
  type ChatSummary,
  canDeleteForEveryone,
  canEditMessage,
  canReadChat,
  canSendMessage,
  ErrorCode,
  limits,
  type Message,
  PartaError,
  type Reactions,
  type SendMessageBody,
  type UserSummary,
} from '@parta/protocol';
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from './db/index.ts';
import { chatEvents, chatMembers, chats, hiddenMessages, messageReactions, messages, users } from './db/schema.ts';

type UserRow = typeof users.$inferSelect;
type MessageRow = typeof messages.$inferSelect;
type ChatRow = typeof chats.$inferSelect;
type MemberRow = typeof chatMembers.$inferSelect;

export function userSummary(user: UserRow): UserSummary {
  return {
    id: user.id,
    surname: user.surname,
    name: user.name,
    // The patronymic is shown only for verified staff (SPEC §2).
    patronymic: user.verified ? user.patronymic : null,
    verified: user.verified,
    avatarUrl: user.avatarUrl,
  };
}

export function displayName(user: UserRow): string {
  return [user.surname, user.name, user.verified ? user.patronymic : null].filter(Boolean).join(' ');
}

function toMessage(row: MessageRow, author: UserRow): Message {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    chatId: row.chatId,
    seq: row.seq,
    author: userSummary(author),
    clientKey: row.clientKey,
    text: deleted ? '' : row.text,
    replyToId: row.replyToId,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

const chatContext = (chat: ChatRow, member: MemberRow | undefined) => ({
  kind: chat.kind,
  onlyAdminsWrite: chat.onlyAdminsWrite,
  myRole: member?.role ?? null,
});

/**
 * What a site's embed token may reach: its own organisation's chats and personal ones
 * (no organisation). Parta's own tokens (`site` null) reach all of the user's chats.
 */
const withinSite = (site: string | null | undefined) =>
  site ? or(isNull(chats.orgId), eq(chats.orgId, site)) : undefined;

/** The chat and the user's membership, or a clear error: not found, or not a member. */
export async function requireMember(db: Database, chatId: string, userId: string, site?: string | null) {
  const [row] = await db
    .select({ chat: chats, member: chatMembers })
    .from(chats)
    .leftJoin(chatMembers, and(eq(chatMembers.chatId, chats.id), eq(chatMembers.userId, userId)))
    .where(eq(chats.id, chatId));
  if (!row) throw new PartaError(ErrorCode.NotFound, 'The chat does not exist');
  if (site && row.chat.orgId && row.chat.orgId !== site) {
    throw new PartaError(ErrorCode.NotChatMember, "This chat belongs to another organisation than the site's");
  }
  if (!canReadChat(chatContext(row.chat, row.member ?? undefined)) || !row.member) {
    throw new PartaError(ErrorCode.NotChatMember, 'You are not a member of this chat');
  }
  return { chat: row.chat, member: row.member };
}

export async function memberChatIds(db: Database, userId: string, site?: string | null): Promise<string[]> {
  const rows = await db
    .select({ chatId: chatMembers.chatId })
    .from(chatMembers)
    .innerJoin(chats, eq(chats.id, chatMembers.chatId))
    .where(and(eq(chatMembers.userId, userId), withinSite(site)));
  return rows.map((row) => row.chatId);
}

export async function memberIds(db: Database, chatId: string): Promise<string[]> {
  const rows = await db.select({ userId: chatMembers.userId }).from(chatMembers).where(eq(chatMembers.chatId, chatId));
  return rows.map((row) => row.userId);
}

async function lastMessages(db: Database, chatIds: string[]): Promise<Map<string, Message>> {
  if (chatIds.length === 0) return new Map();
  const latest = db
    .select({ chatId: messages.chatId, latestSeq: sql<number>`max(${messages.seq})`.as('latest_seq') })
    .from(messages)
    .where(and(inArray(messages.chatId, chatIds), sql`${messages.deletedAt} is null`))
    .groupBy(messages.chatId)
    .as('latest');
  const rows = await db
    .select({ message: messages, author: users })
    .from(messages)
    .innerJoin(latest, and(eq(latest.chatId, messages.chatId), eq(latest.latestSeq, messages.seq)))
    .innerJoin(users, eq(users.id, messages.authorId));
  return new Map(rows.map((row) => [row.message.chatId, toMessage(row.message, row.author)]));
}

export async function listChats(
  db: Database,
  userId: string,
  onlyChatId?: string,
  site?: string | null,
): Promise<ChatSummary[]> {
  const memberCount = sql<number>`(select count(*) from ${chatMembers} m where m.chat_id = ${chats.id})`.mapWith(
    Number,
  );
  const unread = sql<number>`(select count(*) from ${messages} x
      where x.chat_id = ${chats.id} and x.seq > ${chatMembers.readSeq}
        and x.author_id <> ${chatMembers.userId} and x.deleted_at is null)`.mapWith(Number);
  const rows = await db
    .select({ chat: chats, member: chatMembers, memberCount, unread })
    .from(chatMembers)
    .innerJoin(chats, eq(chats.id, chatMembers.chatId))
    .where(and(eq(chatMembers.userId, userId), onlyChatId ? eq(chats.id, onlyChatId) : undefined, withinSite(site)))
    .orderBy(desc(chats.lastActivityAt), asc(chats.title));
  const last = await lastMessages(
    db,
    rows.map((row) => row.chat.id),
  );
  return rows.map(({ chat, member, memberCount, unread }) => ({
    id: chat.id,
    orgId: chat.orgId,
    kind: chat.kind,
    title: chat.title,
    avatarUrl: chat.avatarUrl,
    memberCount,
    myRole: member.role,
    onlyAdminsWrite: chat.onlyAdminsWrite,
    lastSeq: chat.lastSeq,
    readSeq: member.readSeq,
    unreadCount: unread,
    muted: member.muted,
    lastMessage: last.get(chat.id) ?? null,
  }));
}

export async function history(
  db: Database,
  chatId: string,
  before: number | undefined,
  limit: number,
  userId?: string,
) {
  // What the reader deleted for itself stays out of its history.
  const notHidden = userId
    ? sql`not exists (select 1 from ${hiddenMessages} h where h.user_id = ${userId} and h.message_id = ${messages.id})`
    : undefined;
  const rows = await db
    .select({ message: messages, author: users })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.chatId, chatId), before === undefined ? undefined : lt(messages.seq, before), notHidden))
    .orderBy(desc(messages.seq))
    .limit(limit + 1);
  const hasMore = rows.length > limit;
  const page = rows
    .slice(0, limit)
    .reverse()
    .map((row) => toMessage(row.message, row.author));
  const reactions = await reactionsOf(
    db,
    page.map((message) => message.id),
  );
  return {
    messages: page.map((message) =>
      reactions.has(message.id) ? { ...message, reactions: reactions.get(message.id) } : message,
    ),
    hasMore,
  };
}

export async function eventsAfter(db: Database, chatId: string, after: number, limit: number) {
  const rows = await db
    .select({ payload: chatEvents.payload })
    .from(chatEvents)
    .where(and(eq(chatEvents.chatId, chatId), gt(chatEvents.seq, after)))
    .orderBy(asc(chatEvents.seq))
    .limit(limit + 1);
  return { events: rows.slice(0, limit).map((row) => row.payload as ChatEvent), hasMore: rows.length > limit };
}

async function existingMessage(db: Database, authorId: string, clientKey: string): Promise<Message | null> {
  const [row] = await db
    .select({ message: messages, author: users })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.authorId, authorId), eq(messages.clientKey, clientKey)));
  return row ? toMessage(row.message, row.author) : null;
}

const isUniqueViolation = (error: unknown): boolean => {
  for (
    let cause = error as { code?: string; cause?: unknown } | undefined;
    cause;
    cause = cause.cause as typeof cause
  ) {
    if (cause.code === '23505') return true;
  }
  return false;
};

/**
 * Stores a message and its event under the chat's next sequence number.
 * The same author and client key always yield the same message: a retry,
 * even one racing the original, never creates a second row.
 */
export async function sendMessage(
  db: Database,
  userId: string,
  chatId: string,
  body: SendMessageBody,
  site?: string | null,
): Promise<{ message: Message; event: ChatEvent | null }> {
  const { chat, member } = await requireMember(db, chatId, userId, site);
  const already = await existingMessage(db, userId, body.clientKey);
  if (already) {
    if (already.chatId !== chatId) throw new PartaError(ErrorCode.Conflict, 'This client key was used in another chat');
    return { message: already, event: null };
  }
  if (!canSendMessage(chatContext(chat, member))) {
    throw new PartaError(ErrorCode.Forbidden, 'Only administrators may write in this chat');
  }
  try {
    return await db.transaction(async (tx) => {
      const [bumped] = await tx
        .update(chats)
        .set({ lastSeq: sql`${chats.lastSeq} + 1`, lastActivityAt: sql`now()` })
        .where(eq(chats.id, chatId))
        .returning({ seq: chats.lastSeq });
      const seq = bumped!.seq;
      const [row] = await tx
        .insert(messages)
        .values({
          id: crypto.randomUUID(),
          chatId,
          seq,
          authorId: userId,
          clientKey: body.clientKey,
          text: body.text,
          replyToId: body.replyToId ?? null,
        })
        .returning();
      const [author] = await tx.select().from(users).where(eq(users.id, userId));
      const message = toMessage(row!, author!);
      const event: ChatEvent = { kind: 'message.created', chatId, seq, at: message.createdAt, message };
      await tx.insert(chatEvents).values({ chatId, seq, kind: event.kind, payload: event, at: row!.createdAt });
      // Sending marks everything up to one's own message as read.
      await tx
        .update(chatMembers)
        .set({ readSeq: seq })
        .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, userId)));
      return { message, event };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await existingMessage(db, userId, body.clientKey);
    if (!raced) throw error;
    return { message: raced, event: null };
  }
}

/** Moves the member's read position forward to `seq` (never back, never past the chat's last event). */
export async function markRead(
  db: Database,
  chatId: string,
  userId: string,
  seq: number,
  site?: string | null,
): Promise<ChatSummary> {
  const { chat } = await requireMember(db, chatId, userId, site);
  const target = Math.min(seq, chat.lastSeq);
  await db
    .update(chatMembers)
    .set({ readSeq: sql`greatest(${chatMembers.readSeq}, ${target})` })
    .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, userId)));
  const [summary] = await listChats(db, userId, chatId);
  return summary!;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Appends one event to the chat under its next sequence number (the chat row is the lock). */
async function appendEvent(tx: Tx, chatId: string, build: (seq: number, at: string) => ChatEvent): Promise<ChatEvent> {
  const [bumped] = await tx
    .update(chats)
    .set({ lastSeq: sql`${chats.lastSeq} + 1`, lastActivityAt: sql`now()` })
    .where(eq(chats.id, chatId))
    .returning({ seq: chats.lastSeq, at: chats.lastActivityAt });
  const event = build(bumped!.seq, bumped!.at.toISOString());
  await tx.insert(chatEvents).values({ chatId, seq: event.seq, kind: event.kind, payload: event, at: bumped!.at });
  return event;
}

async function messagesIn(db: Database | Tx, chatId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.chatId, chatId), inArray(messages.id, ids)));
  if (rows.length !== new Set(ids).size)
    throw new PartaError(ErrorCode.NotFound, 'A message does not exist in this chat');
  return rows;
}

/** The author's new text, within 24 hours of sending (SPEC §5); everyone sees `message.edited`. */
export async function editMessage(
  db: Database,
  userId: string,
  chatId: string,
  messageId: string,
  text: string,
  site?: string | null,
): Promise<ChatEvent> {
  const { chat, member } = await requireMember(db, chatId, userId, site);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.chatId, chatId), eq(messages.id, messageId)))
      .for('update');
    if (!row || row.deletedAt) throw new PartaError(ErrorCode.NotFound, 'The message does not exist');
    if (row.authorId !== userId) throw new PartaError(ErrorCode.Forbidden, 'Only the author may edit a message');
    if (!canEditMessage(userId, { authorId: row.authorId, createdAt: row.createdAt })) {
      throw new PartaError(ErrorCode.EditWindowClosed, 'A message can be edited only within 24 hours of sending');
    }
    if (!canSendMessage(chatContext(chat, member))) {
      throw new PartaError(ErrorCode.Forbidden, 'Only administrators may write in this chat');
    }
    const event = await appendEvent(tx, chatId, (seq, at) => ({
      kind: 'message.edited',
      chatId,
      seq,
      at,
      messageId,
      text,
    }));
    await tx
      .update(messages)
      .set({ text, editedAt: new Date(event.at) })
      .where(eq(messages.id, messageId));
    return event;
  });
}

/**
 * Deletes several messages at once, all or none. For everyone: one's own at any age,
 * anyone's for a chat administrator; each becomes a `message.deleted` event. For me:
 * hidden from this user's history only.
 */
export async function deleteMessages(
  db: Database,
  userId: string,
  chatId: string,
  messageIds: string[],
  scope: 'everyone' | 'me',
  site?: string | null,
): Promise<{ events: ChatEvent[]; deleted: string[] }> {
  const { chat, member } = await requireMember(db, chatId, userId, site);
  const ids = [...new Set(messageIds)];
  if (scope === 'me') {
    await messagesIn(db, chatId, ids);
    await db
      .insert(hiddenMessages)
      .values(ids.map((messageId) => ({ userId, messageId, chatId })))
      .onConflictDoNothing();
    return { events: [], deleted: ids };
  }
  return db.transaction(async (tx) => {
    const rows = await messagesIn(tx, chatId, ids);
    const context = chatContext(chat, member);
    const refused = rows.find(
      (row) => !canDeleteForEveryone(userId, { authorId: row.authorId, createdAt: row.createdAt }, context),
    );
    if (refused) {
      throw new PartaError(
        ErrorCode.Forbidden,
        'Only the author or a chat administrator may delete a message for everyone',
      );
    }
    const events: ChatEvent[] = [];
    for (const row of rows.filter((candidate) => !candidate.deletedAt).sort((a, b) => a.seq - b.seq)) {
      const event = await appendEvent(tx, chatId, (seq, at) => ({
        kind: 'message.deleted',
        chatId,
        seq,
        at,
        messageId: row.id,
      }));
      await tx
        .update(messages)
        .set({ deletedAt: new Date(event.at) })
        .where(eq(messages.id, row.id));
      events.push(event);
    }
    return { events, deleted: ids };
  });
}

/** Reactions of these messages, each emoji with its people, in the order the emoji first appeared. */
async function reactionsOf(db: Database | Tx, messageIds: string[]): Promise<Map<string, Reactions>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(messageReactions)
    .where(inArray(messageReactions.messageId, messageIds))
    .orderBy(asc(messageReactions.createdAt), asc(messageReactions.userId));
  const byMessage = new Map<string, Reactions>();
  for (const row of rows) {
    const list = byMessage.get(row.messageId) ?? [];
    const entry = list.find((candidate) => candidate.emoji === row.emoji);
    if (entry) entry.userIds.push(row.userId);
    else list.push({ emoji: row.emoji, userIds: [row.userId] });
    byMessage.set(row.messageId, list);
  }
  return byMessage;
}

/**
 * Adds or takes back the user's reaction. Any member may react, in channels too; a change
 * becomes a `message.reactions` event carrying the message's whole set, so applying it twice is harmless.
 */
export async function react(
  db: Database,
  userId: string,
  chatId: string,
  messageId: string,
  emoji: string,
  on: boolean,
  site?: string | null,
): Promise<{ reactions: Reactions; event: ChatEvent | null }> {
  await requireMember(db, chatId, userId, site);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: messages.id, deletedAt: messages.deletedAt })
      .from(messages)
      .where(and(eq(messages.chatId, chatId), eq(messages.id, messageId)))
      .for('update');
    if (!row || row.deletedAt) throw new PartaError(ErrorCode.NotFound, 'The message does not exist');
    const before = (await reactionsOf(tx, [messageId])).get(messageId) ?? [];
    const mine = before.some((entry) => entry.emoji === emoji && entry.userIds.includes(userId));
    if (mine === on) return { reactions: before, event: null };
    if (on) {
      if (!before.some((entry) => entry.emoji === emoji) && before.length >= limits.reactionsPerMessageMax) {
        throw new PartaError(
          ErrorCode.LimitReached,
          `A message holds at most ${limits.reactionsPerMessageMax} different reactions`,
        );
      }
      await tx.insert(messageReactions).values({ messageId, userId, emoji });
    } else {
      await tx
        .delete(messageReactions)
        .where(
          and(
            eq(messageReactions.messageId, messageId),
            eq(messageReactions.userId, userId),
            eq(messageReactions.emoji, emoji),
          ),
        );
    }
    const reactions = (await reactionsOf(tx, [messageId])).get(messageId) ?? [];
    const event = await appendEvent(tx, chatId, (seq, at) => ({
      kind: 'message.reactions',
      chatId,
      seq,
      at,
      messageId,
      reactions,
    }));
    return { reactions, event };
  });
}
