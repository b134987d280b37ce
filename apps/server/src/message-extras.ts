import {
  AwardBody,
  type ChatContext,
  type ChatEvent,
  type Confirmation,
  canGiveAward,
  canPinMessage,
  canSendMessage,
  chatRoutes,
  ErrorCode,
  ForwardBody,
  type ImportantResponse,
  isChatAdmin,
  limits,
  type Message,
  PartaError,
  type ReceiptsResponse,
} from '@parta/protocol';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import {
  AccessChanged,
  appendEvent,
  deleteForEveryone,
  displayName,
  isUniqueViolation,
  listChats,
  peersOf,
  requireMember,
  type Tx,
  toMessage,
  userSummary,
  withFreshAccess,
} from './chats.ts';
import { parse, type ServerContext } from './context.ts';
import type { Database } from './db/index.ts';
import {
  chatMembers,
  chats,
  hiddenMessages,
  importantMessages,
  messageConfirmations,
  messages,
  users,
} from './db/schema.ts';
import {
  decorateMessages,
  expiryFor,
  isExpired,
  type StoredAward,
  type StoredForward,
  usersById,
} from './message-details.ts';

/**
 * What one does with a message besides writing it (SPEC §5): pin, mark important,
 * forward, confirm reading, see who read it, give an award; and the sweeper that
 * deletes disappearing messages for everyone.
 */

type ChatRow = typeof chats.$inferSelect;
type MemberRow = typeof chatMembers.$inferSelect;
type UserRow = typeof users.$inferSelect;
type MessageRow = typeof messages.$inferSelect;

const contextOf = (chat: ChatRow, member: MemberRow | null): ChatContext => ({
  kind: chat.kind,
  onlyAdminsWrite: chat.onlyAdminsWrite,
  membersMayInvite: chat.membersMayInvite,
  membersMayPin: chat.membersMayPin,
  membersMayEditInfo: chat.membersMayEditInfo,
  myRole: member?.role ?? null,
});

const gone = (row: MessageRow) => row.deletedAt !== null || isExpired(row);

/** A message of the chat that still exists, or not_found. */
async function liveMessage(db: Database | Tx, chatId: string, messageId: string, lock = false): Promise<MessageRow> {
  const query = db
    .select()
    .from(messages)
    .where(and(eq(messages.chatId, chatId), eq(messages.id, messageId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || gone(row)) throw new PartaError(ErrorCode.NotFound, 'The message does not exist');
  return row;
}

async function withAuthors(db: Database | Tx, rows: MessageRow[], readerId?: string): Promise<Message[]> {
  if (rows.length === 0) return [];
  const byId = await usersById(
    db,
    rows.map((row) => row.authorId),
  );
  return decorateMessages(
    db,
    rows.map((row) => toMessage(row, byId.get(row.authorId)!)),
    readerId,
  );
}

// ------------------------------------------------------------------ pins

/** Pins or unpins a message for everyone in the chat; a change is a `message.pinned` event. */
export const pinMessage = withFreshAccess(pinOnce);

async function pinOnce(
  db: Database,
  userId: string,
  chatId: string,
  messageId: string,
  on: boolean,
  site?: string | null,
): Promise<{ pinned: boolean; event: ChatEvent | null }> {
  const { chat, member } = await requireMember(db, chatId, userId, site);
  if (!canPinMessage(contextOf(chat, member))) {
    throw new PartaError(ErrorCode.Forbidden, 'Only administrators may pin messages in this chat');
  }
  return db.transaction(async (tx) => {
    const row = await liveMessage(tx, chatId, messageId, true);
    if ((row.pinnedAt !== null) === on) return { pinned: on, event: null };
    const event = await appendEvent(
      tx,
      chatId,
      (seq, at) => ({ kind: 'message.pinned', chatId, seq, at, messageId, pinned: on }),
      chat.accessVersion,
    );
    await tx
      .update(messages)
      .set({ pinnedAt: on ? new Date(event.at) : null })
      .where(eq(messages.id, messageId));
    return { pinned: on, event };
  });
}

/** The chat's pinned messages, the latest pinned first. */
export async function listPins(db: Database, userId: string, chatId: string, site?: string | null) {
  await requireMember(db, chatId, userId, site);
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.chatId, chatId),
        isNotNull(messages.pinnedAt),
        isNull(messages.deletedAt),
        or(isNull(messages.expiresAt), sql`${messages.expiresAt} > now()`),
      ),
    )
    .orderBy(desc(messages.pinnedAt), desc(messages.seq))
    .limit(100);
  return { messages: await withAuthors(db, rows, userId) };
}

// ------------------------------------------------------------------ important

/** The user's own "important" mark on a message; their other tabs hear of it. */
export async function markImportant(
  db: Database,
  userId: string,
  chatId: string,
  messageId: string,
  on: boolean,
  site?: string | null,
): Promise<boolean> {
  await requireMember(db, chatId, userId, site);
  if (on) {
    await liveMessage(db, chatId, messageId);
    await db.insert(importantMessages).values({ userId, messageId, chatId }).onConflictDoNothing();
  } else {
    await db
      .delete(importantMessages)
      .where(and(eq(importantMessages.userId, userId), eq(importantMessages.messageId, messageId)));
  }
  return on;
}

/**
 * Everything the user marked important, in the chats they are still in (and, with a site's
 * token, only that site's and personal ones), the latest marked first.
 */
export async function listImportant(db: Database, userId: string, site?: string | null): Promise<ImportantResponse> {
  const rows = await db
    .select({ message: messages, chat: chats })
    .from(importantMessages)
    .innerJoin(messages, eq(messages.id, importantMessages.messageId))
    .innerJoin(chats, eq(chats.id, importantMessages.chatId))
    .innerJoin(chatMembers, and(eq(chatMembers.chatId, chats.id), eq(chatMembers.userId, userId)))
    .where(
      and(
        eq(importantMessages.userId, userId),
        isNull(messages.deletedAt),
        or(isNull(messages.expiresAt), sql`${messages.expiresAt} > now()`),
        sql`not exists (select 1 from ${hiddenMessages} h where h.user_id = ${userId} and h.message_id = ${messages.id})`,
        site ? or(isNull(chats.orgId), eq(chats.orgId, site)) : undefined,
      ),
    )
    .orderBy(desc(importantMessages.markedAt), desc(messages.seq))
    .limit(200);
  const list = await withAuthors(
    db,
    rows.map((row) => row.message),
    userId,
  );
  const titles = await chatTitles(
    db,
    userId,
    rows.map((row) => row.chat),
  );
  return {
    items: rows.map((row, index) => ({
      chat: { id: row.chat.id, title: titles.get(row.chat.id) ?? row.chat.title },
      message: list[index]!,
    })),
  };
}

/** A one-to-one chat is titled after the other person, as the chat list shows it. */
async function chatTitles(db: Database, userId: string, rows: ChatRow[]): Promise<Map<string, string>> {
  const peers = await peersOf(db, userId, rows);
  return new Map([...peers].map(([chatId, peer]) => [chatId, displayName(peer)]));
}

// ------------------------------------------------------------------ receipts and confirmation

const bySurname = (a: UserRow, b: UserRow) =>
  a.surname.localeCompare(b.surname, 'ru') || a.name.localeCompare(b.name, 'ru');

/**
 * Who of the chat's members (the author aside) has read a message, and for one that asked
 * for read confirmation who confirmed and who has not. Only the sender and the chat's
 * administrators see the lists (SPEC §5: "the sender sees who confirmed"); everyone else
 * sees the counts on the message itself.
 */
export async function readReceipts(
  db: Database,
  userId: string,
  chatId: string,
  messageId: string,
  site?: string | null,
): Promise<ReceiptsResponse> {
  const { member } = await requireMember(db, chatId, userId, site);
  const message = await liveMessage(db, chatId, messageId);
  if (message.authorId !== userId && !isChatAdmin(member.role)) {
    throw new PartaError(ErrorCode.Forbidden, 'Only the sender or a chat administrator may see who has read a message');
  }
  const members = await db
    .select({ user: users, readSeq: chatMembers.readSeq })
    .from(chatMembers)
    .innerJoin(users, eq(users.id, chatMembers.userId))
    .where(and(eq(chatMembers.chatId, chatId), ne(chatMembers.userId, message.authorId)));
  members.sort((a, b) => bySurname(a.user, b.user));
  const response: ReceiptsResponse = {
    read: members.filter((row) => row.readSeq >= message.seq).map((row) => ({ user: userSummary(row.user) })),
    unread: members.filter((row) => row.readSeq < message.seq).map((row) => userSummary(row.user)),
  };
  if (message.requiresConfirmation) {
    const confirmations = await db
      .select()
      .from(messageConfirmations)
      .where(eq(messageConfirmations.messageId, messageId))
      .orderBy(asc(messageConfirmations.confirmedAt));
    const at = new Map(confirmations.map((row) => [row.userId, row.confirmedAt]));
    const confirmed = members
      .filter((row) => at.has(row.user.id))
      .sort((a, b) => at.get(a.user.id)!.getTime() - at.get(b.user.id)!.getTime());
    response.confirmation = {
      confirmed: confirmed.map((row) => ({ user: userSummary(row.user), at: at.get(row.user.id)!.toISOString() })),
      pending: members.filter((row) => !at.has(row.user.id)).map((row) => userSummary(row.user)),
    };
  }
  return response;
}

/**
 * A recipient confirms reading a message that asked for it (once; again is harmless),
 * which also marks the chat read up to that message.
 */
export async function confirmMessage(
  db: Database,
  userId: string,
  chatId: string,
  messageId: string,
  site?: string | null,
): Promise<{ confirmation: Confirmation; readSeq: number; count: number }> {
  await requireMember(db, chatId, userId, site);
  const message = await liveMessage(db, chatId, messageId);
  if (!message.requiresConfirmation) {
    throw new PartaError(ErrorCode.BadRequest, 'This message does not ask for read confirmation');
  }
  if (message.authorId === userId) {
    throw new PartaError(ErrorCode.Forbidden, 'The sender does not confirm their own message');
  }
  await db.insert(messageConfirmations).values({ messageId, userId }).onConflictDoNothing();
  const [member] = await db
    .update(chatMembers)
    .set({ readSeq: sql`greatest(${chatMembers.readSeq}, ${message.seq})` })
    .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, userId)))
    .returning({ readSeq: chatMembers.readSeq });
  const [decorated] = await withAuthors(db, [message], userId);
  const confirmation = decorated!.confirmation!;
  return { confirmation, readSeq: member!.readSeq, count: confirmation.confirmed };
}

// ------------------------------------------------------------------ new messages: forwards and awards

interface NewMessage {
  clientKey: string;
  text: string;
  forwardedFrom?: StoredForward | null;
  award?: StoredAward | null;
  /** Filled in the message and its event; what is stored is `award`. */
  recipient?: UserRow;
}

/** Stores one message by `author` under the chat's next sequence number, with its event. */
async function insertMessage(tx: Tx, chat: ChatRow, author: UserRow, input: NewMessage) {
  const id = crypto.randomUUID();
  let message: Message | undefined;
  const event = await appendEvent(
    tx,
    chat.id,
    (seq, at) => {
      const expiresAt = expiryFor(chat, new Date(at));
      message = {
        id,
        chatId: chat.id,
        seq,
        author: userSummary(author),
        clientKey: input.clientKey,
        text: input.text,
        replyToId: null,
        createdAt: at,
        editedAt: null,
        deletedAt: null,
        ...(input.forwardedFrom
          ? {
              forwardedFrom: {
                author: input.forwardedFrom.author,
                chatTitle: null,
                createdAt: input.forwardedFrom.createdAt,
              },
            }
          : {}),
        ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
        ...(input.award && input.recipient
          ? { award: { badge: input.award.badge, recipient: userSummary(input.recipient) } }
          : {}),
      };
      return { kind: 'message.created', chatId: chat.id, seq, at, message };
    },
    // Who may write is as the checks before the transaction read it, or the write starts again.
    chat.accessVersion,
  );
  await tx.insert(messages).values({
    id,
    chatId: chat.id,
    seq: event.seq,
    authorId: author.id,
    clientKey: input.clientKey,
    text: input.text,
    createdAt: new Date(event.at),
    forwardedFrom: input.forwardedFrom ?? null,
    award: input.award ?? null,
    expiresAt: expiryFor(chat, new Date(event.at)),
  });
  // Sending marks everything up to one's own message as read.
  await tx
    .update(chatMembers)
    .set({ readSeq: sql`greatest(${chatMembers.readSeq}, ${event.seq})` })
    .where(and(eq(chatMembers.chatId, chat.id), eq(chatMembers.userId, author.id)));
  return { message: message!, event };
}

async function messagesByKeys(db: Database, authorId: string, keys: string[]): Promise<MessageRow[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.authorId, authorId), inArray(messages.clientKey, keys)));
  const byKey = new Map(rows.map((row) => [row.clientKey, row]));
  return keys.flatMap((key) => (byKey.has(key) ? [byKey.get(key)!] : []));
}

/** The client key of one copy: the forward's own key, the target chat and the copy's place. */
const copyKey = (clientKey: string, chatId: string, index: number) => `fwd:${clientKey}:${chatId}:${index}`;

/**
 * Copies messages of one chat, in their order, into up to 12 others as new messages by the
 * forwarder, an optional comment first. All or none: the forwarder must read the source and
 * may write in every target. A retry with the same client key returns the same copies.
 */
export const forwardMessages = withFreshAccess(forwardOnce);

async function forwardOnce(
  db: Database,
  userId: string,
  body: ForwardBody,
  site?: string | null,
): Promise<{ messages: Message[]; events: ChatEvent[] }> {
  const targets = [...new Set(body.toChatIds)];
  if (targets.length > limits.forwardMaxChats) {
    throw new PartaError(
      ErrorCode.LimitReached,
      `A message can be forwarded to at most ${limits.forwardMaxChats} chats at once`,
    );
  }
  const source = await requireMember(db, body.fromChatId, userId, site);
  const ids = [...new Set(body.messageIds)];
  const originals = await db
    .select({ message: messages, author: users })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(
      and(
        eq(messages.chatId, body.fromChatId),
        inArray(messages.id, ids),
        sql`not exists (select 1 from ${hiddenMessages} h where h.user_id = ${userId} and h.message_id = ${messages.id})`,
      ),
    );
  if (originals.length !== ids.length || originals.some((row) => gone(row.message))) {
    throw new PartaError(ErrorCode.NotFound, 'A message to forward does not exist in that chat');
  }
  originals.sort((a, b) => a.message.seq - b.message.seq);
  const chatsTo: ChatRow[] = [];
  for (const chatId of targets) {
    const { chat, member } = await requireMember(db, chatId, userId, site);
    if (!canSendMessage(contextOf(chat, member))) {
      throw new PartaError(ErrorCode.Forbidden, `You may not write in the chat «${chat.title}»`);
    }
    chatsTo.push(chat);
  }
  // Chats are locked in one order, so two forwards into the same chats never wait on each other.
  chatsTo.sort((a, b) => a.id.localeCompare(b.id));
  // The forwarder, and whoever a forwarded award was given to: it stays an award, not only its note.
  const awardOf = (message: MessageRow) => message.award as StoredAward | null;
  const people = await usersById(db, [
    userId,
    ...originals.flatMap(({ message }) => awardOf(message)?.recipientId ?? []),
  ]);
  const forwarder = people.get(userId);
  const copies: NewMessage[] = [
    ...(body.comment?.trim() ? [{ clientKey: '', text: body.comment }] : []),
    ...originals.map(({ message, author }) => {
      const award = awardOf(message);
      return {
        clientKey: '',
        text: message.text,
        award,
        recipient: award ? people.get(award.recipientId) : undefined,
        // A forward of a forward still names who wrote it first.
        forwardedFrom: (message.forwardedFrom as StoredForward | null) ?? {
          author: userSummary(author),
          chatId: source.chat.id,
          chatTitle: source.chat.title,
          createdAt: message.createdAt.toISOString(),
        },
      };
    }),
  ];
  const keys = chatsTo.flatMap((chat) => copies.map((_, index) => copyKey(body.clientKey, chat.id, index)));
  const done = async () => {
    const rows = await messagesByKeys(db, userId, keys);
    return rows.length === keys.length ? { messages: await withAuthors(db, rows, userId), events: [] } : null;
  };
  const earlier = await done();
  if (earlier) return earlier;
  try {
    const created = await db.transaction(async (tx) => {
      // The source and every target, locked in one order before anything is written, each still
      // as the checks read it: someone removed from the source meanwhile is checked again too.
      const checked = new Map([source.chat, ...chatsTo].map((chat) => [chat.id, chat.accessVersion]));
      for (const [id, version] of [...checked].sort(([a], [b]) => a.localeCompare(b))) {
        const [row] = await tx
          .select({ version: chats.accessVersion })
          .from(chats)
          .where(eq(chats.id, id))
          .for('no key update');
        if (row?.version !== version) throw new AccessChanged();
      }
      const events: ChatEvent[] = [];
      for (const chat of chatsTo) {
        for (const [index, copy] of copies.entries()) {
          const clientKey = copyKey(body.clientKey, chat.id, index);
          events.push((await insertMessage(tx, chat, forwarder!, { ...copy, clientKey })).event);
        }
      }
      return events;
    });
    const rows = await messagesByKeys(db, userId, keys);
    return { messages: await withAuthors(db, rows, userId), events: created };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await done();
    if (!raced) throw error;
    return raced;
  }
}

/**
 * An award (SPEC §5): a message in the chat naming a member and a badge, with the giver's
 * note as its text. Given by the chat's administrators and verified staff, never to oneself.
 */
export const giveAward = withFreshAccess(awardOnce);

async function awardOnce(
  db: Database,
  userId: string,
  chatId: string,
  body: AwardBody,
  site?: string | null,
): Promise<{ message: Message; event: ChatEvent | null }> {
  const { chat, member } = await requireMember(db, chatId, userId, site);
  const [existing] = await messagesByKeys(db, userId, [body.clientKey]);
  if (existing) {
    if (existing.chatId !== chatId)
      throw new PartaError(ErrorCode.Conflict, 'This client key was used in another chat');
    return { message: (await withAuthors(db, [existing], userId))[0]!, event: null };
  }
  const [giver] = await db.select().from(users).where(eq(users.id, userId));
  const context = contextOf(chat, member);
  if (body.userId === userId) throw new PartaError(ErrorCode.Forbidden, 'An award cannot be given to oneself');
  if (!canGiveAward(context, { id: userId, verified: giver!.verified }, body.userId) || !canSendMessage(context)) {
    throw new PartaError(
      ErrorCode.Forbidden,
      "Awards are given in group chats by the chat's administrators and by verified teachers",
    );
  }
  const [recipient] = await db
    .select({ user: users })
    .from(chatMembers)
    .innerJoin(users, eq(users.id, chatMembers.userId))
    .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, body.userId)));
  if (!recipient) throw new PartaError(ErrorCode.NotFound, 'The person to award is not a member of this chat');
  try {
    return await db.transaction((tx) =>
      insertMessage(tx, chat, giver!, {
        clientKey: body.clientKey,
        text: body.note?.trim() ?? '',
        award: { badge: body.badge, recipientId: body.userId },
        recipient: recipient.user,
      }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const [raced] = await messagesByKeys(db, userId, [body.clientKey]);
    if (!raced) throw error;
    return { message: (await withAuthors(db, [raced], userId))[0]!, event: null };
  }
}

// ------------------------------------------------------------------ disappearing messages

/**
 * Deletes disappearing messages past their deadline for everyone, as ordinary
 * `message.deleted` events. Safe with several processes: a message row locked by
 * one sweeper is skipped by the others, and a deleted one is never picked again.
 */
export async function sweepExpired(db: Database, chatsPerRun = 50): Promise<ChatEvent[]> {
  const due = await db
    .selectDistinct({ chatId: messages.chatId })
    .from(messages)
    .where(and(isNull(messages.deletedAt), lte(messages.expiresAt, sql`now()`)))
    .limit(chatsPerRun);
  const events: ChatEvent[] = [];
  for (const { chatId } of due) {
    const swept = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.chatId, chatId), isNull(messages.deletedAt), lte(messages.expiresAt, sql`now()`)))
        .orderBy(asc(messages.seq))
        .limit(500)
        .for('update', { skipLocked: true });
      return deleteForEveryone(tx, chatId, rows);
    });
    events.push(...swept);
  }
  return events;
}

/** Runs the sweeper every `intervalMs` until stopped; `stop` waits for a sweep in progress. */
export function startSweeper(context: Pick<ServerContext, 'db' | 'hub'>, intervalMs: number) {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = async () => {
    try {
      for (const event of await sweepExpired(context.db)) await context.hub.publishEvent(event);
    } catch (error) {
      if (!stopped) console.warn(`[parta] sweeping disappearing messages failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = run().finally(() => {
      running = null;
    });
  }, intervalMs);
  timer.unref?.();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

// ------------------------------------------------------------------ routes

export async function registerMessageRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const { db, hub, bus, batcher } = context;
  type MessageParams = { Params: { chatId: string; messageId: string } };

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route<MessageParams>({
      method,
      url: '/api/v1/chats/:chatId/messages/:messageId/pin',
      handler: async (request) => {
        const { userId, orgId: site } = await context.principal(request);
        const { chatId, messageId } = request.params;
        const { pinned, event } = await pinMessage(db, userId, chatId, messageId, method === 'PUT', site);
        if (event) await hub.publishEvent(event);
        return { pinned };
      },
    });
    app.route<MessageParams>({
      method,
      url: '/api/v1/chats/:chatId/messages/:messageId/important',
      handler: async (request) => {
        const { userId, orgId: site } = await context.principal(request);
        const { chatId, messageId } = request.params;
        const important = await markImportant(db, userId, chatId, messageId, method === 'PUT', site);
        await bus.publish(`user:${userId}`, { type: 'message.marked', chatId, messageId, important });
        return { important };
      },
    });
  }

  app.get<{ Params: { chatId: string } }>('/api/v1/chats/:chatId/pins', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    return listPins(db, userId, request.params.chatId, site);
  });

  app.get(chatRoutes.importantMessages, async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    return listImportant(db, userId, site);
  });

  app.get<MessageParams>('/api/v1/chats/:chatId/messages/:messageId/receipts', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    return readReceipts(db, userId, request.params.chatId, request.params.messageId, site);
  });

  app.post<MessageParams>('/api/v1/chats/:chatId/messages/:messageId/confirm', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    const { chatId, messageId } = request.params;
    const { confirmation, readSeq, count } = await confirmMessage(db, userId, chatId, messageId, site);
    // One signal: members see the confirmation and the read position together.
    await batcher.confirmed(chatId, messageId, count, { userId, seq: readSeq });
    const [chat] = await listChats(db, userId, chatId);
    if (chat) await bus.publish(`user:${userId}`, { type: 'chat', chat });
    return { confirmation };
  });

  app.post(chatRoutes.forward, async (request, reply) => {
    const { userId, orgId: site } = await context.principal(request);
    const body = parse<ForwardBody>(ForwardBody, request.body);
    const { messages: copies, events } = await forwardMessages(db, userId, body, site);
    for (const event of events) await hub.publishEvent(event);
    return reply.code(events.length > 0 ? 201 : 200).send({ messages: copies });
  });

  app.post<{ Params: { chatId: string } }>('/api/v1/chats/:chatId/awards', async (request, reply) => {
    const { userId, orgId: site } = await context.principal(request);
    const body = parse<AwardBody>(AwardBody, request.body);
    const { message, event } = await giveAward(db, userId, request.params.chatId, body, site);
    if (event) await hub.publishEvent(event);
    return reply.code(event ? 201 : 200).send({ message });
  });
}
