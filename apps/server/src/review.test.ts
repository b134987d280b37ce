import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type ChatEvent,
  type ChatSummary,
  chatRoutes,
  type Folder,
  limits,
  type Message,
  routes,
} from '@parta/protocol';
import { and, eq } from 'drizzle-orm';
import { chatMembers, chats, messages, users } from './db/schema.ts';
import { demo } from './seed.ts';
import { api, backends, devToken, embedToken, post, socketClient, testServer } from './test-support.ts';

/**
 * Leaks found by reviewing issue 4's server code: each test failed before its fix.
 */

const { teacher, student1 } = demo.users;
type ErrorJson = { error: { code: string; message: string } };
type EventsJson = { events: ChatEvent[]; lastSeq: number };

for (const backend of backends)
  describe(`review fixes on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let url: string;
    let teacherToken: string;
    let studentToken: string;

    before(async () => {
      // The sweeper is kept away: these tests look at messages past their time but not yet swept.
      server = await testServer(backend, { sweepIntervalMs: 3_600_000 });
      url = server.url;
      teacherToken = await devToken(url, teacher);
      studentToken = await devToken(url, student1);
    });
    after(() => server.close());

    it('replays no text of messages deleted or expired since, nor their quotes, in the event log', async () => {
      const chat = demo.chats.class9a;
      const start = (await api<EventsJson>(url, teacherToken, `${routes.events(chat)}?after=0&limit=1`)).body.lastSeq;
      const secret = (await post(url, teacherToken, chat, 'секрет, который удалят')).body.message;
      const reply = await api<{ message: Message }>(url, studentToken, routes.messages(chat), {
        body: { clientKey: crypto.randomUUID(), text: 'ответ', replyToId: secret.id },
      });
      assert.equal(reply.body.message.replyTo?.text, 'секрет, который удалят');
      await api(url, teacherToken, routes.message(chat, secret.id), {
        method: 'PATCH',
        body: { text: 'секрет после правки' },
      });
      const fleeting = (await post(url, teacherToken, chat, 'исчезающий секрет')).body.message;
      await api(url, teacherToken, routes.deleteMessages(chat), {
        body: { messageIds: [secret.id], scope: 'everyone' },
      });
      // Past its deadline, not yet swept: history already shows it gone.
      await server.db
        .update(messages)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(messages.id, fleeting.id));

      const { events } = (await api<EventsJson>(url, studentToken, `${routes.events(chat)}?after=${start}`)).body;
      const created = (id: string) =>
        events.find((e): e is Extract<ChatEvent, { kind: 'message.created' }> => {
          return e.kind === 'message.created' && e.message.id === id;
        })!.message;
      assert.equal(created(secret.id).text, '');
      assert.ok(created(secret.id).deletedAt);
      assert.equal(created(fleeting.id).text, '');
      assert.ok(created(fleeting.id).deletedAt);
      assert.deepEqual(
        {
          text: created(reply.body.message.id).replyTo?.text,
          deleted: created(reply.body.message.id).replyTo?.deleted,
        },
        { text: '', deleted: true },
      );
      const edit = events.find((e) => e.kind === 'message.edited' && e.messageId === secret.id);
      assert.equal(edit?.kind === 'message.edited' ? edit.text : null, '');
      assert.doesNotMatch(JSON.stringify(events), /секрет/);
    });

    it("keeps a site's token to its organisation's chats in folders", async () => {
      const [college] = await server.db
        .select({ chatId: chatMembers.chatId })
        .from(chatMembers)
        .innerJoin(chats, eq(chats.id, chatMembers.chatId))
        .where(and(eq(chatMembers.userId, teacher), eq(chats.orgId, demo.college.orgId)));
      assert.ok(college, 'the teacher is in a chat of the college');
      const siteToken = await embedToken(teacher);

      // Through the school's site, the college's chat cannot be put in a folder...
      const refused = await api<ErrorJson>(url, siteToken, chatRoutes.folders, {
        body: { title: 'Все', chatIds: [demo.chats.class9a, college.chatId] },
      });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'not_chat_member');

      const siteSocket = await socketClient(url, siteToken);
      // ...nor seen in one made through Parta itself; and changing the folder there keeps it.
      const made = await api<{ folder: Folder }>(url, teacherToken, chatRoutes.folders, {
        body: { title: 'Работа', chatIds: [demo.chats.class9a, college.chatId] },
      });
      assert.deepEqual(made.body.folder.chatIds.sort(), [demo.chats.class9a, college.chatId].sort());
      const siteFrame = (await siteSocket.next((f) => f.type === 'folders')) as { folders: Folder[] };
      siteSocket.close();
      assert.deepEqual(siteFrame.folders.find((f) => f.id === made.body.folder.id)?.chatIds, [demo.chats.class9a]);
      const onSite = (await api<{ folders: Folder[] }>(url, siteToken, chatRoutes.folders)).body.folders;
      assert.deepEqual(onSite.find((f) => f.id === made.body.folder.id)?.chatIds, [demo.chats.class9a]);
      const renamed = await api<{ folder: Folder }>(url, siteToken, chatRoutes.folder(made.body.folder.id), {
        method: 'PATCH',
        body: { title: 'Школа', chatIds: [demo.chats.teachers] },
      });
      assert.equal(renamed.status, 200);
      assert.deepEqual(renamed.body.folder.chatIds, [demo.chats.teachers]);
      const everywhere = (await api<{ folders: Folder[] }>(url, teacherToken, chatRoutes.folders)).body.folders;
      assert.deepEqual(
        everywhere.find((f) => f.id === made.body.folder.id)?.chatIds.sort(),
        [demo.chats.teachers, college.chatId].sort(),
      );
    });

    it('refuses editing and reacting to a message past its deadline, before the sweeper deletes it', async () => {
      const chat = demo.chats.teachers;
      const fleeting = (await post(url, teacherToken, chat, 'скоро исчезнет')).body.message;
      await server.db
        .update(messages)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(messages.id, fleeting.id));
      const edit = await api<ErrorJson>(url, teacherToken, routes.message(chat, fleeting.id), {
        method: 'PATCH',
        body: { text: 'воскрес' },
      });
      assert.equal(edit.body.error?.code, 'not_found');
      const reaction = await api<ErrorJson>(url, teacherToken, routes.reaction(chat, fleeting.id, '👍'), {
        method: 'PUT',
      });
      assert.equal(reaction.body.error?.code, 'not_found');
    });

    it('counts the people copied from another chat toward the limit of a new group', async () => {
      const big = crypto.randomUUID();
      const extra = Array.from({ length: limits.chatAddMax + 1 }, (_, n) => `u-review-${big}-${n}`);
      await server.db.insert(users).values(extra.map((id) => ({ id, surname: 'Тестов', name: `Номер ${id}` })));
      await server.db.insert(chats).values({ id: big, kind: 'group', title: 'Большой', orgId: demo.orgId });
      await server.db
        .insert(chatMembers)
        .values([teacher, ...extra].map((userId) => ({ chatId: big, userId, role: 'member' as const })));
      const created = await api<ErrorJson>(url, teacherToken, routes.chats, {
        body: { kind: 'group', title: 'Копия', userIds: [], fromChatId: big },
      });
      assert.equal(created.status, 429);
      assert.equal(created.body.error.code, 'limit_reached');
    });

    it('shows nobody typing in a channel they may only read', async () => {
      const watcher = await socketClient(url, teacherToken);
      const typist = await socketClient(url, studentToken);
      typist.socket.send(JSON.stringify({ type: 'typing', chatId: demo.chats.school }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      typist.socket.send(JSON.stringify({ type: 'typing', chatId: demo.chats.class9a }));
      await watcher.next((f) => f.type === 'typing' && f.chatId === demo.chats.class9a && f.userIds.includes(student1));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(
        watcher.frames.some((f) => f.type === 'typing' && f.chatId === demo.chats.school),
        false,
        'a reader of the school channel is not shown typing there',
      );
      watcher.close();
      typist.close();
    });

    it("lets nobody edit a forwarded copy, whose words are its original author's", async () => {
      const original = (await post(url, studentToken, demo.chats.class9a, 'слова ученика')).body.message;
      const forwarded = await api<{ messages: Message[] }>(url, teacherToken, chatRoutes.forward, {
        body: {
          fromChatId: demo.chats.class9a,
          messageIds: [original.id],
          toChatIds: [demo.chats.teachers],
          clientKey: crypto.randomUUID(),
        },
      });
      const copy = forwarded.body.messages[0]!;
      assert.equal(copy.forwardedFrom?.author.id, student1);
      const edit = await api<ErrorJson>(url, teacherToken, routes.message(demo.chats.teachers, copy.id), {
        method: 'PATCH',
        body: { text: 'слова, которых ученик не писал' },
      });
      assert.equal(edit.status, 403);
      assert.equal(edit.body.error.code, 'forbidden');
    });

    it('shows no expired message as the last or the pinned one in the chat list', async () => {
      const chat = demo.chats.teachers;
      const kept = (await post(url, teacherToken, chat, 'остаётся')).body.message;
      const fleeting = (await post(url, teacherToken, chat, 'исчезает')).body.message;
      await api(url, teacherToken, chatRoutes.pin(chat, fleeting.id), { method: 'PUT' });
      await server.db
        .update(messages)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(messages.id, fleeting.id));
      const list = (await api<{ chats: ChatSummary[] }>(url, teacherToken, routes.chats)).body.chats;
      const summary = list.find((c) => c.id === chat)!;
      assert.equal(summary.lastMessage?.id, kept.id);
      assert.equal(summary.pinnedMessage ?? null, null);
    });
  });
