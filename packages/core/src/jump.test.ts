import { expect } from '@open-wc/testing';
import { type HistoryResponse, routes } from '@parta/protocol';
import type { ReadableAtom } from 'nanostores';
import { watch } from '../test-support/offline.js';
import { clientFor, closeAll, devToken, partaUrl, sleep, unique, until } from '../test-support/session.js';
import type { MessagesState, PartaClient } from './index.js';

// The staff channel: the director writes, the teacher reads. 130 messages, so the newest page (50) is far from the start.
const chatId = 'chat-staff';

async function api<T>(userId: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${await partaUrl()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${await devToken(userId)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json() as Promise<T>;
}

const post = (text: string) =>
  api<{ message: { id: string; seq: number } }>('u-director', routes.messages(chatId), {
    clientKey: crypto.randomUUID(),
    text,
  });

/** Every message id of the chat as the server has it for the teacher, oldest first. */
async function serverIds(): Promise<string[]> {
  const ids: string[] = [];
  let before: number | undefined;
  for (;;) {
    const query = before === undefined ? 'limit=100' : `limit=100&before=${before}`;
    const page = await api<HistoryResponse>('u-teacher', `${routes.messages(chatId)}?${query}`);
    ids.unshift(...page.messages.map((message) => message.id));
    if (!page.hasMore || page.messages.length === 0) return ids;
    before = page.messages[0]!.seq;
  }
}

/** The window is one unbroken stretch of the server's history, in order. */
function expectContiguous(state: MessagesState, all: string[]) {
  const ids = state.messages.filter((message) => message.status === 'sent').map((message) => message.id);
  const start = all.indexOf(ids[0]!);
  expect(start, 'the window starts on a known message').to.be.at.least(0);
  expect(ids).to.deep.equal(all.slice(start, start + ids.length));
}

describe('jumping through a long thread', () => {
  const seeded: { id: string; seq: number }[] = [];
  let teacher: PartaClient;
  let $thread: ReadableAtom<MessagesState>;

  before(async () => {
    if (seeded.length === 0) {
      for (let n = 0; n < 130; n++) seeded.push((await post(`Длинная лента ${n}`)).message);
    }
  });
  beforeEach(async () => {
    teacher = await clientFor('u-teacher');
    $thread = await watch(teacher, chatId);
  });
  afterEach(closeAll);

  it('loads the page around a message that is not held, and keeps new messages out of the gap', async () => {
    expect($thread.get().messages.some((message) => message.id === seeded[5]!.id)).to.equal(false);
    await teacher.jumpTo(chatId, seeded[5]!.id);
    let state = $thread.get();
    expect(state.messages.some((message) => message.id === seeded[5]!.id)).to.equal(true);
    expect(state.hasNewer).to.equal(true);
    expect(state.loading).to.equal(false);
    const all = await serverIds();
    expectContiguous(state, all);
    const newestHeld = state.messages.at(-1)!.id;

    // Live while away: a new message stays out of the window, an edit to a held one comes in.
    const fresh = unique('Пока читаю старое');
    const created = (await post(fresh)).message;
    await fetch(`${await partaUrl()}${routes.message(chatId, seeded[6]!.id)}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await devToken('u-director')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Исправлено издалека' }),
    });
    await until(teacher.$chats, (chats) => (chats.find((chat) => chat.id === chatId)?.lastSeq ?? 0) > created.seq);
    state = $thread.get();
    expect(state.messages.at(-1)!.id).to.equal(newestHeld);
    expect(state.messages.some((message) => message.text === fresh)).to.equal(false);
    expect(state.messages.find((message) => message.id === seeded[6]!.id)?.text).to.equal('Исправлено издалека');

    // Forward, page by page, to the live end: everything once, in order, the new message last.
    let pages = 0;
    while ($thread.get().hasNewer) {
      await teacher.loadNewer(chatId);
      pages++;
      expect(pages).to.be.below(10);
    }
    state = $thread.get();
    const everything = await serverIds();
    expectContiguous(state, everything);
    expect(state.messages.at(-1)!.id).to.equal(created.id);
    expect(state.messages.filter((message) => message.text === fresh)).to.have.length(1);

    // Back at the end, live messages append again.
    const after = unique('Снова вживую');
    await post(after);
    await until($thread, (current) => current.messages.at(-1)?.text === after);
  });

  it('joins an overlapping page instead of replacing, and a held message needs no request', async () => {
    const held = $thread.get().messages[10]!;
    const was = $thread.get();
    await teacher.jumpTo(chatId, held.id);
    expect($thread.get()).to.equal(was);

    // Just before the window: the page reaches into it, so the window grows and stays live.
    const firstHeld = was.messages.find((message) => message.status === 'sent')!;
    const index = seeded.findIndex((message) => message.id === firstHeld.id);
    expect(index).to.be.above(5);
    await teacher.jumpTo(chatId, seeded[index - 3]!.id);
    const state = $thread.get();
    expect(state.hasNewer).to.equal(false);
    expect(state.messages.length).to.be.above(was.messages.length);
    expect(state.messages.at(-1)!.id).to.equal(was.messages.at(-1)!.id);
    expectContiguous(state, await serverIds());
    const live = unique('Живое после стыковки');
    await post(live);
    await until($thread, (current) => current.messages.at(-1)?.text === live);
  });

  it('goes back to the newest with jumpToLatest, with what arrived meanwhile, and when the reader writes', async () => {
    await teacher.jumpTo(chatId, seeded[0]!.id);
    expect($thread.get().hasNewer).to.equal(true);
    const meanwhile = unique('Пришло, пока я был в начале');
    await post(meanwhile);
    await teacher.jumpToLatest(chatId);
    let state = $thread.get();
    expect(state.hasNewer).to.equal(false);
    expect(state.messages.filter((message) => message.text === meanwhile)).to.have.length(1);
    expect(state.messages.some((message) => message.id === seeded[0]!.id)).to.equal(false);
    expectContiguous(state, await serverIds());

    // The director writes while far back: the thread returns to the end and shows it once.
    const director = await clientFor('u-director');
    const $directorThread = await watch(director, chatId);
    await director.jumpTo(chatId, seeded[1]!.id);
    expect($directorThread.get().hasNewer).to.equal(true);
    const mine = unique('Пишу из начала ленты');
    const sentMessage = await director.sendMessage(chatId, mine);
    expect(sentMessage.status).to.equal('sent');
    state = await until($directorThread, (current) => !current.hasNewer && !current.loading);
    expect(state.messages.filter((message) => message.text === mine)).to.have.length(1);
    expect(state.messages.at(-1)!.text).to.equal(mine);
    expect(state.messages.some((message) => message.id === seeded[1]!.id)).to.equal(false);
  });

  it('keeps a message deleted "for me" on another device gone, though it arrived while the reader was far back', async () => {
    await teacher.jumpTo(chatId, seeded[0]!.id);
    const unwanted = (await post(unique('Удалю у себя'))).message;
    await until(teacher.$chats, (chats) => (chats.find((chat) => chat.id === chatId)?.lastSeq ?? 0) >= unwanted.seq);
    const phone = await clientFor('u-teacher');
    await phone.deleteMessages(chatId, [unwanted.id], 'me');
    // The other device's frame, then something after it to wait for.
    await sleep(500);
    const later = unique('После удаления');
    await post(later);
    await teacher.jumpToLatest(chatId);
    // Gone for good, whenever the other device's frame arrived; it times out if the message stays.
    const state = await until(
      $thread,
      (current) =>
        current.messages.some((message) => message.text === later) &&
        !current.messages.some((message) => message.id === unwanted.id),
      5000,
    );
    expect(state.hasNewer).to.equal(false);
  });

  it('keeps a jump made while the thread is still opening', async () => {
    const reader = await clientFor('u-teacher', { storage: 'indexeddb' });
    const $opening = reader.$messages(chatId);
    $opening.listen(() => {});
    // Asked for before the newest page (and the cache) answered.
    await reader.jumpTo(chatId, seeded[2]!.id);
    await until(reader.$chats, (chats) => chats.length > 0);
    await sleep(500);
    const state = $opening.get();
    expect(
      state.messages.some((message) => message.id === seeded[2]!.id),
      'the message jumped to',
    ).to.equal(true);
    expect(state.hasNewer).to.equal(true);
    expect(state.loading).to.equal(false);
    expectContiguous(state, await serverIds());
  });

  it('opens at the newest page when a jump made while opening fails', async () => {
    const latest = (await post(unique('Самое новое'))).message;
    const reader = await clientFor('u-teacher', { storage: 'indexeddb' });
    const $opening = reader.$messages(chatId);
    $opening.listen(() => {});
    let refused: unknown;
    try {
      await reader.jumpTo(chatId, crypto.randomUUID());
    } catch (error) {
      refused = error;
    }
    expect(refused, 'the jump to a message not in the chat').to.be.instanceOf(Error);
    const state = await until($opening, (current) => !current.loading);
    expect(state.messages.at(-1)?.id, 'the newest page').to.equal(latest.id);
    expect(state.hasNewer).to.equal(false);
  });

  it('rejects a message that is not in the chat, leaving the window as it was', async () => {
    const was = $thread.get().messages;
    let error: unknown;
    try {
      await teacher.jumpTo(chatId, 'no-such-message');
    } catch (caught) {
      error = caught;
    }
    expect(error).to.have.property('code', 'not_found');
    expect($thread.get().messages).to.equal(was);
    expect($thread.get().loading).to.equal(false);
    expect($thread.get().hasNewer).to.equal(false);
  });
});
