import { expect, waitUntil } from '@open-wc/testing';
import { routes } from '@parta/protocol';
import { watch, withText } from '../test-support/offline.js';
import {
  aroundFetch,
  clientFor,
  closeAll,
  devToken,
  gate,
  partaUrl,
  sleep,
  unique,
  until,
} from '../test-support/session.js';
import { MAX_UNREACHABLE_ATTEMPTS, type MessagesState, type PartaClient } from './index.js';

async function historyTexts(userId: string, chatId: string): Promise<string[]> {
  const response = await fetch(`${await partaUrl()}${routes.messages(chatId)}?limit=100`, {
    headers: { authorization: `Bearer ${await devToken(userId)}` },
  });
  const body = (await response.json()) as { messages: { text: string }[] };
  return body.messages.map((message) => message.text);
}

describe('PartaClient', () => {
  afterEach(closeAll);

  it('loads the signed-in user and their chats, and goes online', async () => {
    const client = await clientFor('u-teacher');
    client.$chats.listen(() => {});
    const chats = await until(client.$chats, (list) => list.length > 0);
    expect(chats.map((chat) => chat.id)).to.include.members(['chat-9a', 'chat-9a-parents', 'chat-teachers']);
    expect(chats.find((chat) => chat.id === 'chat-9a')?.title).to.equal('9А');
    const me = await until(client.$me, Boolean);
    expect(me?.user.id).to.equal('u-teacher');
    await until(client.$connection, (status) => status === 'online');
  });

  it('does not connect until a store is used', async () => {
    const client = await clientFor('u-teacher');
    await sleep(300);
    expect(client.$connection.get()).to.equal('offline');
  });

  it('shows a sent message at once and confirms it exactly once', async () => {
    const client = await clientFor('u-teacher');
    const $thread = await watch(client, 'chat-9a');
    const text = unique('Проверка связи');

    const sending = client.sendMessage('chat-9a', text);
    const optimistic = withText($thread.get().messages, text);
    expect(optimistic).to.have.length(1);
    expect(optimistic[0]?.status).to.equal('sending');
    expect(optimistic[0]?.author.id).to.equal('u-teacher');
    expect($thread.get().messages.at(-1)?.text, 'the new message is last').to.equal(text);

    const confirmed = await sending;
    expect(confirmed.status).to.equal('sent');
    // The event for the same message arrives over the socket too: still one.
    await until(
      client.$chats,
      (chats) => chats.find((chat) => chat.id === 'chat-9a')?.lastMessage?.id === confirmed.id,
    );
    const shown = withText($thread.get().messages, text);
    expect(shown).to.have.length(1);
    expect(shown[0]).to.include({ id: confirmed.id, status: 'sent', seq: confirmed.seq });
  });

  it('delivers a message to another member live, once, and counts it unread', async () => {
    const teacher = await clientFor('u-teacher');
    const student = await clientFor('u-student-1');
    const $thread = await watch(student, 'chat-9a');
    const unreadBefore = student.$chats.get().find((chat) => chat.id === 'chat-9a')!.unreadCount;
    const text = unique('Завтра контрольная');

    await teacher.sendMessage('chat-9a', text);
    const state = await until($thread, (s) => withText(s.messages, text).length > 0);
    const [received] = withText(state.messages, text);
    expect(received).to.include({ status: 'sent' });
    expect(received?.author.id).to.equal('u-teacher');
    await sleep(300);
    expect(withText($thread.get().messages, text)).to.have.length(1);

    const chat = student.$chats.get().find((c) => c.id === 'chat-9a')!;
    expect(chat.lastMessage?.text).to.equal(text);
    expect(chat.unreadCount).to.equal(unreadBefore + 1);
    expect(student.$chats.get()[0]?.id, 'the active chat moves to the top').to.equal('chat-9a');

    await student.markRead('chat-9a');
    expect(student.$chats.get().find((c) => c.id === 'chat-9a')!.unreadCount).to.equal(0);
  });

  it('an edit and a delete for everyone reach the other member live; a delete for me leaves only my view', async () => {
    const teacher = await clientFor('u-teacher');
    const student = await clientFor('u-student-1');
    const $thread = await watch(student, 'chat-9a');
    const text = unique('Собрание в 18:00');
    const sent = await teacher.sendMessage('chat-9a', text);
    await until($thread, (s) => withText(s.messages, text).length > 0);

    const corrected = unique('Собрание в 19:00');
    await teacher.editMessage('chat-9a', sent.id, corrected);
    const edited = await until($thread, (s) => withText(s.messages, corrected).length > 0);
    expect(withText(edited.messages, corrected)[0]?.editedAt).to.be.a('string');
    expect(withText(edited.messages, text)).to.have.length(0);

    await teacher.deleteMessages('chat-9a', [sent.id], 'everyone');
    const deleted = await until($thread, (s) => Boolean(s.messages.find((m) => m.id === sent.id)?.deletedAt));
    expect(deleted.messages.find((m) => m.id === sent.id)?.text).to.equal('');

    const mine = unique('Только для меня');
    const other = await teacher.sendMessage('chat-9a', mine);
    await until($thread, (s) => withText(s.messages, mine).length > 0);
    await teacher.react('chat-9a', other.id, '👍');
    const reacted = await until($thread, (s) => Boolean(s.messages.find((m) => m.id === other.id)?.reactions?.length));
    expect(reacted.messages.find((m) => m.id === other.id)?.reactions).to.deep.equal([
      { emoji: '👍', userIds: ['u-teacher'] },
    ]);
    await student.deleteMessages('chat-9a', [other.id], 'me');
    expect(withText($thread.get().messages, mine)).to.have.length(0);
    expect(await historyTexts('u-teacher', 'chat-9a')).to.include(mine);
    expect(await historyTexts('u-student-1', 'chat-9a')).to.not.include(mine);
  });

  it('a message written after the thread page was read and before the chat list loaded still shows', async () => {
    // The chat list is held back on its way; the thread's page is not.
    const list = gate();
    const restore = aroundFetch(async (url, send) => {
      if (url.pathname === routes.chats) await list.passed;
      return send();
    });
    try {
      const reader = await clientFor('u-student-2');
      const $thread = reader.$messages('chat-9a');
      $thread.listen(() => {});
      await until($thread, (state) => !state.loading);
      const text = unique('Между страницей и списком');
      const sent = await fetch(`${await partaUrl()}${routes.messages('chat-9a')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await devToken('u-teacher')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientKey: `between-${text}`, text }),
      });
      expect(sent.status).to.equal(201);
      list.open();
      await until(reader.$chats, (chats) => chats.some((chat) => chat.id === 'chat-9a'));
      const shown = await until($thread, (state) => state.messages.some((message) => message.text === text), 5_000);
      expect(withText(shown.messages, text)).to.have.length(1);
    } finally {
      list.open();
      restore();
    }
  });

  it('an edit arriving while the thread catches up is not undone by the older one fetched', async () => {
    const base = await partaUrl();
    const teacher = { authorization: `Bearer ${await devToken('u-teacher')}`, 'content-type': 'application/json' };
    const write = (path: string, method: string, body: unknown) =>
      fetch(base + path, { method, headers: teacher, body: JSON.stringify(body) });
    const text = unique('Будет исправлено');
    const created = await write(routes.messages('chat-9a'), 'POST', { clientKey: `edits-${text}`, text });
    const { message } = (await created.json()) as { message: { id: string } };
    // The chat list and then the catch-up's events are held back on their way.
    const list = gate();
    const events = gate();
    let eventsAnswered = false;
    const restore = aroundFetch(async (url, send) => {
      if (url.pathname === routes.chats) await list.passed;
      if (url.pathname !== routes.events('chat-9a')) return send();
      await events.passed;
      const response = await send();
      eventsAnswered = true;
      return response;
    });
    try {
      const reader = await clientFor('u-student-2');
      const $thread = reader.$messages('chat-9a');
      $thread.listen(() => {});
      await until($thread, (state) => state.messages.some((m) => m.id === message.id));
      const textOf = (state: { messages: readonly { id: string; text: string }[] }) =>
        state.messages.find((m) => m.id === message.id)?.text;
      // After the page was read, before the list: this edit reaches neither.
      expect((await write(routes.message('chat-9a', message.id), 'PATCH', { text: `${text} (1)` })).status).to.equal(
        200,
      );
      list.open();
      await until(reader.$chats, (chats) => chats.some((chat) => chat.id === 'chat-9a'));
      await until(reader.$connection, (status) => status === 'online');
      // While the thread catches up: this one comes live.
      expect((await write(routes.message('chat-9a', message.id), 'PATCH', { text: `${text} (2)` })).status).to.equal(
        200,
      );
      await until($thread, (state) => textOf(state) === `${text} (2)`);
      events.open();
      await waitUntil(() => eventsAnswered, 'the catch-up fetched');
      await sleep(200);
      expect(textOf($thread.get())).to.equal(`${text} (2)`);
    } finally {
      list.open();
      events.open();
      restore();
    }
  });

  it('a reaction that arrives while the newest page is on its way is not undone by the page', async () => {
    const base = await partaUrl();
    const teacher = { authorization: `Bearer ${await devToken('u-teacher')}`, 'content-type': 'application/json' };
    const text = unique('Реакция в пути');
    const created = await fetch(base + routes.messages('chat-9a'), {
      method: 'POST',
      headers: teacher,
      body: JSON.stringify({ clientKey: `react-${text}`, text }),
    });
    const { message } = (await created.json()) as { message: { id: string } };
    // A returning reader: the thread is in the cache, the chat list loaded before the thread opens.
    const first = await clientFor('u-student-2', { storage: 'indexeddb' });
    const $first = first.$messages('chat-9a');
    $first.listen(() => {});
    await until($first, (state) => !state.loading && state.messages.some((m) => m.id === message.id));
    await sleep(600);
    first.close();

    // The page is read by the server at once; its answer is held back on its way.
    const page = gate();
    let pageAnswered = false;
    const restore = aroundFetch(async (url, send) => {
      const response = await send();
      if (url.pathname !== routes.messages('chat-9a') || url.searchParams.has('before')) return response;
      await page.passed;
      pageAnswered = true;
      return response;
    });
    try {
      const reader = await clientFor('u-student-2', { storage: 'indexeddb' });
      reader.$chats.listen(() => {});
      await until(reader.$chatsLoading, (loading) => !loading);
      await until(reader.$connection, (status) => status === 'online');
      const $thread = reader.$messages('chat-9a');
      $thread.listen(() => {});
      await until($thread, (state) => state.messages.some((m) => m.id === message.id));
      await sleep(300);
      const reacted = await fetch(base + routes.reaction('chat-9a', message.id, '👍'), {
        method: 'PUT',
        headers: { authorization: teacher.authorization },
      });
      expect(reacted.status).to.equal(200);
      const reactionsOf = (state: MessagesState) => state.messages.find((m) => m.id === message.id)?.reactions ?? [];
      await until($thread, (state) => reactionsOf(state).length === 1);
      page.open();
      await waitUntil(() => pageAnswered, 'the page answered');
      await until($thread, (state) => !state.loading);
      await sleep(100);
      expect(reactionsOf($thread.get()).map((r) => r.emoji)).to.deep.equal(['👍']);
    } finally {
      page.open();
      restore();
    }
  });

  it('reading a chat clears its counter for the same user everywhere, and it stays cleared', async () => {
    const teacher = await clientFor('u-teacher');
    const phone = await clientFor('u-student-2');
    const laptop = await clientFor('u-student-2');
    await watch(phone, 'chat-9a');
    laptop.$chats.listen(() => {});
    await until(laptop.$connection, (status) => status === 'online');

    await teacher.sendMessage('chat-9a', unique('Прочитайте параграф'));
    const unread = (client: PartaClient) => client.$chats.get().find((c) => c.id === 'chat-9a')?.unreadCount ?? -1;
    await until(laptop.$chats, () => unread(laptop) > 0);

    await phone.markRead('chat-9a');
    expect(unread(phone)).to.equal(0);
    // The other open device hears it from the server, without reloading.
    await until(laptop.$chats, () => unread(laptop) === 0);
    // A fresh start reads the position from the server.
    const later = await clientFor('u-student-2');
    later.$chats.listen(() => {});
    await until(later.$chatsLoading, (loading) => !loading);
    expect(unread(later)).to.equal(0);
  });

  it('after a lost connection, resume delivers exactly the missed messages, in order', async () => {
    const teacher = await clientFor('u-teacher');
    const student = await clientFor('u-student-1');
    const $thread = await watch(student, 'chat-9a');
    const unreadBefore = student.$chats.get().find((chat) => chat.id === 'chat-9a')!.unreadCount;

    window.dispatchEvent(new Event('offline'));
    await until(student.$connection, (status) => status === 'offline');
    const missed = [1, 2, 3].map((n) => unique(`Пропущенное ${n}`));
    for (const text of missed) await teacher.sendMessage('chat-9a', text);
    await sleep(300);
    expect($thread.get().messages.filter((m) => missed.includes(m.text))).to.have.length(0);

    window.dispatchEvent(new Event('online'));
    await until(student.$connection, (status) => status === 'online');
    await until($thread, (s) => missed.every((text) => withText(s.messages, text).length > 0));
    await sleep(500);
    const received = $thread.get().messages.filter((m) => missed.includes(m.text));
    expect(received.map((m) => m.text)).to.deep.equal(missed);
    expect(student.$chats.get().find((chat) => chat.id === 'chat-9a')!.unreadCount).to.equal(unreadBefore + 3);
  });

  it('marks a send failed when it cannot go out after retries, and a retry delivers it once', async () => {
    let hostDown = true;
    let attempts = 0;
    const teacher = await clientFor('u-teacher', {
      getToken: () => {
        if (!hostDown) return devToken('u-teacher');
        attempts++;
        return Promise.reject(new Error('the host token route is down'));
      },
      connection: { backoff: { baseMs: 20, maxMs: 100 } },
    });
    const text = unique('Повтор');
    const failed = await teacher.sendMessage('chat-9a', text);
    expect(failed.status).to.equal('failed');
    expect(attempts, 'retried with backoff before giving up').to.equal(MAX_UNREACHABLE_ATTEMPTS);
    expect(withText(teacher.$messages('chat-9a').value!.messages, text)[0]?.status).to.equal('failed');

    hostDown = false;
    const retried = await teacher.retrySend('chat-9a', failed.clientKey);
    expect(retried.status).to.equal('sent');
    expect(retried.clientKey).to.equal(failed.clientKey);
    const shown = withText(teacher.$messages('chat-9a').value!.messages, text);
    expect(shown).to.have.length(1);
    expect(shown[0]?.id).to.equal(retried.id);
    expect((await historyTexts('u-student-1', 'chat-9a')).filter((t) => t === text)).to.have.length(1);
  });

  it('sending again with a used client key returns the same message, never a second', async () => {
    const teacher = await clientFor('u-teacher');
    const text = unique('Один раз');
    const clientKey = `test-${crypto.getRandomValues(new Uint32Array(2)).join('')}`;
    const first = await teacher.sendMessage('chat-9a', text, { clientKey });
    const again = await teacher.sendMessage('chat-9a', text, { clientKey });
    expect(again.id).to.equal(first.id);
    expect(withText(teacher.$messages('chat-9a').value!.messages, text)).to.have.length(1);
    expect((await historyTexts('u-teacher', 'chat-9a')).filter((t) => t === text)).to.have.length(1);
  });

  it('refuses empty text without showing anything', async () => {
    const teacher = await clientFor('u-teacher');
    let error: unknown;
    try {
      await teacher.sendMessage('chat-9a', '   ');
    } catch (caught) {
      error = caught;
    }
    expect(error).to.have.property('code', 'bad_request');
    expect(teacher.$messages('chat-9a').value!.messages).to.have.length(0);
  });

  it('loads older pages until the start of the chat', async () => {
    const teacher = await clientFor('u-teacher');
    const texts = Array.from({ length: 55 }, (_, n) => unique(`История ${n}`));
    for (const text of texts) await teacher.sendMessage('chat-teachers', text);
    const reader = await clientFor('u-director');
    const $thread = await watch(reader, 'chat-teachers');
    expect($thread.get().messages).to.have.length(50);
    expect($thread.get().hasMore).to.equal(true);
    while ($thread.get().hasMore) {
      await reader.loadOlder('chat-teachers');
    }
    const all = $thread.get().messages;
    expect(all.length).to.be.at.least(55);
    const seqs = all.map((m) => m.seq);
    expect([...seqs].sort((a, b) => a - b)).to.deep.equal(seqs);
    expect(new Set(all.map((m) => m.id)).size).to.equal(all.length);
    expect(texts.every((text) => withText(all, text).length === 1)).to.equal(true);
  });

  it('gives a call token to members only', async () => {
    const teacher = await clientFor('u-teacher');
    const call = await teacher.callToken('chat-9a');
    expect(call.room).to.equal('chat-chat-9a');
    expect(call.identity).to.equal('u-teacher');
    const student = await clientFor('u-student-1');
    let error: unknown;
    try {
      await student.callToken('chat-teachers');
    } catch (caught) {
      error = caught;
    }
    expect(error).to.have.property('code').that.is.oneOf(['not_chat_member', 'forbidden', 'not_found']);
  });
});
