import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CloseCode, type ServerFrame } from '@parta/protocol';
import { demo } from './seed.ts';
import { devToken, embedToken, post, socketClient, testServer } from './test-support.ts';

const { teacher, student1, parent1 } = demo.users;
const chat = demo.chats.class9a;
const texts = (events: ReturnType<Awaited<ReturnType<typeof socketClient>>['events']>) =>
  events.flatMap((e) => (e.kind === 'message.created' ? [e.message.text] : []));

describe(`WebSocket on ${process.env.PARTA_TEST_DB ?? 'pglite'}`, () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  let teacherToken: string;
  let studentToken: string;

  before(async () => {
    server = await testServer();
    teacherToken = await devToken(server.url, teacher);
    studentToken = await devToken(server.url, student1);
  });
  after(() => server.close());

  it('delivers a new message live to every member and to nobody else', async () => {
    const student = await socketClient(server.url, studentToken);
    const parent = await socketClient(server.url, await embedToken(parent1));
    const sent = await post(server.url, teacherToken, chat, 'Живое сообщение');
    const frame = await student.next((f) => f.type === 'event' && f.event.seq === sent.body.message.seq);
    assert.equal(
      frame.type === 'event' && frame.event.kind === 'message.created' && frame.event.message.text,
      'Живое сообщение',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(parent.events(chat).length, 0);
    student.close();
    parent.close();
  });

  it('replays exactly what a reconnecting client missed, in order, then goes live', async () => {
    const first = await socketClient(server.url, studentToken);
    const seen = await post(server.url, teacherToken, chat, 'до обрыва');
    await first.next((f) => f.type === 'event' && f.event.seq === seen.body.message.seq);
    first.close();
    await first.closed;

    const missed = ['пропущено 1', 'пропущено 2', 'пропущено 3'];
    for (const text of missed) await post(server.url, teacherToken, chat, text);

    const again = await socketClient(server.url, studentToken, { [chat]: seen.body.message.seq });
    assert.deepEqual(texts(again.events(chat)), missed);
    const seqs = again.events(chat).map((e) => e.seq);
    assert.deepEqual(
      seqs,
      [1, 2, 3].map((n) => seen.body.message.seq + n),
    );
    const resumed = again.frames.find((f) => f.type === 'resumed') as Extract<ServerFrame, { type: 'resumed' }>;
    assert.equal(resumed.replayed, 3);

    const live = await post(server.url, teacherToken, chat, 'после возврата');
    await again.next((f) => f.type === 'event' && f.event.seq === live.body.message.seq);
    assert.deepEqual(texts(again.events(chat)), [...missed, 'после возврата']);
    again.close();
  });

  it('does not replay chats the user is not a member of', async () => {
    const parent = await socketClient(server.url, await devToken(server.url, parent1), { [chat]: 0 });
    assert.equal(parent.events(chat).length, 0);
    parent.close();
  });

  it('closes a socket whose first frame carries a bad token', async () => {
    const forged = await embedToken(teacher, { secret: 'not-the-secret' });
    const client = await socketClient(server.url, forged);
    const error = client.frames.find((f) => f.type === 'error') as Extract<ServerFrame, { type: 'error' }>;
    assert.equal(error.code, 'unauthorized');
    assert.equal(await client.closed, CloseCode.Unauthorized);
  });

  it('answers pings', async () => {
    const client = await socketClient(server.url, studentToken);
    client.socket.send(JSON.stringify({ type: 'ping', t: 42 }));
    const pong = await client.next((f) => f.type === 'pong');
    assert.deepEqual(pong, { type: 'pong', t: 42 });
    client.close();
  });
});
