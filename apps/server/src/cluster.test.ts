import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demo } from './seed.ts';
import { devToken, freshPostgres, post, socketClient, testServer } from './test-support.ts';

/** Several server processes behind one PostgreSQL and one Redis: a message sent to one reaches sockets on the other. */
describe('two server processes with Redis', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let a: Awaited<ReturnType<typeof testServer>>;
  let b: Awaited<ReturnType<typeof testServer>>;

  before(async () => {
    database = await freshPostgres();
    const shared = { databaseUrl: database.url, redisUrl: 'redis://127.0.0.1:6379', serverSecret: 'cluster-secret' };
    a = await testServer(shared);
    b = await testServer({ ...shared, seed: true });
  });
  after(async () => {
    await a.close();
    await b.close();
    await database.drop();
  });

  it('delivers across processes once each, in order', async () => {
    const teacherToken = await devToken(a.url, demo.users.teacher);
    // A token from one process is accepted by the other: they share the secret.
    const studentOnB = await socketClient(b.url, await devToken(a.url, demo.users.student1));
    const sent: { seq: number }[] = [];
    for (let n = 1; n <= 5; n++)
      sent.push((await post(a.url, teacherToken, demo.chats.class9a, `через Redis ${n}`)).body.message);
    await studentOnB.next((f) => f.type === 'event' && f.event.seq === sent.at(-1)!.seq);
    const received = studentOnB.events(demo.chats.class9a).filter((e) => e.kind === 'message.created');
    assert.deepEqual(
      received.map((e) => e.seq),
      sent.map((m) => m.seq),
    );
    studentOnB.close();
  });
});
