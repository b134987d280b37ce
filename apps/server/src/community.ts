import {
  AppointAdminBody,
  ageOn,
  type ClassInfo,
  CreateClassBody,
  CreateInviteBody,
  type CreateOrganisationBody,
  canInOrg,
  classRoles,
  classScopedInviteRoles,
  communityRoutes,
  ErrorCode,
  FileJoinRequestBody,
  type InviteLink,
  type InvitePreview,
  invitableRoles,
  isStaff,
  type JoinRequest,
  limits,
  type Member,
  type OrgAction,
  type OrgActor,
  type OrganisationProfile,
  type OrgCounters,
  type OrgTarget,
  PartaError,
  RequestVerificationBody,
  type Role,
  roleLabel,
  rolesOf,
  routes,
  UpdateClassBody,
  UpdateOrganisationBody,
  type VerificationRequest,
} from '@parta/protocol';
import { and, asc, eq, gt, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normaliseContact } from './accounts.ts';
import type { Principal } from './auth.ts';
import { userSummary } from './chats.ts';
import { parse, type ServerContext } from './context.ts';
import type { Database } from './db/index.ts';
import {
  classes,
  inviteLinks,
  joinRequests,
  organisations,
  orgMembers,
  parentLinks,
  users,
  verificationRequests,
} from './db/schema.ts';
import {
  announceMemberships,
  createClassChats,
  createOrgChats,
  type MembershipChange,
  renameClassChats,
  syncMemberships,
  type Tx,
} from './structure.ts';

type OrgRow = typeof organisations.$inferSelect;
type UserRow = typeof users.$inferSelect;
type InviteRow = typeof inviteLinks.$inferSelect;

const iso = (date: Date | null) => date?.toISOString() ?? null;
const newId = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;
/** 128 random bits, URL-safe: an invite code cannot be guessed. */
const newInviteCode = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');

export interface Actor extends OrgActor {
  userId: string;
  org: OrgRow;
  classId: string | null;
  position: string | null;
}

async function findOrg(db: Tx, orgId: string): Promise<OrgRow> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new PartaError(ErrorCode.NotFound, 'The organisation does not exist');
  return org;
}

async function ledClassIds(db: Tx, orgId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.orgId, orgId), eq(classes.leadUserId, userId), eq(classes.archived, false)));
  return rows.map((row) => row.id);
}

/** The signed-in user as a member of the organisation, or not_org_member. */
export async function actorIn(db: Tx, orgId: string, userId: string): Promise<Actor> {
  const org = await findOrg(db, orgId);
  const [member] = await db
    .select()
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
  if (!member) throw new PartaError(ErrorCode.NotOrgMember, 'You are not a member of this organisation');
  return {
    userId,
    org,
    roles: member.roles as Role[],
    classId: member.classId,
    position: member.position,
    leadClassIds: await ledClassIds(db, orgId, userId),
  };
}

/** A site's embed token speaks only for its own organisation (the closed contour starts at sign-in). */
function speaksFor(who: Principal, orgId: string): void {
  if (who.orgId !== null && who.orgId !== orgId) {
    throw new PartaError(ErrorCode.Forbidden, "This site's token speaks only for its own organisation");
  }
}

/** The one place every community route asks permission: the table in `@parta/protocol`. */
function permit(actor: Actor, action: OrgAction, target?: OrgTarget): void {
  if (!canInOrg(actor, action, target)) {
    throw new PartaError(ErrorCode.Forbidden, `Your role does not allow this (${action})`);
  }
}

async function requireAccess(db: Tx, orgId: string, userId: string, action: OrgAction, target?: OrgTarget) {
  const actor = await actorIn(db, orgId, userId);
  permit(actor, action, target);
  return actor;
}

function profileOf(org: OrgRow): OrganisationProfile {
  return {
    id: org.id,
    type: org.type,
    name: org.name,
    inn: org.inn,
    kpp: org.kpp,
    address: org.address,
    contacts: org.contacts,
    description: org.description,
    avatarUrl: org.avatarUrl,
  };
}

async function classInfos(db: Tx, orgId: string, where?: ReturnType<typeof eq>): Promise<ClassInfo[]> {
  const studentCount = sql<number>`(select count(*) from ${orgMembers} m
      where m.org_id = ${classes.orgId} and m.class_id = ${classes.id} and 'student' = any(m.roles))`.mapWith(Number);
  const rows = await db
    .select({ row: classes, studentCount })
    .from(classes)
    .where(and(eq(classes.orgId, orgId), where))
    .orderBy(asc(classes.number), asc(classes.letter));
  return rows.map(({ row, studentCount }) => ({
    id: row.id,
    orgId: row.orgId,
    number: row.number,
    letter: row.letter,
    title: row.title,
    academicYear: row.academicYear,
    color: row.color,
    archived: row.archived,
    leadUserId: row.leadUserId,
    studentCount,
  }));
}

function inviteOf(row: InviteRow): InviteLink {
  return {
    code: row.code,
    orgId: row.orgId,
    role: row.role as Role,
    classId: row.classId,
    childId: row.childId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    maxUses: row.maxUses,
    uses: row.uses,
    revokedAt: iso(row.revokedAt),
  };
}

function inviteProblem(row: InviteRow, now = new Date()): InvitePreview['reason'] {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt <= now) return 'expired';
  if (row.uses >= row.maxUses) return 'used_up';
  return null;
}

async function membersOf(db: Tx, orgId: string, userIds?: string[]): Promise<Member[]> {
  if (userIds?.length === 0) return [];
  const rows = await db
    .select({ member: orgMembers, user: users })
    .from(orgMembers)
    .innerJoin(users, eq(users.id, orgMembers.userId))
    .where(and(eq(orgMembers.orgId, orgId), userIds ? inArray(orgMembers.userId, userIds) : undefined))
    .orderBy(asc(users.surname), asc(users.name));
  const leads = await db
    .select({ id: classes.id, leadUserId: classes.leadUserId })
    .from(classes)
    .where(and(eq(classes.orgId, orgId), eq(classes.archived, false)));
  return rows.map(({ member, user }) => ({
    user: userSummary(user),
    roles: member.roles as Role[],
    classId: member.classId,
    position: member.position,
    joinedAt: member.joinedAt.toISOString(),
    leadClassIds: leads.filter((row) => row.leadUserId === user.id).map((row) => row.id),
  }));
}

async function memberOf(db: Tx, orgId: string, userId: string): Promise<Member> {
  const [member] = await membersOf(db, orgId, [userId]);
  if (!member) throw new PartaError(ErrorCode.NotFound, 'No such member in this organisation');
  return member;
}

type RequestRow = typeof joinRequests.$inferSelect;

async function joinRequestsWhere(db: Tx, where: ReturnType<typeof and>): Promise<JoinRequest[]> {
  const child = alias(users, 'child');
  const rows = await db
    .select({ request: joinRequests, user: users, child, orgName: organisations.name })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .innerJoin(organisations, eq(organisations.id, joinRequests.orgId))
    .leftJoin(child, eq(child.id, joinRequests.childId))
    .where(where)
    .orderBy(asc(joinRequests.createdAt));
  return rows.map(({ request, user, child, orgName }) => ({
    id: request.id,
    orgId: request.orgId,
    organisationName: orgName,
    user: userSummary(user),
    role: request.role as Role,
    classId: request.classId,
    childId: request.childId,
    child: child ? userSummary(child) : null,
    status: request.status,
    createdAt: request.createdAt.toISOString(),
    decidedAt: iso(request.decidedAt),
  }));
}

async function verificationsWhere(db: Tx, where: ReturnType<typeof and>): Promise<VerificationRequest[]> {
  const rows = await db
    .select({ request: verificationRequests, user: users })
    .from(verificationRequests)
    .innerJoin(users, eq(users.id, verificationRequests.userId))
    .where(where)
    .orderBy(asc(verificationRequests.createdAt));
  return rows.map(({ request, user }) => ({
    id: request.id,
    orgId: request.orgId,
    user: userSummary(user),
    position: request.position,
    status: request.status,
    createdAt: request.createdAt.toISOString(),
    decidedAt: iso(request.decidedAt),
  }));
}

/** Join requests a member may decide: all of them for an administrator, its classes' for a class teacher. */
function decidableRequests(actor: Actor) {
  const scope = canInOrg({ roles: actor.roles, leadClassIds: [] }, 'requests.decide');
  if (scope) return eq(joinRequests.orgId, actor.org.id);
  if (actor.leadClassIds.length === 0) return sql`false`;
  return and(
    eq(joinRequests.orgId, actor.org.id),
    inArray(joinRequests.classId, actor.leadClassIds),
    inArray(joinRequests.role, [...classScopedInviteRoles]),
  );
}

export async function countersFor(db: Tx, orgId: string, userId: string): Promise<OrgCounters> {
  const actor = await actorIn(db, orgId, userId);
  const count = sql<number>`count(*)`.mapWith(Number);
  const [requests] = canInOrg(actor, 'requests.decide')
    ? await db
        .select({ count })
        .from(joinRequests)
        .where(and(decidableRequests(actor), eq(joinRequests.status, 'pending')))
    : [{ count: 0 }];
  const [verifications] = canInOrg(actor, 'verification.decide')
    ? await db
        .select({ count })
        .from(verificationRequests)
        .where(and(eq(verificationRequests.orgId, orgId), eq(verificationRequests.status, 'pending')))
    : [{ count: 0 }];
  return { orgId, joinRequests: requests!.count, verifications: verifications!.count };
}

/** Everyone who decides requests in the organisation (administrators and, for a class, its class teacher). */
async function deciders(db: Tx, orgId: string, classId: string | null): Promise<string[]> {
  const admins = await db
    .select({ userId: orgMembers.userId })
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), sql`'admin' = any(${orgMembers.roles})`));
  const ids = new Set(admins.map((row) => row.userId));
  if (classId) {
    const [row] = await db.select({ lead: classes.leadUserId }).from(classes).where(eq(classes.id, classId));
    if (row?.lead) ids.add(row.lead);
  }
  return [...ids];
}

type Decision = 'approve' | 'decline' | 'cancel';

function decisionOf(action: string): Decision {
  if (action === 'approve' || action === 'decline' || action === 'cancel') return action;
  throw new PartaError(ErrorCode.NotFound, 'No such action');
}

/**
 * What deciding any request shares, checked on the locked row: it exists, the site's token
 * speaks for its organisation, only the requester cancels and only `mayDecide` approves or
 * declines, and a decision is final.
 */
async function checkDecision<Row extends { orgId: string; userId: string; status: string }>(
  who: Principal,
  decision: Decision,
  row: Row | undefined,
  what: string,
  mayDecide: () => Promise<unknown>,
): Promise<Row> {
  if (!row) throw new PartaError(ErrorCode.NotFound, `No such ${what}`);
  speaksFor(who, row.orgId);
  if (decision === 'cancel') {
    if (row.userId !== who.userId) throw new PartaError(ErrorCode.Forbidden, 'Only the requester may cancel a request');
  } else {
    await mayDecide();
  }
  if (row.status !== 'pending') {
    throw new PartaError(ErrorCode.AlreadyDecided, `The ${what} was already ${row.status}; ask again instead`);
  }
  return row;
}

/** The columns a decision writes. */
const decided = (decision: Decision, userId: string) => ({
  status: ({ approve: 'approved', decline: 'declined', cancel: 'cancelled' } as const)[decision],
  decidedAt: new Date(),
  decidedBy: decision === 'cancel' ? null : userId,
});

/** Takes the organisation's row lock: changes to who administers it, and its daily link count, go one at a time. */
async function lockOrg(tx: Tx, orgId: string): Promise<void> {
  await tx.execute(sql`select id from ${organisations} where id = ${orgId} for update`);
}

/** Re-syncs a child's parents, whose parents' chat follows the child's class. */
async function syncParents(tx: Tx, orgId: string, childId: string): Promise<MembershipChange[]> {
  const parents = await tx
    .select({ parentId: parentLinks.parentId })
    .from(parentLinks)
    .where(eq(parentLinks.childId, childId));
  const changes: MembershipChange[] = [];
  for (const { parentId } of parents) changes.push(await syncMemberships(tx, orgId, parentId));
  return changes;
}

/** Creates an organisation from a registration application, with its first administrator and its chats. */
export async function createOrganisation(
  db: Database,
  body: CreateOrganisationBody,
  ids: { orgId?: string; adminId?: string } = {},
): Promise<{ organisation: OrganisationProfile; adminId: string; embedSecret: string }> {
  const orgId = ids.orgId ?? newId('org');
  const embedSecret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  const phone = normaliseContact(body.admin.phone);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.phone, phone));
    const adminId = existing?.id ?? ids.adminId ?? newId('u');
    if (!existing) {
      await tx.insert(users).values({
        id: adminId,
        surname: body.admin.surname,
        name: body.admin.name,
        patronymic: body.admin.patronymic ?? null,
        phone,
        verified: true,
      });
    } else {
      await tx.update(users).set({ verified: true }).where(eq(users.id, adminId));
    }
    const [org] = await tx
      .insert(organisations)
      .values({ id: orgId, type: body.type, name: body.name, inn: body.inn, kpp: body.kpp ?? null, embedSecret })
      .returning();
    await tx.insert(orgMembers).values({ orgId, userId: adminId, roles: ['admin'] });
    await createOrgChats(tx, orgId, body.type);
    await syncMemberships(tx, orgId, adminId);
    return { organisation: profileOf(org!), adminId, embedSecret };
  });
}

export async function registerCommunityRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const { db, bus } = context;
  /**
   * The signed-in user; for a route about one organisation, speaking for it. A site's
   * embed token speaks only for its own organisation, even when its user belongs to others.
   */
  const principal = async (request: FastifyRequest, orgId?: string) => {
    const who = await context.principal(request);
    if (orgId !== undefined) speaksFor(who, orgId);
    return who;
  };
  type OrgParams = { Params: { orgId: string } };

  /** After a commit: new and removed chats reach open sockets, counters reach those who decide. */
  async function announce(changes: MembershipChange[], counters?: { orgId: string; classId: string | null }) {
    await announceMemberships(db, bus, changes);
    if (!counters) return;
    for (const userId of await deciders(db, counters.orgId, counters.classId)) {
      const value = await countersFor(db, counters.orgId, userId).catch(() => null);
      if (value) await bus.publish(`user:${userId}`, { type: 'counters', counters: value });
    }
  }
  const meChanged = (userId: string) => bus.publish(`user:${userId}`, { type: 'me.changed' });

  // Organisation profile and administrators.

  app.get<OrgParams>('/api/v1/orgs/:orgId', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    const actor = await actorIn(db, request.params.orgId, userId);
    return {
      organisation: profileOf(actor.org),
      membership: {
        orgId: actor.org.id,
        roles: actor.roles,
        classId: actor.classId,
        leadClassIds: actor.leadClassIds,
        position: actor.position,
      },
      counters: await countersFor(db, actor.org.id, userId),
    };
  });

  app.get<OrgParams>('/api/v1/orgs/:orgId/counters', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    return countersFor(db, request.params.orgId, userId);
  });

  app.patch<OrgParams>('/api/v1/orgs/:orgId', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    const body = parse<UpdateOrganisationBody>(UpdateOrganisationBody, request.body);
    await requireAccess(db, request.params.orgId, userId, 'org.edit');
    const [org] = await db
      .update(organisations)
      .set(body)
      .where(eq(organisations.id, request.params.orgId))
      .returning();
    // Every member's widgets show the organisation's name: their profiles are reloaded.
    const members = await db
      .select({ userId: orgMembers.userId })
      .from(orgMembers)
      .where(eq(orgMembers.orgId, org!.id));
    for (const member of members) await meChanged(member.userId);
    return { organisation: profileOf(org!) };
  });

  app.post<OrgParams>('/api/v1/orgs/:orgId/admins', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    const { userId: target } = parse<{ userId: string }>(AppointAdminBody, request.body);
    const orgId = request.params.orgId;
    const change = await db.transaction(async (tx) => {
      await requireAccess(tx, orgId, userId, 'admins.manage');
      const member = await actorIn(tx, orgId, target).catch(() => {
        throw new PartaError(ErrorCode.NotFound, 'Only a member of the organisation can become an administrator');
      });
      if (!isStaff(member.roles)) {
        throw new PartaError(ErrorCode.BadRequest, 'Only a member of staff can become an administrator');
      }
      if (!member.roles.includes('admin')) {
        await tx
          .update(orgMembers)
          .set({ roles: ['admin', ...member.roles] })
          .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, target)));
        await tx.update(users).set({ verified: true }).where(eq(users.id, target));
      }
      return syncMemberships(tx, orgId, target);
    });
    await announce([change]);
    await meChanged(target);
    return { member: await memberOf(db, orgId, target) };
  });

  app.delete<{ Params: { orgId: string; userId: string } }>('/api/v1/orgs/:orgId/admins/:userId', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    const { orgId, userId: target } = request.params;
    const change = await db.transaction(async (tx) => {
      // Serialises revocations and removals, so two administrators cannot take each other's rights
      // into none, and one whose rights were just taken cannot act on the strength of them.
      await lockOrg(tx, orgId);
      await requireAccess(tx, orgId, userId, 'admins.manage');
      const member = await actorIn(tx, orgId, target);
      if (!member.roles.includes('admin'))
        throw new PartaError(ErrorCode.Conflict, 'This member is not an administrator');
      const admins = await deciders(tx, orgId, null);
      if (admins.length <= 1) {
        throw new PartaError(ErrorCode.Conflict, 'An organisation keeps at least one administrator');
      }
      const rest = member.roles.filter((role) => role !== 'admin');
      await tx
        .update(orgMembers)
        .set({ roles: rest.length > 0 ? rest : ['staff'] })
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, target)));
      return syncMemberships(tx, orgId, target);
    });
    await announce([change]);
    await meChanged(target);
    return { member: await memberOf(db, orgId, target) };
  });

  // Members.

  app.get<OrgParams & { Querystring: { q?: string; classId?: string; role?: string } }>(
    '/api/v1/orgs/:orgId/members',
    async (request) => {
      const { userId } = await principal(request, request.params.orgId);
      await requireAccess(db, request.params.orgId, userId, 'org.view');
      const { q, classId, role } = request.query;
      let members = await membersOf(db, request.params.orgId);
      if (q) {
        const needle = q.toLocaleLowerCase('ru');
        members = members.filter((member) =>
          [member.user.surname, member.user.name].join(' ').toLocaleLowerCase('ru').includes(needle),
        );
      }
      if (classId) members = members.filter((m) => m.classId === classId || m.leadClassIds.includes(classId));
      if (role) members = members.filter((member) => member.roles.includes(role as Role));
      return { members };
    },
  );

  app.get<{ Params: { orgId: string; userId: string } }>('/api/v1/orgs/:orgId/members/:userId', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    const { orgId, userId: target } = request.params;
    const actor = await requireAccess(db, orgId, userId, 'org.view');
    const member = await memberOf(db, orgId, target);
    const mayViewParents = target === userId || canInOrg(actor, 'parents.view', { classId: member.classId });
    // Family links are shown only between members of this organisation, each within the viewer's reach.
    const parents = mayViewParents
      ? await db
          .select({ user: users })
          .from(parentLinks)
          .innerJoin(users, eq(users.id, parentLinks.parentId))
          .innerJoin(orgMembers, and(eq(orgMembers.userId, parentLinks.parentId), eq(orgMembers.orgId, orgId)))
          .where(and(eq(parentLinks.childId, target), eq(parentLinks.confirmed, true)))
      : [];
    const children = await db
      .select({ user: users, confirmed: parentLinks.confirmed, classId: orgMembers.classId })
      .from(parentLinks)
      .innerJoin(users, eq(users.id, parentLinks.childId))
      .innerJoin(orgMembers, and(eq(orgMembers.userId, parentLinks.childId), eq(orgMembers.orgId, orgId)))
      .where(eq(parentLinks.parentId, target));
    const visibleChildren = children.filter(
      (row) => target === userId || canInOrg(actor, 'parents.view', { classId: row.classId }),
    );
    return {
      member,
      parents: parents.map((row) => userSummary(row.user)),
      children: visibleChildren.map((row) => ({ user: userSummary(row.user), confirmed: row.confirmed })),
    };
  });

  app.delete<{ Params: { orgId: string; userId: string } }>('/api/v1/orgs/:orgId/members/:userId', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    const { orgId, userId: target } = request.params;
    if (target === userId) throw new PartaError(ErrorCode.BadRequest, 'You cannot remove yourself');
    const changes = await db.transaction(async (tx) => {
      await lockOrg(tx, orgId);
      await requireAccess(tx, orgId, userId, 'members.remove');
      const removed = await actorIn(tx, orgId, target);
      if (removed.roles.includes('admin') && (await deciders(tx, orgId, null)).length <= 1) {
        throw new PartaError(ErrorCode.Conflict, 'An organisation keeps at least one administrator');
      }
      await tx
        .update(classes)
        .set({ leadUserId: null })
        .where(and(eq(classes.orgId, orgId), eq(classes.leadUserId, target)));
      await tx
        .update(joinRequests)
        .set({ status: 'cancelled', decidedAt: new Date() })
        .where(and(eq(joinRequests.orgId, orgId), eq(joinRequests.userId, target), eq(joinRequests.status, 'pending')));
      await tx.delete(orgMembers).where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, target)));
      // The child's parents leave its class's parents' chat with it.
      return [await syncMemberships(tx, orgId, target), ...(await syncParents(tx, orgId, target))];
    });
    await announce(changes);
    await meChanged(target);
    return { removed: true };
  });

  // Classes.

  app.get<OrgParams & { Querystring: { archived?: string } }>('/api/v1/orgs/:orgId/classes', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    await requireAccess(db, request.params.orgId, userId, 'org.view');
    const all = await classInfos(db, request.params.orgId);
    return { classes: request.query.archived === '1' ? all : all.filter((row) => !row.archived) };
  });

  /** A class teacher must be staff of the same organisation. */
  async function checkLead(tx: Tx, orgId: string, leadUserId: string | null | undefined) {
    if (!leadUserId) return;
    const lead = await actorIn(tx, orgId, leadUserId).catch(() => null);
    if (!lead || !isStaff(lead.roles)) {
      throw new PartaError(ErrorCode.BadRequest, 'The class teacher must be a teacher of this organisation');
    }
  }

  async function setLead(tx: Tx, orgId: string, userId: string): Promise<void> {
    const [member] = await tx
      .select({ roles: orgMembers.roles })
      .from(orgMembers)
      .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
    if (member && !member.roles.includes('lead')) {
      await tx
        .update(orgMembers)
        .set({ roles: [...member.roles, 'lead'] })
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
    }
  }

  app.post<OrgParams>('/api/v1/orgs/:orgId/classes', async (request, reply) => {
    const { userId } = await principal(request, request.params.orgId);
    const body = parse<CreateClassBody>(CreateClassBody, request.body);
    const orgId = request.params.orgId;
    const id = newId('c');
    const changes = await db.transaction(async (tx) => {
      await requireAccess(tx, orgId, userId, 'classes.manage');
      await checkLead(tx, orgId, body.leadUserId);
      const [duplicate] = await tx
        .select({ id: classes.id })
        .from(classes)
        .where(
          and(
            eq(classes.orgId, orgId),
            eq(classes.number, body.number),
            eq(classes.letter, body.letter),
            eq(classes.academicYear, body.academicYear),
            eq(classes.archived, false),
          ),
        );
      if (duplicate) throw new PartaError(ErrorCode.Conflict, `Class ${body.number}${body.letter} already exists`);
      const [row] = await tx
        .insert(classes)
        .values({
          id,
          orgId,
          number: body.number,
          letter: body.letter,
          title: body.title ?? null,
          academicYear: body.academicYear,
          color: body.color ?? '#4f7cff',
          leadUserId: body.leadUserId ?? null,
        })
        .returning();
      await createClassChats(tx, row!);
      if (!body.leadUserId) return [];
      await setLead(tx, orgId, body.leadUserId);
      return [await syncMemberships(tx, orgId, body.leadUserId)];
    });
    await announce(changes);
    for (const change of changes) await meChanged(change.userId);
    const [created] = await classInfos(db, orgId, eq(classes.id, id));
    return reply.code(201).send({ class: created });
  });

  app.patch<{ Params: { orgId: string; classId: string } }>('/api/v1/orgs/:orgId/classes/:classId', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    const body = parse<UpdateClassBody>(UpdateClassBody, request.body);
    const { orgId, classId } = request.params;
    const changes = await db.transaction(async (tx) => {
      await requireAccess(tx, orgId, userId, 'classes.manage');
      const [before] = await tx
        .select()
        .from(classes)
        .where(and(eq(classes.id, classId), eq(classes.orgId, orgId)));
      if (!before) throw new PartaError(ErrorCode.NotFound, 'No such class in this organisation');
      await checkLead(tx, orgId, body.leadUserId);
      const [after] = await tx.update(classes).set(body).where(eq(classes.id, classId)).returning();
      await renameClassChats(tx, after!);
      if (body.leadUserId) await setLead(tx, orgId, body.leadUserId);
      // The class teacher's chats follow the class: the old one leaves, the new one joins.
      const affected = new Set([before.leadUserId, after!.leadUserId].filter((id): id is string => Boolean(id)));
      const result: MembershipChange[] = [];
      for (const id of affected) result.push(await syncMemberships(tx, orgId, id));
      return result;
    });
    await announce(changes);
    for (const change of changes) await meChanged(change.userId);
    const [updated] = await classInfos(db, orgId, eq(classes.id, classId));
    return { class: updated };
  });

  // Invite links.

  app.get<OrgParams>('/api/v1/orgs/:orgId/invites', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    const orgId = request.params.orgId;
    const actor = await requireAccess(db, orgId, userId, 'invites.manage');
    const rows = await db
      .select()
      .from(inviteLinks)
      .where(eq(inviteLinks.orgId, orgId))
      .orderBy(sql`${inviteLinks.createdAt} desc`);
    const visible = rows.filter((row) =>
      canInOrg(actor, 'invites.manage', { classId: row.classId, role: row.role as Role }),
    );
    return {
      invites: visible.map(inviteOf),
      createdToday: rows.filter((row) => row.createdAt.getTime() > Date.now() - 24 * 3600_000).length,
      dailyLimit: limits.inviteLinksPerOrgPerDay,
    };
  });

  app.post<OrgParams>('/api/v1/orgs/:orgId/invites', async (request, reply) => {
    const { userId } = await principal(request, request.params.orgId);
    const body = parse<CreateInviteBody>(CreateInviteBody, request.body);
    const orgId = request.params.orgId;
    const row = await db.transaction(async (tx) => {
      const actor = await actorIn(tx, orgId, userId);
      let classId = body.classId ?? null;
      let childId: string | null = null;
      if (body.role === 'parent' && !classId && canInOrg(actor, 'parents.invite')) {
        // A student's invitation for its own parent: the parent is linked to this child.
        childId = userId;
        classId = actor.classId;
      } else {
        permit(actor, 'invites.manage', { classId, role: body.role });
      }
      if (!invitableRoles(actor.org.type).includes(body.role)) {
        throw new PartaError(ErrorCode.BadRequest, `A ${actor.org.type} has no role "${body.role}" to invite to`);
      }
      const needsClass = body.role === 'student' || body.role === 'lead' || (body.role === 'parent' && !childId);
      if (needsClass && !classId) throw new PartaError(ErrorCode.BadRequest, `A ${body.role} link must name a class`);
      if (!classRoles.includes(body.role) && classId) {
        throw new PartaError(ErrorCode.BadRequest, `A ${body.role} link does not name a class`);
      }
      if (classId) {
        const [row] = await tx
          .select()
          .from(classes)
          .where(and(eq(classes.id, classId), eq(classes.orgId, orgId)));
        if (!row || row.archived) throw new PartaError(ErrorCode.BadRequest, 'The class does not exist or is archived');
      }
      // The organisation's row lock makes the daily count exact when links are created at once.
      await lockOrg(tx, orgId);
      const [today] = await tx
        .select({ count: sql<number>`count(*)`.mapWith(Number) })
        .from(inviteLinks)
        .where(and(eq(inviteLinks.orgId, orgId), gt(inviteLinks.createdAt, sql`now() - interval '24 hours'`)));
      if (today!.count >= limits.inviteLinksPerOrgPerDay) {
        throw new PartaError(
          ErrorCode.LimitReached,
          `An organisation may create at most ${limits.inviteLinksPerOrgPerDay} invite links a day`,
        );
      }
      const days = body.days ?? limits.inviteLinkMaxDays;
      const [created] = await tx
        .insert(inviteLinks)
        .values({
          code: newInviteCode(),
          orgId,
          role: body.role,
          classId,
          childId,
          createdBy: userId,
          expiresAt: new Date(Date.now() + days * 24 * 3600_000),
          maxUses: body.maxUses ?? limits.inviteLinkMaxUses,
        })
        .returning();
      return created!;
    });
    return reply.code(201).send({ invite: inviteOf(row) });
  });

  app.delete<{ Params: { orgId: string; code: string } }>('/api/v1/orgs/:orgId/invites/:code', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    const { orgId, code } = request.params;
    const actor = await actorIn(db, orgId, userId);
    const [row] = await db
      .select()
      .from(inviteLinks)
      .where(and(eq(inviteLinks.code, code), eq(inviteLinks.orgId, orgId)));
    if (!row) throw new PartaError(ErrorCode.NotFound, 'No such invite link');
    if (row.createdBy !== userId) permit(actor, 'invites.manage', { classId: row.classId, role: row.role as Role });
    const [revoked] = await db
      .update(inviteLinks)
      .set({ revokedAt: row.revokedAt ?? new Date() })
      .where(eq(inviteLinks.code, code))
      .returning();
    return { invite: inviteOf(revoked!) };
  });

  // Following a link: a preview anyone with it may see, then a join request.

  app.get<{ Params: { code: string } }>('/api/v1/invites/:code', async (request) => {
    const [row] = await db.select().from(inviteLinks).where(eq(inviteLinks.code, request.params.code));
    if (!row) throw new PartaError(ErrorCode.NotFound, 'No such invite link');
    const org = await findOrg(db, row.orgId);
    const [klass] = row.classId ? await db.select().from(classes).where(eq(classes.id, row.classId)) : [];
    const [child] = row.childId ? await db.select().from(users).where(eq(users.id, row.childId)) : [];
    // Only a signed-in person following a class's parents' link sees the class's students, to pick a child.
    let children: UserRow[] = [];
    if (row.role === 'parent' && !row.childId && row.classId && !inviteProblem(row) && request.headers.authorization) {
      await principal(request);
      children = (
        await db
          .select({ user: users })
          .from(orgMembers)
          .innerJoin(users, eq(users.id, orgMembers.userId))
          .where(and(eq(orgMembers.classId, row.classId), sql`'student' = any(${orgMembers.roles})`))
          .orderBy(asc(users.surname), asc(users.name))
      ).map((entry) => entry.user);
    }
    const reason = inviteProblem(row);
    const preview: InvitePreview = {
      code: row.code,
      organisation: { id: org.id, type: org.type, name: org.name },
      role: row.role as Role,
      roleLabel: roleLabel(org.type, row.role as Role),
      class: klass ? { id: klass.id, number: klass.number, letter: klass.letter, title: klass.title } : null,
      child: child ? userSummary(child) : null,
      children: children.map(userSummary),
      valid: reason === null,
      reason,
    };
    return preview;
  });

  app.post<{ Params: { code: string } }>('/api/v1/invites/:code/request', async (request, reply) => {
    const who = await principal(request);
    const { userId } = who;
    const body = parse<FileJoinRequestBody>(FileJoinRequestBody, request.body ?? {});
    const code = request.params.code;
    const created = await db.transaction(async (tx) => {
      const [row] = await tx.select().from(inviteLinks).where(eq(inviteLinks.code, code)).for('update');
      if (!row) throw new PartaError(ErrorCode.NotFound, 'No such invite link');
      speaksFor(who, row.orgId);
      const problem = inviteProblem(row);
      if (problem) throw new PartaError(ErrorCode.InviteInvalid, `The invite link is ${problem.replace('_', ' ')}`);
      const [user] = await tx.select().from(users).where(eq(users.id, userId));
      if (!user?.surname || !user.name) {
        throw new PartaError(ErrorCode.BadRequest, 'Fill in your surname and name before asking to join');
      }
      let childId = row.childId;
      const org = await findOrg(tx, row.orgId);
      // A preschool's children have no accounts: its parents' links name only the group.
      if (row.role === 'parent' && !childId && rolesOf(org.type).includes('student')) {
        if (!body.childId) throw new PartaError(ErrorCode.BadRequest, 'Name your child (childId) to join as a parent');
        const [child] = await tx
          .select()
          .from(orgMembers)
          .where(and(eq(orgMembers.userId, body.childId), eq(orgMembers.classId, row.classId!)));
        if (!child || !(child.roles as Role[]).includes('student')) {
          throw new PartaError(ErrorCode.BadRequest, 'The child is not a student of this class');
        }
        childId = body.childId;
      }
      if (childId === userId) throw new PartaError(ErrorCode.BadRequest, 'You cannot be your own parent');
      const [member] = await tx
        .select()
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, row.orgId), eq(orgMembers.userId, userId)));
      const alreadyHas =
        member &&
        (member.roles as Role[]).includes(row.role as Role) &&
        (row.role !== 'student' || member.classId === row.classId) &&
        row.role !== 'parent' &&
        row.role !== 'lead';
      if (alreadyHas) throw new PartaError(ErrorCode.Conflict, 'You already have this role in the organisation');
      const [pending] = await tx
        .select({ id: joinRequests.id })
        .from(joinRequests)
        .where(
          and(eq(joinRequests.orgId, row.orgId), eq(joinRequests.userId, userId), eq(joinRequests.status, 'pending')),
        );
      if (pending) throw new PartaError(ErrorCode.Conflict, 'You already have a pending request to this organisation');
      await tx
        .update(inviteLinks)
        .set({ uses: sql`${inviteLinks.uses} + 1` })
        .where(eq(inviteLinks.code, code));
      const id = newId('jr');
      await tx.insert(joinRequests).values({
        id,
        orgId: row.orgId,
        userId,
        inviteCode: code,
        role: row.role,
        classId: row.classId,
        childId,
      });
      return { id, orgId: row.orgId, classId: row.classId };
    });
    await announce([], created);
    const [joinRequest] = await joinRequestsWhere(db, and(eq(joinRequests.id, created.id)));
    return reply.code(201).send({ request: joinRequest });
  });

  // Deciding join requests.

  app.get<OrgParams & { Querystring: { status?: string } }>('/api/v1/orgs/:orgId/requests', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    const actor = await requireAccess(db, request.params.orgId, userId, 'requests.decide');
    const status = request.query.status ?? 'pending';
    if (!['pending', 'approved', 'declined', 'cancelled'].includes(status)) {
      throw new PartaError(ErrorCode.BadRequest, 'status is one of pending, approved, declined, cancelled');
    }
    return {
      requests: await joinRequestsWhere(
        db,
        and(decidableRequests(actor), eq(joinRequests.status, status as RequestRow['status'])),
      ),
    };
  });

  /** Places an approved person in the role and class the link named, and in the chats that go with them. */
  async function admit(tx: Tx, joinRequest: RequestRow): Promise<MembershipChange[]> {
    const { orgId, userId, classId } = joinRequest;
    const role = joinRequest.role as Role;
    const [member] = await tx
      .select()
      .from(orgMembers)
      .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
    const memberRoles = new Set<Role>((member?.roles as Role[] | undefined) ?? []);
    memberRoles.add(role);
    if (role === 'lead') memberRoles.add('staff');
    // A student sits in exactly one class of a school: joining another moves it. A parent
    // without a child account (a preschool's) keeps the group its link named.
    const placed = role === 'student' || (role === 'parent' && !joinRequest.childId);
    const studentClass = placed ? classId : (member?.classId ?? null);
    if (member) {
      await tx
        .update(orgMembers)
        .set({ roles: [...memberRoles], classId: studentClass })
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
    } else {
      await tx.insert(orgMembers).values({ orgId, userId, roles: [...memberRoles], classId: studentClass });
    }
    const affected = new Set([userId]);
    if (role === 'lead' && classId) {
      const [klass] = await tx.select({ lead: classes.leadUserId }).from(classes).where(eq(classes.id, classId));
      if (klass?.lead) affected.add(klass.lead);
      await tx.update(classes).set({ leadUserId: userId }).where(eq(classes.id, classId));
    }
    // Joining as a teacher through a link verifies automatically (SPEC §3).
    if (isStaff([...memberRoles])) await tx.update(users).set({ verified: true }).where(eq(users.id, userId));
    if (role === 'parent' && joinRequest.childId) {
      await tx.insert(parentLinks).values({ parentId: userId, childId: joinRequest.childId }).onConflictDoNothing();
    }
    const changes: MembershipChange[] = [];
    for (const id of affected) changes.push(await syncMemberships(tx, orgId, id));
    if (role === 'student') changes.push(...(await syncParents(tx, orgId, userId)));
    return changes;
  }

  app.post<{ Params: { requestId: string; action: string } }>(
    '/api/v1/requests/:requestId/:action',
    async (request) => {
      const who = await principal(request);
      const { requestId } = request.params;
      const decision = decisionOf(request.params.action);
      const { row, changes } = await db.transaction(async (tx) => {
        const [found] = await tx.select().from(joinRequests).where(eq(joinRequests.id, requestId)).for('update');
        const row = await checkDecision(who, decision, found, 'join request', () =>
          requireAccess(tx, found!.orgId, who.userId, 'requests.decide', {
            classId: found!.classId,
            role: found!.role as Role,
          }),
        );
        await tx.update(joinRequests).set(decided(decision, who.userId)).where(eq(joinRequests.id, requestId));
        return { row, changes: decision === 'approve' ? await admit(tx, row) : [] };
      });
      await announce(changes, row);
      if (decision !== 'cancel') await meChanged(row.userId);
      const [result] = await joinRequestsWhere(db, and(eq(joinRequests.id, requestId)));
      return { request: result };
    },
  );

  app.get(communityRoutes.myRequests, async (request) => {
    const { userId } = await principal(request);
    return {
      requests: await joinRequestsWhere(db, and(eq(joinRequests.userId, userId))),
      verifications: await verificationsWhere(db, and(eq(verificationRequests.userId, userId))),
    };
  });

  // Parents.

  app.post<{ Params: { childId: string } }>('/api/v1/me/children/:childId/confirm', async (request) => {
    const { userId } = await principal(request);
    const [link] = await db
      .update(parentLinks)
      .set({ confirmed: true })
      .where(and(eq(parentLinks.parentId, userId), eq(parentLinks.childId, request.params.childId)))
      .returning();
    if (!link) throw new PartaError(ErrorCode.NotFound, 'You are not linked to this child');
    return { confirmed: true };
  });

  // Teacher verification.

  app.post(communityRoutes.requestVerification, async (request) => {
    const body = parse<RequestVerificationBody>(RequestVerificationBody, request.body);
    const { userId } = await principal(request, body.orgId);
    const org = await findOrg(db, body.orgId);
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    if (!user) throw new PartaError(ErrorCode.Unauthorized, 'The user no longer exists');
    const staffSomewhere = await db
      .select({ roles: orgMembers.roles })
      .from(orgMembers)
      .where(eq(orgMembers.userId, userId));
    if (user.verified || staffSomewhere.some((row) => isStaff(row.roles as Role[]))) {
      throw new PartaError(ErrorCode.Conflict, 'You are already confirmed as staff');
    }
    if (!user.birthDate) throw new PartaError(ErrorCode.BadRequest, 'Add your birth date to your profile first');
    if (ageOn(user.birthDate) < limits.teacherMinAge) {
      throw new PartaError(ErrorCode.Forbidden, `Teacher status is for adults (${limits.teacherMinAge}+)`);
    }
    const id = newId('vr');
    try {
      await db.insert(verificationRequests).values({ id, orgId: org.id, userId, position: body.position });
    } catch {
      throw new PartaError(ErrorCode.Conflict, 'You already have a pending verification request');
    }
    await announce([], { orgId: org.id, classId: null });
    const [created] = await verificationsWhere(db, and(eq(verificationRequests.id, id)));
    return { request: created };
  });

  app.get<OrgParams & { Querystring: { status?: string } }>('/api/v1/orgs/:orgId/verifications', async (request) => {
    const { userId } = await principal(request, request.params.orgId);
    await requireAccess(db, request.params.orgId, userId, 'verification.decide');
    const status = (request.query.status ?? 'pending') as RequestRow['status'];
    return {
      requests: await verificationsWhere(
        db,
        and(eq(verificationRequests.orgId, request.params.orgId), eq(verificationRequests.status, status)),
      ),
    };
  });

  app.post<{ Params: { requestId: string; action: string } }>(
    '/api/v1/verifications/:requestId/:action',
    async (request) => {
      const who = await principal(request);
      const { requestId } = request.params;
      const decision = decisionOf(request.params.action);
      const { row, changes } = await db.transaction(async (tx) => {
        const [found] = await tx
          .select()
          .from(verificationRequests)
          .where(eq(verificationRequests.id, requestId))
          .for('update');
        const row = await checkDecision(who, decision, found, 'verification request', () =>
          requireAccess(tx, found!.orgId, who.userId, 'verification.decide'),
        );
        await tx
          .update(verificationRequests)
          .set(decided(decision, who.userId))
          .where(eq(verificationRequests.id, requestId));
        if (decision !== 'approve') return { row, changes: [] };
        const [member] = await tx
          .select()
          .from(orgMembers)
          .where(and(eq(orgMembers.orgId, row.orgId), eq(orgMembers.userId, row.userId)));
        if (member) {
          await tx
            .update(orgMembers)
            .set({ roles: [...new Set([...(member.roles as Role[]), 'staff'])], position: row.position })
            .where(and(eq(orgMembers.orgId, row.orgId), eq(orgMembers.userId, row.userId)));
        } else {
          await tx
            .insert(orgMembers)
            .values({ orgId: row.orgId, userId: row.userId, roles: ['staff'], position: row.position });
        }
        await tx.update(users).set({ verified: true }).where(eq(users.id, row.userId));
        return { row, changes: [await syncMemberships(tx, row.orgId, row.userId)] };
      });
      await announce(changes, { orgId: row.orgId, classId: null });
      await meChanged(row.userId);
      const [result] = await verificationsWhere(db, and(eq(verificationRequests.id, requestId)));
      return { request: result };
    },
  );

  // The closed contour: people one may contact are those who share an organisation, found by name only.

  app.get<{ Querystring: { q?: string } }>(routes.contacts, async (request) => {
    const { userId, orgId: site } = await principal(request);
    const mine = await db.select({ orgId: orgMembers.orgId }).from(orgMembers).where(eq(orgMembers.userId, userId));
    // Through a school's site, only that school's people.
    const orgIds = mine.map((row) => row.orgId).filter((orgId) => site === null || orgId === site);
    if (orgIds.length === 0) return { people: [] };
    const q = request.query.q?.trim();
    const pattern = q ? `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
    const rows = await db
      .select({ user: users, orgId: orgMembers.orgId })
      .from(orgMembers)
      .innerJoin(users, eq(users.id, orgMembers.userId))
      .where(
        and(
          inArray(orgMembers.orgId, orgIds),
          ne(users.id, userId),
          pattern ? or(ilike(users.surname, pattern), ilike(users.name, pattern)) : undefined,
        ),
      )
      .orderBy(asc(users.surname), asc(users.name))
      .limit(200);
    const people = new Map<string, { user: ReturnType<typeof userSummary>; orgIds: string[] }>();
    for (const row of rows) {
      const entry = people.get(row.user.id) ?? { user: userSummary(row.user), orgIds: [] };
      entry.orgIds.push(row.orgId);
      people.set(row.user.id, entry);
    }
    return { people: [...people.values()].slice(0, 50) };
  });
}
