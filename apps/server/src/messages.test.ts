import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type HistoryResponse, limits, routes } from '@parta/protocol';
import { eq } from 'drizzle-orm';
import { messages } from './db/schema.ts';
import { demo } from './seed.ts';
import { api, backends, devToken, post, socketClient, testServer } from './test-support.ts';

const { teacher, student1, student2 } = demo.users;
const chat = demo.chats.class9a;
type ErrorJson = { error: { code: string; message: string } };

for (const backend of backends)
  describe(`editing and deleting messages on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let url: string;
    let teacherToken: string;
    let studentToken: string;
    const edit = (token: string, messageId: string, text: string) =>
      api<ErrorJson>(url, token, routes.message(chat, messageId), { method: 'PATCH', body: { text } });
    const remove = (token: string, messageIds: string[], scope: 'everyone' | 'me') =>
      api<{ deleted: string[] } & ErrorJson>(url, token, routes.deleteMessages(chat), { body: { messageIds, scope } });
    const historyOf = async (token: string) =>
      (await api<HistoryResponse>(url, token, `${routes.messages(chat)}?limit=100`)).body.messages;

    before(async () => {
      server = await testServer(backend);
      url = server.url;
      teacherToken = await devToken(url, teacher);
      studentToken = await devToken(url, student1);
    });
    after(() => server.close());

    it("edits one's own message within 24 hours, and every member sees the edit live", async () => {
      const sent = (await post(url, studentToken, chat, 'Домашка на 15-ю страницу')).body.message;
      const watcher = await socketClient(url, teacherToken);
      assert.equal((await edit(studentToken, sent.id, 'Домашка на 16-ю страницу')).status, 200);
      const frame = await watcher.next((f) => f.type === 'event' && f.event.kind === 'message.edited');
      assert.equal(
        frame.type === 'event' && frame.event.kind === 'message.edited' && frame.event.text,
        'Домашка на 16-ю страницу',
      );
      const shown = (await historyOf(teacherToken)).find((m) => m.id === sent.id)!;
      assert.equal(shown.text, 'Домашка на 16-ю страницу');
      assert.ok(shown.editedAt);
      watcher.close();

      assert.equal((await edit(teacherToken, sent.id, 'чужое')).body.error.code, 'forbidden');
      assert.equal((await edit(studentToken, sent.id, '   ')).status, 400);
      // A day and a minute later the text is final.
      await server.db
        .update(messages)
        .set({ createdAt: new Date(Date.now() - limits.editWindowMs - 60_000) })
        .where(eq(messages.id, sent.id));
      const late = await edit(studentToken, sent.id, 'поздно');
      assert.equal(late.status, 403);
      assert.equal(late.body.error.code, 'edit_window_closed');
      assert.match(late.body.error.message, /24 hours/);
    });

    it('deletes several for everyone, all or none: own at any age, anyone for a chat administrator', async () => {
      const own = [
        (await post(url, studentToken, chat, 'удалю 1')).body.message,
        (await post(url, studentToken, chat, 'удалю 2')).body.message,
      ];
      const others = (await post(url, await devToken(url, student2), chat, 'не моё')).body.message;
      await server.db
        .update(messages)
        .set({ createdAt: new Date('2020-09-01T08:00:00Z') })
        .where(eq(messages.id, own[0]!.id));

      const mixed = await remove(studentToken, [own[0]!.id, others.id], 'everyone');
      assert.equal(mixed.status, 403);
      assert.equal((await historyOf(teacherToken)).find((m) => m.id === own[0]!.id)?.deletedAt, null);

      const watcher = await socketClient(url, teacherToken);
      const done = await remove(
        studentToken,
        own.map((m) => m.id),
        'everyone',
      );
      assert.deepEqual(done.body.deleted.sort(), own.map((m) => m.id).sort());
      const deletedEvents = await watcher.next(
        (f) => f.type === 'event' && f.event.kind === 'message.deleted' && f.event.messageId === own[1]!.id,
      );
      assert.equal(deletedEvents.type, 'event');
      for (const message of own) {
        const shown = (await historyOf(teacherToken)).find((m) => m.id === message.id)!;
        assert.ok(shown.deletedAt);
        assert.equal(shown.text, '');
      }
      watcher.close();

      // The class teacher owns the class chat and may remove anyone's message.
      assert.deepEqual((await remove(teacherToken, [others.id], 'everyone')).body.deleted, [others.id]);
    });

    it('keeps reactions per person and emoji, live for everyone, in the order they appeared', async () => {
      const message = (await post(url, teacherToken, chat, 'Кто придёт на экскурсию?')).body.message;
      const reactAs = (token: string, emoji: string, method: 'PUT' | 'DELETE' = 'PUT') =>
        api<{ reactions: { emoji: string; userIds: string[] }[] } & ErrorJson>(
          url,
          token,
          routes.reaction(chat, message.id, emoji),
          { method },
        );
      const watcher = await socketClient(url, teacherToken);
      const student2Token = await devToken(url, student2);
      await reactAs(studentToken, '👍');
      await reactAs(student2Token, '🎉');
      const both = await reactAs(student2Token, '👍');
      assert.deepEqual(both.body.reactions, [
        { emoji: '👍', userIds: [student1, student2] },
        { emoji: '🎉', userIds: [student2] },
      ]);
      // Twice the same is no change and no event.
      const again = await reactAs(studentToken, '👍');
      assert.equal(again.status, 200);
      await watcher.next(
        (f) => f.type === 'event' && f.event.kind === 'message.reactions' && f.event.reactions.length === 2,
      );
      const events = watcher.events(chat).filter((e) => e.kind === 'message.reactions');
      assert.equal(events.length, 3);

      const back = await reactAs(student2Token, '🎉', 'DELETE');
      assert.deepEqual(back.body.reactions, [{ emoji: '👍', userIds: [student1, student2] }]);
      const shown = (await historyOf(teacherToken)).find((m) => m.id === message.id)!;
      assert.deepEqual(shown.reactions, [{ emoji: '👍', userIds: [student1, student2] }]);
      watcher.close();

      const notEmoji = await reactAs(studentToken, 'плюс');
      assert.equal(notEmoji.status, 400);
      assert.equal((await reactAs(await devToken(url, demo.users.parent1), '👍')).body.error.code, 'not_chat_member');
    });

    it('deletes for me only: gone from my history and my other tabs, still there for everyone else', async () => {
      const message = (await post(url, teacherToken, chat, 'Напоминание о собрании')).body.message;
      const otherTab = await socketClient(url, studentToken);
      const hidden = await remove(studentToken, [message.id], 'me');
      assert.equal(hidden.status, 200);
      const frame = await otherTab.next((f) => f.type === 'messages.hidden');
      assert.deepEqual(frame.type === 'messages.hidden' && frame.messageIds, [message.id]);
      assert.equal(
        (await historyOf(studentToken)).some((m) => m.id === message.id),
        false,
      );
      assert.equal((await historyOf(teacherToken)).find((m) => m.id === message.id)?.deletedAt, null);
      otherTab.close();

      const unknown = await remove(studentToken, [message.id, 'no-such-message'], 'me');
      assert.equal(unknown.status, 404);
      const tooMany = await remove(
        studentToken,
        Array.from({ length: limits.deleteBatchMax + 1 }, (_, n) => `m-${n}`),
        'me',
      );
      assert.equal(tooMany.status, 400);
      const outsider = await remove(await devToken(url, demo.users.parent1), [message.id], 'me');
      assert.equal(outsider.body.error.code, 'not_chat_member');
    });
  });
