import { expect } from '@open-wc/testing';
import {
  forgetStorage,
  goOffline,
  goOnline,
  logSends,
  type SendLog,
  serverTexts,
  shownAs,
  storedOutbox,
  watch,
  withText,
} from '../test-support/offline.js';
import { clientFor, closeAll, sleep, unique, until } from '../test-support/session.js';
import type { ClientMessage } from './index.js';

const stored = { storage: 'indexeddb' as const, connection: { backoff: { baseMs: 50, maxMs: 200 } } };
const only = (texts: readonly string[], all: readonly string[]) => all.filter((text) => texts.includes(text));

describe('outbox', () => {
  let sends: SendLog | undefined;

  beforeEach(async () => {
    closeAll();
    await forgetStorage();
  });

  afterEach(async () => {
    sends?.restore();
    sends = undefined;
    goOnline();
    closeAll();
    await forgetStorage();
  });

  it('a student who loses the network, writes three messages and reloads delivers them exactly once, in order', async () => {
    const before = await clientFor('u-student-1', stored);
    const $before = await watch(before, 'chat-9a');
    sends = logSends();
    goOffline();
    await until(before.$connection, (status) => status === 'offline');

    const texts = [1, 2, 3].map((n) => unique(`Написано без сети ${n}`));
    for (const text of texts) void before.sendMessage('chat-9a', text);
    expect(shownAs($before.get(), texts), 'shown at once, waiting').to.deep.equal(texts.map((t) => `${t}: sending`));
    await sleep(500);
    expect(sends.posts, 'nothing is attempted while offline').to.have.length(0);
    expect(only(texts, await serverTexts('u-teacher', 'chat-9a'))).to.deep.equal([]);
    expect(await storedOutbox()).to.include.members(texts);

    // The page is reloaded; the network is back by then.
    before.close();
    goOnline();
    const after = await clientFor('u-student-1', stored);
    const $after = after.$messages('chat-9a');
    const painted = until($after, (state) => shownAs(state, texts).length === 3);
    $after.listen(() => {});
    const first = await painted;
    expect(shownAs(first, texts), 'painted from the outbox').to.deep.equal(texts.map((t) => `${t}: sending`));
    expect(first.loading, 'before the network answers').to.equal(true);

    const delivered = await until($after, (state) => shownAs(state, texts).every((line) => line.endsWith(': sent')));
    expect(shownAs(delivered, texts)).to.deep.equal(texts.map((t) => `${t}: sent`));
    expect(only(texts, await serverTexts('u-teacher', 'chat-9a')), 'exactly once, in order').to.deep.equal(texts);
    await sleep(300);
    expect(only(texts, await serverTexts('u-teacher', 'chat-9a'))).to.deep.equal(texts);
    expect(shownAs($after.get(), texts)).to.deep.equal(texts.map((t) => `${t}: sent`));
    expect(only(texts, await storedOutbox()), 'the outbox is empty again').to.deep.equal([]);
  });

  it('comes back by itself without a reload, in the order written', async () => {
    const student = await clientFor('u-student-1', stored);
    const $thread = await watch(student, 'chat-9a');
    goOffline();
    await until(student.$connection, (status) => status === 'offline');
    const texts = [1, 2, 3].map((n) => unique(`В метро ${n}`));
    const sending = texts.map((text) => student.sendMessage('chat-9a', text));
    await sleep(300);
    expect(shownAs($thread.get(), texts)).to.deep.equal(texts.map((t) => `${t}: sending`));

    goOnline();
    const results = await Promise.all(sending);
    expect(results.map((message) => message.status)).to.deep.equal(['sent', 'sent', 'sent']);
    expect(only(texts, await serverTexts('u-teacher', 'chat-9a'))).to.deep.equal(texts);
    const seqs = results.map((message) => message.seq);
    expect([...seqs].sort((a, b) => a - b)).to.deep.equal(seqs);
  });

  it('keeps the order when the first attempt fails, and a lost answer never makes a second message', async () => {
    // The first request reaches the server but its answer is lost; the retry does not reach it at all.
    sends = logSends((_post, n) => (n === 1 ? 'after' : n === 2 ? 'before' : undefined));
    const student = await clientFor('u-student-1', stored);
    const $thread = await watch(student, 'chat-9a');
    const texts = [1, 2, 3].map((n) => unique(`Плохая связь ${n}`));
    const results = await Promise.all(texts.map((text) => student.sendMessage('chat-9a', text)));

    expect(results.map((message) => message.status)).to.deep.equal(['sent', 'sent', 'sent']);
    // The first one's socket event may confirm it before its retry: then the retry is skipped.
    const order = sends.posts.map((post) => texts.indexOf(post.text));
    expect(order, 'none goes before the one written earlier is through').to.deep.equal([...order].sort());
    expect(order.length, 'the failed attempts were retried').to.be.at.least(4);
    expect(only(texts, await serverTexts('u-teacher', 'chat-9a'))).to.deep.equal(texts);
    await sleep(300);
    expect(shownAs($thread.get(), texts)).to.deep.equal(texts.map((t) => `${t}: sent`));
  });

  it('a message the server refuses shows failed, lets the next go, survives a reload and can be discarded', async () => {
    sends = logSends();
    const student = await clientFor('u-student-1', stored);
    const $thread = await watch(student, 'chat-9a');
    const refused = unique('Ответ на удалённое');
    const next = unique('Следующее');
    const [failed, delivered] = await Promise.all([
      student.sendMessage('chat-9a', refused, { replyToId: 'no-such-message' }),
      student.sendMessage('chat-9a', next),
    ]);
    expect(failed.status).to.equal('failed');
    expect(delivered.status).to.equal('sent');
    expect(
      sends.posts.filter((post) => post.text === refused),
      'a refusal is not retried by itself',
    ).to.have.length(1);
    expect(shownAs($thread.get(), [refused])).to.deep.equal([`${refused}: failed`]);
    expect(only([refused, next], await serverTexts('u-teacher', 'chat-9a'))).to.deep.equal([next]);
    await sleep(200);
    student.close();

    const reloaded = await clientFor('u-student-1', stored);
    const $reloaded = await watch(reloaded, 'chat-9a');
    await until($reloaded, (state) => shownAs(state, [refused]).length === 1);
    expect(shownAs($reloaded.get(), [refused, next])).to.deep.equal([`${next}: sent`, `${refused}: failed`]);

    const again: ClientMessage = await reloaded.retrySend('chat-9a', failed.clientKey);
    expect(again.status, 'refused again').to.equal('failed');
    expect(again.clientKey).to.equal(failed.clientKey);

    await reloaded.discardSend('chat-9a', failed.clientKey);
    expect(withText($reloaded.get().messages, refused)).to.have.length(0);
    await sleep(200);
    expect(await storedOutbox()).not.to.include(refused);
    reloaded.close();
    const later = await clientFor('u-student-1', stored);
    const $later = await watch(later, 'chat-9a');
    await sleep(200);
    expect(withText($later.get().messages, refused)).to.have.length(0);
  });

  it('two tabs of the same user never send the same waiting message at the same time', async () => {
    const writer = await clientFor('u-student-1', stored);
    const $writer = await watch(writer, 'chat-9a');
    goOffline();
    await until(writer.$connection, (status) => status === 'offline');
    const texts = [1, 2, 3].map((n) => unique(`Две вкладки ${n}`));
    for (const text of texts) void writer.sendMessage('chat-9a', text);
    await until($writer, (state) => shownAs(state, texts).length === 3);
    await sleep(200);
    writer.close();
    goOnline();

    sends = logSends();
    const [one, two] = await Promise.all([clientFor('u-student-1', stored), clientFor('u-student-1', stored)]);
    const [$one, $two] = await Promise.all([watch(one, 'chat-9a'), watch(two, 'chat-9a')]);
    const allSent = (state: Parameters<typeof shownAs>[0]) =>
      shownAs(state, texts).length === 3 && shownAs(state, texts).every((line) => line.endsWith(': sent'));
    await Promise.all([until($one, allSent), until($two, allSent)]);
    expect(sends.maxConcurrent, 'one request per message at a time').to.equal(1);
    expect(only(texts, await serverTexts('u-teacher', 'chat-9a'))).to.deep.equal(texts);
    expect(shownAs($one.get(), texts)).to.deep.equal(texts.map((t) => `${t}: sent`));
    expect(shownAs($two.get(), texts)).to.deep.equal(texts.map((t) => `${t}: sent`));
  });
});
