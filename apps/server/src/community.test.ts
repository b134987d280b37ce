import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type ChatsResponse,
  type ClassInfo,
  communityRoutes,
  type InviteLink,
  type InvitePreview,
  type JoinRequest,
  type MemberDetails,
  type MembersResponse,
  routes,
  type UserSummary,
} from '@parta/protocol';
import { and, eq } from 'drizzle-orm';
import { createOrganisation } from './community.ts';
import { orgMembers, parentLinks, users } from './db/schema.ts';
import { demo } from './seed.ts';
import { api, backends, devToken, embedToken, post, socketClient, testServer } from './test-support.ts';

const { director, teacher, student1, parent1 } = demo.users;
const org: string = demo.orgId;
type ErrorJson = { error: { code: string; message: string } };

for (const backend of backends)
  describe(`school community on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let url: string;
    let directorToken: string;
    let teacherToken: string;
    let class9g: ClassInfo;
    let people = 0;

    /** A person who signed up on the platform and belongs nowhere yet. */
    async function newcomer(profile: Partial<typeof users.$inferInsert> = {}) {
      const id = `u-new-${backend}-${++people}`;
      await server.db.insert(users).values({ id, surname: 'Новиков', name: `Пётр ${people}`, ...profile });
      return { id, token: await devToken(url, id) };
    }
    const invite = async (token: string, body: object, orgId = org) =>
      api<{ invite: InviteLink } & ErrorJson>(url, token, communityRoutes.invites(orgId), { body });
    const fileRequest = async (token: string, code: string, body: object = {}) =>
      api<{ request: JoinRequest } & ErrorJson>(url, token, communityRoutes.inviteRequest(code), { body });
    const decide = async (token: string, id: string, action: 'approve' | 'decline' | 'cancel') =>
      api<{ request: JoinRequest } & ErrorJson>(url, token, communityRoutes.joinRequestAction(id, action), {
        body: {},
      });
    const chatIds = async (token: string) =>
      // "Saved messages" is everyone's from the start: only the chats membership brings count here.
      (await api<ChatsResponse>(url, token, routes.chats)).body.chats
        .filter((chat) => chat.kind !== 'saved')
        .map((chat) => chat.id);

    before(async () => {
      server = await testServer(backend);
      url = server.url;
      directorToken = await devToken(url, director);
      teacherToken = await devToken(url, teacher);
    });
    after(() => server.close());

    it('an administrator creates class 9Г with its class teacher, who joins its chats at once', async () => {
      const teacherSocket = await socketClient(url, teacherToken);
      const created = await api<{ class: ClassInfo }>(url, directorToken, communityRoutes.classes(org), {
        body: { number: 9, letter: 'Г', academicYear: '2025/2026', color: '#aa3355', leadUserId: teacher },
      });
      assert.equal(created.status, 201);
      class9g = created.body.class;
      assert.equal(class9g.leadUserId, teacher);
      assert.equal(class9g.studentCount, 0);

      const listed = await api<{ classes: ClassInfo[] }>(url, teacherToken, communityRoutes.classes(org));
      assert.ok(listed.body.classes.some((row) => row.id === class9g.id && row.letter === 'Г'));
      const frame = await teacherSocket.next((f) => f.type === 'chat' && f.chat.title === '9Г');
      assert.equal(frame.type === 'chat' && frame.chat.myRole, 'admin');
      assert.ok((await chatIds(teacherToken)).includes(`${class9g.id}-parents`));
      teacherSocket.close();

      const duplicate = await api<ErrorJson>(url, directorToken, communityRoutes.classes(org), {
        body: { number: 9, letter: 'Г', academicYear: '2025/2026' },
      });
      assert.equal(duplicate.status, 409);
      const bad = await api<ErrorJson>(url, directorToken, communityRoutes.classes(org), {
        body: { number: 9, letter: 'Д', academicYear: '2025/2027' },
      });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /academicYear/);
      const byTeacher = await api<ErrorJson>(url, teacherToken, communityRoutes.classes(org), {
        body: { number: 9, letter: 'Е', academicYear: '2025/2026' },
      });
      assert.equal(byTeacher.body.error.code, 'forbidden');
    });

    it('a newcomer follows a student link, waits, and is placed in 9Г and its chat on approval', async () => {
      const link = await invite(directorToken, { role: 'student', classId: class9g.id, days: 7, maxUses: 30 });
      assert.equal(link.status, 201);
      assert.equal(link.body.invite.maxUses, 30);
      const { code } = link.body.invite;

      const preview = await api<InvitePreview>(url, null, communityRoutes.invitePreview(code));
      assert.equal(preview.body.valid, true);
      assert.equal(preview.body.roleLabel, 'Ученик');
      assert.equal(preview.body.class?.letter, 'Г');
      assert.equal(preview.body.organisation.name, demo.orgName);

      const directorSocket = await socketClient(url, directorToken);
      const teacherSocket = await socketClient(url, teacherToken);
      const person = await newcomer();
      const personSocket = await socketClient(url, person.token);
      const filed = await fileRequest(person.token, code);
      assert.equal(filed.status, 201);
      assert.equal(filed.body.request.status, 'pending');
      // Following a link never joins by itself.
      assert.deepEqual(await chatIds(person.token), []);

      for (const socket of [directorSocket, teacherSocket]) {
        const frame = await socket.next((f) => f.type === 'counters' && f.counters.joinRequests > 0);
        assert.equal(frame.type === 'counters' && frame.counters.orgId, org);
      }
      const pending = await api<{ requests: JoinRequest[] }>(url, teacherToken, communityRoutes.joinRequests(org));
      assert.ok(pending.body.requests.some((r) => r.id === filed.body.request.id && r.user.id === person.id));

      const approved = await decide(directorToken, filed.body.request.id, 'approve');
      assert.equal(approved.status, 200);
      assert.equal(approved.body.request.status, 'approved');
      await personSocket.next((f) => f.type === 'me.changed');
      const joined = await personSocket.next((f) => f.type === 'chat' && f.chat.id === `${class9g.id}-chat`);
      assert.equal(joined.type === 'chat' && joined.chat.title, '9Г');
      assert.deepEqual((await chatIds(person.token)).sort(), [`${class9g.id}-chat`, demo.chats.school].sort());
      const [membership] = await server.db
        .select()
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, org), eq(orgMembers.userId, person.id)));
      assert.deepEqual(membership?.roles, ['student']);
      assert.equal(membership?.classId, class9g.id);
      const classes = await api<{ classes: ClassInfo[] }>(url, directorToken, communityRoutes.classes(org));
      assert.equal(classes.body.classes.find((row) => row.id === class9g.id)?.studentCount, 1);

      // The new student writes in its class chat and the class teacher reads it.
      assert.equal((await post(url, person.token, `${class9g.id}-chat`, 'Здравствуйте!')).status, 201);
      const counter = await directorSocket.next((f) => f.type === 'counters' && f.counters.joinRequests === 0);
      assert.equal(counter.type, 'counters');
      for (const socket of [directorSocket, teacherSocket, personSocket]) socket.close();
    });

    it('keeps decisions final: a declined request cannot be approved, a decided one cannot be cancelled', async () => {
      const { body } = await invite(teacherToken, { role: 'student', classId: class9g.id });
      const person = await newcomer();
      const filed = await fileRequest(person.token, body.invite.code);
      const again = await fileRequest(person.token, body.invite.code);
      assert.equal(again.status, 409);

      assert.equal((await decide(teacherToken, filed.body.request.id, 'decline')).body.request.status, 'declined');
      const approve = await decide(directorToken, filed.body.request.id, 'approve');
      assert.equal(approve.status, 409);
      assert.equal(approve.body.error.code, 'already_decided');
      assert.equal((await decide(person.token, filed.body.request.id, 'cancel')).body.error.code, 'already_decided');
      assert.deepEqual(await chatIds(person.token), []);

      const other = await newcomer();
      const second = await fileRequest(other.token, body.invite.code);
      assert.equal((await decide(person.token, second.body.request.id, 'cancel')).status, 403);
      assert.equal((await decide(other.token, second.body.request.id, 'cancel')).body.request.status, 'cancelled');
      const mine = await api<{ requests: JoinRequest[] }>(url, other.token, communityRoutes.myRequests);
      assert.deepEqual(
        mine.body.requests.map((r) => r.status),
        ['cancelled'],
      );
    });

    it("limits a class teacher's links to its own classes and to students and parents", async () => {
      const cases: [object, number][] = [
        [{ role: 'student', classId: class9g.id }, 201],
        [{ role: 'parent', classId: class9g.id }, 201],
        [{ role: 'staff' }, 403],
        [{ role: 'student', classId: demo.classId }, 201],
        [{ role: 'student' }, 403],
        [{ role: 'admin' }, 403],
      ];
      for (const [body, status] of cases)
        assert.equal((await invite(teacherToken, body)).status, status, JSON.stringify(body));
      // The administrator may invite anyone, but a student link still needs its class.
      const classless = await invite(directorToken, { role: 'student' });
      assert.equal(classless.status, 400);
      assert.match(classless.body.error.message, /must name a class/);
      assert.equal((await invite(directorToken, { role: 'admin' })).status, 400);
      const student = await devToken(url, student1);
      assert.equal((await invite(student, { role: 'student', classId: demo.classId })).status, 403);
      const links = await api<{ invites: InviteLink[] }>(
        url,
        await devToken(url, parent1),
        communityRoutes.invites(org),
      );
      assert.equal(links.status, 403);
    });

    it('refuses links that expired, were revoked or are used up', async () => {
      const used = (await invite(directorToken, { role: 'student', classId: class9g.id, maxUses: 1 })).body.invite;
      await fileRequest((await newcomer()).token, used.code);
      const late = await fileRequest((await newcomer()).token, used.code);
      assert.equal(late.status, 410);
      assert.equal(late.body.error.code, 'invite_invalid');
      assert.equal(
        (await api<InvitePreview>(url, null, communityRoutes.invitePreview(used.code))).body.reason,
        'used_up',
      );

      const revoked = (await invite(directorToken, { role: 'staff' })).body.invite;
      const revoke = await api<{ invite: InviteLink }>(url, directorToken, communityRoutes.invite(org, revoked.code), {
        method: 'DELETE',
      });
      assert.ok(revoke.body.invite.revokedAt);
      assert.equal((await fileRequest((await newcomer()).token, revoked.code)).body.error.code, 'invite_invalid');

      const tooLong = await invite(directorToken, { role: 'staff', days: 15 });
      assert.equal(tooLong.status, 400);
      const tooMany = await invite(directorToken, { role: 'staff', maxUses: 101 });
      assert.equal(tooMany.status, 400);
    });

    it('refuses the 51st invite link of the day with a readable message', async () => {
      const school = await createOrganisation(server.db, {
        type: 'school',
        name: `Гимназия ${backend}`,
        inn: '7702000002',
        admin: { surname: 'Лимитова', name: 'Ирина', phone: `+7900${backend === 'pglite' ? 1 : 2}000001` },
      });
      const admin = await devToken(url, school.adminId);
      const orgId = school.organisation.id;
      const made = await Promise.all(Array.from({ length: 50 }, () => invite(admin, { role: 'staff' }, orgId)));
      assert.deepEqual(new Set(made.map((r) => r.status)), new Set([201]));
      const fiftyFirst = await invite(admin, { role: 'staff' }, orgId);
      assert.equal(fiftyFirst.status, 429);
      assert.equal(fiftyFirst.body.error.code, 'limit_reached');
      assert.match(fiftyFirst.body.error.message, /at most 50 invite links a day/);
      const listed = await api<{ createdToday: number; dailyLimit: number }>(
        url,
        admin,
        communityRoutes.invites(orgId),
      );
      assert.deepEqual([listed.body.createdToday, listed.body.dailyLimit], [50, 50]);

      // A school's site speaks only for its own school, even for someone who belongs to both.
      await server.db.insert(orgMembers).values({ orgId, userId: teacher, roles: ['admin'] });
      const viaDemoSite = await api<ErrorJson>(url, await embedToken(teacher), communityRoutes.orgMembers(orgId));
      assert.equal(viaDemoSite.status, 403);
      assert.match(viaDemoSite.body.error.message, /its own organisation/);
      assert.equal((await api(url, await devToken(url, teacher), communityRoutes.orgMembers(orgId))).status, 200);
      const contacts = await api<{ people: { orgIds: string[] }[] }>(url, await embedToken(teacher), routes.contacts);
      assert.ok(contacts.body.people.every((person) => person.orgIds.every((id) => id === org)));
    });

    it('links a parent to its child through a parents link; the class teacher sees the confirmed parent', async () => {
      const classStudent = await newcomer();
      const studentLink = (await invite(directorToken, { role: 'student', classId: class9g.id })).body.invite;
      const r = await fileRequest(classStudent.token, studentLink.code);
      await decide(teacherToken, r.body.request.id, 'approve');

      const parentsLink = (await invite(teacherToken, { role: 'parent', classId: class9g.id })).body.invite;
      const mother = await newcomer({ surname: 'Мамина', name: 'Елена' });
      const preview = await api<InvitePreview>(url, mother.token, communityRoutes.invitePreview(parentsLink.code));
      assert.ok(preview.body.children.some((child: UserSummary) => child.id === classStudent.id));
      assert.equal((await fileRequest(mother.token, parentsLink.code)).status, 400);
      assert.equal((await fileRequest(mother.token, parentsLink.code, { childId: student1 })).status, 400);
      const filed = await fileRequest(mother.token, parentsLink.code, { childId: classStudent.id });
      assert.equal(filed.body.request.childId, classStudent.id);
      await decide(teacherToken, filed.body.request.id, 'approve');
      assert.ok((await chatIds(mother.token)).includes(`${class9g.id}-parents`));

      const details = () =>
        api<MemberDetails>(url, teacherToken, communityRoutes.orgMember(org, classStudent.id)).then((res) => res.body);
      assert.deepEqual((await details()).parents, []);
      const confirm = await api(url, mother.token, communityRoutes.myChildConfirm(classStudent.id), { body: {} });
      assert.equal(confirm.status, 200);
      assert.deepEqual(
        (await details()).parents.map((p) => p.surname),
        ['Мамина'],
      );
      // Another student does not see whose parent is whose.
      const nosy = await api<MemberDetails>(
        url,
        await devToken(url, student1),
        communityRoutes.orgMember(org, classStudent.id),
      );
      assert.deepEqual(nosy.body.parents, []);

      // A student's own invitation for its parent names the child without a choice.
      const own = await invite(classStudent.token, { role: 'parent' });
      assert.equal(own.status, 201);
      assert.equal(own.body.invite.childId, classStudent.id);
      const father = await newcomer({ surname: 'Папин', name: 'Олег' });
      const viaChild = await fileRequest(father.token, own.body.invite.code);
      assert.equal(viaChild.body.request.childId, classStudent.id);
      await decide(teacherToken, viaChild.body.request.id, 'approve');
      const [link] = await server.db.select().from(parentLinks).where(eq(parentLinks.parentId, father.id));
      assert.equal(link?.childId, classStudent.id);

      // The parents' chat follows the child: when the child leaves the school, so do they.
      await api(url, directorToken, communityRoutes.orgMember(org, classStudent.id), { method: 'DELETE' });
      for (const parent of [mother, father]) {
        assert.equal((await chatIds(parent.token)).includes(`${class9g.id}-parents`), false);
      }
    });

    it('verifies an adult teacher on approval; the mark and patronymic show, a minor cannot ask', async () => {
      const adult = await newcomer({
        surname: 'Учителева',
        name: 'Вера',
        patronymic: 'Павловна',
        birthDate: '1990-05-01',
      });
      const minor = await newcomer({ birthDate: `${new Date().getUTCFullYear() - 16}-01-01` });
      const ask = (token: string) =>
        api<{ request: { id: string; status: string } } & ErrorJson>(url, token, communityRoutes.requestVerification, {
          body: { orgId: org, position: 'Учитель физики' },
        });
      assert.equal((await ask(minor.token)).status, 403);
      assert.equal((await ask(await devToken(url, teacher))).status, 409);
      const directorSocket = await socketClient(url, directorToken);
      const asked = await ask(adult.token);
      assert.equal(asked.status, 200);
      await directorSocket.next((f) => f.type === 'counters' && f.counters.verifications > 0);
      assert.equal((await api(url, teacherToken, communityRoutes.verifications(org))).status, 403);

      const approved = await api<{ request: { status: string } }>(
        url,
        directorToken,
        communityRoutes.verificationAction(asked.body.request.id, 'approve'),
        { body: {} },
      );
      assert.equal(approved.body.request.status, 'approved');
      const me = await api<{ user: UserSummary }>(url, adult.token, routes.me);
      assert.equal(me.body.user.verified, true);
      assert.equal(me.body.user.patronymic, 'Павловна');
      assert.ok((await chatIds(adult.token)).includes(demo.chats.teachers));
      directorSocket.close();
    });

    it('a member removed from the school stops receiving its chats at once, open socket included', async () => {
      const person = await newcomer();
      const link = (await invite(directorToken, { role: 'student', classId: class9g.id })).body.invite;
      await decide(directorToken, (await fileRequest(person.token, link.code)).body.request.id, 'approve');
      const chat = `${class9g.id}-chat`;
      const socket = await socketClient(url, person.token);
      const before = await post(url, teacherToken, chat, 'до удаления');
      await socket.next((f) => f.type === 'event' && f.event.seq === before.body.message.seq);

      const removed = await api(url, directorToken, communityRoutes.orgMember(org, person.id), { method: 'DELETE' });
      assert.equal(removed.status, 200);
      await socket.next((f) => f.type === 'chat.removed' && f.chatId === chat);
      const afterSend = await post(url, teacherToken, chat, 'после удаления');
      // The class teacher's own socket sees the message: delivery works, the removed member is just not in it.
      const teacherSocket = await socketClient(url, teacherToken, { [chat]: afterSend.body.message.seq - 1 });
      await teacherSocket.next((f) => f.type === 'event' && f.event.seq === afterSend.body.message.seq);
      assert.equal(
        socket.events(chat).some((e) => e.seq === afterSend.body.message.seq),
        false,
      );
      const history = await api<ErrorJson>(url, person.token, routes.messages(chat));
      assert.equal(history.body.error.code, 'not_chat_member');
      assert.deepEqual(await chatIds(person.token), []);
      const members = await api<MembersResponse>(url, directorToken, communityRoutes.orgMembers(org));
      assert.equal(
        members.body.members.some((m) => m.user.id === person.id),
        false,
      );
      socket.close();
      teacherSocket.close();
    });

    it("an administrator edits the profile and every member's widgets learn the new name", async () => {
      const teacherSocket = await socketClient(url, teacherToken);
      const edit = (body: object, token = directorToken) =>
        api<{ organisation: { name: string; address: string | null } } & ErrorJson>(
          url,
          token,
          communityRoutes.organisation(org),
          {
            method: 'PATCH',
            body,
          },
        );
      const renamed = await edit({ name: 'Школа № 1 имени Пушкина', address: 'ул. Садовая, 1' });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.organisation.address, 'ул. Садовая, 1');
      await teacherSocket.next((f) => f.type === 'me.changed');
      const me = await api<{ organisations: { organisation: { name: string } }[] }>(url, teacherToken, routes.me);
      assert.equal(me.body.organisations[0]?.organisation.name, 'Школа № 1 имени Пушкина');
      assert.equal((await edit({ name: 'x' }, teacherToken)).body.error.code, 'forbidden');
      const studentAdmin = await api<ErrorJson>(url, directorToken, communityRoutes.orgAdmins(org), {
        body: { userId: student1 },
      });
      assert.equal(studentAdmin.status, 400);
      assert.match(studentAdmin.body.error.message, /staff/);
      assert.equal((await edit({ name: 'я'.repeat(201) })).status, 400);
      assert.equal((await edit({ name: demo.orgName, address: null })).body.organisation.name, demo.orgName);
      teacherSocket.close();
    });

    it("keeps a school site's token to the school's chats, socket included", async () => {
      const collegeStaff = `${demo.college.orgId}-staff`;
      const site = await embedToken(teacher);
      assert.ok((await chatIds(teacherToken)).includes(collegeStaff));
      assert.equal((await chatIds(site)).includes(collegeStaff), false);
      const refused = await api<ErrorJson>(url, site, routes.messages(collegeStaff));
      assert.equal(refused.body.error.code, 'not_chat_member');
      assert.equal((await post(url, site, collegeStaff, 'через сайт школы')).status, 403);

      const siteSocket = await socketClient(url, site);
      const collegeAdmin = await devToken(url, demo.college.admin);
      const sent = await post(url, collegeAdmin, collegeStaff, 'только для колледжа');
      assert.equal(sent.status, 201);
      // The same teacher's socket with Parta's own token receives it, the site's does not.
      const own = await socketClient(url, teacherToken, { [collegeStaff]: sent.body.message.seq - 1 });
      await own.next((f) => f.type === 'event' && f.event.seq === sent.body.message.seq);
      assert.equal(siteSocket.events(collegeStaff).length, 0);
      siteSocket.close();
      own.close();
    });

    it('lets people find only those who share an organisation with them, by name and never by phone', async () => {
      const outsider = await newcomer({ surname: 'Посторонний', phone: `+7999${backend === 'pglite' ? 1 : 2}112233` });
      const student = await devToken(url, student1);
      const found = await api<{ people: { user: UserSummary }[] }>(url, student, `${routes.contacts}?q=Петр`);
      assert.ok(found.body.people.some((p) => p.user.id === teacher));
      const byName = await api<{ people: unknown[] }>(url, student, `${routes.contacts}?q=Посторонний`);
      assert.deepEqual(byName.body.people, []);
      const byPhone = await api<{ people: unknown[] }>(url, student, `${routes.contacts}?q=%2B79991112233`);
      assert.deepEqual(byPhone.body.people, []);
      assert.deepEqual((await api<{ people: unknown[] }>(url, outsider.token, routes.contacts)).body.people, []);
      const foreign = await api<ErrorJson>(url, outsider.token, communityRoutes.orgMembers(org));
      assert.equal(foreign.body.error.code, 'not_org_member');
    });
  });
