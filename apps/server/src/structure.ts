import { type ChatMemberRole, isStaff, type OrgType, type Role } from '@parta/protocol';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Bus } from './bus.ts';
import { listChats } from './chats.ts';
import type { Database } from './db/index.ts';
import { chatMembers, chats, classes, organisations, orgMembers, parentLinks } from './db/schema.ts';

/** A transaction or the database itself: structure changes run inside the caller's transaction. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0] | Database;
type Structure = NonNullable<(typeof chats.$inferSelect)['structure']>;

const orgChatTitles: Record<OrgType, { everyone: string; staff: string; teachers: string | null }> = {
  school: { everyone: 'Общешкольный', staff: 'Сотрудники', teachers: 'Учительская' },
  preschool: { everyone: 'Весь детский сад', staff: 'Сотрудники', teachers: 'Методический кабинет' },
  college: { everyone: 'Вся организация', staff: 'Сотрудники', teachers: 'Преподавательская' },
  authority: { everyone: 'Вся организация', staff: 'Сотрудники', teachers: null },
};

/**
 * Every organisation gets its two channels at registration (SPEC §7), and a
 * Teachers' room where every teacher is an administrator (SPEC §3).
 */
export async function createOrgChats(tx: Tx, orgId: string, type: OrgType): Promise<void> {
  const titles = orgChatTitles[type];
  const rows: (typeof chats.$inferInsert)[] = [
    {
      id: `${orgId}-everyone`,
      orgId,
      kind: 'channel',
      structure: 'everyone',
      title: titles.everyone,
      onlyAdminsWrite: true,
    },
    { id: `${orgId}-staff`, orgId, kind: 'channel', structure: 'staff', title: titles.staff, onlyAdminsWrite: true },
  ];
  if (titles.teachers) {
    rows.push({ id: `${orgId}-teachers`, orgId, kind: 'teachers_room', structure: 'teachers', title: titles.teachers });
  }
  await tx.insert(chats).values(rows).onConflictDoNothing();
}

export const classTitle = (row: { number: number; letter: string; title?: string | null }) =>
  `${row.number}${row.letter}${row.title ? ` · ${row.title}` : ''}`;

/** A class's own chat and its parents' chat. */
export async function createClassChats(
  tx: Tx,
  row: { id: string; orgId: string; number: number; letter: string; title: string | null },
): Promise<void> {
  const title = classTitle(row);
  await tx
    .insert(chats)
    .values([
      { id: `${row.id}-chat`, orgId: row.orgId, classId: row.id, kind: 'class', structure: 'class', title },
      {
        id: `${row.id}-parents`,
        orgId: row.orgId,
        classId: row.id,
        kind: 'parents',
        structure: 'parents',
        title: `Родители ${title}`,
      },
    ])
    .onConflictDoNothing();
}

/** Keeps a class's chats titled after the class when it is renamed. */
export async function renameClassChats(
  tx: Tx,
  row: { id: string; number: number; letter: string; title: string | null },
) {
  const title = classTitle(row);
  await tx
    .update(chats)
    .set({ title })
    .where(and(eq(chats.classId, row.id), eq(chats.structure, 'class')));
  await tx
    .update(chats)
    .set({ title: `Родители ${title}` })
    .where(and(eq(chats.classId, row.id), eq(chats.structure, 'parents')));
}

export interface MembershipChange {
  userId: string;
  added: string[];
  removed: string[];
  changed: string[];
}

/**
 * Brings a person's memberships in the organisation's structure chats in line
 * with their roles, class, led classes and children; someone no longer in the
 * organisation leaves every chat of it, structure or not. Idempotent.
 */
export async function syncMemberships(tx: Tx, orgId: string, userId: string): Promise<MembershipChange> {
  const [member] = await tx
    .select()
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
  const orgChats = await tx
    .select({ id: chats.id, structure: chats.structure, classId: chats.classId })
    .from(chats)
    .where(eq(chats.orgId, orgId));
  const want = new Map<string, ChatMemberRole>();

  if (member) {
    const memberRoles = member.roles as Role[];
    const admin = memberRoles.includes('admin');
    const staff = isStaff(memberRoles);
    // Archiving a class changes nobody's chats: its teacher, students and parents keep its history.
    const led = await tx
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.orgId, orgId), eq(classes.leadUserId, userId)));
    const ledIds = new Set(led.map((row) => row.id));
    const childClasses = new Set<string>();
    if (memberRoles.includes('parent')) {
      const children = await tx
        .select({ classId: orgMembers.classId })
        .from(parentLinks)
        .innerJoin(orgMembers, and(eq(orgMembers.userId, parentLinks.childId), eq(orgMembers.orgId, orgId)))
        .where(and(eq(parentLinks.parentId, userId), isNotNull(orgMembers.classId)));
      for (const child of children) childClasses.add(child.classId!);
      // A preschool parent has no child account: the group its link named is its own class.
      if (member.classId) childClasses.add(member.classId);
    }
    const studentClass = memberRoles.includes('student') ? member.classId : null;

    const byStructure: Record<Structure, (chat: { classId: string | null }) => ChatMemberRole | null> = {
      everyone: () => (admin ? 'admin' : 'member'),
      staff: () => (admin ? 'admin' : staff ? 'member' : null),
      teachers: () => (staff ? 'admin' : null),
      class: ({ classId }) => (classId && ledIds.has(classId) ? 'admin' : classId === studentClass ? 'member' : null),
      parents: ({ classId }) =>
        classId && ledIds.has(classId) ? 'admin' : classId && childClasses.has(classId) ? 'member' : null,
    };
    for (const chat of orgChats) {
      if (!chat.structure) continue;
      const role = byStructure[chat.structure](chat);
      if (role) want.set(chat.id, role);
    }
  }

  const managed = orgChats.filter((chat) => !member || chat.structure !== null).map((chat) => chat.id);
  const have =
    managed.length === 0
      ? []
      : await tx
          .select({ chatId: chatMembers.chatId, role: chatMembers.role })
          .from(chatMembers)
          .where(and(eq(chatMembers.userId, userId), inArray(chatMembers.chatId, managed)));
  const had = new Map(have.map((row) => [row.chatId, row.role]));

  const change: MembershipChange = { userId, added: [], removed: [], changed: [] };
  for (const [chatId, role] of want) {
    const current = had.get(chatId);
    if (current === undefined) change.added.push(chatId);
    // An owner stays owner: the structure never demotes whoever created the chat.
    else if (current !== role && current !== 'owner') change.changed.push(chatId);
  }
  for (const chatId of had.keys()) if (!want.has(chatId)) change.removed.push(chatId);

  // A role taken or a membership ended changes who may write: sends checked before it are
  // checked again. The chat's row first, as a send locks it before the member's; and the
  // organisation's row before any of its chats, so that transactions syncing several people
  // (whose chats overlap in other orders) take the chats one transaction at a time.
  const touched = [...change.changed, ...change.removed];
  if (touched.length > 0) {
    await tx.execute(sql`select id from ${organisations} where id = ${orgId} for no key update`);
    await tx
      .update(chats)
      .set({ accessVersion: sql`${chats.accessVersion} + 1` })
      .where(inArray(chats.id, touched));
  }
  if (change.added.length > 0) {
    await tx
      .insert(chatMembers)
      .values(change.added.map((chatId) => ({ chatId, userId, role: want.get(chatId)! })))
      .onConflictDoNothing();
  }
  for (const chatId of change.changed) {
    await tx
      .update(chatMembers)
      .set({ role: want.get(chatId)! })
      .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, userId)));
  }
  if (change.removed.length > 0) {
    await tx
      .delete(chatMembers)
      .where(and(eq(chatMembers.userId, userId), inArray(chatMembers.chatId, change.removed)));
  }
  return change;
}

/**
 * Tells the person's open sockets, on every server process, what changed:
 * new chats arrive in the list, removed ones stop receiving at once.
 */
export async function announceMemberships(db: Database, bus: Bus, changes: MembershipChange[]): Promise<void> {
  for (const change of changes) {
    const topic = `user:${change.userId}`;
    for (const chatId of [...change.added, ...change.changed]) {
      const [chat] = await listChats(db, change.userId, chatId);
      if (chat) await bus.publish(topic, { type: 'chat', chat });
    }
    for (const chatId of change.removed) await bus.publish(topic, { type: 'chat.removed', chatId });
  }
}
