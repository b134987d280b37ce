import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type ClassInfo,
  canInOrg,
  communityRoutes,
  type InviteLink,
  invitableRoles,
  type JoinRequest,
  type OrgAction,
  type OrgTarget,
  type OrgType,
  orgTypes,
  type Role,
  rolesOf,
  routes,
} from '@parta/protocol';
import { eq } from 'drizzle-orm';
import { createOrganisation } from './community.ts';
import { classes, orgMembers, parentLinks, users } from './db/schema.ts';
import { api, backends, devToken, testServer } from './test-support.ts';

/**
 * The permission table in @parta/protocol, walked end to end: every role of
 * every organisation type calls every community endpoint, and the server must
 * allow exactly what `canInOrg` allows and refuse the rest with `forbidden`.
 */
interface Org {
  type: OrgType;
  id: string;
  adminToken: string;
  classId: string;
  /** One member per role of the type, each with only that role. */
  tokens: Partial<Record<Role, string>>;
  bystander: string;
  /** The class's class teacher, where the type has one. */
  leadId: string | null;
}

interface Case {
  name: string;
  action: OrgAction;
  target?: (org: Org) => OrgTarget;
  /** Applies to organisations of these types only. */
  only?: (org: Org) => boolean;
  call(org: Org, token: string): Promise<{ status: number; body: unknown }>;
  /** Puts things back after an allowed call, so the next role meets the same organisation. */
  undo?(org: Org, body: unknown): Promise<void>;
  /**
   * A refusal that is not about permission: an administrator may create invites, but a
   * parents' link without a class is malformed for it, not forbidden.
   */
  malformedFor?: { action: OrgAction; target: OrgTarget };
}

/** The role a class link of this type carries: a student where there are students, else a parent or a lead. */
const classRole = (type: OrgType): Role =>
  (['student', 'parent', 'lead'] as const).find((role) => invitableRoles(type).includes(role))!;

for (const backend of backends)
  describe(`the permission matrix on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let url: string;
    const orgs: Org[] = [];
    let serial = 0;

    async function person(surname: string): Promise<string> {
      const id = `u-matrix-${backend}-${++serial}`;
      await server.db.insert(users).values({ id, surname, name: 'Тест', birthDate: '1985-01-01' });
      return id;
    }
    async function member(orgId: string, roles: Role[], classId: string | null = null): Promise<string> {
      const id = await person(roles.join('+'));
      await server.db.insert(orgMembers).values({ orgId, userId: id, roles, classId });
      return id;
    }
    /** A fresh pending join request in the organisation, filed through a link the administrator made. */
    async function pendingRequest(org: Org, classLinked: boolean): Promise<string> {
      const role = classLinked ? classRole(org.type) : 'staff';
      const link = await api<{ invite: InviteLink }>(url, org.adminToken, communityRoutes.invites(org.id), {
        body: classLinked ? { role, classId: org.classId } : { role },
      });
      const newcomer = await person('Заявитель');
      const childId =
        role === 'parent' && rolesOf(org.type).includes('student')
          ? await member(org.id, ['student'], org.classId)
          : undefined;
      const filed = await api<{ request: JoinRequest }>(
        url,
        await devToken(url, newcomer),
        communityRoutes.inviteRequest(link.body.invite.code),
        { body: { childId } },
      );
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      return filed.body.request.id;
    }

    const cases: Case[] = [
      { name: 'GET organisation', action: 'org.view', call: (o, t) => api(url, t, communityRoutes.organisation(o.id)) },
      { name: 'GET members', action: 'org.view', call: (o, t) => api(url, t, communityRoutes.orgMembers(o.id)) },
      { name: 'GET classes', action: 'org.view', call: (o, t) => api(url, t, communityRoutes.classes(o.id)) },
      { name: 'GET counters', action: 'org.view', call: (o, t) => api(url, t, routes.orgCounters(o.id)) },
      {
        name: 'PATCH organisation',
        action: 'org.edit',
        call: (o, t) =>
          api(url, t, communityRoutes.organisation(o.id), {
            method: 'PATCH',
            body: { description: `правка ${serial++}` },
          }),
      },
      {
        name: 'POST administrator',
        action: 'admins.manage',
        call: (o, t) => api(url, t, communityRoutes.orgAdmins(o.id), { body: { userId: o.bystander } }),
        async undo(o) {
          const revoked = await api(url, o.adminToken, communityRoutes.orgAdmins(o.id, o.bystander), {
            method: 'DELETE',
          });
          assert.equal(revoked.status, 200);
        },
      },
      {
        name: 'POST class',
        action: 'classes.manage',
        call: (o, t) =>
          api(url, t, communityRoutes.classes(o.id), {
            body: { number: 5, letter: `Л${serial++}`, academicYear: '2025/2026' },
          }),
      },
      {
        name: 'PATCH class',
        action: 'classes.manage',
        call: (o, t) =>
          api(url, t, communityRoutes.class(o.id, o.classId), { method: 'PATCH', body: { title: 'Профильный' } }),
      },
      { name: 'GET invites', action: 'invites.manage', call: (o, t) => api(url, t, communityRoutes.invites(o.id)) },
      {
        name: 'POST class invite',
        action: 'invites.manage',
        target: (o) => ({ classId: o.classId, role: classRole(o.type) }),
        call: (o, t) =>
          api(url, t, communityRoutes.invites(o.id), { body: { role: classRole(o.type), classId: o.classId } }),
      },
      {
        name: 'POST staff invite',
        action: 'invites.manage',
        target: () => ({ role: 'staff' }),
        call: (o, t) => api(url, t, communityRoutes.invites(o.id), { body: { role: 'staff' } }),
      },
      {
        name: "POST a student's invite for its parent",
        action: 'parents.invite',
        only: (o) => invitableRoles(o.type).includes('parent') && rolesOf(o.type).includes('student'),
        malformedFor: { action: 'invites.manage', target: { classId: null, role: 'parent' } },
        call: (o, t) => api(url, t, communityRoutes.invites(o.id), { body: { role: 'parent' } }),
      },
      {
        name: 'DELETE invite',
        action: 'invites.manage',
        target: () => ({ role: 'staff' }),
        async call(o, t) {
          const link = await api<{ invite: InviteLink }>(url, o.adminToken, communityRoutes.invites(o.id), {
            body: { role: 'staff' },
          });
          return api(url, t, communityRoutes.invite(o.id, link.body.invite.code), { method: 'DELETE' });
        },
      },
      {
        name: 'GET join requests',
        action: 'requests.decide',
        call: (o, t) => api(url, t, communityRoutes.joinRequests(o.id)),
      },
      {
        name: 'approve a class join request',
        action: 'requests.decide',
        target: (o) => ({ classId: o.classId, role: classRole(o.type) }),
        async call(o, t) {
          return api(url, t, communityRoutes.joinRequestAction(await pendingRequest(o, true), 'approve'), { body: {} });
        },
        async undo(o) {
          // Approving a class-teacher link hands the class over; give it back.
          if (o.leadId) await server.db.update(classes).set({ leadUserId: o.leadId }).where(eq(classes.id, o.classId));
        },
      },
      {
        name: 'decline a staff join request',
        action: 'requests.decide',
        target: () => ({ classId: null, role: 'staff' }),
        async call(o, t) {
          return api(url, t, communityRoutes.joinRequestAction(await pendingRequest(o, false), 'decline'), {
            body: {},
          });
        },
      },
      {
        name: 'GET verifications',
        action: 'verification.decide',
        call: (o, t) => api(url, t, communityRoutes.verifications(o.id)),
      },
      {
        name: 'DELETE member',
        action: 'members.remove',
        async call(o, t) {
          const throwaway = await member(o.id, ['staff']);
          return api(url, t, communityRoutes.orgMember(o.id, throwaway), { method: 'DELETE' });
        },
      },
    ];

    before(async () => {
      server = await testServer(backend);
      url = server.url;
      for (const type of orgTypes) {
        const created = await createOrganisation(server.db, {
          type,
          name: `Матрица ${type}`,
          inn: '7703000003',
          admin: {
            surname: 'Админов',
            name: type,
            phone: `+7911${backend === 'pglite' ? 1 : 2}${orgTypes.indexOf(type)}00000`,
          },
        });
        const id = created.organisation.id;
        const adminToken = await devToken(url, created.adminId);
        const klass = await api<{ class: ClassInfo }>(url, adminToken, communityRoutes.classes(id), {
          body: { number: 1, letter: 'А', academicYear: '2025/2026' },
        });
        const classId = klass.body.class.id;
        const tokens: Org['tokens'] = { admin: adminToken };
        let leadId: string | null = null;
        for (const role of rolesOf(type).filter((r) => r !== 'admin')) {
          const userId = await member(id, [role], role === 'student' ? classId : null);
          if (role === 'lead') {
            leadId = userId;
            await server.db.update(classes).set({ leadUserId: userId }).where(eq(classes.id, classId));
          }
          if (role === 'parent' && rolesOf(type).includes('student')) {
            const child = await member(id, ['student'], classId);
            await server.db.insert(parentLinks).values({ parentId: userId, childId: child, confirmed: true });
          }
          tokens[role] = await devToken(url, userId);
        }
        orgs.push({ type, id, adminToken, classId, tokens, bystander: await member(id, ['staff']), leadId });
      }
    });
    after(() => server.close());

    for (const type of orgTypes)
      it(`walks every role of a ${type} through every endpoint`, async () => {
        const org = orgs.find((o) => o.type === type)!;
        let allowed = 0;
        let denied = 0;
        for (const role of rolesOf(type)) {
          const actor = { roles: [role], leadClassIds: role === 'lead' ? [org.classId] : [] };
          for (const entry of cases) {
            if (entry.only && !entry.only(org)) continue;
            const expected = canInOrg(actor, entry.action, entry.target?.(org));
            const { status, body } = await entry.call(org, org.tokens[role]!);
            const where = `${type} ${role} ${entry.name}: ${status} ${JSON.stringify(body).slice(0, 200)}`;
            if (expected) {
              assert.ok(status >= 200 && status < 300, `expected allow — ${where}`);
              await entry.undo?.(org, body);
              allowed++;
            } else if (entry.malformedFor && canInOrg(actor, entry.malformedFor.action, entry.malformedFor.target)) {
              assert.equal(status, 400, where);
            } else {
              assert.equal(status, 403, `expected deny — ${where}`);
              assert.equal((body as { error: { code: string } }).error.code, 'forbidden', where);
              denied++;
            }
          }
        }
        // Both sides of the table are exercised for every type.
        assert.ok(allowed > rolesOf(type).length && denied > rolesOf(type).length, `${allowed} / ${denied}`);
      });

    it('refuses someone outside the organisation on every endpoint with not_org_member', async () => {
      const org = orgs[0]!;
      const outsider = await devToken(url, await person('Чужой'));
      for (const entry of cases) {
        const { status, body } = await entry.call(org, outsider);
        assert.equal(status, 403, entry.name);
        assert.equal((body as { error: { code: string } }).error.code, 'not_org_member', entry.name);
      }
    });
  });
