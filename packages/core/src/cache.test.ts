import { expect } from '@open-wc/testing';
import { clientFor, closeAll, sleep, until } from '../test-support/session.js';

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

  it('keeps each user to their own cache', async () => {
    const parent = await clientFor('u-parent-1', { storage: 'indexeddb' });
    const chats = await until(parent.$chats, (list) => list.length > 0);
    expect(chats.map((chat) => chat.id)).not.to.include('chat-9a');
    expect(chats.map((chat) => chat.id)).not.to.include('chat-teachers');
  });
});
