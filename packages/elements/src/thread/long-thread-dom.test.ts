import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clientFor, closeAll, devToken, sleep, unique, until, waitFor } from '../test-helpers.js';
import './define.js';
import { chatId, inView, openThread, post, root, rowOf, rows, scrollerOf } from './test-long-thread.js';

// The staff channel: the director writes, the teacher reads. Seeded with 1,100 more messages over HTTP.
const SEEDED = 1100;

describe('<parta-thread> with over a thousand messages', () => {
  before(async function () {
    this.timeout(180_000);
    const token = await devToken('u-director');
    const label = unique('Тысяча');
    for (let from = 0; from < SEEDED; from += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, SEEDED - from) }, (_, k) =>
          post(
            `${label} ${from + k}${(from + k) % 5 === 0 ? ' — длинное сообщение, чтобы строки были разной высоты.'.repeat(3) : ''}`,
            token,
          ),
        ),
      );
    }
  });
  afterEach(closeAll);

  it('keeps the DOM small with over a thousand messages held, at the bottom and at the top', async () => {
    const client = await clientFor('u-teacher');
    const $thread = client.$messages(chatId);
    $thread.listen(() => {});
    client.$chats.listen(() => {});
    await until($thread, (state) => !state.loading);
    while ($thread.get().hasMore) await client.loadOlder(chatId);
    expect($thread.get().messages.length).to.be.at.least(SEEDED);

    const el = await openThread(client);
    const count = () => root(el).querySelectorAll('*').length;
    expect(count()).to.be.at.most(500);
    expect(rows(el).length).to.be.below(100);
    expect(rowOf(el, $thread.get().messages.at(-1)!.id)).to.exist;

    scrollerOf(el).scrollTop = 0;
    await waitFor(() => Boolean(rowOf(el, $thread.get().messages[0]!.id)), 'the first message at the top');
    expect(count()).to.be.at.most(500);
    // And in the middle.
    scrollerOf(el).scrollTop = scrollerOf(el).scrollHeight / 2;
    await waitFor(() => rows(el).some((row) => inView(el, row)), 'rows in the middle');
    expect(count()).to.be.at.most(500);
    await expect(el).to.be.accessible();
  });

  it('keeps the menus and the keyboard working in a row rendered after scrolling', async () => {
    const el = await openThread();
    const scroller = scrollerOf(el);
    scroller.scrollTop = scroller.scrollHeight / 3;
    await waitFor(() => rows(el).some((row) => inView(el, row)), 'rows in view');
    const row = rows(el).find((candidate) => inView(el, candidate))!;
    const id = row.dataset.messageId!;
    const button = row.querySelector<HTMLButtonElement>('[part~="actions-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root(el).querySelectorAll('[role="menuitem"]').length > 0, 'the menu');
    expect((root(el).activeElement as HTMLElement).getAttribute('role')).to.equal('menuitem');
    // The row with the open menu stays, even when the view moves on.
    scroller.scrollTop = scroller.scrollHeight;
    await sleep(200);
    expect(rowOf(el, id)).to.exist;
    await sendKeys({ press: 'Escape' });
    await waitFor(() => root(el).querySelectorAll('[role="menuitem"]').length === 0, 'the menu to close');
    expect(root(el).activeElement).to.equal(rowOf(el, id)!.querySelector('[part~="actions-button"]'));
  });
});
