import {
  AddChatMembersBody,
  type ChatContext,
  type ChatMember,
  type ChatMemberRole,
  ChatMemberRoleBody,
  ChatMembersQuery,
  ChatMineBody,
  type ChatSummary,
  CreateChatBody,
  canEditChatInfo,
  canInviteToChat,
  canLeaveChat,
  canManageChat,
  chatRoutes,
  ErrorCode,
  type Folder,
  FolderBody,
  limits,
  PartaError,
  routes,
  UpdateChatBody,
  UpdateFolderBody,
} from '@parta/protocol';
import { and, asc, count, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { appendEvent, chatSettings, displayName, listChats, requireMember, type Tx, userSummary } from './chats.ts';
import { parse, type ServerContext } from './context.ts';
import type { Database } from './db/index.ts';
import { chatFolderChats, chatFolders, chatMembers, chats, orgMembers, users } from './db/schema.ts';

/**
 * Chats beyond their messages (SPEC §4): creating them, their card, members and
 * administrators, invite links that join directly, "Saved messages", and each
 * member's own list state (muted, pinned, archived, folders).
 *
 * Every rule is the `@parta/protocol` function the widgets call to hide a control;
 * here it is enforced. Whatever changes the chat's shared part (title, avatar,
 * settings, member count) becomes a `chat.updated` event in the chat's sequence,
 * so a client that was away replays it like any message.
 */

type ChatRow = typeof chats.$inferSelect;
type Db = Database | Tx;

/** 128 random bits, URL-safe: a chat's invite code cannot be guessed. */
const newInviteCode = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
const savedKey = (userId: string) => `saved:${userId}`;
const directKey = (a: string, b: string) => `direct:${[a, b].sort().join(':')}`;
/** Stored for "Saved messages"; the widgets show the kind's name in the reader's language. */
const savedTitle = 'Избранное';

/** What the permission rules need: the chat, its settings and the acting member's role. */
const contextOf = (chat: ChatRow, myRole: ChatMemberRole | null): ChatContext => ({
  kind: chat.kind,
  onlyAdminsWrite: chat.onlyAdminsWrite,
  membersMayInvite: chat.membersMayInvite,
  membersMayPin: chat.membersMayPin,
  membersMayEditInfo: chat.membersMayEditInfo,
  myRole,
});

function allow(allowed: boolean, message: string): void {
  if (!allowed) throw new PartaError(ErrorCode.Forbidden, message);
}

/** Chats whose members follow the organisation's structure are not changed by hand. */
function notStructure(chat: ChatRow): void {
  if (chat.structure) {
    throw new PartaError(ErrorCode.Forbidden, "This chat's members follow the organisation's classes and roles");
  }
}

/**
 * Takes the chat's row lock: member changes and the events they append happen one at a time
 * per chat. It also moves the chat's access version, so a message whose checks were read
 * before this change is checked again (chats.ts `withFreshAccess`).
 */
async function lockChat(tx: Tx, chatId: string): Promise<ChatRow> {
  const [chat] = await tx
    .update(chats)
    .set({ accessVersion: sql`${chats.accessVersion} + 1` })
    .where(eq(chats.id, chatId))
    .returning();
  if (!chat) throw new PartaError(ErrorCode.NotFound, 'The chat does not exist');
  return chat;
}

async function memberCountOf(db: Db, chatId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(chatMembers).where(eq(chatMembers.chatId, chatId));
  return row?.n ?? 0;
}

/** Appends `chat.updated` carrying the chat's shared part as it now stands, inside the changing transaction. */
async function appendChatUpdated(tx: Tx, chatId: string) {
  const [chat] = await tx.select().from(chats).where(eq(chats.id, chatId));
  const memberCount = await memberCountOf(tx, chatId);
  return appendEvent(tx, chatId, (seq, at) => ({
    kind: 'chat.updated',
    chatId,
    seq,
    at,
    title: chat!.title,
    avatarUrl: chat!.avatarUrl,
    memberCount,
    settings: chatSettings(chat!),
  }));
}

async function summaryFor(db: Database, userId: string, chatId: string): Promise<ChatSummary> {
  const [chat] = await listChats(db, userId, chatId);
  if (!chat) throw new PartaError(ErrorCode.NotChatMember, 'You are not a member of this chat');
  return chat;
}

// ------------------------------------------------------------------ contacts

/** The organisations the user belongs to; through a site's token, only that site's. */
async function orgsOf(db: Db, userId: string, site: string | null): Promise<string[]> {
  const rows = await db
    .select({ orgId: orgMembers.orgId })
    .from(orgMembers)
    .where(eq(orgMembers.userId, userId))
    .orderBy(asc(orgMembers.joinedAt));
  return rows.map((row) => row.orgId).filter((orgId) => site === null || orgId === site);
}

/**
 * The closed contour (as `GET contacts`): one may bring into a chat only people who
 * share an organisation with one, through a site's token only that site's people.
 */
async function requireContactable(db: Db, userId: string, people: string[], site: string | null): Promise<void> {
  if (people.length === 0) return;
  const orgIds = await orgsOf(db, userId, site);
  const rows =
    orgIds.length === 0
      ? []
      : await db
          .selectDistinct({ userId: orgMembers.userId })
          .from(orgMembers)
          .where(and(inArray(orgMembers.orgId, orgIds), inArray(orgMembers.userId, people)));
  const reachable = new Set(rows.map((row) => row.userId));
  const refused = people.filter((id) => !reachable.has(id));
  if (refused.length > 0) {
    throw new PartaError(
      ErrorCode.Forbidden,
      `You may add only people who share an organisation with you (${refused.length === 1 ? 'one person does' : `${refused.length} people do`} not: ${refused.slice(0, 5).join(', ')})`,
    );
  }
}

/** The first of the creator's organisations that every one of these people belongs to, or null. */
async function sharedOrg(db: Db, userId: string, people: string[], site: string | null): Promise<string | null> {
  const orgIds = await orgsOf(db, userId, site);
  if (orgIds.length === 0 || people.length === 0) return orgIds[0] ?? null;
  const rows = await db
    .select({ orgId: orgMembers.orgId })
    .from(orgMembers)
    .where(and(inArray(orgMembers.orgId, orgIds), inArray(orgMembers.userId, people)))
    .groupBy(orgMembers.orgId)
    .having(sql`count(distinct ${orgMembers.userId}) = ${people.length}`);
  const shared = new Set(rows.map((row) => row.orgId));
  return orgIds.find((orgId) => shared.has(orgId)) ?? null;
}

// ------------------------------------------------------------------ saved messages

/**
 * The user's "Saved messages", made on first use: when a socket authenticates (so it is
 * in the chat's room from the start, with no frame needed) or the chat list is read.
 * Its unique key makes two concurrent first uses meet on one chat: the second insert
 * waits for the first to commit and then does nothing. Null for a user who no longer exists.
 */
export async function ensureSavedChat(db: Database, userId: string): Promise<string | null> {
  // Asked on every socket sign-in and chat list: once known, a user's saved chat stays (it cannot be left).
  let known = savedChats.get(db);
  if (!known) savedChats.set(db, (known = new Map()));
  const remembered = known.get(userId);
  if (remembered) return remembered;
  const id = await findOrCreateSavedChat(db, userId);
  if (id) known.set(userId, id);
  return id;
}
const savedChats = new WeakMap<Database, Map<string, string>>();

async function findOrCreateSavedChat(db: Database, userId: string): Promise<string | null> {
  const key = savedKey(userId);
  const [found] = await db.select({ id: chats.id }).from(chats).where(eq(chats.personalKey, key));
  if (found) return found.id;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(chats)
      .values({ id: crypto.randomUUID(), kind: 'saved', title: savedTitle, personalKey: key, orgId: null })
      .onConflictDoNothing({ target: chats.personalKey })
      .returning({ id: chats.id });
    if (row) await tx.insert(chatMembers).values({ chatId: row.id, userId, role: 'owner' });
    return row?.id ?? null;
  });
  if (created) return created;
  const [raced] = await db.select({ id: chats.id }).from(chats).where(eq(chats.personalKey, key));
  return raced!.id;
}

// ------------------------------------------------------------------ announcing

/**
 * Tells people who just joined (their read position at the chat's end) that the chat is
 * theirs: their open sockets join its room and their lists show it. The summary is read
 * once and given each person's role, since nothing else of it differs for them.
 */
async function announceJoined(
  context: ServerContext,
  joined: { userId: string; role: ChatMemberRole }[],
  template: ChatSummary,
) {
  for (const { userId, role } of joined) {
    const chat: ChatSummary = {
      ...template,
      myRole: role,
      readSeq: template.lastSeq,
      unreadCount: 0,
      muted: false,
      pinnedAt: null,
      archived: false,
    };
    await context.bus.publish(`user:${userId}`, { type: 'chat', chat });
  }
}

/** A member's own summary changed (role): their tabs update it. */
async function announceChat(context: ServerContext, userId: string, chatId: string) {
  const [chat] = await listChats(context.db, userId, chatId);
  if (chat) await context.bus.publish(`user:${userId}`, { type: 'chat', chat });
}

// ------------------------------------------------------------------ creating

async function createDirect(context: ServerContext, userId: string, body: CreateChatBody, site: string | null) {
  const { db } = context;
  const others = [...new Set(body.userIds)].filter((id) => id !== userId);
  if (others.length !== 1 || body.fromChatId) {
    throw new PartaError(ErrorCode.BadRequest, 'A one-to-one chat is with exactly one other person');
  }
  const peerId = others[0]!;
  await requireContactable(db, userId, [peerId], site);
  const key = directKey(userId, peerId);
  const people = await db
    .select()
    .from(users)
    .where(inArray(users.id, [userId, peerId]));
  const title = people
    .map(displayName)
    .sort((a, b) => a.localeCompare(b, 'ru'))
    .join(' · ');
  const { chatId, created, joined } = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(chats)
      .values({ id: crypto.randomUUID(), kind: 'direct', title, personalKey: key, orgId: null })
      .onConflictDoNothing({ target: chats.personalKey })
      .returning({ id: chats.id });
    const chat = await lockChat(
      tx,
      inserted?.id ?? (await tx.select({ id: chats.id }).from(chats).where(eq(chats.personalKey, key)))[0]!.id,
    );
    // Whoever left the chat comes back to it, history included, read up to now.
    const joined = await tx
      .insert(chatMembers)
      .values(
        [userId, peerId].map((id) => ({ chatId: chat.id, userId: id, role: 'member' as const, readSeq: chat.lastSeq })),
      )
      .onConflictDoNothing()
      .returning({ userId: chatMembers.userId });
    return { chatId: chat.id, created: Boolean(inserted), joined: joined.map((row) => row.userId) };
  });
  // Each side sees the chat titled after the other person, so each gets its own summary.
  for (const id of joined) await announceChat(context, id, chatId);
  return { chat: await summaryFor(db, userId, chatId), created };
}

async function createGroup(context: ServerContext, userId: string, body: CreateChatBody, site: string | null) {
  const { db } = context;
  if (!body.title) throw new PartaError(ErrorCode.BadRequest, 'A group chat needs a title');
  const copied = new Set<string>();
  if (body.fromChatId) {
    // People one already shares a chat with may be copied from it, wherever they come from.
    await requireMember(db, body.fromChatId, userId, site);
    const rows = await db
      .select({ userId: chatMembers.userId })
      .from(chatMembers)
      .where(eq(chatMembers.chatId, body.fromChatId));
    for (const row of rows) if (row.userId !== userId) copied.add(row.userId);
  }
  const named = [...new Set(body.userIds)].filter((id) => id !== userId && !copied.has(id));
  await requireContactable(db, userId, named, site);
  const people = [...copied, ...named];
  // Copied members count too: a school-wide chat must not become a group of thousands in one step.
  if (people.length > limits.chatAddMax) {
    throw new PartaError(ErrorCode.LimitReached, `A group is created with at most ${limits.chatAddMax} people at once`);
  }

  let orgId: string | null;
  if (body.orgId === undefined) {
    orgId = await sharedOrg(db, userId, people, site);
  } else if (body.orgId === null) {
    orgId = null;
  } else {
    if (!(await orgsOf(db, userId, site)).includes(body.orgId)) {
      throw new PartaError(ErrorCode.NotOrgMember, 'A chat can belong only to an organisation you are a member of');
    }
    orgId = body.orgId;
  }

  const chatId = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(chats).values({ id: chatId, kind: 'group', title: body.title!, orgId });
    await tx
      .insert(chatMembers)
      .values([
        { chatId, userId, role: 'owner' as const },
        ...people.map((id) => ({ chatId, userId: id, role: 'member' as const })),
      ]);
  });
  const chat = await summaryFor(db, userId, chatId);
  await context.bus.publish(`user:${userId}`, { type: 'chat', chat });
  await announceJoined(
    context,
    people.map((id) => ({ userId: id, role: 'member' })),
    chat,
  );
  return { chat, created: true };
}

// ------------------------------------------------------------------ members

async function listMembers(
  db: Database,
  chatId: string,
  query: { q?: string; limit?: number },
): Promise<{ members: ChatMember[]; total: number }> {
  const total = await memberCountOf(db, chatId);
  const limit = query.limit ?? 100;
  const q = query.q?.trim();
  const pattern = q ? `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const byName = pattern
    ? or(
        ilike(users.surname, pattern),
        ilike(users.name, pattern),
        ilike(sql`${users.surname} || ' ' || ${users.name}`, pattern),
        ilike(sql`${users.name} || ' ' || ${users.surname}`, pattern),
      )
    : undefined;
  const base = db
    .select({ user: users, role: chatMembers.role })
    .from(chatMembers)
    .innerJoin(users, eq(users.id, chatMembers.userId))
    .where(and(eq(chatMembers.chatId, chatId), byName));
  const toMember = (row: { user: typeof users.$inferSelect; role: ChatMemberRole }): ChatMember => ({
    user: userSummary(row.user),
    role: row.role,
  });
  if (total <= limits.alphabeticalMembersMax) {
    // Small enough to read whole and sort as a Russian reader expects (Ё after Е, not after Я).
    const collator = new Intl.Collator('ru');
    const rows = await base;
    rows.sort((a, b) => collator.compare(a.user.surname, b.user.surname) || collator.compare(a.user.name, b.user.name));
    return { members: rows.slice(0, limit).map(toMember), total };
  }
  // Large chats: administrators first, then by surname, a page at a time.
  const rows = await base
    .orderBy(sql`case when ${chatMembers.role} = 'member' then 1 else 0 end`, asc(users.surname), asc(users.name))
    .limit(limit);
  return { members: rows.map(toMember), total };
}

/** Takes a chat out of the person's folders once they are no longer in it. */
async function dropFromFolders(tx: Tx, userId: string, chatId: string): Promise<boolean> {
  const removed = await tx
    .delete(chatFolderChats)
    .where(
      and(
        eq(chatFolderChats.chatId, chatId),
        inArray(
          chatFolderChats.folderId,
          tx.select({ id: chatFolders.id }).from(chatFolders).where(eq(chatFolders.userId, userId)),
        ),
      ),
    )
    .returning({ folderId: chatFolderChats.folderId });
  return removed.length > 0;
}

/**
 * Removes a member. When the last owner goes, the oldest administrator, or
 * failing one the oldest member, becomes the owner so the chat is never unmanaged.
 */
async function removeMember(tx: Tx, chatId: string, userId: string): Promise<{ heir: string | null }> {
  const [gone] = await tx
    .delete(chatMembers)
    .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, userId)))
    .returning({ role: chatMembers.role });
  if (gone?.role !== 'owner') return { heir: null };
  const owners = await tx
    .select({ userId: chatMembers.userId })
    .from(chatMembers)
    .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.role, 'owner')));
  if (owners.length > 0) return { heir: null };
  const [heir] = await tx
    .select({ userId: chatMembers.userId })
    .from(chatMembers)
    .where(eq(chatMembers.chatId, chatId))
    .orderBy(sql`case when ${chatMembers.role} = 'admin' then 0 else 1 end`, asc(chatMembers.joinedAt))
    .limit(1);
  if (!heir) return { heir: null };
  await tx
    .update(chatMembers)
    .set({ role: 'owner' })
    .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, heir.userId)));
  return { heir: heir.userId };
}

// ------------------------------------------------------------------ folders

/** What a site's token reaches: its organisation's chats and personal ones (as `requireMember`). */
const withinSite = (site: string | null | undefined) =>
  site ? or(isNull(chats.orgId), eq(chats.orgId, site)) : undefined;

/** The person's folders; through a site's token, showing only the chats that token reaches. */
async function foldersOf(db: Db, userId: string, site?: string | null): Promise<Folder[]> {
  const rows = await db
    .select()
    .from(chatFolders)
    .where(eq(chatFolders.userId, userId))
    .orderBy(asc(chatFolders.position), asc(chatFolders.createdAt));
  if (rows.length === 0) return [];
  // Only chats the person is still in: leaving a chat takes it out of every folder.
  const members = await db
    .select({ folderId: chatFolderChats.folderId, chatId: chatFolderChats.chatId })
    .from(chatFolderChats)
    .innerJoin(chatMembers, and(eq(chatMembers.chatId, chatFolderChats.chatId), eq(chatMembers.userId, userId)))
    .innerJoin(chats, eq(chats.id, chatFolderChats.chatId))
    .where(
      and(
        inArray(
          chatFolderChats.folderId,
          rows.map((row) => row.id),
        ),
        withinSite(site),
      ),
    );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    chatIds: members.filter((entry) => entry.folderId === row.id).map((entry) => entry.chatId),
  }));
}

async function requireOwnChats(tx: Tx, userId: string, chatIds: string[], site: string | null): Promise<string[]> {
  const ids = [...new Set(chatIds)];
  if (ids.length === 0) return ids;
  const rows = await tx
    .select({ chatId: chatMembers.chatId })
    .from(chatMembers)
    .innerJoin(chats, eq(chats.id, chatMembers.chatId))
    .where(and(eq(chatMembers.userId, userId), inArray(chatMembers.chatId, ids), withinSite(site)));
  if (rows.length !== ids.length) {
    throw new PartaError(ErrorCode.NotChatMember, 'A folder holds only chats you are a member of');
  }
  return ids;
}

/** The person's row is the lock: two folders created at once are counted one after the other. */
const lockUser = (tx: Tx, userId: string) =>
  tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');

// ------------------------------------------------------------------ routes

export async function registerChatAdminRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const { db, bus, hub } = context;
  type ChatParams = { Params: { chatId: string } };
  type MemberParams = { Params: { chatId: string; userId: string } };
  type CodeParams = { Params: { code: string } };
  type FolderParams = { Params: { folderId: string } };

  const publishFolders = async (userId: string) =>
    bus.publish(`user:${userId}`, { type: 'folders', folders: await foldersOf(db, userId) });

  app.post(routes.chats, async (request, reply) => {
    const { userId, orgId: site } = await context.principal(request);
    const body = parse<CreateChatBody>(CreateChatBody, request.body);
    const { chat, created } =
      body.kind === 'direct'
        ? await createDirect(context, userId, body, site)
        : await createGroup(context, userId, body, site);
    return reply.code(created ? 201 : 200).send({ chat });
  });

  for (const method of ['GET', 'POST'] as const) {
    app.route({
      method,
      url: chatRoutes.savedChat,
      handler: async (request) => {
        const { userId } = await context.principal(request);
        const chatId = await ensureSavedChat(db, userId);
        if (!chatId) throw new PartaError(ErrorCode.Unauthorized, 'The user no longer exists');
        return { chat: await summaryFor(db, userId, chatId) };
      },
    });
  }

  app.get<ChatParams>('/api/v1/chats/:chatId', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    await requireMember(db, request.params.chatId, userId, site);
    return { chat: await summaryFor(db, userId, request.params.chatId) };
  });

  app.patch<ChatParams>('/api/v1/chats/:chatId', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    const body = parse<UpdateChatBody>(UpdateChatBody, request.body);
    const { chatId } = request.params;
    const { member } = await requireMember(db, chatId, userId, site);
    const event = await db.transaction(async (tx) => {
      const chat = await lockChat(tx, chatId);
      const rules = contextOf(chat, member.role);
      const change: Partial<typeof chats.$inferInsert> = {};
      if (body.title !== undefined || body.avatarUrl !== undefined) {
        allow(canEditChatInfo(rules), 'Only administrators may change the chat’s title and picture');
        if (body.title !== undefined && body.title !== chat.title) change.title = body.title;
        if (body.avatarUrl !== undefined && body.avatarUrl !== chat.avatarUrl) change.avatarUrl = body.avatarUrl;
      }
      if (body.settings) {
        allow(canManageChat(rules), 'Only administrators may change the chat’s settings');
        for (const [name, value] of Object.entries(body.settings)) {
          if (value !== undefined && chat[name as keyof typeof body.settings] !== value) {
            (change as Record<string, unknown>)[name] = value;
          }
        }
      }
      if (Object.keys(change).length === 0) return null;
      await tx.update(chats).set(change).where(eq(chats.id, chatId));
      return appendChatUpdated(tx, chatId);
    });
    if (event) await hub.publishEvent(event);
    return { chat: await summaryFor(db, userId, chatId) };
  });

  // Members.

  app.get<ChatParams>('/api/v1/chats/:chatId/members', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    const query = parse<{ q?: string; limit?: number }>(ChatMembersQuery, request.query);
    await requireMember(db, request.params.chatId, userId, site);
    return listMembers(db, request.params.chatId, query);
  });

  app.post<ChatParams>('/api/v1/chats/:chatId/members', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    const { userIds } = parse<{ userIds: string[] }>(AddChatMembersBody, request.body);
    const { chatId } = request.params;
    const { chat, member } = await requireMember(db, chatId, userId, site);
    notStructure(chat);
    allow(canInviteToChat(contextOf(chat, member.role)), 'Only administrators may add people to this chat');
    const wanted = [...new Set(userIds)].filter((id) => id !== userId);
    await requireContactable(db, userId, wanted, site);
    const { added, event } = await db.transaction(async (tx) => {
      const locked = await lockChat(tx, chatId);
      const added =
        wanted.length === 0
          ? []
          : await tx
              .insert(chatMembers)
              .values(wanted.map((id) => ({ chatId, userId: id, role: 'member' as const, readSeq: locked.lastSeq })))
              .onConflictDoNothing()
              .returning({ userId: chatMembers.userId });
      return {
        added: added.map((row) => row.userId),
        event: added.length > 0 ? await appendChatUpdated(tx, chatId) : null,
      };
    });
    if (event) await hub.publishEvent(event);
    const summary = await summaryFor(db, userId, chatId);
    await announceJoined(
      context,
      added.map((id) => ({ userId: id, role: 'member' })),
      summary,
    );
    return { chat: summary, added };
  });

  app.delete<MemberParams>('/api/v1/chats/:chatId/members/:userId', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    const { chatId, userId: targetId } = request.params;
    const { chat, member } = await requireMember(db, chatId, userId, site);
    const leaving = targetId === userId;
    const permissions = contextOf(chat, member.role);
    if (leaving) {
      allow(
        canLeaveChat(permissions) && !chat.structure,
        'This chat cannot be left: its members follow the organisation',
      );
    } else {
      notStructure(chat);
      allow(canManageChat(permissions), 'Only administrators may remove people from this chat');
    }
    const { event, heir, folders } = await db.transaction(async (tx) => {
      await lockChat(tx, chatId);
      if (!leaving) {
        const [target] = await tx
          .select({ role: chatMembers.role })
          .from(chatMembers)
          .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, targetId)));
        if (!target) throw new PartaError(ErrorCode.NotFound, 'This person is not a member of the chat');
        allow(target.role !== 'owner', 'The owner of a chat cannot be removed');
        allow(target.role !== 'admin' || member.role === 'owner', 'Only the owner may remove an administrator');
      }
      const { heir } = await removeMember(tx, chatId, targetId);
      const folders = await dropFromFolders(tx, targetId, chatId);
      return { event: await appendChatUpdated(tx, chatId), heir, folders };
    });
    await bus.publish(`user:${targetId}`, { type: 'chat.removed', chatId });
    await hub.publishEvent(event);
    if (heir) await announceChat(context, heir, chatId);
    if (folders) await publishFolders(targetId);
    return { chat: leaving ? null : await summaryFor(db, userId, chatId) };
  });

  app.put<MemberParams>('/api/v1/chats/:chatId/members/:userId/role', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    const { role } = parse<{ role: 'admin' | 'member' }>(ChatMemberRoleBody, request.body);
    const { chatId, userId: targetId } = request.params;
    const { chat, member } = await requireMember(db, chatId, userId, site);
    notStructure(chat);
    allow(canManageChat(contextOf(chat, member.role)), 'Only administrators may appoint administrators');
    const changed = await db.transaction(async (tx) => {
      await lockChat(tx, chatId);
      const [target] = await tx
        .select({ role: chatMembers.role })
        .from(chatMembers)
        .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, targetId)));
      if (!target) throw new PartaError(ErrorCode.NotFound, 'This person is not a member of the chat');
      allow(target.role !== 'owner', 'The owner of a chat cannot be demoted');
      allow(
        target.role !== 'admin' || role === 'admin' || member.role === 'owner',
        'Only the owner may take administrator rights away',
      );
      if (target.role === role) return false;
      await tx
        .update(chatMembers)
        .set({ role })
        .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, targetId)));
      return true;
    });
    if (changed) await announceChat(context, targetId, chatId);
    const [user] = await db.select().from(users).where(eq(users.id, targetId));
    return { member: { user: userSummary(user!), role } };
  });

  // The member's own state of the chat.

  app.put<ChatParams>('/api/v1/chats/:chatId/mine', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    const body = parse<ChatMineBody>(ChatMineBody, request.body);
    const { chatId } = request.params;
    await requireMember(db, chatId, userId, site);
    const change = {
      ...(body.muted === undefined ? {} : { muted: body.muted }),
      ...(body.archived === undefined ? {} : { archived: body.archived }),
      // Pinning again keeps the chat where it was among the pinned ones.
      ...(body.pinned === undefined
        ? {}
        : { pinnedAt: body.pinned ? sql`coalesce(${chatMembers.pinnedAt}, now())` : null }),
    };
    if (Object.keys(change).length > 0) {
      await db
        .update(chatMembers)
        .set(change)
        .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, userId)));
    }
    const chat = await summaryFor(db, userId, chatId);
    await bus.publish(`user:${userId}`, { type: 'chat', chat });
    return { chat };
  });

  // Invite links: whoever follows one joins at once.

  const inviteOf = (chat: ChatRow) => ({ invite: chat.inviteCode ? { code: chat.inviteCode, chatId: chat.id } : null });
  const inviter = async (request: Parameters<typeof context.principal>[0], chatId: string) => {
    const { userId, orgId: site } = await context.principal(request);
    const { chat, member } = await requireMember(db, chatId, userId, site);
    notStructure(chat);
    allow(canInviteToChat(contextOf(chat, member.role)), 'Only administrators may share this chat’s link');
    return chat;
  };

  app.get<ChatParams>('/api/v1/chats/:chatId/invite', async (request) =>
    inviteOf(await inviter(request, request.params.chatId)),
  );

  app.post<ChatParams>('/api/v1/chats/:chatId/invite', async (request) => {
    const chat = await inviter(request, request.params.chatId);
    // A new code every time: the old link stops working, as "reset link" promises.
    const [updated] = await db
      .update(chats)
      .set({ inviteCode: newInviteCode() })
      .where(eq(chats.id, chat.id))
      .returning();
    return inviteOf(updated!);
  });

  app.delete<ChatParams>('/api/v1/chats/:chatId/invite', async (request) => {
    const chat = await inviter(request, request.params.chatId);
    await db.update(chats).set({ inviteCode: null }).where(eq(chats.id, chat.id));
    return { invite: null };
  });

  /** The chat a link opens, if the link still works and the token's site may reach it. */
  const chatByCode = async (code: string, site: string | null): Promise<ChatRow> => {
    const [chat] = await db.select().from(chats).where(eq(chats.inviteCode, code));
    if (!chat || (site && chat.orgId && chat.orgId !== site)) {
      throw new PartaError(ErrorCode.InviteInvalid, 'This chat link was reset or never existed');
    }
    return chat;
  };

  app.get<CodeParams>('/api/v1/chat-invites/:code', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    const chat = await chatByCode(request.params.code, site);
    const [mine] = await db
      .select({ role: chatMembers.role })
      .from(chatMembers)
      .where(and(eq(chatMembers.chatId, chat.id), eq(chatMembers.userId, userId)));
    return {
      chatId: chat.id,
      title: chat.title,
      avatarUrl: chat.avatarUrl,
      memberCount: await memberCountOf(db, chat.id),
      member: Boolean(mine),
    };
  });

  app.post<CodeParams>('/api/v1/chat-invites/:code/join', async (request, reply) => {
    const { userId, orgId: site } = await context.principal(request);
    const found = await chatByCode(request.params.code, site);
    const { joined, event } = await db.transaction(async (tx) => {
      const chat = await lockChat(tx, found.id);
      // The link may have been reset while we were reading it.
      if (chat.inviteCode !== request.params.code) {
        throw new PartaError(ErrorCode.InviteInvalid, 'This chat link was reset or never existed');
      }
      const joined = await tx
        .insert(chatMembers)
        .values({ chatId: chat.id, userId, role: 'member', readSeq: chat.lastSeq })
        .onConflictDoNothing()
        .returning({ userId: chatMembers.userId });
      return { joined: joined.length > 0, event: joined.length > 0 ? await appendChatUpdated(tx, chat.id) : null };
    });
    if (event) await hub.publishEvent(event);
    const chat = await summaryFor(db, userId, found.id);
    if (joined) await bus.publish(`user:${userId}`, { type: 'chat', chat });
    return reply.code(joined ? 201 : 200).send({ chat });
  });

  // Folders.

  app.get(chatRoutes.folders, async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    return { folders: await foldersOf(db, userId, site) };
  });

  app.post(chatRoutes.folders, async (request, reply) => {
    const { userId, orgId: site } = await context.principal(request);
    const body = parse<FolderBody>(FolderBody, request.body);
    const folderId = crypto.randomUUID();
    await db.transaction(async (tx) => {
      await lockUser(tx, userId);
      const [row] = await tx
        .select({ n: count(), last: sql<number | null>`max(${chatFolders.position})` })
        .from(chatFolders)
        .where(eq(chatFolders.userId, userId));
      if ((row?.n ?? 0) >= limits.foldersMax) {
        throw new PartaError(ErrorCode.LimitReached, `At most ${limits.foldersMax} folders`);
      }
      const chatIds = await requireOwnChats(tx, userId, body.chatIds, site);
      await tx
        .insert(chatFolders)
        .values({ id: folderId, userId, title: body.title, position: Number(row?.last ?? -1) + 1 });
      if (chatIds.length > 0) {
        await tx.insert(chatFolderChats).values(chatIds.map((chatId) => ({ folderId, chatId })));
      }
    });
    await publishFolders(userId);
    const folders = await foldersOf(db, userId, site);
    return reply.code(201).send({ folder: folders.find((folder) => folder.id === folderId)!, folders });
  });

  /** The user's own folder, or not_found (another person's folder is not told apart from none). */
  const ownFolder = async (tx: Tx, userId: string, folderId: string) => {
    const [row] = await tx
      .select()
      .from(chatFolders)
      .where(and(eq(chatFolders.id, folderId), eq(chatFolders.userId, userId)))
      .for('update');
    if (!row) throw new PartaError(ErrorCode.NotFound, 'The folder does not exist');
    return row;
  };

  app.patch<FolderParams>('/api/v1/folders/:folderId', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    const body = parse<Partial<FolderBody>>(UpdateFolderBody, request.body);
    const { folderId } = request.params;
    await db.transaction(async (tx) => {
      await ownFolder(tx, userId, folderId);
      if (body.title !== undefined) {
        await tx.update(chatFolders).set({ title: body.title }).where(eq(chatFolders.id, folderId));
      }
      if (body.chatIds !== undefined) {
        const chatIds = await requireOwnChats(tx, userId, body.chatIds, site);
        // Through a site's token only the chats it reaches are replaced; the others stay.
        await tx
          .delete(chatFolderChats)
          .where(
            and(
              eq(chatFolderChats.folderId, folderId),
              site
                ? inArray(chatFolderChats.chatId, tx.select({ id: chats.id }).from(chats).where(withinSite(site)))
                : undefined,
            ),
          );
        if (chatIds.length > 0) {
          await tx.insert(chatFolderChats).values(chatIds.map((chatId) => ({ folderId, chatId })));
        }
      }
    });
    await publishFolders(userId);
    const folders = await foldersOf(db, userId, site);
    return { folder: folders.find((folder) => folder.id === folderId)!, folders };
  });

  app.delete<FolderParams>('/api/v1/folders/:folderId', async (request) => {
    const { userId, orgId: site } = await context.principal(request);
    await db.transaction(async (tx) => {
      await ownFolder(tx, userId, request.params.folderId);
      await tx.delete(chatFolders).where(eq(chatFolders.id, request.params.folderId));
    });
    await publishFolders(userId);
    return { folders: await foldersOf(db, userId, site) };
  });
}
