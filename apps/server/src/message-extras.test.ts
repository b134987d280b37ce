import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type ChatEvent,
  chatRoutes,
  type HistoryResponse,
  type ImportantResponse,
  limits,
  type Message,
  type ReceiptsResponse,
  routes,
  type ServerFrame,
} from '@parta/protocol';
import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { chatEvents, chatMembers, chats, messages, users } from './db/schema.ts';
import { demo } from './seed.ts';
import { api, backends, devToken, embedToken, freshPostgres, post, socketClient, testServer } from './test-support.ts';

const { teacher, student1, student2, director } = demo.users;
const chat = demo.chats.class9a;
type ErrorJson = { error: { code: string; message: string } };
type MessageJson = { message: Message } & ErrorJson;

const batchMs = 300;

for (const backend of backends)
  describe(`message features on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let url: string;
    let teacherToken: string;
    let studentToken: string;
    let student2Token: string;
    const send = (token: string, chatId: string, body: Record<string, unknown>) =>
      api<MessageJson>(url, token, routes.messages(chatId), { body: { clientKey: crypto.randomUUID(), ...body } });
    const historyOf = async (token: string, chatId: string = chat) =>
      (await api<HistoryResponse>(url, token, `${routes.messages(chatId)}?limit=100`)).body.messages;

    before(async () => {
      server = await testServer(backend, { sweepIntervalMs: 100, batching: { intervalMs: batchMs, typingTtlMs: 800 } });
      url = server.url;
      teacherToken = await devToken(url, teacher);
      studentToken = await devToken(url, student1);
      student2Token = await devToken(url, student2);
    });
    after(() => server.close());

    it('quotes the replied-to message, cut short, and shows it deleted once it is gone', async () => {
      const long = 'Задание: '.padEnd(limits.replyPreviewMax + 50, 'а');
      const original = (await post(url, teacherToken, chat, long)).body.message;
      const reply = await send(studentToken, chat, { text: 'Понял', replyToId: original.id });
      assert.equal(reply.status, 201);
      assert.equal(reply.body.message.replyTo?.id, original.id);
      assert.equal(reply.body.message.replyTo?.text.length, limits.replyPreviewMax);
      assert.equal(reply.body.message.replyTo?.author.id, teacher);
      assert.equal(reply.body.message.replyTo?.deleted, false);

      // A message of another chat cannot be replied to here.
      const elsewhere = (await post(url, teacherToken, demo.chats.teachers, 'в учительской')).body.message;
      const wrong = await send(studentToken, chat, { text: 'ответ', replyToId: elsewhere.id });
      assert.equal(wrong.status, 404);
      assert.equal(wrong.body.error.code, 'not_found');
      assert.match(wrong.body.error.message, /reply/);

      await api(url, teacherToken, routes.deleteMessages(chat), {
        body: { messageIds: [original.id], scope: 'everyone' },
      });
      const shown = (await historyOf(studentToken)).find((m) => m.id === reply.body.message.id)!;
      assert.deepEqual({ text: shown.replyTo?.text, deleted: shown.replyTo?.deleted }, { text: '', deleted: true });
    });

    it('forwards to at most 12 chats, all or none, in order, and never twice for one key', async () => {
      const first = (await post(url, studentToken, chat, 'первое')).body.message;
      const second = (await post(url, teacherToken, chat, 'второе')).body.message;
      const forward = (token: string, body: Record<string, unknown>) =>
        api<{ messages: Message[] } & ErrorJson>(url, token, chatRoutes.forward, {
          body: { fromChatId: chat, messageIds: [second.id, first.id], clientKey: crypto.randomUUID(), ...body },
        });

      const many = await forward(teacherToken, { toChatIds: Array.from({ length: 13 }, (_, n) => `chat-${n}`) });
      assert.equal(many.body.error.code, 'limit_reached');
      assert.equal(many.body.error.message, 'A message can be forwarded to at most 12 chats at once');

      // The student may read the school channel but not write in it: nothing goes anywhere.
      const refused = await forward(studentToken, { toChatIds: [chat, demo.chats.school] });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'forbidden');
      const copiesByStudent = await server.db
        .select()
        .from(messages)
        .where(and(eq(messages.authorId, student1), isNotNull(messages.forwardedFrom)));
      assert.equal(copiesByStudent.length, 0);

      const notMember = await api<ErrorJson>(url, studentToken, chatRoutes.forward, {
        body: { fromChatId: demo.chats.teachers, messageIds: [first.id], toChatIds: [chat], clientKey: 'k-12345678' },
      });
      assert.equal(notMember.body.error.code, 'not_chat_member');

      const watcher = await socketClient(url, studentToken);
      const clientKey = crypto.randomUUID();
      const body = { toChatIds: [demo.chats.teachers, chat], comment: 'Смотрите', clientKey };
      const done = await forward(teacherToken, body);
      assert.equal(done.status, 201);
      assert.equal(done.body.messages.length, 6);
      const inClass = done.body.messages.filter((m) => m.chatId === chat);
      assert.deepEqual(
        inClass.map((m) => m.text),
        ['Смотрите', 'первое', 'второе'],
      );
      assert.equal(inClass[0]!.forwardedFrom, undefined);
      assert.equal(inClass[1]!.forwardedFrom?.author.id, student1);
      assert.equal(inClass[1]!.forwardedFrom?.createdAt, (first as unknown as Message).createdAt);
      assert.equal(inClass[1]!.forwardedFrom?.chatTitle, '9А');
      assert.ok(inClass.every((m) => m.author.id === teacher));
      // One event per copy reaches the class.
      await watcher.next(
        (f) => f.type === 'event' && f.event.kind === 'message.created' && f.event.message.id === inClass[2]!.id,
      );
      const created = watcher
        .events(chat)
        .filter((e): e is Extract<ChatEvent, { kind: 'message.created' }> => e.kind === 'message.created')
        .map((e) => e.message.id);
      assert.deepEqual(
        created.filter((id) => inClass.some((m) => m.id === id)),
        inClass.map((m) => m.id),
      );

      // A retry returns the same copies and creates nothing.
      const lastSeq = (await server.db.select().from(chats).where(eq(chats.id, chat)))[0]!.lastSeq;
      const again = await forward(teacherToken, body);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body.messages.map((m) => m.id).sort(), done.body.messages.map((m) => m.id).sort());
      assert.equal((await server.db.select().from(chats).where(eq(chats.id, chat)))[0]!.lastSeq, lastSeq);
      watcher.close();
    });

    it('pins by permission, live for everyone, newest pinned first', async () => {
      const a = (await post(url, teacherToken, chat, 'закреп 1')).body.message;
      const b = (await post(url, studentToken, chat, 'закреп 2')).body.message;
      const pin = (token: string, id: string, on = true) =>
        api<{ pinned: boolean } & ErrorJson>(url, token, chatRoutes.pin(chat, id), { method: on ? 'PUT' : 'DELETE' });

      const denied = await pin(studentToken, a.id);
      assert.equal(denied.status, 403);
      assert.equal(denied.body.error.code, 'forbidden');
      assert.match(denied.body.error.message, /pin/);

      const watcher = await socketClient(url, studentToken);
      assert.equal((await pin(teacherToken, a.id)).body.pinned, true);
      await pin(teacherToken, b.id);
      const frame = await watcher.next(
        (f) => f.type === 'event' && f.event.kind === 'message.pinned' && f.event.messageId === b.id,
      );
      assert.equal(frame.type === 'event' && frame.event.kind === 'message.pinned' && frame.event.pinned, true);
      // Pinning again changes nothing and adds no event.
      const events = watcher.events(chat).length;
      await pin(teacherToken, b.id);
      assert.equal((await historyOf(studentToken)).find((m) => m.id === b.id)?.pinned, true);
      assert.equal(watcher.events(chat).length, events);

      const pins = await api<{ messages: Message[] }>(url, studentToken, chatRoutes.pins(chat));
      assert.deepEqual(
        pins.body.messages.slice(0, 2).map((m) => m.id),
        [b.id, a.id],
      );

      await pin(teacherToken, b.id, false);
      await watcher.next(
        (f) => f.type === 'event' && f.event.kind === 'message.pinned' && f.event.messageId === b.id && !f.event.pinned,
      );
      assert.equal((await historyOf(studentToken)).find((m) => m.id === b.id)?.pinned, undefined);
      assert.equal((await pin(teacherToken, 'no-such-message')).body.error.code, 'not_found');
      watcher.close();
    });

    it("keeps 'important' per user across chats, told to the user's other tabs, within the site's scope", async () => {
      const inClass = (await post(url, teacherToken, chat, 'важно в классе')).body.message;
      const inRoom = (await post(url, teacherToken, demo.chats.teachers, 'важно в учительской')).body.message;
      const [collegeChat] = await server.db
        .select({ id: chats.id })
        .from(chats)
        .innerJoin(chatMembers, and(eq(chatMembers.chatId, chats.id), eq(chatMembers.userId, teacher)))
        .where(and(eq(chats.orgId, demo.college.orgId), ne(chats.kind, 'channel')))
        .limit(1);
      assert.ok(collegeChat, 'the teacher has a college chat');
      const inCollege = (await post(url, teacherToken, collegeChat.id, 'важно в колледже')).body.message;
      const mark = (chatId: string, id: string, on = true) =>
        api<{ important: boolean } & ErrorJson>(url, teacherToken, chatRoutes.important(chatId, id), {
          method: on ? 'PUT' : 'DELETE',
        });

      const otherTab = await socketClient(url, teacherToken);
      assert.equal((await mark(chat, inClass.id)).body.important, true);
      const frame = await otherTab.next((f) => f.type === 'message.marked' && f.messageId === inClass.id);
      assert.deepEqual(frame, { type: 'message.marked', chatId: chat, messageId: inClass.id, important: true });
      await mark(demo.chats.teachers, inRoom.id);
      await mark(collegeChat.id, inCollege.id);

      assert.equal((await historyOf(teacherToken)).find((m) => m.id === inClass.id)?.important, true);
      // The mark is the teacher's own.
      assert.equal((await historyOf(studentToken)).find((m) => m.id === inClass.id)?.important, undefined);

      const all = (await api<ImportantResponse>(url, teacherToken, chatRoutes.importantMessages)).body.items;
      assert.deepEqual(
        all.map((item) => item.message.id),
        [inCollege.id, inRoom.id, inClass.id],
      );
      assert.equal(all[2]!.chat.title, '9А');
      const siteToken = await embedToken(teacher);
      const onSite = (await api<ImportantResponse>(url, siteToken, chatRoutes.importantMessages)).body.items;
      assert.deepEqual(
        onSite.map((item) => item.message.id),
        [inRoom.id, inClass.id],
      );

      await mark(demo.chats.teachers, inRoom.id, false);
      const left = (await api<ImportantResponse>(url, teacherToken, chatRoutes.importantMessages)).body.items;
      assert.ok(!left.some((item) => item.message.id === inRoom.id));
      assert.equal((await mark(chat, 'missing')).body.error.code, 'not_found');
      const stranger = await api<ErrorJson>(url, studentToken, chatRoutes.important(demo.chats.teachers, inRoom.id), {
        method: 'PUT',
      });
      assert.equal(stranger.body.error.code, 'not_chat_member');
      otherTab.close();
    });

    it('shows the sender who has read a message; others may not see the lists', async () => {
      const message = (await post(url, teacherToken, chat, 'кто прочитал?')).body.message;
      await api(url, studentToken, routes.read(chat), { body: { seq: message.seq } });
      const receipts = await api<ReceiptsResponse & ErrorJson>(
        url,
        teacherToken,
        chatRoutes.receipts(chat, message.id),
      );
      assert.equal(receipts.status, 200);
      assert.ok(receipts.body.read.some((entry) => entry.user.id === student1));
      assert.ok(receipts.body.unread.some((user) => user.id === student2));
      assert.ok(![...receipts.body.read.map((e) => e.user), ...receipts.body.unread].some((u) => u.id === teacher));
      assert.equal(receipts.body.confirmation, undefined);

      const other = await api<ErrorJson>(url, student2Token, chatRoutes.receipts(chat, message.id));
      assert.equal(other.status, 403);
      assert.equal(other.body.error.code, 'forbidden');
      assert.match(other.body.error.message, /sender/);

      // The chat list shows how far the others have read.
      const list = await api<{ chats: { id: string; othersReadSeq?: number }[] }>(url, teacherToken, routes.chats);
      assert.ok((list.body.chats.find((c) => c.id === chat)?.othersReadSeq ?? 0) >= message.seq);
    });

    it('asks for read confirmation: recipients confirm once, the sender sees who did, members get the counts', async () => {
      const watcher = await socketClient(url, teacherToken);
      const sent = await send(teacherToken, chat, { text: 'Подтвердите получение', requiresConfirmation: true });
      const message = sent.body.message;
      const count = (await server.db.select().from(chatMembers).where(eq(chatMembers.chatId, chat))).length;
      assert.deepEqual(message.confirmation, { confirmed: 0, total: count - 1, byMe: false });

      const confirm = (token: string, id = message.id) =>
        api<{ confirmation: { confirmed: number; total: number; byMe: boolean } } & ErrorJson>(
          url,
          token,
          chatRoutes.confirm(chat, id),
          { body: {} },
        );
      const mine = await confirm(studentToken);
      assert.deepEqual(mine.body.confirmation, { confirmed: 1, total: count - 1, byMe: true });
      assert.deepEqual((await confirm(studentToken)).body.confirmation, mine.body.confirmation);
      const own = await confirm(teacherToken);
      assert.equal(own.body.error.code, 'forbidden');
      const plain = (await post(url, teacherToken, chat, 'без подтверждения')).body.message;
      const notAsked = await confirm(studentToken, plain.id);
      assert.equal(notAsked.body.error.code, 'bad_request');
      assert.match(notAsked.body.error.message, /confirmation/);

      // Confirming reads up to the message; members hear both, batched.
      const [member] = await server.db
        .select()
        .from(chatMembers)
        .where(and(eq(chatMembers.chatId, chat), eq(chatMembers.userId, student1)));
      assert.ok(member!.readSeq >= message.seq);
      const receipts = await watcher.next(
        (f) => f.type === 'receipts' && f.chatId === chat && f.confirmations[message.id] === 1,
      );
      assert.ok(receipts.type === 'receipts' && (receipts.reads[student1] ?? 0) >= message.seq, 'in one frame');

      const asStudent = (await historyOf(studentToken)).find((m) => m.id === message.id)!;
      assert.deepEqual(asStudent.confirmation, { confirmed: 1, total: count - 1, byMe: true });
      const asOther = (await historyOf(student2Token)).find((m) => m.id === message.id)!;
      assert.equal(asOther.confirmation?.byMe, false);

      const lists = (await api<ReceiptsResponse>(url, teacherToken, chatRoutes.receipts(chat, message.id))).body;
      assert.deepEqual(
        lists.confirmation?.confirmed.map((entry) => entry.user.id),
        [student1],
      );
      assert.ok(lists.confirmation?.pending.some((user) => user.id === student2));
      watcher.close();
    });

    it('shows who is typing, to members only, until they stop or send', async () => {
      const watcher = await socketClient(url, teacherToken);
      const typist = await socketClient(url, studentToken);
      typist.socket.send(JSON.stringify({ type: 'typing', chatId: chat }));
      const typing = await watcher.next(
        (f) => f.type === 'typing' && f.chatId === chat && f.userIds.includes(student1),
      );
      assert.deepEqual(typing, { type: 'typing', chatId: chat, userIds: [student1] });
      // Nobody typing any more after the TTL: an empty set.
      await watcher.next((f) => f.type === 'typing' && f.chatId === chat && f.userIds.length === 0, 3000);

      // Sending ends typing at once.
      const since = (index: number) => (f: ServerFrame) => watcher.frames.indexOf(f) >= index;
      const start = watcher.frames.length;
      // A socket's signals for one chat are passed on at most every two seconds.
      await new Promise((resolve) => setTimeout(resolve, 2100));
      typist.socket.send(JSON.stringify({ type: 'typing', chatId: chat }));
      await watcher.next((f) => since(start)(f) && f.type === 'typing' && f.userIds.length === 1);
      const stopped = watcher.frames.length;
      await post(url, studentToken, chat, 'написал');
      await watcher.next(
        (f) => since(stopped)(f) && f.type === 'typing' && f.chatId === chat && f.userIds.length === 0,
        700,
      );

      // A socket that repeats itself is passed on once per two seconds, however fast it sends.
      const signals: string[] = [];
      server.context.bus.onMessage((topic, frame) => {
        if (topic === `batch:${chat}` && frame.type === 'typing') signals.push(...frame.userIds);
      });
      await new Promise((resolve) => setTimeout(resolve, 2100));
      for (let n = 0; n < 10; n++) typist.socket.send(JSON.stringify({ type: 'typing', chatId: chat }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(signals, [student1]);

      typist.socket.send(JSON.stringify({ type: 'typing', chatId: demo.chats.teachers }));
      const refused = await typist.next((f) => f.type === 'error');
      assert.equal(refused.type === 'error' && refused.code, 'not_chat_member');
      watcher.close();
      typist.close();
    });

    it('batches the read positions of a 2,000-member chat into a couple of small frames per socket', async () => {
      const big = `chat-big-${backend}`;
      const people = Array.from({ length: 2000 }, (_, n) => `u-big-${n}`);
      await server.db.insert(chats).values({ id: big, kind: 'group', title: 'Вся параллель', lastSeq: 0 });
      await server.db
        .insert(users)
        .values(people.map((id, n) => ({ id, surname: `Ученик${n}`, name: 'Тест' })))
        .onConflictDoNothing();
      await server.db
        .insert(chatMembers)
        .values(
          [...people, teacher, student1, student2].map((userId) => ({ chatId: big, userId, role: 'member' as const })),
        );
      const sockets = await Promise.all(
        [teacherToken, studentToken, student2Token].map((token) => socketClient(url, token)),
      );
      const message = (await post(url, teacherToken, big, 'Всем прочитать')).body.message;
      for (const socket of sockets) await socket.next((f) => f.type === 'event' && f.event.chatId === big);
      await server.db
        .update(chatMembers)
        .set({ readSeq: message.seq })
        .where(and(eq(chatMembers.chatId, big), inArray(chatMembers.userId, people)));
      // Everyone opens the chat within a second; one student had read further already.
      const started = Date.now();
      await server.batcher.read(big, student1, message.seq + 5);
      for (const [n, userId] of people.entries()) {
        await server.batcher.read(big, userId, message.seq);
        if (n % 200 === 199) await new Promise((resolve) => setTimeout(resolve, 90));
      }
      assert.ok(Date.now() - started < 1500);
      await new Promise((resolve) => setTimeout(resolve, batchMs * 3));
      const [teacherSocket, student1Socket] = sockets;
      for (const socket of sockets) {
        const frames = socket.frames.filter(
          (f): f is Extract<ServerFrame, { type: 'receipts' }> => f.type === 'receipts' && f.chatId === big,
        );
        assert.ok(frames.length >= 1 && frames.length <= 1 + Math.ceil(1500 / batchMs), `${frames.length} frames`);
        assert.ok(
          frames.every((f) => Object.keys(f.reads).length <= 2),
          'at most two read positions a frame, not one per member',
        );
        // How far the others have read, as a member's client works it out: its own position left out.
        const me = socket === teacherSocket ? teacher : socket === student1Socket ? student1 : student2;
        const furthest = Math.max(
          ...frames.flatMap((f) =>
            Object.entries(f.reads)
              .filter(([userId]) => userId !== me)
              .map(([, seq]) => seq),
          ),
        );
        assert.equal(furthest, me === student1 ? message.seq : message.seq + 5, `for ${me}`);
        socket.close();
      }
    });

    it('deletes disappearing messages for everyone when their time is up, and never shows them after', async () => {
      await server.db.update(chats).set({ disappearAfterSec: 30 }).where(eq(chats.id, demo.chats.teachers));
      const watcher = await socketClient(url, teacherToken);
      const before = Date.now();
      const message = (await send(teacherToken, demo.chats.teachers, { text: 'исчезну' })).body.message;
      await server.db.update(chats).set({ disappearAfterSec: null }).where(eq(chats.id, demo.chats.teachers));
      const expiresAt = new Date(message.expiresAt!).getTime();
      assert.ok(expiresAt >= before + 29_000 && expiresAt <= Date.now() + 31_000);
      const lasting = (await send(teacherToken, demo.chats.teachers, { text: 'останусь' })).body.message;
      assert.equal(lasting.expiresAt, undefined);

      // Past its time the text is gone at once, then the sweeper deletes it with an ordinary event.
      await server.db
        .update(messages)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(messages.id, message.id));
      const shown = (await historyOf(teacherToken, demo.chats.teachers)).find((m) => m.id === message.id)!;
      assert.equal(shown.text, '');
      assert.ok(shown.deletedAt);
      await watcher.next(
        (f) => f.type === 'event' && f.event.kind === 'message.deleted' && f.event.messageId === message.id,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const deletions = await server.db
        .select()
        .from(chatEvents)
        .where(and(eq(chatEvents.chatId, demo.chats.teachers), eq(chatEvents.kind, 'message.deleted')));
      assert.equal(
        deletions.filter((row) => (row.payload as { messageId: string }).messageId === message.id).length,
        1,
      );
      watcher.close();
    });

    it('gives awards by permission, to members, once per key', async () => {
      const award = (token: string, body: Record<string, unknown>, chatId = chat) =>
        api<MessageJson>(url, token, chatRoutes.awards(chatId), {
          body: { badge: 'curious', clientKey: crypto.randomUUID(), ...body },
        });
      const byStudent = await award(studentToken, { userId: student2 });
      assert.equal(byStudent.body.error.code, 'forbidden');
      assert.equal((await award(teacherToken, { userId: teacher })).body.error.code, 'forbidden');
      const outsider = await award(teacherToken, { userId: director });
      assert.equal(outsider.status, 404);
      assert.match(outsider.body.error.message, /not a member/);
      assert.equal((await award(teacherToken, { userId: student1, badge: 'gold' })).status, 400);

      const clientKey = crypto.randomUUID();
      const given = await award(teacherToken, { userId: student1, note: 'За вопросы на уроке', clientKey });
      assert.equal(given.status, 201);
      assert.deepEqual(
        { badge: given.body.message.award?.badge, recipient: given.body.message.award?.recipient.id },
        { badge: 'curious', recipient: student1 },
      );
      assert.equal(given.body.message.text, 'За вопросы на уроке');
      const again = await award(teacherToken, { userId: student1, note: 'За вопросы на уроке', clientKey });
      assert.equal(again.status, 200);
      assert.equal(again.body.message.id, given.body.message.id);

      const silent = await award(teacherToken, { userId: student2, badge: 'star' });
      assert.equal(silent.body.message.text, '');
      const inHistory = (await historyOf(studentToken)).find((m) => m.id === silent.body.message.id)!;
      assert.equal(inHistory.award?.recipient.surname, 'Кузнецова');

      // Forwarded, it stays an award: the badge and whom it was given to, with the note.
      const forwarded = await api<{ messages: Message[] } & ErrorJson>(url, teacherToken, chatRoutes.forward, {
        body: {
          fromChatId: chat,
          messageIds: [given.body.message.id],
          toChatIds: [demo.chats.teachers],
          clientKey: crypto.randomUUID(),
        },
      });
      assert.equal(forwarded.status, 201);
      const copy = forwarded.body.messages[0]!;
      assert.deepEqual(
        { badge: copy.award?.badge, recipient: copy.award?.recipient.id, text: copy.text },
        { badge: 'curious', recipient: student1, text: 'За вопросы на уроке' },
      );
      assert.ok(copy.forwardedFrom);
      const copyInHistory = (await historyOf(teacherToken, demo.chats.teachers)).find((m) => m.id === copy.id)!;
      assert.equal(copyInHistory.award?.recipient.id, student1);
    });
  });

describe('typing and receipts across two processes with Redis', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let a: Awaited<ReturnType<typeof testServer>>;
  let b: Awaited<ReturnType<typeof testServer>>;

  before(async () => {
    database = await freshPostgres();
    const shared = {
      databaseUrl: database.url,
      redisUrl: 'redis://127.0.0.1:6379',
      serverSecret: 'extras-secret',
      batching: { intervalMs: 200 },
      sweepIntervalMs: 30,
    };
    [a, b] = await Promise.all([testServer('postgres', shared), testServer('postgres', shared)]);
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await database.drop();
  });

  it('reaches a socket on the other process, once per batch', async () => {
    const teacherToken = await devToken(a.url, teacher);
    const studentToken = await devToken(a.url, student1);
    const onB = await socketClient(b.url, teacherToken);
    const onA = await socketClient(a.url, studentToken);
    onA.socket.send(JSON.stringify({ type: 'typing', chatId: chat }));
    await onB.next((f) => f.type === 'typing' && f.chatId === chat && f.userIds.includes(student1));
    const sent = (await post(a.url, teacherToken, chat, 'через два процесса')).body.message;
    await api(a.url, studentToken, routes.read(chat), { body: { seq: sent.seq } });
    const receipts = await onB.next(
      (f) => f.type === 'receipts' && f.chatId === chat && f.reads[student1] === sent.seq,
    );
    assert.equal(receipts.type, 'receipts');
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(onB.frames.filter((f) => f.type === 'receipts').length, 1);
    onA.close();
    onB.close();
  });

  it('deletes each expired message once although both processes sweep', async () => {
    const teacherToken = await devToken(a.url, teacher);
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, n) => post(a.url, teacherToken, demo.chats.teachers, `исчезнет ${n}`)),
    );
    const ids = sent.map((response) => response.body.message.id);
    await a.db
      .update(messages)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(inArray(messages.id, ids));
    const deadline = Date.now() + 5000;
    let deletions: { payload: unknown }[] = [];
    while (Date.now() < deadline) {
      deletions = (
        await a.db
          .select()
          .from(chatEvents)
          .where(and(eq(chatEvents.chatId, demo.chats.teachers), eq(chatEvents.kind, 'message.deleted')))
      ).filter((row) => ids.includes((row.payload as { messageId: string }).messageId));
      if (deletions.length >= ids.length) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const final = (
      await a.db
        .select()
        .from(chatEvents)
        .where(and(eq(chatEvents.chatId, demo.chats.teachers), eq(chatEvents.kind, 'message.deleted')))
    ).filter((row) => ids.includes((row.payload as { messageId: string }).messageId));
    assert.equal(final.length, ids.length);
    assert.equal(new Set(final.map((row) => (row.payload as { messageId: string }).messageId)).size, ids.length);
  });
});
