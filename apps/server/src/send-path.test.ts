import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ChatEvent, type ChatSummary, type Message, routes } from '@parta/protocol';
import { demo } from './seed.ts';
import { api, backends, devToken, post, socketClient, testServer } from './test-support.ts';

const { teacher, student1 } = demo.users;
const chat = demo.chats.class9a;

/**
 * A plain message is written in one statement (chats.ts `insertPlain`): the chat's seq, the
 * message, its event in the log and the author's read position. What the sender is answered,
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

    const chatOf = async (token: string) => {
      const { body } = await api<{ chats: ChatSummary[] }>(server.url, token, routes.chats);
      return body.chats.find((entry) => entry.id === chat)!;
    };

    it('answers, delivers and logs the same event, and reads the chat up to it for the author', async () => {
      const student = await socketClient(server.url, studentToken);
      const sent = await api<{ message: Message }>(server.url, teacherToken, routes.messages(chat), {
        body: { clientKey: crypto.randomUUID(), text: 'Одно сообщение, три пути' },
      });
      assert.equal(sent.status, 201);
      const { message } = sent.body;
      const live = await student.next((f) => f.type === 'event' && f.event.seq === message.seq);
      const logged = await api<{ events: ChatEvent[] }>(
        server.url,
        studentToken,
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
      // The time is the database's, to the millisecond, in the same form as every other timestamp.
      assert.match(message.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.ok(Math.abs(Date.parse(message.createdAt) - Date.now()) < 60_000);

      const history = await api<{ messages: Message[] }>(server.url, studentToken, routes.messages(chat));
      assert.deepEqual(history.body.messages.at(-1), message);
      const mine = await chatOf(teacherToken);
      assert.equal(mine.lastSeq, message.seq);
      assert.equal(mine.readSeq, message.seq);
      assert.equal(mine.unreadCount, 0);
      assert.equal((await chatOf(studentToken)).lastSeq, message.seq);
      student.close();
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
  });
