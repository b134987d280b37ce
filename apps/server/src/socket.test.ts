import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ChatEvent, CloseCode, routes, type ServerFrame } from '@parta/protocol';
import WebSocket from 'ws';
import { sendMessage } from './chats.ts';
import { demo } from './seed.ts';
import { api, backends, devToken, embedToken, post, socketClient, testServer } from './test-support.ts';

const { teacher, student1, parent1 } = demo.users;
const chat = demo.chats.class9a;
/** Sequence numbers must run on from the first one without a gap or a repeat. */
const assertContiguous = (events: ChatEvent[]) =>
  assert.deepEqual(
    events.map((e) => e.seq),
    events.map((_, n) => events[0]!.seq + n),
  );
const texts = (events: ReturnType<Awaited<ReturnType<typeof socketClient>>['events']>) =>
  events.flatMap((e) => (e.kind === 'message.created' ? [e.message.text] : []));

for (const backend of backends)
  describe(`WebSocket on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let teacherToken: string;
    let studentToken: string;

    before(async () => {
      server = await testServer(backend);
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

    it('accepts a resume sent right behind auth, without waiting for ready', async () => {
      const sent = await post(server.url, teacherToken, chat, 'до подключения');
      const socket = new WebSocket(server.url.replace(/^http/, 'ws') + routes.socket);
      const frames: ServerFrame[] = [];
      socket.on('message', (data) => frames.push(JSON.parse(String(data)) as ServerFrame));
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'auth', token: studentToken }));
      socket.send(JSON.stringify({ type: 'resume', cursors: { [chat]: sent.body.message.seq - 1 } }));
      for (let waited = 0; !frames.some((f) => f.type === 'resumed') && waited < 5000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.deepEqual(
        frames.map((f) => f.type),
        ['ready', 'event', 'resumed'],
      );
      socket.close();
    });

    it('sends events that reached it out of order in sequence, once each', async () => {
      const student = await socketClient(server.url, studentToken);
      const warmup = await post(server.url, teacherToken, chat, 'разогрев');
      await student.next((f) => f.type === 'event' && f.event.seq === warmup.body.message.seq);
      // Two commits whose announcements arrive newest first, as they may from two processes.
      const body = (text: string) => ({ clientKey: crypto.randomUUID(), text });
      const first = await sendMessage(server.db, teacher, chat, body('первое из двух'));
      const second = await sendMessage(server.db, teacher, chat, body('второе из двух'));
      await server.hub.publishEvent(second.event!);
      await server.hub.publishEvent(first.event!);
      await student.next((f) => f.type === 'event' && f.event.seq === second.message.seq);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const events = student.events(chat);
      assertContiguous(events);
      assert.deepEqual(texts(events), ['разогрев', 'первое из двух', 'второе из двух']);
      student.close();
    });

    it('neither repeats nor skips events announced newest first within one tick', async () => {
      const student = await socketClient(server.url, studentToken);
      const warmup = await post(server.url, teacherToken, chat, 'разогрев в такт');
      await student.next((f) => f.type === 'event' && f.event.seq === warmup.body.message.seq);
      const body = (text: string) => ({ clientKey: crypto.randomUUID(), text });
      const sent: Awaited<ReturnType<typeof sendMessage>>[] = [];
      for (const text of ['раз', 'два', 'три']) sent.push(await sendMessage(server.db, teacher, chat, body(text)));
      // Three and two each open a gap (two fills are queued); one arrives next in line and goes out
      // at once. The fills must start from where the socket then is, or "раз" would go out twice.
      void server.hub.publishEvent(sent[2]!.event!);
      void server.hub.publishEvent(sent[1]!.event!);
      await server.hub.publishEvent(sent[0]!.event!);
      await student.next((f) => f.type === 'event' && f.event.seq === sent[2]!.message.seq);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const events = student.events(chat);
      assertContiguous(events);
      assert.deepEqual(texts(events), ['разогрев в такт', 'раз', 'два', 'три']);
      student.close();
    });

    it('delivers racing sends to every socket once each, in order', async () => {
      const student = await socketClient(server.url, studentToken);
      const teacherSocket = await socketClient(server.url, teacherToken);
      const tokens = [teacherToken, studentToken];
      const sent = await Promise.all(
        Array.from({ length: 10 }, (_, n) => post(server.url, tokens[n % 2]!, chat, `гонка ${n}`)),
      );
      const lastSeq = Math.max(...sent.map((r) => r.body.message.seq));
      for (const client of [student, teacherSocket]) {
        await client.next((f) => f.type === 'event' && f.event.seq === lastSeq);
        const events = client.events(chat);
        assertContiguous(events);
        assert.equal(events.length, 10);
        client.close();
      }
    });

    it('holds live messages during a replay and sends them after it, in order', async () => {
      const cursor = (await post(server.url, teacherToken, chat, 'точка отсчёта')).body.message.seq;
      for (let n = 1; n <= 20; n++) await post(server.url, teacherToken, chat, `пропущено ${n}`);
      const [client, ...live] = await Promise.all([
        socketClient(server.url, studentToken, { [chat]: cursor }),
        ...Array.from({ length: 5 }, (_, n) => post(server.url, teacherToken, chat, `вживую ${n}`)),
      ]);
      const lastSeq = Math.max(...live.map((r) => r.body.message.seq));
      await client.next((f) => f.type === 'event' && f.event.seq === lastSeq);
      const events = client.events(chat);
      assert.equal(events[0]!.seq, cursor + 1);
      assertContiguous(events);
      assert.equal(events.length, 25);
      client.close();
    });

    it("keeps the user's other tabs in step when one marks the chat read", async () => {
      const tabs = [await socketClient(server.url, studentToken), await socketClient(server.url, studentToken)];
      const sent = await post(server.url, teacherToken, chat, 'прочитай');
      await api(server.url, studentToken, routes.read(chat), { body: { seq: sent.body.message.seq } });
      for (const tab of tabs) {
        const frame = await tab.next((f) => f.type === 'chat' && f.chat.id === chat);
        assert.equal(frame.type === 'chat' && frame.chat.unreadCount, 0);
        tab.close();
      }
    });

    it('answers a malformed frame with an error and keeps the socket open', async () => {
      const client = await socketClient(server.url, studentToken);
      client.socket.send('{"type":"shout"}');
      const error = await client.next((f) => f.type === 'error');
      assert.equal(error.type === 'error' && error.code, 'bad_request');
      client.socket.send(JSON.stringify({ type: 'ping', t: 7 }));
      await client.next((f) => f.type === 'pong');
      client.close();
    });

    it('still goes live for a client that never resumes', async () => {
      const client = await socketClient(server.url, studentToken, false);
      const sent = await post(server.url, teacherToken, chat, 'без resume');
      await client.next((f) => f.type === 'event' && f.event.seq === sent.body.message.seq, 5000);
      client.close();
    });
  });
