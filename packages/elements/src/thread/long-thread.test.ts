import { expect } from '@open-wc/testing';
import { clientFor, closeAll, devToken, sleep, unique, until, waitFor } from '../test-helpers.js';
import './define.js';
import { atBottom, chatId, inView, openThread, post, root, rowOf, rows, scrollerOf } from './test-long-thread.js';
import type { PartaThread } from './thread.js';

// The staff channel: the director writes, the teacher reads. Seeded with 1,100 messages over HTTP.
const SEEDED = 300;

/** Where a row is, in pixels below the top of the log's viewport. */
const offsetOf = (el: PartaThread, row: Element) =>
  row.getBoundingClientRect().top - scrollerOf(el).getBoundingClientRect().top;
/** The first message row visible in the log. */
const firstVisible = (el: PartaThread) => {
  const top = scrollerOf(el).getBoundingClientRect().top;
  return rows(el).find((row) => row.getBoundingClientRect().bottom > top)!;
};

describe('<parta-thread> with a long thread', () => {
  /** Oldest first; the director's, with lines of different lengths. */
  const seeded: { id: string; seq: number; text: string }[] = [];

  before(async function () {
    this.timeout(180_000);
    const token = await devToken('u-director');
    const label = unique('Лента');
    const texts = Array.from(
      { length: SEEDED },
      (_, n) =>
        `${label} ${n}${n % 5 === 0 ? ' — длинное сообщение, чтобы строки были разной высоты. '.repeat(1 + (n % 4)) : ''}`,
    );
    // A few at a time: the order of the seeded messages is the order of their seqs.
    const sent: { id: string; seq: number; text: string }[] = [];
    for (let from = 0; from < texts.length; from += 8) {
      sent.push(...(await Promise.all(texts.slice(from, from + 8).map((text) => post(text, token)))));
    }
    seeded.push(...sent.sort((a, b) => a.seq - b.seq));
  });
  afterEach(closeAll);

  it('loads older messages when scrolled to the top, and keeps the message being read in place', async () => {
    const el = await openThread();
    const held = el.messages.length;
    const firstId = el.messages[0]!.id;
    const scroller = scrollerOf(el);
    scroller.scrollTop = 0;
    // The oldest held message shows at the top; the older page is on its way (a network round trip).
    await waitFor(() => Boolean(rowOf(el, firstId)) && inView(el, rowOf(el, firstId)!), 'the oldest held message');
    const offset = offsetOf(el, rowOf(el, firstId)!);
    const loadedAlready = el.messages.length > held;
    await waitFor(() => el.messages.length > held, 'the older page');
    await sleep(150);
    expect(rowOf(el, firstId), 'still rendered').to.exist;
    expect(inView(el, rowOf(el, firstId)!)).to.equal(true);
    if (!loadedAlready) expect(Math.abs(offsetOf(el, rowOf(el, firstId)!) - offset)).to.be.below(2);
    expect(scroller.scrollTop).to.be.above(100);
  });

  it('does not move the view when a message arrives while the reader is scrolled up, and follows it at the bottom', async () => {
    const el = await openThread();
    const scroller = scrollerOf(el);
    scroller.scrollTop = scroller.scrollHeight / 2;
    await sleep(100);
    const reading = firstVisible(el);
    const offset = offsetOf(el, reading);
    const top = scroller.scrollTop;
    const token = await devToken('u-director');
    const text = unique('Пока вы читали выше');
    await post(text, token);
    await waitFor(() => el.messages.some((message) => message.text === text), 'the new message in the store');
    await sleep(150);
    expect(Math.abs(offsetOf(el, reading) - offset)).to.be.below(2);
    expect(Math.abs(scroller.scrollTop - top)).to.be.below(2);
    expect(atBottom(el)).to.equal(false);

    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(() => atBottom(el), 'back at the bottom');
    const next = unique('Теперь внизу');
    const message = await post(next, token);
    await waitFor(() => Boolean(rowOf(el, message.id)) && atBottom(el), 'following the new message');
  });

  it('jumps to a message that is not loaded, highlights it, and goes back to the latest', async () => {
    const el = await openThread();
    const target = seeded[7]!;
    expect(el.messages.some((message) => message.id === target.id)).to.equal(false);
    expect(await el.scrollToMessage(target.id)).to.equal(true);
    await waitFor(() => Boolean(rowOf(el, target.id)) && inView(el, rowOf(el, target.id)!), 'the message in view');
    expect(rowOf(el, target.id)!.hasAttribute('data-highlighted')).to.equal(true);
    expect(rowOf(el, seeded.at(-1)!.id)).to.equal(null);
    // Far from the newest, the thread offers the way back, and new messages wait until then.
    const back = root(el).querySelector<HTMLButtonElement>('[part~="to-latest"]')!;
    expect(back.textContent!.trim()).to.equal('К последним сообщениям');
    await expect(el).to.be.accessible();
    const token = await devToken('u-director');
    const text = unique('Пришло, пока я читал начало');
    const fresh = await post(text, token);
    await sleep(300);
    expect(rowOf(el, fresh.id)).to.equal(null);
    expect(inView(el, rowOf(el, target.id)!)).to.equal(true);

    back.click();
    await waitFor(() => Boolean(rowOf(el, fresh.id)) && atBottom(el), 'the latest, with what arrived meanwhile');
    expect(root(el).querySelector('[part~="to-latest"]')).to.equal(null);

    // A held message: no loading, just there; and one that is not in the chat: a notice.
    const held = el.messages.at(-5)!;
    expect(await el.scrollToMessage(held.id)).to.equal(true);
    expect(inView(el, rowOf(el, held.id)!)).to.equal(true);
    expect(await el.scrollToMessage('no-such-message')).to.equal(false);
    await waitFor(() => Boolean(root(el).querySelector('[part~="notice"]')), 'the notice');
  });

  it('a jump overtaken by a later one resolves false, and the later one is shown', async () => {
    const el = await openThread();
    const [first, second] = [seeded[7]!, seeded[120]!];
    expect(el.messages.some((message) => message.id === first.id || message.id === second.id)).to.equal(false);
    // The first jump's page is held back on its way, so the second's answers first.
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes(`around=${first.id}`)) await sleep(400);
      return realFetch(input, init);
    };
    try {
      const jumps = [el.scrollToMessage(first.id), el.scrollToMessage(second.id)];
      expect(await jumps[1]).to.equal(true);
      expect(await jumps[0], 'the first jump did not bring its message').to.equal(false);
    } finally {
      globalThis.fetch = realFetch;
    }
    await waitFor(() => Boolean(rowOf(el, second.id)) && inView(el, rowOf(el, second.id)!), 'the later one in view');
    expect(rowOf(el, first.id)).to.equal(null);
    expect(root(el).querySelector('[part~="notice"]'), 'no notice: the reader went on').to.equal(null);
  });

  it('scrolling down after a jump loads newer messages until the live end', async () => {
    const el = await openThread();
    await el.scrollToMessage(seeded.at(-200)!.id);
    const scroller = scrollerOf(el);
    for (let step = 0; step < 40 && root(el).querySelector('[part~="to-latest"]'); step++) {
      scroller.scrollTop = scroller.scrollHeight;
      await sleep(150);
    }
    expect(root(el).querySelector('[part~="to-latest"]')).to.equal(null);
    // At the live end again: at the bottom the view follows new messages.
    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(() => atBottom(el), 'the bottom');
    const live = await post(unique('Снова вживую'), await devToken('u-director'));
    await waitFor(() => Boolean(rowOf(el, live.id)) && atBottom(el), 'the new message at the bottom');
    const ids = el.messages.map((message) => message.id);
    const from = ids.indexOf(seeded.at(-200)!.id);
    expect(ids.slice(from, from + 200)).to.deep.equal(seeded.slice(-200).map((message) => message.id));
  });

  it('marks where the unread messages start', async () => {
    const reader = await clientFor('u-teacher');
    reader.$chats.listen(() => {});
    const first = await openThread(reader);
    await until(reader.$chats, (chats) => chats.find((chat) => chat.id === chatId)?.unreadCount === 0);
    first.remove();
    const token = await devToken('u-director');
    const unread = [await post(unique('Непрочитанное 1'), token), await post(unique('Непрочитанное 2'), token)];

    const el = await openThread(await clientFor('u-teacher'));
    await waitFor(() => Boolean(root(el).querySelector('[part~="unread-line"]')), 'the line');
    const lines = root(el).querySelectorAll('[part~="unread-line"]');
    expect(lines).to.have.length(1);
    expect(lines[0]!.textContent!.trim()).to.equal('Новые сообщения');
    expect((lines[0]!.nextElementSibling as HTMLElement).dataset.messageId).to.equal(unread[0]!.id);
    expect((lines[0]!.previousElementSibling as HTMLElement).dataset.messageId).to.not.equal(unread[1]!.id);
    // A message arriving now is not one that was unread at opening: the line stays where it was.
    const later = await post(unique('Уже при открытом чате'), token);
    await waitFor(() => Boolean(rowOf(el, later.id)), 'the live message');
    expect(root(el).querySelectorAll('[part~="unread-line"]')).to.have.length(1);
    expect(
      (root(el).querySelector('[part~="unread-line"]')!.nextElementSibling as HTMLElement).dataset.messageId,
    ).to.equal(unread[0]!.id);
    await expect(el).to.be.accessible();
  });
});
