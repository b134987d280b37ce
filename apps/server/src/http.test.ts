import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  accountRoutes,
  type ChatsResponse,
  communityRoutes,
  type DevUsersResponse,
  type EventsResponse,
  type HistoryResponse,
  limits,
  type MeResponse,
  routes,
  type TokenResponse,
} from '@parta/protocol';
import { decodeJwt, SignJWT } from 'jose';
import { TokenVerifier } from 'livekit-server-sdk';
import { organisations, orgMembers, users } from './db/schema.ts';
import { demo } from './seed.ts';
import { api, backends, devToken, embedToken, livekit, post, testServer } from './test-support.ts';

const { teacher, student1, student2, parent1 } = demo.users;
const chat = demo.chats.class9a;
type ErrorJson = { error: { code: string; message: string } };

for (const backend of backends)
  describe(`HTTP API on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let url: string;
    let teacherToken: string;
    let studentToken: string;

    before(async () => {
      server = await testServer(backend);
      url = server.url;
      teacherToken = await devToken(url, teacher);
      studentToken = await devToken(url, student1);
    });
    after(() => server.close());

    describe('sign-in', () => {
      it('accepts an embed token minted with the organisation secret', async () => {
        const { status, body } = await api<{ user: { id: string; patronymic: string | null; verified: boolean } }>(
          url,
          await embedToken(teacher),
          routes.me,
        );
        assert.equal(status, 200);
        assert.equal(body.user.id, teacher);
        assert.equal(body.user.verified, true);
        assert.equal(body.user.patronymic, 'Ивановна');
      });

      it("tells a site's widgets the one organisation its token speaks for, Parta's own all of hers", async () => {
        const bySite = await api<MeResponse>(url, await embedToken(teacher), routes.me);
        const own = await api<MeResponse>(url, teacherToken, routes.me);
        assert.equal(bySite.body.site, demo.orgId);
        assert.equal(own.body.site, null);
        // Both list where she works: the school she joined first, then the college.
        for (const { body } of [bySite, own]) {
          assert.deepEqual(
            body.organisations.map((entry) => entry.organisation.id),
            [demo.orgId, demo.college.orgId],
          );
        }
        // What `site` tells the widgets is what the server holds the token to.
        const college = communityRoutes.organisation(demo.college.orgId);
        assert.equal((await api(url, await embedToken(teacher), college)).status, 403);
        assert.equal((await api(url, teacherToken, college)).status, 200);
      });

      it('shows no patronymic for a student, who is not staff', async () => {
        const { body } = await api<{ user: { patronymic: string | null; verified: boolean } }>(
          url,
          studentToken,
          routes.me,
        );
        assert.equal(body.user.verified, false);
        assert.equal(body.user.patronymic, null);
      });

      it('refuses a missing, forged, expired or foreign token with a clear code', async () => {
        const cases: [string | null, string][] = [
          [null, 'unauthorized'],
          ['not-a-jwt', 'unauthorized'],
          [await embedToken(teacher, { secret: 'wrong-secret' }), 'unauthorized'],
          [await embedToken(teacher, { expiresIn: Math.floor(Date.now() / 1000) - 10 }), 'token_expired'],
          [await embedToken(teacher, { orgId: 'other-school' }), 'unauthorized'],
        ];
        for (const [token, code] of cases) {
          const { status, body } = await api<{ error: { code: string; message: string } }>(url, token, routes.chats);
          assert.equal(status, 401, `token ${token?.slice(0, 12)}`);
          assert.equal(body.error.code, code);
          assert.ok(body.error.message.length > 5);
        }
      });

      it('refuses an embed token whose key id disagrees with its issuer, or that lives longer than an hour', async () => {
        const mint = (kid: string, expiresIn: string) =>
          new SignJWT({})
            .setProtectedHeader({ alg: 'HS256', kid })
            .setIssuer(demo.orgId)
            .setSubject(teacher)
            .setAudience('parta')
            .setExpirationTime(expiresIn)
            .sign(new TextEncoder().encode(demo.embedSecret));
        const cases: [string, number][] = [
          [await mint(demo.orgId, '55m'), 200],
          [await mint('other-school', '10m'), 401],
          [await mint(demo.orgId, '2h'), 401],
        ];
        for (const [token, status] of cases) assert.equal((await api(url, token, routes.me)).status, status);
      });

      it('lets an organisation speak only for its own members', async () => {
        await server.db.insert(organisations).values({
          id: 'lyceum-2',
          type: 'school',
          name: 'Лицей № 2',
          embedSecret: 'lyceum-secret',
        });
        await server.db.insert(users).values({ id: 'u-lyceum', surname: 'Лицеев', name: 'Пётр' });
        await server.db.insert(orgMembers).values({ orgId: 'lyceum-2', userId: 'u-lyceum', roles: ['student'] });
        const lyceum = { orgId: 'lyceum-2', secret: 'lyceum-secret' };

        const own = await api<{ user: { id: string } }>(url, await embedToken('u-lyceum', lyceum), routes.me);
        assert.equal(own.status, 200);
        assert.equal(own.body.user.id, 'u-lyceum');
        const ownChats = await api<ChatsResponse>(url, await embedToken('u-lyceum', lyceum), routes.chats);
        // Only "Saved messages", which everyone has.
        assert.deepEqual(
          ownChats.body.chats.map((c) => c.kind),
          ['saved'],
        );

        const refused = [
          await embedToken(teacher, lyceum),
          await embedToken('u-lyceum'),
          await embedToken('u-lyceum', { orgId: 'lyceum-2', secret: demo.embedSecret }),
        ];
        for (const token of refused) {
          const { status, body } = await api<ErrorJson>(url, token, routes.chats);
          assert.equal(status, 401);
          assert.equal(body.error.code, 'unauthorized');
        }
      });
    });

    describe('dev sign-in', () => {
      it('lists the seeded users with their role in Russian', async () => {
        const { status, body } = await api<DevUsersResponse>(url, null, accountRoutes.devUsers);
        assert.equal(status, 200);
        // Other tests here add people of another organisation; the demo's own are what the demo shows.
        const seeded = new Set<string>([...Object.values(demo.users), demo.college.admin]);
        const entries = body.users.filter((entry) => seeded.has(entry.user.id));
        assert.deepEqual(
          entries.map((entry) => [entry.user.id, entry.roleLabel]),
          [
            [demo.users.director, 'Администратор'],
            [demo.college.admin, 'Администратор'],
            // Once, though she also teaches at the college: as the school's class teacher, her senior role.
            [teacher, 'Классный руководитель'],
            [student2, 'Ученик'],
            [student1, 'Ученик'],
            [parent1, 'Родитель'],
          ],
        );
        assert.equal(body.users[0]!.user.id, demo.users.director);
        const teacherEntry = body.users.find((entry) => entry.user.id === teacher)!;
        assert.equal(teacherEntry.user.patronymic, 'Ивановна');
      });

      it('mints a fifteen-minute token for a known user and refuses anyone else', async () => {
        const { status, body } = await api<TokenResponse>(url, null, accountRoutes.devSignIn, {
          body: { userId: teacher },
        });
        assert.equal(status, 200);
        const lifetime = Date.parse(body.expiresAt) - Date.now();
        assert.ok(lifetime > 14 * 60_000 && lifetime <= 15 * 60_000, `lifetime ${lifetime}`);
        const claims = decodeJwt(body.token);
        assert.equal(claims.iss, 'parta');
        assert.equal(claims.sub, teacher);

        const unknown = await api<ErrorJson>(url, null, accountRoutes.devSignIn, { body: { userId: 'u-nobody' } });
        assert.equal(unknown.status, 404);
        assert.equal(unknown.body.error.code, 'not_found');
        const malformed = await api<ErrorJson>(url, null, accountRoutes.devSignIn, { body: { user: teacher } });
        assert.equal(malformed.status, 400);
        assert.equal(malformed.body.error.code, 'bad_request');
      });
    });

    it('reports its health and the database it runs on', async () => {
      const { status, body } = await api<{ ok: boolean; database: string }>(url, null, accountRoutes.health);
      assert.equal(status, 200);
      assert.deepEqual(body, { ok: true, database: backend });
    });

    it('lets pages of other origins call it', async () => {
      const response = await fetch(url + routes.chats, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://school.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), 'http://school.example');
    });

    it('lists only the chats the user belongs to, with member counts and role', async () => {
      const { body } = await api<ChatsResponse>(url, studentToken, routes.chats);
      const ids = body.chats
        .filter((c) => c.kind !== 'saved')
        .map((c) => c.id)
        .sort();
      assert.deepEqual(ids, [demo.chats.class9a, demo.chats.school].sort());
      assert.equal(body.chats.filter((c) => c.kind === 'saved').length, 1);
      const classChat = body.chats.find((c) => c.id === chat)!;
      assert.equal(classChat.memberCount, 3);
      assert.equal(classChat.myRole, 'member');
      assert.equal(classChat.kind, 'class');
    });

    it('stores a message, returns it in history and counts it unread for others', async () => {
      const sent = await post(url, teacherToken, chat, 'Завтра контрольная');
      assert.equal(sent.status, 201);
      const history = await api<HistoryResponse>(url, studentToken, routes.messages(chat));
      assert.equal(history.body.messages.at(-1)?.text, 'Завтра контрольная');
      assert.equal(history.body.messages.at(-1)?.author.surname, 'Петрова');
      const student = (await api<ChatsResponse>(url, studentToken, routes.chats)).body.chats.find(
        (c) => c.id === chat,
      )!;
      assert.ok(student.unreadCount >= 1);
      assert.equal(student.lastMessage?.text, 'Завтра контрольная');
      const own = (await api<ChatsResponse>(url, teacherToken, routes.chats)).body.chats.find((c) => c.id === chat)!;
      assert.equal(own.unreadCount, 0);
    });

    it('keeps a read position that only moves forward and never past the last event', async () => {
      const token = await devToken(url, student2);
      await post(url, teacherToken, chat, 'Прочитай меня');
      const unread = async () =>
        (await api<ChatsResponse>(url, token, routes.chats)).body.chats.find((c) => c.id === chat)!;
      const before = await unread();
      assert.ok(before.unreadCount > 0);

      const read = await api<{ readSeq: number; unreadCount: number }>(url, token, routes.read(chat), {
        body: { seq: before.lastSeq + 1000 },
      });
      assert.equal(read.status, 200);
      assert.equal(read.body.readSeq, before.lastSeq);
      assert.equal(read.body.unreadCount, 0);
      assert.equal((await unread()).unreadCount, 0);

      const back = await api<{ readSeq: number }>(url, token, routes.read(chat), { body: { seq: 0 } });
      assert.equal(back.body.readSeq, before.lastSeq);

      const bad = await api<{ error: { code: string } }>(url, token, routes.read(chat), { body: { seq: -1 } });
      assert.equal(bad.status, 400);
      const outsider = await api<{ error: { code: string } }>(url, await devToken(url, parent1), routes.read(chat), {
        body: { seq: 1 },
      });
      assert.equal(outsider.body.error.code, 'not_chat_member');
    });

    it('gives every message of a busy chat its own next sequence number', async () => {
      const { body: before } = await api<EventsResponse>(url, studentToken, `${routes.events(chat)}?after=0`);
      const tokens = [teacherToken, studentToken, await devToken(url, student2)];
      const sent = await Promise.all(
        Array.from({ length: 12 }, (_, n) => post(url, tokens[n % tokens.length]!, chat, `одновременно ${n}`)),
      );
      assert.ok(sent.every((response) => response.status === 201));
      const seqs = sent.map((response) => response.body.message.seq).sort((a, b) => a - b);
      assert.deepEqual(
        seqs,
        Array.from({ length: 12 }, (_, n) => before.lastSeq + 1 + n),
      );
      const { body: events } = await api<EventsResponse>(
        url,
        studentToken,
        `${routes.events(chat)}?after=${before.lastSeq}`,
      );
      assert.deepEqual(
        events.events.map((event) => event.seq),
        seqs,
      );
      const bySeq = new Map(sent.map((response) => [response.body.message.seq, response.body.message.text]));
      assert.deepEqual(
        events.events.map((event) => (event.kind === 'message.created' ? event.message.text : null)),
        seqs.map((seq) => bySeq.get(seq)),
      );
    });

    it('answers malformed requests with bad_request and says what is wrong', async () => {
      const badJson = await fetch(url + routes.messages(chat), {
        method: 'POST',
        headers: { authorization: `Bearer ${studentToken}`, 'content-type': 'application/json' },
        body: '{"text": ',
      });
      assert.equal(badJson.status, 400);
      assert.equal(((await badJson.json()) as ErrorJson).error.code, 'bad_request');

      const cases: [string, RegExp][] = [
        [`${routes.messages(chat)}?limit=0`, /limit/],
        [`${routes.messages(chat)}?limit=${limits.historyPageMax + 1}`, /limit/],
        [`${routes.messages(chat)}?before=abc`, /before/],
        [routes.events(chat), /after/],
      ];
      for (const [path, mentions] of cases) {
        const { status, body } = await api<ErrorJson>(url, studentToken, path);
        assert.equal(status, 400, path);
        assert.equal(body.error.code, 'bad_request');
        assert.match(body.error.message, mentions);
      }

      const shortKey = await post(url, studentToken, chat, 'Привет', 'k');
      assert.equal(shortKey.status, 400);
      assert.match((shortKey.body as unknown as ErrorJson).error.message, /clientKey/);

      const nowhere = await api<ErrorJson>(url, studentToken, '/api/v1/nowhere');
      assert.equal(nowhere.status, 404);
      assert.equal(nowhere.body.error.code, 'not_found');
    });

    it('pages history backwards by sequence number', async () => {
      for (let n = 1; n <= 5; n++) await post(url, studentToken, chat, `страница ${n}`);
      const first = await api<HistoryResponse>(url, studentToken, `${routes.messages(chat)}?limit=2`);
      assert.deepEqual(
        first.body.messages.map((m) => m.text),
        ['страница 4', 'страница 5'],
      );
      assert.equal(first.body.hasMore, true);
      const older = await api<HistoryResponse>(
        url,
        studentToken,
        `${routes.messages(chat)}?limit=2&before=${first.body.messages[0]!.seq}`,
      );
      assert.deepEqual(
        older.body.messages.map((m) => m.text),
        ['страница 2', 'страница 3'],
      );
    });

    it('never doubles a retried send, even when the retries race', async () => {
      const clientKey = crypto.randomUUID();
      const first = await post(url, studentToken, chat, 'Один раз', clientKey);
      const again = await post(url, studentToken, chat, 'Один раз', clientKey);
      assert.equal(first.status, 201);
      assert.equal(again.status, 200);
      assert.equal(again.body.message.id, first.body.message.id);

      const racingKey = crypto.randomUUID();
      const racing = await Promise.all(
        Array.from({ length: 5 }, () => post(url, studentToken, chat, 'Гонка', racingKey)),
      );
      assert.equal(new Set(racing.map((r) => r.body.message.id)).size, 1);
      assert.equal(racing.filter((r) => r.status === 201).length, 1);
      const history = await api<HistoryResponse>(url, studentToken, `${routes.messages(chat)}?limit=100`);
      assert.equal(history.body.messages.filter((m) => m.text === 'Гонка').length, 1);
    });

    it('refuses outsiders, students in a channel, and bad messages with readable errors', async () => {
      const parentToken = await devToken(url, parent1);
      const outsider = await post(url, parentToken, chat, 'Можно?');
      assert.equal(outsider.status, 403);
      assert.equal((outsider.body as unknown as { error: { code: string } }).error.code, 'not_chat_member');

      const channel = await post(url, studentToken, demo.chats.school, 'Всем привет');
      assert.equal(channel.status, 403);
      assert.equal((channel.body as unknown as { error: { code: string } }).error.code, 'forbidden');

      const blank = await post(url, studentToken, chat, '   ');
      assert.equal(blank.status, 400);
      assert.match((blank.body as unknown as { error: { message: string } }).error.message, /text/);

      const long = await post(url, studentToken, chat, 'я'.repeat(limits.messageTextMax + 1));
      assert.equal(long.status, 413);
      assert.equal((long.body as unknown as { error: { code: string } }).error.code, 'message_too_long');

      const missing = await post(url, studentToken, 'no-such-chat', 'Привет');
      assert.equal(missing.status, 404);
    });

    it('returns exactly the events after a cursor, in order', async () => {
      const { body: before } = await api<EventsResponse>(url, studentToken, `${routes.events(chat)}?after=0`);
      const cursor = before.lastSeq;
      const texts = ['первое', 'второе', 'третье'];
      for (const text of texts) await post(url, teacherToken, chat, text);
      const { body } = await api<EventsResponse>(url, studentToken, `${routes.events(chat)}?after=${cursor}`);
      assert.deepEqual(
        body.events.map((e) => e.seq),
        [cursor + 1, cursor + 2, cursor + 3],
      );
      assert.deepEqual(
        body.events.map((e) => (e.kind === 'message.created' ? e.message.text : null)),
        texts,
      );
      assert.equal(body.lastSeq, cursor + 3);
    });

    it('issues a call token only to chat members, for the chat room and the user', async () => {
      const { status, body } = await api<{ token: string; room: string; url: string; identity: string }>(
        url,
        studentToken,
        routes.callToken(chat),
        {
          method: 'POST',
        },
      );
      assert.equal(status, 200);
      assert.equal(body.room, `chat-${chat}`);
      assert.equal(body.identity, student1);
      assert.equal(body.url, livekit.url);
      // Verified with the LiveKit secret, as the media server will.
      const claims = await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(body.token);
      assert.equal(claims.sub, student1);
      assert.equal(claims.name, 'Смирнов Иван');
      assert.equal(claims.video?.room, `chat-${chat}`);
      assert.equal(claims.video?.roomJoin, true);

      const other = await api<{ error: { code: string } }>(
        url,
        await devToken(url, student2),
        routes.callToken(demo.chats.parents9a),
        {
          method: 'POST',
        },
      );
      assert.equal(other.status, 403);
      assert.equal(other.body.error.code, 'not_chat_member');
    });
  });
