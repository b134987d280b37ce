import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routes } from '@parta/protocol';
import { demo } from './seed.ts';
import { api, devToken, freshPostgres, post, socketClient, testServer } from './test-support.ts';

const chat = demo.chats.class9a;

/** Several server processes behind one PostgreSQL and one Redis: a message sent to one reaches sockets on the other. */
describe('two server processes with Redis', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let a: Awaited<ReturnType<typeof testServer>>;
  let b: Awaited<ReturnType<typeof testServer>>;

  before(async () => {
    database = await freshPostgres();
    const shared = { databaseUrl: database.url, redisUrl: 'redis://127.0.0.1:6379', serverSecret: 'cluster-secret' };
    // Started together on an empty database: both migrate and seed it at once, as a deployment would.
    [a, b] = await Promise.all([testServer('postgres', shared), testServer('postgres', shared)]);
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await database.drop();
  });

  it('delivers across processes once each, in order', async () => {
    const teacherToken = await devToken(a.url, demo.users.teacher);
    // A token from one process is accepted by the other: they share the secret.
    const studentOnB = await socketClient(b.url, await devToken(a.url, demo.users.student1));
    const sent: { seq: number }[] = [];
    for (let n = 1; n <= 5; n++) sent.push((await post(a.url, teacherToken, chat, `через Redis ${n}`)).body.message);
    await studentOnB.next((f) => f.type === 'event' && f.event.seq === sent.at(-1)!.seq);
    const received = studentOnB.events(chat).filter((e) => e.kind === 'message.created');
    assert.deepEqual(
      received.map((e) => e.seq),
      sent.map((m) => m.seq),
    );
    studentOnB.close();
  });

  it('keeps one order for sends racing through both processes', async () => {
    const teacherToken = await devToken(a.url, demo.users.teacher);
    const studentToken = await devToken(b.url, demo.users.student1);
    const onA = await socketClient(a.url, studentToken);
    const onB = await socketClient(b.url, teacherToken);
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        n % 2 ? post(a.url, teacherToken, chat, `A ${n}`) : post(b.url, studentToken, chat, `B ${n}`),
      ),
    );
    const seqs = sent.map((r) => r.body.message.seq).sort((x, y) => x - y);
    for (const client of [onA, onB]) {
      await client.next((f) => f.type === 'event' && f.event.seq === seqs.at(-1));
      assert.deepEqual(
        client.events(chat).map((e) => e.seq),
        seqs,
      );
      client.close();
    }
  });

  it("reaches the user's sockets on the other process with per-user frames", async () => {
    const token = await devToken(a.url, demo.users.student2);
    const onB = await socketClient(b.url, token);
    const sent = await post(a.url, await devToken(a.url, demo.users.teacher), chat, 'прочитай на другом');
    await api(a.url, token, routes.read(chat), { body: { seq: sent.body.message.seq } });
    const frame = await onB.next((f) => f.type === 'chat' && f.chat.id === chat);
    assert.equal(frame.type === 'chat' && frame.chat.readSeq, sent.body.message.seq);
    onB.close();
  });
});
