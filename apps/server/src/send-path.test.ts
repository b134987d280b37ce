import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ChatEvent, type ChatSummary, chatRoutes, type Message, PartaError, routes } from '@parta/protocol';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { sendMessage } from './chats.ts';
import { chatMembers, chats, messageReactions, messages } from './db/schema.ts';
import { demo } from './seed.ts';
import { api, backends, devToken, post, socketClient, testServer } from './test-support.ts';

const { teacher, student1, parent1 } = demo.users;
const chat = demo.chats.class9a;

/**
 * A plain message is checked and written in one statement (chats.ts `writePlain`): the send's
 * checks, the chat's seq, the message, its event in the log and the author's read position. What the sender is answered,
 * what a socket receives and what the log replays must be one and the same.
 */
for (const backend of backends)
  describe(`sending a plain message on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let teacherToken: string;
    let studentToken: string;

    before(async () => {
      server = await testServer(backend);
      teacherToken = await devToken(server.url, teacher);
      studentToken = await devToken(server.url, student1);
    });
    after(() => server.close());

    /** A message of the teachers' room to forward. */
    const teachersMessage = async () => {
      const sent = await post(server.url, teacherToken, demo.chats.teachers, 'к пересылке', crypto.randomUUID());
      return sent.body.message.id;
    };

    const chatOf = async (token: string) => {
      const { body } = await api<{ chats: ChatSummary[] }>(server.url, token, routes.chats);
      return body.chats.find((entry) => entry.id === chat)!;
    };

    /**
     * Sends as one member and has another check that the answer, the socket's event, the logged
     * event and the history's last message are one and the same; gives the message back.
     */
    const sendSeenAlike = async (token: string, readerToken: string, text: string, extra = {}) => {
      const reader = await socketClient(server.url, readerToken);
      const sent = await api<{ message: Message }>(server.url, token, routes.messages(chat), {
        body: { clientKey: crypto.randomUUID(), text, ...extra },
      });
      assert.equal(sent.status, 201);
      const { message } = sent.body;
      const live = await reader.next((f) => f.type === 'event' && f.event.seq === message.seq);
      reader.close();
      const logged = await api<{ events: ChatEvent[] }>(
        server.url,
        readerToken,
        `${routes.events(chat)}?after=${message.seq - 1}`,
      );
      const expected: ChatEvent = {
        kind: 'message.created',
        chatId: chat,
        seq: message.seq,
        at: message.createdAt,
        message,
      };
      assert.deepEqual(live.type === 'event' && live.event, expected);
      assert.deepEqual(logged.body.events[0], expected);
      const history = await api<{ messages: Message[] }>(server.url, readerToken, routes.messages(chat));
      assert.deepEqual(history.body.messages.at(-1), message);
      return message;
    };

    it('answers, delivers and logs the same event, and reads the chat up to it for the author', async () => {
      const message = await sendSeenAlike(teacherToken, studentToken, 'Одно сообщение, три пути');
      // The time is the database's, to the millisecond, in the same form as every other timestamp.
      assert.match(message.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.ok(Math.abs(Date.parse(message.createdAt) - Date.now()) < 60_000);

      const mine = await chatOf(teacherToken);
      assert.equal(mine.lastSeq, message.seq);
      assert.equal(mine.readSeq, message.seq);
      assert.equal(mine.unreadCount, 0);
      assert.equal((await chatOf(studentToken)).lastSeq, message.seq);
    });

    it('gives racing sends to one chat consecutive numbers, and a retried key the same message', async () => {
      const before = (await chatOf(teacherToken)).lastSeq;
      const keys = Array.from({ length: 12 }, () => crypto.randomUUID());
      const sent = await Promise.all(
        keys.map((key, n) => post(server.url, n % 2 ? teacherToken : studentToken, chat, `гонка ${n}`, key)),
      );
      assert.deepEqual(
        sent.map((r) => r.status),
        keys.map(() => 201),
      );
      assert.deepEqual(
        sent.map((r) => r.body.message.seq).sort((a, b) => a - b),
        keys.map((_, n) => before + 1 + n),
      );
      // The same key again, even twice at once: the first message, no new number.
      const retried = await Promise.all([1, 2].map(() => post(server.url, studentToken, chat, 'гонка 0', keys[0])));
      for (const retry of retried) {
        assert.equal(retry.status, 200);
        assert.equal(retry.body.message.id, sent[0]!.body.message.id);
      }
      assert.equal((await chatOf(teacherToken)).lastSeq, before + keys.length);
    });

    it("gives an unverified author's name without the patronymic, and the chat's expiry, alike on all three paths", async () => {
      await server.db.update(chats).set({ disappearAfterSec: 90 }).where(eq(chats.id, chat));
      try {
        const message = await sendSeenAlike(studentToken, teacherToken, 'исчезающее от ученика');
        assert.deepEqual(message.author, {
          id: student1,
          surname: 'Смирнов',
          name: 'Иван',
          patronymic: null,
          verified: false,
          avatarUrl: null,
        });
        assert.equal(Date.parse(message.expiresAt!) - Date.parse(message.createdAt), 90_000);
        // A reply and a message that asks for confirmation take the other path, a forward a third:
        // each expires exactly the timer after the time the database gave it.
        const reply = await sendSeenAlike(teacherToken, studentToken, 'ответ', { replyToId: message.id });
        const confirm = await sendSeenAlike(teacherToken, studentToken, 'подтвердите', { requiresConfirmation: true });
        assert.equal(reply.replyToId, message.id);
        assert.ok(confirm.confirmation);
        const forwarded = await api<{ messages: Message[] }>(server.url, teacherToken, chatRoutes.forward, {
          body: {
            fromChatId: demo.chats.teachers,
            messageIds: [await teachersMessage()],
            toChatIds: [chat],
            clientKey: crypto.randomUUID(),
          },
        });
        assert.equal(forwarded.status, 201);
        for (const sent of [reply, confirm, forwarded.body.messages[0]!]) {
          assert.equal(Date.parse(sent.expiresAt!) - Date.parse(sent.createdAt), 90_000, sent.text);
        }
        const history = await api<{ messages: Message[] }>(server.url, studentToken, routes.messages(chat));
        assert.equal(history.body.messages.at(-1)!.expiresAt, forwarded.body.messages[0]!.expiresAt);
      } finally {
        await server.db.update(chats).set({ disappearAfterSec: null }).where(eq(chats.id, chat));
      }
    });

    it('writes nothing for a send it refuses (not a member, a channel or a chat for its admins, another site, a key used elsewhere) and writes the ones it allows', async () => {
      const lastSeqOf = async (id: string) =>
        (await server.db.select({ lastSeq: chats.lastSeq }).from(chats).where(eq(chats.id, id)))[0]!.lastSeq;
      const refusal = async (send: Promise<unknown>) => {
        try {
          await send;
        } catch (error) {
          assert.ok(error instanceof PartaError, String(error));
          return error.code;
        }
        assert.fail('the send was not refused');
      };
      const body = () => ({ clientKey: crypto.randomUUID(), text: 'не должно записаться' });
      const cases = [
        { chatId: chat, userId: parent1, site: null, code: 'not_chat_member' },
        { chatId: demo.chats.school, userId: teacher, site: null, code: 'forbidden' },
        { chatId: chat, userId: teacher, site: demo.college.orgId, code: 'not_chat_member' },
        { chatId: 'chat-that-does-not-exist', userId: teacher, site: null, code: 'not_found' },
      ];
      for (const { chatId, userId, site, code } of cases) {
        const before = chatId === chat || chatId === demo.chats.school ? await lastSeqOf(chatId) : 0;
        assert.equal(
          await refusal(sendMessage(server.db, userId, chatId, body(), site)),
          code,
          `${userId} in ${chatId}`,
        );
        if (before) assert.equal(await lastSeqOf(chatId), before, `nothing written in ${chatId}`);
      }
      // The school channel's owner writes there, by the same path, and a key used there is refused in another chat.
      const key = crypto.randomUUID();
      const director = await sendMessage(server.db, demo.users.director, demo.chats.school, {
        ...body(),
        clientKey: key,
      });
      assert.equal(director.message.seq, await lastSeqOf(demo.chats.school));
      assert.equal(
        await refusal(sendMessage(server.db, demo.users.director, demo.chats.staff, { ...body(), clientKey: key })),
        'conflict',
      );

      // A channel's admin may write, a member may not; "only administrators write" in a class chat likewise.
      const role = (chatId: string, userId: string, value: 'admin' | 'member') =>
        server.db
          .update(chatMembers)
          .set({ role: value })
          .where(and(eq(chatMembers.chatId, chatId), eq(chatMembers.userId, userId)));
      assert.equal(await refusal(sendMessage(server.db, teacher, demo.chats.staff, body())), 'forbidden');
      await role(demo.chats.staff, teacher, 'admin');
      try {
        const sent = await sendMessage(server.db, teacher, demo.chats.staff, body());
        assert.equal(sent.message.seq, await lastSeqOf(demo.chats.staff));
      } finally {
        await role(demo.chats.staff, teacher, 'member');
      }
      await server.db.update(chats).set({ onlyAdminsWrite: true }).where(eq(chats.id, chat));
      try {
        assert.equal(await refusal(sendMessage(server.db, student1, chat, body())), 'forbidden');
        // The class chat's owner, through the school's own site.
        const sent = await sendMessage(server.db, teacher, chat, body(), demo.orgId);
        assert.equal(sent.message.seq, await lastSeqOf(chat));
      } finally {
        await server.db.update(chats).set({ onlyAdminsWrite: false }).where(eq(chats.id, chat));
      }
    });
  });

/**
 * A member removed while their message waits for the chat's row lock: the removal holds the
 * lock and has deleted the membership, the sends read their checks before it commits. They
 * must be checked again after it (the chat's access version moved), not written.
 * PostgreSQL only: it takes two connections at once, which PGlite does not have.
 */
describe('a send racing the removal of its author on postgres', { skip: !backends.includes('postgres') }, () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  let holder: pg.Client;
  let monitor: pg.Client;

  before(async () => {
    server = await testServer('postgres');
    holder = new pg.Client({ connectionString: server.databaseUrl });
    monitor = new pg.Client({ connectionString: server.databaseUrl });
    await Promise.all([holder.connect(), monitor.connect()]);
  });
  after(async () => {
    await Promise.all([holder.end(), monitor.end()]);
    await server.close();
  });

  /** Waits until `count` other connections wait for a lock. */
  const lockWaiters = async (count: number) => {
    for (let tries = 0; tries < 200; tries++) {
      const { rows } = await monitor.query(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
      );
      if (rows[0].n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.fail(`fewer than ${count} connections came to wait for a lock`);
  };

  it('refuses a plain message, a reply, forwards into and out of the chat, an edit and a reaction checked before the removal committed, and writes none', async () => {
    const teacherToken = await devToken(server.url, teacher);
    const studentToken = await devToken(server.url, student1);
    const created = await api<{ chat: ChatSummary }>(server.url, teacherToken, routes.chats, {
      body: { kind: 'group', title: 'Гонка', userIds: [student1] },
    });
    assert.equal(created.status, 201);
    const group = created.body.chat.id;
    const quoted = await post(server.url, teacherToken, group, 'на это ответят');
    const forwardable = await post(server.url, teacherToken, chat, 'это перешлют в кружок');
    const own = await post(server.url, studentToken, group, 'своё, которое исправят');
    // The student keeps the chat in a folder: the removal takes it out of there after it has
    // deleted the membership, still holding the chat's row. Holding that folder row stops it there.
    const folder = await api(server.url, studentToken, chatRoutes.folders, {
      body: { title: 'Кружки', chatIds: [group] },
    });
    assert.equal(folder.status, 201);
    await holder.query('begin');
    await holder.query('select 1 from chat_folder_chats where chat_id = $1 for update', [group]);

    const removal = api(server.url, teacherToken, chatRoutes.chatMember(group, student1), { method: 'DELETE' });
    await lockWaiters(1);
    /** One of the student's writes, started now and answered later. */
    const asStudent = (path: string, init: { method?: string; body?: unknown }) =>
      api<{ error?: { code: string } }>(server.url, studentToken, path, init);
    const forwarding = (fromChatId: string, messageId: string, toChatId: string) =>
      asStudent(chatRoutes.forward, {
        body: { fromChatId, messageIds: [messageId], toChatIds: [toChatId], clientKey: crypto.randomUUID() },
      });
    const plain = asStudent(routes.messages(group), {
      body: { clientKey: crypto.randomUUID(), text: 'после удаления' },
    });
    const reply = asStudent(routes.messages(group), {
      body: { clientKey: crypto.randomUUID(), text: 'ответ после удаления', replyToId: quoted.body.message.id },
    });
    const forward = forwarding(chat, forwardable.body.message.id, group);
    const forwardOut = forwarding(group, quoted.body.message.id, chat);
    const edit = asStudent(routes.message(group, own.body.message.id), {
      method: 'PATCH',
      body: { text: 'исправлено после удаления' },
    });
    const reaction = asStudent(routes.reaction(group, quoted.body.message.id, '👍'), { method: 'PUT' });
    // The writes have read their checks (the membership still there) and wait for the chat's row.
    await lockWaiters(7);
    await holder.query('commit');

    assert.equal((await removal).status, 200);
    for (const sent of [await plain, await reply, await forward, await forwardOut, await edit, await reaction]) {
      assert.equal(sent.status, 403, JSON.stringify(sent.body));
      assert.equal(sent.body.error?.code, 'not_chat_member');
    }
    const written = await server.db
      .select({ id: messages.id, text: messages.text, editedAt: messages.editedAt })
      .from(messages)
      .where(and(eq(messages.chatId, group), eq(messages.authorId, student1)));
    assert.deepEqual(written, [{ id: own.body.message.id, text: 'своё, которое исправят', editedAt: null }]);
    const reactions = await server.db
      .select()
      .from(messageReactions)
      .where(eq(messageReactions.messageId, quoted.body.message.id));
    assert.deepEqual(reactions, []);
    // Nothing of the chat went out to 9А either.
    const copies = await server.db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.chatId, chat), eq(messages.authorId, student1), eq(messages.text, 'на это ответят')));
    assert.deepEqual(copies, []);
  });
});
