import { expect } from '@open-wc/testing';
import { type Message, routes } from '@parta/protocol';
import { forgetStorage, serverTexts } from '../test-support/offline.js';
import { aroundFetch, clientFor, closeAll, devToken, partaUrl, sleep, unique, until } from '../test-support/session.js';
import { Cache } from './cache.js';
import { createClient } from './client.js';
import { newClientKey } from './client-key.js';
import type { MessagesState } from './messages.js';

/** What a client of cache version 2 left behind: a chat list and a thread of an older shape, and an unsent message. */
async function leaveVersion2(userId: string, unsent: string): Promise<void> {
  const claims = JSON.parse(atob((await devToken(userId)).split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
  const scope = `${await partaUrl()}|${claims.iss ?? ''}|${claims.sub}`;
  const request = indexedDB.open('parta', 2);
  request.onupgradeneeded = () => {
    for (const store of ['chats', 'threads', 'outbox', 'drafts']) request.result.createObjectStore(store);
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['chats', 'threads', 'outbox'], 'readwrite');
  tx.objectStore('chats').put({ scope, chats: [{ id: 'stale-chat', name: 'Старая форма' }] }, scope);
  tx.objectStore('threads').put(
    { scope, chatId: 'chat-9a', messages: [{ id: 'stale-message', body: 'Старая форма' }], hasMore: false },
    [scope, 'chat-9a'],
  );
  const entry = {
    chatId: 'chat-9a',
    clientKey: newClientKey(),
    text: unsent,
    replyToId: null,
    requiresConfirmation: false,
    createdAt: new Date().toISOString(),
  };
  tx.objectStore('outbox').put({ scope, entry }, [scope, entry.clientKey]);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('IndexedDB cache', () => {
  afterEach(closeAll);

  it('paints the chat list and the thread from the cache before the network answers', async () => {
    const first = await clientFor('u-student-2', { storage: 'indexeddb' });
    first.$chats.listen(() => {});
    const $thread = first.$messages('chat-9a');
    $thread.listen(() => {});
    await until(first.$chatsLoading, (loading) => !loading);
    await first.sendMessage('chat-9a', `Для кэша ${Date.now()}`);
    const loaded = await until($thread, (state) => !state.loading && state.messages.length > 0);
    await sleep(600);
    first.close();

    const second = await clientFor('u-student-2', { storage: 'indexeddb' });
    const painted = await until(second.$messages('chat-9a'), (state) => state.messages.length > 0);
    expect(painted.loading, 'shown while the network is still loading').to.equal(true);
    expect(painted.messages.map((m) => m.id)).to.deep.equal(loaded.messages.map((m) => m.id).slice(-50));
    const chats = await until(second.$chats, (list) => list.length > 0);
    expect(chats.map((chat) => chat.id)).to.include('chat-9a');
  });

  it('asks the network for the newest page while the cached one is read, not after it', async () => {
    const first = await clientFor('u-student-2', { storage: 'indexeddb' });
    const $first = first.$messages('chat-9a');
    $first.listen(() => {});
    await until($first, (state) => !state.loading && state.messages.length > 0);
    await sleep(600);
    first.close();

    const asked: number[] = [];
    const restore = aroundFetch((url, send) => {
      if (url.pathname === routes.messages('chat-9a')) asked.push(performance.now());
      return send();
    });
    try {
      const second = await clientFor('u-student-2', { storage: 'indexeddb' });
      let cachedAt: number | undefined;
      const $thread = second.$messages('chat-9a');
      $thread.subscribe((state) => {
        if (cachedAt === undefined && state.loading && state.messages.length > 0) cachedAt = performance.now();
      });
      await until($thread, (state) => !state.loading);
      expect(asked.length, 'the newest page was asked for').to.be.greaterThan(0);
      // When the network answers before the cache is read, the cached page is not shown at all.
      expect(asked[0], 'asked before the cached page was shown').to.be.below(cachedAt ?? Number.POSITIVE_INFINITY);
    } finally {
      restore();
    }
  });

  it('shows the cached page before a failed load, never the failure alone', async () => {
    // The chat's newest page as the server has it, cached for a server that does not answer
    // (nothing listens on its port: every request fails at once, faster than the cache is read).
    const token = await devToken('u-student-2');
    const response = await fetch(`${await partaUrl()}${routes.messages('chat-9a')}?limit=50`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as { messages: Message[]; hasMore: boolean };
    expect(page.messages.length).to.be.greaterThan(0);
    const unreachable = 'http://127.0.0.1:9';
    const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    const cache = (await Cache.open(`${unreachable}|${claims.iss ?? ''}|${claims.sub}`))!;
    await cache.saveThread('chat-9a', page.messages, page.hasMore);
    cache.close();

    const client = createClient({
      baseUrl: unreachable,
      getToken: () => devToken('u-student-2'),
      storage: 'indexeddb',
    });
    try {
      const states: MessagesState[] = [];
      const $thread = client.$messages('chat-9a');
      $thread.subscribe((state) => states.push(state));
      const failed = await until($thread, (state) => state.error !== null);
      expect(failed.messages.map((m) => m.id)).to.deep.equal(page.messages.map((m) => m.id));
      const alone = states.filter((state) => state.error !== null && state.messages.length === 0);
      expect(alone, 'states with the failure and no messages').to.have.length(0);
    } finally {
      client.close();
    }
  });

  it('caches a busy chat while its messages keep arriving, not only once it falls quiet', async () => {
    const reader = await clientFor('u-student-2', { storage: 'indexeddb' });
    const $thread = reader.$messages('chat-9a');
    $thread.listen(() => {});
    await until($thread, (state) => !state.loading);
    // Live before the messages come: the thread's page may answer before the socket is up.
    await until(reader.$connection, (status) => status === 'online');
    const teacher = await clientFor('u-teacher');
    const texts: string[] = [];
    // A message every 100 ms for a second: never a quiet moment as long as the cache waits for.
    for (let n = 0; n < 10; n++) {
      const text = unique(`Поток ${n}`);
      texts.push(text);
      await teacher.sendMessage('chat-9a', text);
      await sleep(100);
    }
    await until($thread, (state) => state.messages.some((message) => message.text === texts.at(-1)));
    reader.close();

    const next = await clientFor('u-student-2', { storage: 'indexeddb' });
    const painted = await until(next.$messages('chat-9a'), (state) => state.messages.length > 0);
    expect(painted.loading, 'painted from the cache').to.equal(true);
    const cached = painted.messages.map((message) => message.text);
    expect(cached, 'what arrived more than the write delay before leaving').to.include.members(texts.slice(0, 5));
  });

  it('empties what an older version cached, whatever its shape, and still sends the message it left unsent', async () => {
    closeAll();
    await forgetStorage();
    const unsent = unique('Ждало обновления');
    await leaveVersion2('u-student-2', unsent);

    const client = await clientFor('u-student-2', { storage: 'indexeddb' });
    const seen = new Set<string>();
    client.$chats.subscribe((chats) => {
      for (const chat of chats) seen.add(chat.id);
    });
    const $thread = client.$messages('chat-9a');
    $thread.subscribe((state) => {
      for (const message of state.messages) seen.add(message.id);
    });
    await until($thread, (state) => state.messages.some((m) => m.text === unsent && m.status === 'sent'));
    // The thread and the chat list load independently; either may answer first.
    await until(client.$chats, (chats) => chats.some((chat) => chat.id === 'chat-9a'));
    expect([...seen]).not.to.include('stale-chat');
    expect([...seen]).not.to.include('stale-message');
    expect((await serverTexts('u-student-2', 'chat-9a')).filter((text) => text === unsent)).to.have.length(1);
    closeAll();
    await forgetStorage();
  });

  it('keeps each user to their own cache', async () => {
    const parent = await clientFor('u-parent-1', { storage: 'indexeddb' });
    const chats = await until(parent.$chats, (list) => list.length > 0);
    expect(chats.map((chat) => chat.id)).not.to.include('chat-9a');
    expect(chats.map((chat) => chat.id)).not.to.include('chat-teachers');
  });
});
