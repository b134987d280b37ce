import {
  type ChatEvent,
  type ChatSettings,
  type ChatSummary,
  canDeleteForEveryone,
  canEditMessage,
  canReadChat,
  canSendMessage,
  chatAdminRoles,
  ErrorCode,
  limits,
  type Message,
  PartaError,
  type Reactions,
  type SendMessageBody,
  type UserSummary,
} from '@parta/protocol';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from './db/index.ts';
import { chatEvents, chatMembers, chats, hiddenMessages, messageReactions, messages, users } from './db/schema.ts';
import { decorateMessages, expiryFor, isExpired, requireReplyTarget, rowExtras } from './message-details.ts';

type UserRow = typeof users.$inferSelect;
type MessageRow = typeof messages.$inferSelect;
type ChatRow = typeof chats.$inferSelect;
type MemberRow = typeof chatMembers.$inferSelect;

export function userSummary(
  user: Pick<UserRow, 'id' | 'surname' | 'name' | 'patronymic' | 'verified' | 'avatarUrl'>,
): UserSummary {
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

export function toMessage(row: MessageRow, author: UserRow): Message {
  // A disappearing message past its deadline is gone for everyone, even before the sweeper deletes it.
  const deletedAt = row.deletedAt ?? (isExpired(row) ? row.expiresAt : null);
  return {
    id: row.id,
    chatId: row.chatId,
    seq: row.seq,
    author: userSummary(author),
    clientKey: row.clientKey,
    text: deletedAt ? '' : row.text,
    replyToId: row.replyToId,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: deletedAt?.toISOString() ?? null,
    ...rowExtras(row),
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
  return membership(row, site);
}

/** `requireMember`'s judgement of a row read by it, or by a query that reads more alongside. */
function membership(row: { chat: ChatRow; member: MemberRow | null } | undefined, site?: string | null) {
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
  return [...(await memberChatPositions(db, userId, site)).keys()];
}

/** The user's chats, each with the sequence number of its latest event now. */
export async function memberChatPositions(
  db: Database,
  userId: string,
  site?: string | null,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ chatId: chatMembers.chatId, lastSeq: chats.lastSeq })
    .from(chatMembers)
    .innerJoin(chats, eq(chats.id, chatMembers.chatId))
    .where(and(eq(chatMembers.userId, userId), withinSite(site)));
  return new Map(rows.map((row) => [row.chatId, row.lastSeq]));
}

export async function memberIds(db: Database, chatId: string): Promise<string[]> {
  const rows = await db.select({ userId: chatMembers.userId }).from(chatMembers).where(eq(chatMembers.chatId, chatId));
  return rows.map((row) => row.userId);
}

/** A disappearing message past its deadline counts as deleted before the sweeper gets to it. */
const notExpired = sql`(${messages.expiresAt} is null or ${messages.expiresAt} > now())`;

async function lastMessages(db: Database, chatIds: string[]): Promise<Map<string, Message>> {
  if (chatIds.length === 0) return new Map();
  const latest = db
    .select({ chatId: messages.chatId, latestSeq: sql<number>`max(${messages.seq})`.as('latest_seq') })
    .from(messages)
    .where(and(inArray(messages.chatId, chatIds), sql`${messages.deletedAt} is null`, notExpired))
    .groupBy(messages.chatId)
    .as('latest');
  const rows = await db
    .select({ message: messages, author: users })
    .from(messages)
    .innerJoin(latest, and(eq(latest.chatId, messages.chatId), eq(latest.latestSeq, messages.seq)))
    .innerJoin(users, eq(users.id, messages.authorId));
  return new Map(rows.map((row) => [row.message.chatId, toMessage(row.message, row.author)]));
}

/** The other person of each one-to-one chat, read from its key so it stays known after they leave. */
export async function peersOf(db: Database, userId: string, chatRows: ChatRow[]): Promise<Map<string, UserRow>> {
  const peerIds = new Map<string, string>();
  for (const chat of chatRows) {
    if (chat.kind !== 'direct' || !chat.personalKey) continue;
    const [, a, b] = chat.personalKey.split(':');
    const peer = a === userId ? b : a;
    if (peer) peerIds.set(chat.id, peer);
  }
  if (peerIds.size === 0) return new Map();
  const rows = await db
    .select()
    .from(users)
    .where(inArray(users.id, [...new Set(peerIds.values())]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const peers = new Map<string, UserRow>();
  for (const [chatId, peerId] of peerIds) {
    const peer = byId.get(peerId);
    if (peer) peers.set(chatId, peer);
  }
  return peers;
}

/** The latest pinned message of each chat, shown above its thread. */
async function pinnedMessagesOf(db: Database, chatIds: string[]): Promise<Map<string, Message>> {
  if (chatIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([messages.chatId], { message: messages, author: users })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(and(inArray(messages.chatId, chatIds), isNotNull(messages.pinnedAt), isNull(messages.deletedAt), notExpired))
    .orderBy(messages.chatId, desc(messages.pinnedAt), desc(messages.seq));
  return new Map(rows.map((row) => [row.message.chatId, { ...toMessage(row.message, row.author), pinned: true }]));
}

export const chatSettings = (chat: ChatRow): ChatSettings => ({
  onlyAdminsWrite: chat.onlyAdminsWrite,
  membersMayInvite: chat.membersMayInvite,
  membersMayPin: chat.membersMayPin,
  membersMayEditInfo: chat.membersMayEditInfo,
  disappearAfterSec: chat.disappearAfterSec,
});

/**
 * The user's chats as the list shows them: pinned ones first (latest pinned on top),
 * then by activity. A one-to-one chat is titled after the other person, for each side.
 */
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
  // How far the others have read: one's own messages up to it show ✓✓.
  const othersReadSeq = sql<number>`(select coalesce(max(o.read_seq), 0) from ${chatMembers} o
      where o.chat_id = ${chats.id} and o.user_id <> ${chatMembers.userId})`.mapWith(Number);
  const rows = await db
    .select({ chat: chats, member: chatMembers, memberCount, unread, othersReadSeq })
    .from(chatMembers)
    .innerJoin(chats, eq(chats.id, chatMembers.chatId))
    .where(and(eq(chatMembers.userId, userId), onlyChatId ? eq(chats.id, onlyChatId) : undefined, withinSite(site)))
    .orderBy(sql`${chatMembers.pinnedAt} desc nulls last`, desc(chats.lastActivityAt), asc(chats.title));
  const chatIds = rows.map((row) => row.chat.id);
  const [last, pinned, peers] = await Promise.all([
    lastMessages(db, chatIds),
    pinnedMessagesOf(db, chatIds),
    peersOf(
      db,
      userId,
      rows.map((row) => row.chat),
    ),
  ]);
  return rows.map(({ chat, member, memberCount, unread, othersReadSeq }) => {
    const peer = peers.get(chat.id);
    return {
      id: chat.id,
      orgId: chat.orgId,
      kind: chat.kind,
      title: peer ? displayName(peer) : chat.title,
      avatarUrl: peer ? peer.avatarUrl : chat.avatarUrl,
      memberCount,
      myRole: member.role,
      onlyAdminsWrite: chat.onlyAdminsWrite,
      lastSeq: chat.lastSeq,
      readSeq: member.readSeq,
      unreadCount: unread,
      muted: member.muted,
      lastMessage: last.get(chat.id) ?? null,
      pinnedAt: member.pinnedAt?.toISOString() ?? null,
      archived: member.archived,
      settings: chatSettings(chat),
      peer: peer ? userSummary(peer) : null,
      pinnedMessage: pinned.get(chat.id) ?? null,
      othersReadSeq,
    };
  });
}

/** Which page of history: before a seq (default: the newest), after a seq, or around one message. */
export interface HistoryWindow {
  before?: number;
  after?: number;
  around?: string;
}

/**
 * A page of history, oldest first. `before` (or nothing) pages back from the newest;
 * `after` pages forward and says whether newer exist; `around` centres the page on one
 * message, some before and some after it, and refuses (not found) a message that is not
 * in the chat or that the reader deleted for itself.
 */
export async function history(db: Database, chatId: string, window: HistoryWindow, limit: number, userId?: string) {
  // What the reader deleted for itself stays out of its history.
  const notHidden = userId
    ? sql`not exists (select 1 from ${hiddenMessages} h where h.user_id = ${userId} and h.message_id = ${messages.id})`
    : undefined;
  const select = (range: SQL | undefined, newestFirst: boolean, count: number) =>
    db
      .select({ message: messages, author: users })
      .from(messages)
      .innerJoin(users, eq(users.id, messages.authorId))
      .where(and(eq(messages.chatId, chatId), range, notHidden))
      .orderBy(newestFirst ? desc(messages.seq) : asc(messages.seq))
      .limit(count);
  let rows: Awaited<ReturnType<typeof select>>;
  let hasMore: boolean;
  let hasNewer: boolean | undefined;
  if (window.around !== undefined) {
    const [target] = await db
      .select({ seq: messages.seq })
      .from(messages)
      .where(and(eq(messages.chatId, chatId), eq(messages.id, window.around), notHidden));
    if (!target) throw new PartaError(ErrorCode.NotFound, 'The message does not exist in this chat');
    // Up to half before it, the message and the rest after; a short side leaves its room to the other.
    const older = await select(lt(messages.seq, target.seq), true, limit);
    const newer = await select(gte(messages.seq, target.seq), false, limit + 1);
    const olderTake = Math.min(older.length, Math.max(Math.floor((limit - 1) / 2), limit - newer.length));
    const newerTake = Math.min(newer.length, limit - olderTake);
    rows = [...older.slice(0, olderTake).reverse(), ...newer.slice(0, newerTake)];
    hasMore = older.length > olderTake;
    hasNewer = newer.length > newerTake;
  } else if (window.after !== undefined) {
    const newer = await select(gt(messages.seq, window.after), false, limit + 1);
    rows = newer.slice(0, limit);
    hasNewer = newer.length > limit;
    hasMore = (await select(lte(messages.seq, window.after), true, 1)).length > 0;
  } else {
    const before = window.before;
    const older = await select(before === undefined ? undefined : lt(messages.seq, before), true, limit + 1);
    rows = older.slice(0, limit).reverse();
    hasMore = older.length > limit;
  }
  // Replies, confirmations, awards and the reader's own marks: a few queries per page, not per message.
  const page = await decorateMessages(
    db,
    rows.map((row) => toMessage(row.message, row.author)),
    userId,
  );
  const reactions = await reactionsOf(
    db,
    page.map((message) => message.id),
  );
  return {
    messages: page.map((message) =>
      reactions.has(message.id) ? { ...message, reactions: reactions.get(message.id) } : message,
    ),
    hasMore,
    ...(hasNewer === undefined ? {} : { hasNewer }),
  };
}

export async function eventsAfter(db: Database, chatId: string, after: number, limit: number) {
  const rows = await db
    .select({ payload: chatEvents.payload })
    .from(chatEvents)
    .where(and(eq(chatEvents.chatId, chatId), gt(chatEvents.seq, after)))
    .orderBy(asc(chatEvents.seq))
    .limit(limit + 1);
  const events = rows.slice(0, limit).map((row) => row.payload as ChatEvent);
  return { events: await withoutGoneText(db, events), hasMore: rows.length > limit };
}

/**
 * The log keeps events as they were sent; a message deleted or expired since is replayed
 * without its text (nor the text it quoted, once that is gone), as history shows it.
 */
async function withoutGoneText(db: Database, events: ChatEvent[]): Promise<ChatEvent[]> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.kind === 'message.created') {
      ids.add(event.message.id);
      if (event.message.replyTo) ids.add(event.message.replyTo.id);
    } else if (event.kind === 'message.edited') ids.add(event.messageId);
  }
  if (ids.size === 0) return events;
  const rows = await db
    .select({ id: messages.id, deletedAt: messages.deletedAt, expiresAt: messages.expiresAt })
    .from(messages)
    .where(inArray(messages.id, [...ids]));
  const gone = new Map(
    rows.flatMap((row) =>
      row.deletedAt || isExpired(row) ? [[row.id, (row.deletedAt ?? row.expiresAt)!] as const] : [],
    ),
  );
  if (gone.size === 0) return events;
  return events.map((event) => {
    if (event.kind === 'message.edited') return gone.has(event.messageId) ? { ...event, text: '' } : event;
    if (event.kind !== 'message.created') return event;
    let message = event.message;
    const deletedAt = gone.get(message.id);
    if (deletedAt) {
      const { replyTo: _reply, award: _award, confirmation: _confirmation, ...rest } = message;
      message = { ...rest, text: '', deletedAt: deletedAt.toISOString() };
    } else if (message.replyTo && gone.has(message.replyTo.id)) {
      message = { ...message, replyTo: { ...message.replyTo, text: '', deleted: true } };
    }
    return message === event.message ? event : { ...event, message };
  });
}

async function existingMessage(db: Database, authorId: string, clientKey: string): Promise<Message | null> {
  const [row] = await db
    .select({ message: messages, author: users })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.authorId, authorId), eq(messages.clientKey, clientKey)));
  if (!row) return null;
  const [message] = await decorateMessages(db, [toMessage(row.message, row.author)], authorId);
  return message!;
}

/** Whether a database error (or any error it wraps) is a unique-constraint violation. */
export const isUniqueViolation = (error: unknown): boolean => {
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
 * One read for the chat, the membership, the author and whether this client key was used
 * before. Every send runs it, so it is built once per database and prepared by name.
 */
function prepareSendContext(db: Database) {
  const userId = sql.placeholder('userId');
  return db
    .select({
      chat: chats,
      member: chatMembers,
      author: users,
      keyUsed: sql<boolean>`exists (select 1 from ${messages} where ${messages.authorId} = ${userId} and ${messages.clientKey} = ${sql.placeholder('clientKey')})`,
    })
    .from(chats)
    .leftJoin(chatMembers, and(eq(chatMembers.chatId, chats.id), eq(chatMembers.userId, userId)))
    .leftJoin(users, eq(users.id, userId))
    .where(eq(chats.id, sql.placeholder('chatId')))
    .prepare('parta_send_context');
}
const sendContexts = new WeakMap<Database, ReturnType<typeof prepareSendContext>>();

/**
 * `writePlain`'s statement, prepared once per database: PostgreSQL parses and plans it once
 * per connection instead of per message, which halves its cost there.
 *
 * It checks what the send needs before it writes anything (the same rules as `membership`
 * and `canSendMessage`, which explain a refusal): the chat exists and is within the site,
 * the author is a member who may write in it, and this client key is new. When one of them
 * fails it writes nothing and returns no row.
 */
function preparePlainWrite(db: Database) {
  const chatId = sql.placeholder('chatId');
  const authorId = sql.placeholder('authorId');
  const clientKey = sql.placeholder('clientKey');
  const site = sql.placeholder('site');
  const allowed = db.$with('allowed', {}).as(sql`
    select ${chats.id}, ${chats.accessVersion} from ${chats}
    join ${chatMembers} on ${chatMembers.chatId} = ${chats.id} and ${chatMembers.userId} = ${authorId}
    where ${chats.id} = ${chatId}
      and (${site}::text is null or ${chats.orgId} is null or ${chats.orgId} = ${site}::text)
      and ((${chats.kind} <> 'channel' and not ${chats.onlyAdminsWrite}) or ${inArray(chatMembers.role, [...chatAdminRoles])})
      and not exists (select 1 from ${messages} where ${messages.authorId} = ${authorId} and ${messages.clientKey} = ${clientKey})`);
  const author = db
    .$with('author', {
      surname: sql<string>`surname`.as('surname'),
      name: sql<string>`name`.as('name'),
      patronymic: sql<string | null>`patronymic`.as('patronymic'),
      verified: sql<boolean>`verified`.as('verified'),
      avatarUrl: sql<string | null>`avatar_url`.as('avatar_url'),
    })
    .as(sql`select ${users.surname}, ${users.name}, ${users.patronymic}, ${users.verified}, ${users.avatarUrl}
    from ${users} where ${users.id} = ${authorId}`);
  const bumped = db
    .$with('bumped', {
      seq: sql<number | string>`seq`.as('seq'),
      iso: sql<string>`iso`.as('iso'),
      expires: sql<string | null>`expires`.as('expires'),
    })
    .as(sql`update ${chats} set last_seq = last_seq + 1, last_activity_at = now()
      where (id, access_version) = (select id, access_version from allowed) and exists (select 1 from author)
      returning last_seq as seq, date_trunc('milliseconds', now()) as at,
        to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as iso,
        case when disappear_after_sec > 0 then to_char(
          (date_trunc('milliseconds', now()) + disappear_after_sec * interval '1 second') at time zone 'UTC',
          'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') end as expires`);
  const message = db.$with('message', {}).as(sql`
    insert into ${messages} (id, chat_id, seq, author_id, client_key, text, expires_at, created_at)
    select ${sql.placeholder('id')}::text, ${chatId}::text, seq, ${authorId}::text, ${clientKey}::text,
      ${sql.placeholder('text')}::text, expires::timestamptz, at
    from bumped`);
  // The event as built by the caller, with its seq, its time, its author (as \`userSummary\`
  // gives it) and its expiry (none without a timer) filled in.
  const event = db.$with('event', {}).as(sql`
    insert into ${chatEvents} (chat_id, seq, kind, payload, at)
    select ${chatId}::text, seq, 'message.created',
      t || jsonb_build_object('seq', seq, 'at', iso, 'message', (t -> 'message') || jsonb_build_object(
        'seq', seq, 'createdAt', iso,
        'author', jsonb_build_object('id', ${authorId}::text, 'surname', a.surname, 'name', a.name,
          'patronymic', case when a.verified then a.patronymic end, 'verified', a.verified, 'avatarUrl', a.avatar_url)
      ) || jsonb_strip_nulls(jsonb_build_object('expiresAt', expires))),
      at
    from bumped, author a, (select ${sql.placeholder('event')}::jsonb as t) template`);
  const reader = db.$with('reader', {}).as(sql`
    update ${chatMembers} set read_seq = bumped.seq from bumped where chat_id = ${chatId} and user_id = ${authorId}`);
  return db
    .with(allowed, author, bumped, message, event, reader)
    .select({
      seq: bumped.seq,
      iso: bumped.iso,
      expires: bumped.expires,
      surname: author.surname,
      name: author.name,
      patronymic: author.patronymic,
      verified: author.verified,
      avatarUrl: author.avatarUrl,
    })
    .from(bumped)
    .crossJoin(author)
    .prepare('parta_insert_plain_message');
}
const plainWrites = new WeakMap<Database, ReturnType<typeof preparePlainWrite>>();

/**
 * A message that quotes nothing and asks for nothing, in one statement and one round trip
 * (instead of a read and a transaction's eight, which is what lets a server keep up with a
 * school): the send's checks, then the chat's seq bumped under its row lock, the message
 * and its event inserted, and the author's read position moved to it. The event is built
 * here but for what the statement fills in (its seq, time, author and expiry); the time is
 * cut to milliseconds so the stored row, the event and the answer all carry the same instant.
 * Null when a check failed: nothing was written, and the caller finds out which.
 */
async function writePlain(
  db: Database,
  userId: string,
  chatId: string,
  body: SendMessageBody,
  site: string | null | undefined,
): Promise<{ message: Message; event: ChatEvent } | null> {
  const draft: Message = {
    id: crypto.randomUUID(),
    chatId,
    seq: 0,
    author: { id: userId, surname: '', name: '', patronymic: null, verified: false, avatarUrl: null },
    clientKey: body.clientKey,
    text: body.text,
    replyToId: null,
    createdAt: '',
    editedAt: null,
    deletedAt: null,
  };
  const template: ChatEvent = { kind: 'message.created', chatId, seq: 0, at: '', message: draft };
  let write = plainWrites.get(db);
  if (!write) plainWrites.set(db, (write = preparePlainWrite(db)));
  const [written] = await write.execute({
    id: draft.id,
    chatId,
    authorId: userId,
    clientKey: body.clientKey,
    text: body.text,
    site: site ?? null,
    event: JSON.stringify(template),
  });
  if (!written) return null;
  const seq = Number(written.seq);
  const author = userSummary({ ...written, id: userId });
  const message: Message = { ...draft, seq, author, createdAt: written.iso };
  if (written.expires) message.expiresAt = written.expires;
  const event: ChatEvent = { kind: 'message.created', chatId, seq, at: written.iso, message };
  return { message, event };
}

/**
 * Stores a message and its event under the chat's next sequence number.
 * The same author and client key always yield the same message: a retry,
 * even one racing the original, never creates a second row.
 */
export const sendMessage = withFreshAccess(sendOnce);

async function sendOnce(
  db: Database,
  userId: string,
  chatId: string,
  body: SendMessageBody,
  site?: string | null,
): Promise<{ message: Message; event: ChatEvent | null }> {
  const plain = !body.replyToId && !body.requiresConfirmation;
  // A retry: the message this key already made, unless it is another chat's.
  const earlier = (message: Message) => {
    if (message.chatId !== chatId) throw new PartaError(ErrorCode.Conflict, 'This client key was used in another chat');
    return { message, event: null };
  };
  try {
    // Most messages quote nothing and ask for nothing: one statement checks and writes them.
    const written = plain ? await writePlain(db, userId, chatId, body, site) : null;
    if (written) return written;
    let read = sendContexts.get(db);
    if (!read) sendContexts.set(db, (read = prepareSendContext(db)));
    const [row] = await read.execute({ chatId, userId, clientKey: body.clientKey });
    const { chat, member } = membership(row, site);
    const already = row!.keyUsed ? await existingMessage(db, userId, body.clientKey) : null;
    if (already) return earlier(already);
    if (!canSendMessage(chatContext(chat, member))) {
      throw new PartaError(ErrorCode.Forbidden, 'Only administrators may write in this chat');
    }
    if (plain) {
      // Allowed after all: the chat or the membership changed between the two reads.
      const again = await writePlain(db, userId, chatId, body, site);
      if (again) return again;
      throw chatChanged();
    }
    if (body.replyToId) await requireReplyTarget(db, chatId, body.replyToId);
    return await db.transaction(async (tx) => {
      const { seq, at } = await bumpChat(tx, chatId, chat.accessVersion);
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
          requiresConfirmation: body.requiresConfirmation ?? false,
          // The database's time, as the chat's last activity: the expiry is exactly the timer after it.
          createdAt: at,
          expiresAt: expiryFor(chat, at),
        })
        .returning();
      const [author] = await tx.select().from(users).where(eq(users.id, userId));
      const [message] = await decorateMessages(tx, [toMessage(row!, author!)]);
      const event: ChatEvent = { kind: 'message.created', chatId, seq, at: message!.createdAt, message: message! };
      await tx.insert(chatEvents).values({ chatId, seq, kind: event.kind, payload: event, at: row!.createdAt });
      // Sending marks everything up to one's own message as read.
      await tx
        .update(chatMembers)
        .set({ readSeq: seq })
        .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, userId)));
      return { message: message!, event };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await existingMessage(db, userId, body.clientKey);
    if (!raced) throw error;
    return earlier(raced);
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

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const chatChanged = () =>
  new PartaError(ErrorCode.Conflict, 'The chat changed while the message was being sent; send it again');

/**
 * Thrown inside a write whose checks were read before it, when who may write in the chat
 * changed meanwhile (its `accessVersion` moved): `withFreshAccess` runs it again.
 */
export class AccessChanged extends Error {}

/**
 * A write whose permission checks are read before its transaction, run once more with fresh
 * checks when who may write changed between the two (which then refuse it, or let it
 * through); after a second change in a row, a Conflict to send it again.
 */
export function withFreshAccess<A extends unknown[], T>(write: (...args: A) => Promise<T>) {
  return async (...args: A): Promise<T> => {
    try {
      return await write(...args);
    } catch (error) {
      if (!(error instanceof AccessChanged)) throw error;
    }
    try {
      return await write(...args);
    } catch (error) {
      throw error instanceof AccessChanged ? chatChanged() : error;
    }
  };
}

/**
 * Takes the chat's next sequence number under its row lock, with the time it is taken. With
 * `accessVersion` (the one the caller's checks read), only if it is still the chat's: else
 * AccessChanged.
 */
async function bumpChat(tx: Tx, chatId: string, accessVersion?: number): Promise<{ seq: number; at: Date }> {
  const [bumped] = await tx
    .update(chats)
    .set({ lastSeq: sql`${chats.lastSeq} + 1`, lastActivityAt: sql`now()` })
    .where(
      accessVersion === undefined
        ? eq(chats.id, chatId)
        : and(eq(chats.id, chatId), eq(chats.accessVersion, accessVersion)),
    )
    .returning({ seq: chats.lastSeq, at: chats.lastActivityAt });
  if (bumped) return bumped;
  throw accessVersion === undefined
    ? new PartaError(ErrorCode.NotFound, 'The chat does not exist')
    : new AccessChanged();
}

/**
 * Appends one event to the chat under its next sequence number (`bumpChat`, with the caller's
 * `accessVersion` if given).
 */
export async function appendEvent(
  tx: Tx,
  chatId: string,
  build: (seq: number, at: string) => ChatEvent,
  accessVersion?: number,
): Promise<ChatEvent> {
  const { seq, at } = await bumpChat(tx, chatId, accessVersion);
  const event = build(seq, at.toISOString());
  await tx.insert(chatEvents).values({ chatId, seq: event.seq, kind: event.kind, payload: event, at });
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
export const editMessage = withFreshAccess(editOnce);

async function editOnce(
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
    if (!row || row.deletedAt || isExpired(row)) throw new PartaError(ErrorCode.NotFound, 'The message does not exist');
    if (row.authorId !== userId) throw new PartaError(ErrorCode.Forbidden, 'Only the author may edit a message');
    if (row.forwardedFrom) {
      throw new PartaError(ErrorCode.Forbidden, "A forwarded message keeps its author's words and cannot be edited");
    }
    if (!canEditMessage(userId, { authorId: row.authorId, createdAt: row.createdAt })) {
      throw new PartaError(ErrorCode.EditWindowClosed, 'A message can be edited only within 24 hours of sending');
    }
    if (!canSendMessage(chatContext(chat, member))) {
      throw new PartaError(ErrorCode.Forbidden, 'Only administrators may write in this chat');
    }
    const event = await appendEvent(
      tx,
      chatId,
      (seq, at) => ({ kind: 'message.edited', chatId, seq, at, messageId, text }),
      chat.accessVersion,
    );
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
export const deleteMessages = withFreshAccess(deleteOnce);

async function deleteOnce(
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
    const live = rows.filter((candidate) => !candidate.deletedAt).sort((a, b) => a.seq - b.seq);
    return { events: await deleteForEveryone(tx, chatId, live, chat.accessVersion), deleted: ids };
  });
}

/**
 * Deletes messages for everyone, in the order given: each becomes a `message.deleted` event
 * under the chat's next sequence number, its text is no longer served and it is no longer pinned.
 * The caller holds the rows (locked) and has checked who may, against `accessVersion` if given.
 */
export async function deleteForEveryone(
  tx: Tx,
  chatId: string,
  rows: { id: string }[],
  accessVersion?: number,
): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  for (const row of rows) {
    const event = await appendEvent(
      tx,
      chatId,
      (seq, at) => ({ kind: 'message.deleted', chatId, seq, at, messageId: row.id }),
      accessVersion,
    );
    await tx
      .update(messages)
      .set({ deletedAt: new Date(event.at), pinnedAt: null })
      .where(eq(messages.id, row.id));
    events.push(event);
  }
  return events;
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
export const react = withFreshAccess(reactOnce);

async function reactOnce(
  db: Database,
  userId: string,
  chatId: string,
  messageId: string,
  emoji: string,
  on: boolean,
  site?: string | null,
): Promise<{ reactions: Reactions; event: ChatEvent | null }> {
  const { chat } = await requireMember(db, chatId, userId, site);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: messages.id, deletedAt: messages.deletedAt, expiresAt: messages.expiresAt })
      .from(messages)
      .where(and(eq(messages.chatId, chatId), eq(messages.id, messageId)))
      .for('update');
    if (!row || row.deletedAt || isExpired(row)) throw new PartaError(ErrorCode.NotFound, 'The message does not exist');
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
    const event = await appendEvent(
      tx,
      chatId,
      (seq, at) => ({ kind: 'message.reactions', chatId, seq, at, messageId, reactions }),
      chat.accessVersion,
    );
    return { reactions, event };
  });
}
