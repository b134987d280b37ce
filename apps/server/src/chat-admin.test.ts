import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type ChatInvitePreview,
  type ChatMembersResponse,
  type ChatResponse,
  type ChatsResponse,
  chatRoutes,
  type Folder,
  limits,
  routes,
} from '@parta/protocol';
import { eq } from 'drizzle-orm';
import { chats, organisations, orgMembers, users } from './db/schema.ts';
import { demo } from './seed.ts';
import { api, backends, devToken, embedToken, post, socketClient, testServer } from './test-support.ts';

const { director, teacher, student1, student2, parent1 } = demo.users;
const collegeAdmin = demo.college.admin;
type ErrorJson = { error: { code: string; message: string } };
type Answer<T> = { status: number; body: T & ErrorJson };

for (const backend of backends)
  describe(`chat management on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let url: string;
    const tokens = new Map<string, string>();
    const token = async (userId: string) => {
      if (!tokens.has(userId)) tokens.set(userId, await devToken(url, userId));
      return tokens.get(userId)!;
    };
    const call = async <T>(userId: string, path: string, init: { method?: string; body?: unknown } = {}) =>
      (await api<T & ErrorJson>(url, await token(userId), path, init)) as Answer<T>;
    const createChat = (userId: string, body: object) =>
      call<ChatResponse>(userId, routes.chats, { method: 'POST', body });
    const listOf = async (userId: string) => (await call<ChatsResponse>(userId, routes.chats)).body.chats;
    let people = 0;
    /** A new person in the demo school (or elsewhere), so a test starts from a clean slate. */
    const newPerson = async (surname: string, name: string, orgId: string | null = demo.orgId) => {
      const id = `u-chat-admin-${++people}-${Math.random().toString(36).slice(2, 8)}`;
      await server.db.insert(users).values({ id, surname, name });
      if (orgId) await server.db.insert(orgMembers).values({ orgId, userId: id, roles: ['student'] });
      return id;
    };
    const group = async (owner: string, members: string[], title = 'Кружок') => {
      const created = await createChat(owner, { kind: 'group', title, userIds: members });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body.chat;
    };

    before(async () => {
      server = await testServer(backend);
      url = server.url;
    });
    after(() => server.close());

    it('opens a one-to-one chat once, titled after the other person on each side', async () => {
      const watcher = await socketClient(url, await token(student2));
      const first = await createChat(student1, { kind: 'direct', userIds: [student2] });
      assert.equal(first.status, 201);
      assert.equal(first.body.chat.kind, 'direct');
      assert.equal(first.body.chat.title, 'Кузнецова Анна');
      assert.equal(first.body.chat.peer?.id, student2);
      assert.equal(first.body.chat.myRole, 'member');

      const frame = await watcher.next((f) => f.type === 'chat' && f.chat.id === first.body.chat.id);
      assert.equal(frame.type === 'chat' && frame.chat.title, 'Смирнов Иван');
      // The other side's socket now receives the chat's messages.
      const sent = await post(url, await token(student1), first.body.chat.id, 'Привет!');
      await watcher.next((f) => f.type === 'event' && f.event.seq === sent.body.message.seq);
      watcher.close();

      const again = await createChat(student1, { kind: 'direct', userIds: [student2, student1] });
      assert.equal(again.status, 200);
      assert.equal(again.body.chat.id, first.body.chat.id);
      const fromOtherSide = await createChat(student2, { kind: 'direct', userIds: [student1] });
      assert.equal(fromOtherSide.body.chat.id, first.body.chat.id);
      const [row] = await server.db.select().from(chats).where(eq(chats.id, first.body.chat.id));
      assert.equal(row!.personalKey, `direct:${[student1, student2].sort().join(':')}`);

      const two = await createChat(student1, { kind: 'direct', userIds: [student2, teacher] });
      assert.equal(two.status, 400);
    });

    it('refuses people one may not contact, naming the rule', async () => {
      // The college's administrator shares no organisation with a school student.
      for (const attempt of [
        await createChat(student1, { kind: 'direct', userIds: [collegeAdmin] }),
        await createChat(student1, { kind: 'group', title: 'Смешанный', userIds: [student2, collegeAdmin] }),
        await createChat(student1, { kind: 'direct', userIds: ['u-nobody'] }),
      ]) {
        assert.equal(attempt.status, 403);
        assert.equal(attempt.body.error.code, 'forbidden');
        assert.match(attempt.body.error.message, /share an organisation/);
      }
      // Through a site's token only that site's people: the teacher's college colleague is out of reach.
      const viaSite = await api<ErrorJson>(url, await embedToken(teacher), routes.chats, {
        body: { kind: 'direct', userIds: [collegeAdmin] },
      });
      assert.equal(viaSite.status, 403);
      const viaParta = await createChat(teacher, { kind: 'direct', userIds: [collegeAdmin] });
      assert.equal(viaParta.status, 201);
      assert.equal(viaParta.body.chat.orgId, null);
    });

    it('creates a group owned by its creator in the organisation all share, live for every member', async () => {
      const student = await socketClient(url, await token(student1));
      const chat = await group(teacher, [student1, student2], 'Олимпиада по физике');
      assert.equal(chat.myRole, 'owner');
      assert.equal(chat.orgId, demo.orgId);
      assert.equal(chat.memberCount, 3);
      assert.deepEqual(chat.settings, {
        onlyAdminsWrite: false,
        membersMayInvite: true,
        membersMayPin: false,
        membersMayEditInfo: false,
        disappearAfterSec: null,
      });
      const frame = await student.next((f) => f.type === 'chat' && f.chat.id === chat.id);
      assert.equal(frame.type === 'chat' && frame.chat.myRole, 'member');
      const sent = await post(url, await token(teacher), chat.id, 'Первое занятие в среду');
      await student.next((f) => f.type === 'event' && f.event.seq === sent.body.message.seq);
      student.close();

      const college = await group(teacher, [collegeAdmin], 'Преподаватели');
      assert.equal(college.orgId, demo.college.orgId);
      const untitled = await createChat(teacher, { kind: 'group', userIds: [student1] });
      assert.equal(untitled.status, 400);
      const elsewhere = await createChat(student1, {
        kind: 'group',
        title: 'Чужая',
        userIds: [student2],
        orgId: demo.college.orgId,
      });
      assert.equal(elsewhere.body.error.code, 'not_org_member');
    });

    it("copies an existing chat's members into a new group, only for that chat's members", async () => {
      const copy = await createChat(teacher, {
        kind: 'group',
        title: '9А: проект',
        userIds: [],
        fromChatId: demo.chats.class9a,
      });
      assert.equal(copy.status, 201);
      const members = await call<ChatMembersResponse>(teacher, chatRoutes.chatMembers(copy.body.chat.id));
      assert.deepEqual(members.body.members.map((m) => m.user.id).sort(), [student1, student2, teacher].sort());
      const outsider = await createChat(student1, {
        kind: 'group',
        title: 'Учительская 2',
        userIds: [],
        fromChatId: demo.chats.teachers,
      });
      assert.equal(outsider.status, 403);
      assert.equal(outsider.body.error.code, 'not_chat_member');
    });

    it('gives everyone "Saved messages", made once even when asked for at the same time', async () => {
      const person = await newPerson('Сохранова', 'Вера');
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, n) =>
          n % 2 ? call<ChatResponse>(person, chatRoutes.savedChat, { method: 'POST', body: {} }) : listOf(person),
        ),
      );
      const ids = new Set(
        answers.map((answer) =>
          Array.isArray(answer) ? answer.find((chat) => chat.kind === 'saved')!.id : answer.body.chat.id,
        ),
      );
      assert.equal(ids.size, 1);
      const saved = await server.db
        .select()
        .from(chats)
        .where(eq(chats.personalKey, `saved:${person}`));
      assert.equal(saved.length, 1);
      const [chatId] = ids;
      const chat = (await listOf(person)).find((c) => c.id === chatId)!;
      assert.equal(chat.kind, 'saved');
      assert.equal(chat.memberCount, 1);
      assert.equal((await post(url, await token(person), chatId!, 'заметка себе')).status, 201);
      const leave = await call(person, chatRoutes.chatMember(chatId!, person), { method: 'DELETE' });
      assert.equal(leave.status, 403);
    });

    it('answers one chat as the member sees it, and only to members', async () => {
      const chat = await group(teacher, [student1], 'Дежурство');
      const mine = await call<ChatResponse>(student1, chatRoutes.chat(chat.id));
      assert.equal(mine.status, 200);
      assert.equal(mine.body.chat.myRole, 'member');
      const stranger = await call<ChatResponse>(parent1, chatRoutes.chat(chat.id));
      assert.equal(stranger.body.error.code, 'not_chat_member');
      assert.equal((await call(parent1, chatRoutes.chat('no-such-chat'))).status, 404);
    });

    it('lets administrators change the title and settings, and members only when allowed, each an event', async () => {
      const chat = await group(teacher, [student1, student2], 'Старое имя');
      const watcher = await socketClient(url, await token(student2));
      const renamed = await call<ChatResponse>(teacher, chatRoutes.chat(chat.id), {
        method: 'PATCH',
        body: { title: 'Новое имя', settings: { onlyAdminsWrite: true, disappearAfterSec: 86_400 } },
      });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.chat.title, 'Новое имя');
      assert.equal(renamed.body.chat.onlyAdminsWrite, true);
      const frame = await watcher.next((f) => f.type === 'event' && f.event.kind === 'chat.updated');
      assert.ok(frame.type === 'event' && frame.event.kind === 'chat.updated');
      assert.equal(frame.event.title, 'Новое имя');
      assert.equal(frame.event.memberCount, 3);
      assert.equal(frame.event.settings.disappearAfterSec, 86_400);
      watcher.close();
      assert.equal((await post(url, await token(student1), chat.id, 'можно?')).status, 403);

      const byMember = await call(student1, chatRoutes.chat(chat.id), { method: 'PATCH', body: { title: 'Моё' } });
      assert.equal(byMember.status, 403);
      const settingsByMember = await call(student1, chatRoutes.chat(chat.id), {
        method: 'PATCH',
        body: { settings: { onlyAdminsWrite: false } },
      });
      assert.equal(settingsByMember.status, 403);
      const badTimer = await call(teacher, chatRoutes.chat(chat.id), {
        method: 'PATCH',
        body: { settings: { disappearAfterSec: 5 } },
      });
      assert.equal(badTimer.status, 400);

      await call(teacher, chatRoutes.chat(chat.id), {
        method: 'PATCH',
        body: { settings: { membersMayEditInfo: true } },
      });
      const allowed = await call<ChatResponse>(student1, chatRoutes.chat(chat.id), {
        method: 'PATCH',
        body: { title: 'Моё' },
      });
      assert.equal(allowed.body.chat.title, 'Моё');
      const classChat = await call(teacher, chatRoutes.chat(demo.chats.class9a), {
        method: 'PATCH',
        body: { title: 'Переименованный класс' },
      });
      assert.equal(classChat.status, 403);
    });

    it('lists members alphabetically by surname, finds them by name, and counts them all', async () => {
      const chat = await group(teacher, [student1, student2, director, parent1], 'Родительский комитет');
      const all = await call<ChatMembersResponse>(teacher, chatRoutes.chatMembers(chat.id));
      assert.equal(all.body.total, 5);
      assert.deepEqual(
        all.body.members.map((m) => m.user.surname),
        ['Кузнецова', 'Орлов', 'Петрова', 'Смирнов', 'Смирнова'],
      );
      assert.equal(all.body.members.find((m) => m.user.id === teacher)?.role, 'owner');
      const found = await call<ChatMembersResponse>(teacher, `${chatRoutes.chatMembers(chat.id)}?q=смирн&limit=1`);
      assert.deepEqual(
        found.body.members.map((m) => m.user.id),
        [student1],
      );
      assert.equal(found.body.total, 5);
      const byFullName = await call<ChatMembersResponse>(
        teacher,
        `${chatRoutes.chatMembers(chat.id)}?q=${encodeURIComponent('Ольга Смирнова')}`,
      );
      assert.deepEqual(
        byFullName.body.members.map((m) => m.user.id),
        [parent1],
      );
    });

    it('adds people live when allowed, only people one may contact', async () => {
      const chat = await group(teacher, [student1], 'Экскурсия');
      const newcomer = await socketClient(url, await token(student2));
      const old = await socketClient(url, await token(student1));
      const added = await call<ChatResponse & { added: string[] }>(student1, chatRoutes.chatMembers(chat.id), {
        body: { userIds: [student2] },
      });
      assert.equal(added.status, 200);
      assert.deepEqual(added.body.added, [student2]);
      assert.equal(added.body.chat.memberCount, 3);
      const joined = await newcomer.next((f) => f.type === 'chat' && f.chat.id === chat.id);
      assert.equal(joined.type === 'chat' && joined.chat.unreadCount, 0);
      const update = await old.next((f) => f.type === 'event' && f.event.kind === 'chat.updated');
      assert.equal(update.type === 'event' && update.event.kind === 'chat.updated' && update.event.memberCount, 3);
      const sent = await post(url, await token(teacher), chat.id, 'Автобус в 9:00');
      await newcomer.next((f) => f.type === 'event' && f.event.seq === sent.body.message.seq);
      newcomer.close();
      old.close();

      const loner = await newPerson('Одинокий', 'Пётр', null);
      const outsider = await call(teacher, chatRoutes.chatMembers(chat.id), { body: { userIds: [loner] } });
      assert.equal(outsider.status, 403);
      assert.match(outsider.body.error.message, /share an organisation/);
      await call(teacher, chatRoutes.chat(chat.id), {
        method: 'PATCH',
        body: { settings: { membersMayInvite: false } },
      });
      const notAllowed = await call(student1, chatRoutes.chatMembers(chat.id), { body: { userIds: [parent1] } });
      assert.equal(notAllowed.status, 403);
      const structure = await call(teacher, chatRoutes.chatMembers(demo.chats.class9a), {
        body: { userIds: [parent1] },
      });
      assert.equal(structure.status, 403);
    });

    it('removes members by administrators only, lets people leave, and hands ownership on', async () => {
      const chat = await group(teacher, [student1, student2, director], 'Совет');
      const refused = await call(student1, chatRoutes.chatMember(chat.id, student2), { method: 'DELETE' });
      assert.equal(refused.status, 403);

      const gone = await socketClient(url, await token(student2));
      const removed = await call<{ chat: ChatResponse['chat'] }>(teacher, chatRoutes.chatMember(chat.id, student2), {
        method: 'DELETE',
      });
      assert.equal(removed.status, 200);
      assert.equal(removed.body.chat.memberCount, 3);
      await gone.next((f) => f.type === 'chat.removed' && f.chatId === chat.id);
      const after = await post(url, await token(teacher), chat.id, 'без Анны');
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.ok(!gone.events(chat.id).some((e) => e.seq === after.body.message.seq));
      gone.close();
      assert.ok(!(await listOf(student2)).some((c) => c.id === chat.id));

      // Roles: an administrator is appointed, the owner cannot be demoted.
      const appointed = await call<{ member: { role: string } }>(
        teacher,
        chatRoutes.chatMemberRole(chat.id, director),
        { method: 'PUT', body: { role: 'admin' } },
      );
      assert.equal(appointed.body.member.role, 'admin');
      const demoteOwner = await call(director, chatRoutes.chatMemberRole(chat.id, teacher), {
        method: 'PUT',
        body: { role: 'member' },
      });
      assert.equal(demoteOwner.status, 403);
      const byMember = await call(student1, chatRoutes.chatMemberRole(chat.id, student1), {
        method: 'PUT',
        body: { role: 'admin' },
      });
      assert.equal(byMember.status, 403);
      const removeOwner = await call(director, chatRoutes.chatMember(chat.id, teacher), { method: 'DELETE' });
      assert.equal(removeOwner.status, 403);

      // The owner leaves: the oldest administrator becomes the owner.
      const left = await call<{ chat: null }>(teacher, chatRoutes.chatMember(chat.id, teacher), { method: 'DELETE' });
      assert.equal(left.status, 200);
      assert.equal(left.body.chat, null);
      const heir = (await listOf(director)).find((c) => c.id === chat.id)!;
      assert.equal(heir.myRole, 'owner');
      assert.equal(heir.memberCount, 2);

      const structure = await call(student1, chatRoutes.chatMember(demo.chats.class9a, student1), {
        method: 'DELETE',
      });
      assert.equal(structure.status, 403);
      assert.match(structure.body.error.message, /cannot be left/);
    });

    it("keeps the member's own state (muted, pinned, archived) and tells the member's other tabs", async () => {
      const person = await newPerson('Закрепова', 'Лена');
      const first = await group(person, [student1], 'Первый');
      const second = await group(person, [student1], 'Второй');
      await post(url, await token(person), first.id, 'свежее');
      const otherTab = await socketClient(url, await token(person));
      const pinned = await call<ChatResponse>(person, chatRoutes.chatMine(second.id), {
        method: 'PUT',
        body: { pinned: true, muted: true },
      });
      assert.ok(pinned.body.chat.pinnedAt);
      assert.equal(pinned.body.chat.muted, true);
      const frame = await otherTab.next(
        (f) => f.type === 'chat' && f.chat.id === second.id && Boolean(f.chat.pinnedAt),
      );
      assert.equal(frame.type === 'chat' && frame.chat.muted, true);
      otherTab.close();
      const order = (await listOf(person)).map((c) => c.id);
      assert.equal(order[0], second.id);
      assert.ok(order.indexOf(first.id) > 0);

      // Pinning again keeps its place; unpinning and archiving.
      const again = await call<ChatResponse>(person, chatRoutes.chatMine(second.id), {
        method: 'PUT',
        body: { pinned: true },
      });
      assert.equal(again.body.chat.pinnedAt, pinned.body.chat.pinnedAt);
      const archived = await call<ChatResponse>(person, chatRoutes.chatMine(second.id), {
        method: 'PUT',
        body: { pinned: false, archived: true },
      });
      assert.equal(archived.body.chat.pinnedAt, null);
      assert.equal(archived.body.chat.archived, true);
      // Another member's state is untouched.
      const theirs = (await listOf(student1)).find((c) => c.id === second.id)!;
      assert.equal(theirs.archived, false);
      assert.equal(theirs.muted, false);
      const stranger = await call(parent1, chatRoutes.chatMine(second.id), { method: 'PUT', body: { muted: true } });
      assert.equal(stranger.status, 403);
    });

    it('joins directly through a chat link, which administrators reset or revoke', async () => {
      const chat = await group(teacher, [student1], 'Хор');
      await call(teacher, chatRoutes.chat(chat.id), {
        method: 'PATCH',
        body: { settings: { membersMayInvite: false } },
      });
      assert.equal((await call(student1, chatRoutes.chatInvite(chat.id), { method: 'POST', body: {} })).status, 403);
      assert.equal((await call(student1, chatRoutes.chatInvite(chat.id))).status, 403);
      const none = await call<{ invite: null }>(teacher, chatRoutes.chatInvite(chat.id));
      assert.equal(none.body.invite, null);

      const made = await call<{ invite: { code: string; chatId: string } }>(teacher, chatRoutes.chatInvite(chat.id), {
        method: 'POST',
        body: {},
      });
      assert.equal(made.body.invite.chatId, chat.id);
      const { code } = made.body.invite;
      assert.equal(
        (await call<{ invite: { code: string } }>(teacher, chatRoutes.chatInvite(chat.id))).body.invite.code,
        code,
      );

      const preview = await call<ChatInvitePreview>(parent1, chatRoutes.chatInvitePreview(code));
      assert.deepEqual(preview.body, { chatId: chat.id, title: 'Хор', avatarUrl: null, memberCount: 2, member: false });
      const parentSocket = await socketClient(url, await token(parent1));
      const joined = await call<ChatResponse>(parent1, chatRoutes.chatInviteJoin(code), { method: 'POST', body: {} });
      assert.equal(joined.status, 201);
      assert.equal(joined.body.chat.myRole, 'member');
      assert.equal(joined.body.chat.memberCount, 3);
      await parentSocket.next((f) => f.type === 'chat' && f.chat.id === chat.id);
      parentSocket.close();
      const twice = await call<ChatResponse>(parent1, chatRoutes.chatInviteJoin(code), { method: 'POST', body: {} });
      assert.equal(twice.status, 200);
      assert.equal((await call<ChatInvitePreview>(parent1, chatRoutes.chatInvitePreview(code))).body.member, true);

      // A site's token reaches only its organisation's chats: the college's site cannot open a school chat.
      const collegeSecret = 'college-site-secret';
      await server.db
        .update(organisations)
        .set({ embedSecret: collegeSecret })
        .where(eq(organisations.id, demo.college.orgId));
      const viaCollege = await api<ErrorJson>(
        url,
        await embedToken(collegeAdmin, { orgId: demo.college.orgId, secret: collegeSecret }),
        chatRoutes.chatInviteJoin(code),
        { body: {} },
      );
      assert.equal(viaCollege.body.error.code, 'invite_invalid');

      // Reset: the old link stops working; revoked: no link at all.
      const reset = await call<{ invite: { code: string } }>(teacher, chatRoutes.chatInvite(chat.id), {
        method: 'POST',
        body: {},
      });
      assert.notEqual(reset.body.invite.code, code);
      const stale = await call(student2, chatRoutes.chatInviteJoin(code), { method: 'POST', body: {} });
      assert.equal(stale.body.error.code, 'invite_invalid');
      assert.equal((await call(student2, chatRoutes.chatInvitePreview(code))).body.error.code, 'invite_invalid');
      await call(teacher, chatRoutes.chatInvite(chat.id), { method: 'DELETE' });
      const revoked = await call(student2, chatRoutes.chatInviteJoin(reset.body.invite.code), {
        method: 'POST',
        body: {},
      });
      assert.equal(revoked.body.error.code, 'invite_invalid');
      assert.equal(
        (await call(teacher, chatRoutes.chatInvite(demo.chats.class9a), { method: 'POST', body: {} })).status,
        403,
      );
    });

    it('keeps at most fifteen folders per person, of their own chats, on every tab', async () => {
      const person = await newPerson('Папкина', 'Ира');
      const chat = await group(person, [student1], 'В папку');
      const otherTab = await socketClient(url, await token(person));
      type FolderAnswer = { folder: Folder; folders: Folder[] };
      const made = await call<FolderAnswer>(person, chatRoutes.folders, {
        body: { title: 'Учёба', chatIds: [chat.id] },
      });
      assert.equal(made.status, 201);
      assert.deepEqual(made.body.folder.chatIds, [chat.id]);
      await otherTab.next((f) => f.type === 'folders' && f.folders.some((folder) => folder.id === made.body.folder.id));
      otherTab.close();

      const foreign = await call(person, chatRoutes.folders, {
        body: { title: 'Чужое', chatIds: [demo.chats.teachers] },
      });
      assert.equal(foreign.body.error.code, 'not_chat_member');
      const renamed = await call<FolderAnswer>(person, chatRoutes.folder(made.body.folder.id), {
        method: 'PATCH',
        body: { title: 'Школа', chatIds: [] },
      });
      assert.deepEqual(renamed.body.folder, { id: made.body.folder.id, title: 'Школа', chatIds: [] });
      const notMine = await call(student1, chatRoutes.folder(made.body.folder.id), { method: 'DELETE' });
      assert.equal(notMine.status, 404);

      // Fourteen more at once: no race lets a sixteenth in.
      const burst = await Promise.all(
        Array.from({ length: 16 }, (_, n) =>
          call<FolderAnswer>(person, chatRoutes.folders, { body: { title: `Папка ${n}`, chatIds: [] } }),
        ),
      );
      assert.equal(burst.filter((answer) => answer.status === 201).length, limits.foldersMax - 1);
      const refused = burst.filter((answer) => answer.status !== 201);
      assert.equal(refused.length, 2);
      for (const answer of refused) {
        assert.equal(answer.body.error.code, 'limit_reached');
        assert.equal(answer.body.error.message, 'At most 15 folders');
      }
      const { folders } = (await call<{ folders: Folder[] }>(person, chatRoutes.folders)).body;
      assert.equal(folders.length, limits.foldersMax);
      assert.equal(folders[0]!.title, 'Школа');

      const deleted = await call<{ folders: Folder[] }>(person, chatRoutes.folder(made.body.folder.id), {
        method: 'DELETE',
      });
      assert.equal(deleted.body.folders.length, limits.foldersMax - 1);
      // Leaving a chat takes it out of one's folders.
      const kept = await call<FolderAnswer>(person, chatRoutes.folders, { body: { title: 'Ещё', chatIds: [chat.id] } });
      await call(person, chatRoutes.chatMember(chat.id, person), { method: 'DELETE' });
      const after = (await call<{ folders: Folder[] }>(person, chatRoutes.folders)).body.folders;
      assert.deepEqual(after.find((folder) => folder.id === kept.body.folder.id)?.chatIds, []);
    });
  });
