import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type HistoryResponse, routes } from '@parta/protocol';
import { demo } from './seed.ts';
import { api, backends, devToken, post, testServer } from './test-support.ts';

const { teacher, student1 } = demo.users;
const chat = demo.chats.teachers;
type ErrorJson = { error: { code: string; message: string } };

for (const backend of backends)
  describe(`history pages forward and around a message on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let url: string;
    let teacherToken: string;
    let directorToken: string;
    /** Everything in the chat after the seeding, oldest first. */
    let all: { id: string; seq: number; text: string }[];
    const page = (token: string, query: string) =>
      api<HistoryResponse & ErrorJson>(url, token, `${routes.messages(chat)}?${query}`);
    const texts = (response: { body: HistoryResponse }) => response.body.messages.map((message) => message.text);
    const textsOf = (from: number, to?: number) => all.slice(from, to).map((message) => message.text);

    before(async () => {
      server = await testServer(backend);
      url = server.url;
      teacherToken = await devToken(url, teacher);
      directorToken = await devToken(url, demo.users.director);
      for (let n = 0; n < 30; n++) await post(url, n % 2 ? directorToken : teacherToken, chat, `Сообщение ${n}`);
      all = (await page(teacherToken, 'limit=100')).body.messages;
      assert.ok(all.length >= 30);
    });
    after(() => server.close());

    it('pages forward after a seq, oldest first, and says whether newer ones exist', async () => {
      const first = await page(teacherToken, `after=${all[9]!.seq}&limit=5`);
      assert.equal(first.status, 200);
      assert.deepEqual(texts(first), textsOf(10, 15));
      assert.equal(first.body.hasNewer, true);
      assert.equal(first.body.hasMore, true);

      const last = await page(teacherToken, `after=${all.at(-4)!.seq}&limit=5`);
      assert.deepEqual(texts(last), textsOf(-3));
      assert.equal(last.body.hasNewer, false);

      const beyond = await page(teacherToken, `after=${all.at(-1)!.seq}&limit=5`);
      assert.deepEqual(beyond.body.messages, []);
      assert.equal(beyond.body.hasNewer, false);
      assert.equal(beyond.body.hasMore, true);

      const fromStart = await page(teacherToken, `after=0&limit=3`);
      assert.deepEqual(texts(fromStart), textsOf(0, 3));
      assert.equal(fromStart.body.hasMore, false);
      // A plain page says nothing about newer ones: it is the newest.
      assert.equal((await page(teacherToken, 'limit=3')).body.hasNewer, undefined);
    });

    it('says where the chat stood when a page was read, for a client to fetch the events after it', async () => {
      const before = (await page(teacherToken, 'limit=3')).body;
      assert.equal(before.lastSeq, before.messages.at(-1)!.seq);
      // An event that is not a message moves the chat on; the next page says so.
      const reacted = await api(url, teacherToken, routes.reaction(chat, before.messages.at(-1)!.id, '👍'), {
        method: 'PUT',
      });
      assert.ok(reacted.status < 300, `reaction: ${reacted.status}`);
      const after = (await page(teacherToken, 'limit=3')).body;
      assert.equal(after.lastSeq, before.lastSeq! + 1);
      assert.equal(after.messages.at(-1)!.seq, before.lastSeq);
    });

    it('centres a page on a message, with some before and some after it', async () => {
      const target = all[15]!;
      const centred = await page(teacherToken, `around=${target.id}&limit=7`);
      assert.equal(centred.status, 200);
      assert.deepEqual(texts(centred), textsOf(12, 19));
      assert.equal(centred.body.hasMore, true);
      assert.equal(centred.body.hasNewer, true);

      // Near the end the room after it goes to older ones, and nothing newer is left.
      const newest = await page(teacherToken, `around=${all.at(-2)!.id}&limit=7`);
      assert.deepEqual(texts(newest), textsOf(-7));
      assert.equal(newest.body.hasNewer, false);
      assert.equal(newest.body.hasMore, true);

      // Near the start, the other way round.
      const oldest = await page(teacherToken, `around=${all[1]!.id}&limit=7`);
      assert.deepEqual(texts(oldest), textsOf(0, 7));
      assert.equal(oldest.body.hasMore, false);
      assert.equal(oldest.body.hasNewer, true);

      const alone = await page(teacherToken, `around=${target.id}&limit=1`);
      assert.deepEqual(texts(alone), [target.text]);
      assert.equal(alone.body.hasMore && alone.body.hasNewer, true);
    });

    it('refuses a message that is not in the chat, or that the reader deleted for itself', async () => {
      const elsewhere = (await post(url, teacherToken, demo.chats.class9a, 'В другом чате')).body.message;
      const foreign = await page(teacherToken, `around=${elsewhere.id}`);
      assert.equal(foreign.status, 404);
      assert.equal(foreign.body.error.code, 'not_found');
      assert.equal((await page(teacherToken, 'around=no-such-message')).body.error.code, 'not_found');

      const hiddenOne = all[20]!;
      const hide = await api(url, teacherToken, routes.deleteMessages(chat), {
        body: { messageIds: [hiddenOne.id], scope: 'me' },
      });
      assert.equal(hide.status, 200);
      const refused = await page(teacherToken, `around=${hiddenOne.id}`);
      assert.equal(refused.status, 404);
      assert.equal(refused.body.error.code, 'not_found');
      // Still there for the others, and left out of the reader's forward pages.
      assert.equal((await page(directorToken, `around=${hiddenOne.id}&limit=3`)).body.messages[1]!.id, hiddenOne.id);
      const forward = await page(teacherToken, `after=${all[19]!.seq}&limit=2`);
      assert.deepEqual(
        forward.body.messages.map((message) => message.id),
        [all[21]!.id, all[22]!.id],
      );
    });

    it('refuses outsiders and more than one anchor', async () => {
      const outsider = await page(await devToken(url, student1), `around=${all[3]!.id}`);
      assert.equal(outsider.body.error.code, 'not_chat_member');
      const both = await page(teacherToken, `after=1&before=5`);
      assert.equal(both.status, 400);
      assert.equal(both.body.error.code, 'bad_request');
    });
  });
