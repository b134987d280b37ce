import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PartaChatCardOpenEvent } from '../events/chat-card-open.js';
import { clientFor, closeAll, typeIn, unique, waitFor } from '../test-helpers.js';
import type { PartaChatHeader } from './chat-header.js';
import './define.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element, part: string) => root(el).querySelector(`[part~="${part}"]`)?.textContent;

async function header(chatId = 'chat-9a') {
  const client = await clientFor('u-teacher');
  const el = await fixture<PartaChatHeader>(
    html`<parta-chat-header chat-id=${chatId} .client=${client}><button type="button">Позвонить</button></parta-chat-header>`,
  );
  await waitFor(() => Boolean(text(el, 'title')), 'the title');
  return { el, client };
}

describe('<parta-chat-header>', () => {
  afterEach(closeAll);

  it("shows the chat's title and member count, with the host's controls beside", async () => {
    const { el, client } = await header();
    expect(text(el, 'title')).to.equal('9А');
    const count = client.$chats.get().find((chat) => chat.id === 'chat-9a')!.memberCount;
    expect(text(el, 'subtitle')).to.match(new RegExp(`^${count} участник`));
    expect(Boolean(el.querySelector('button')!.assignedSlot)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says who is typing instead of the member count', async () => {
    const { el } = await header();
    const student = await clientFor('u-student-1');
    await student.sendMessage('chat-9a', unique('Печатаю'));
    await typeIn(student, 'chat-9a', () => Boolean(root(el).querySelector('[part~="typing"]')));
    expect(text(el, 'typing')).to.equal('Иван печатает…');
  });

  it('opens the chat card from the title, lazily, and closes it with Escape', async () => {
    const { el } = await header();
    const title = root(el).querySelector<HTMLButtonElement>('[part~="title-button"]')!;
    title.focus();
    const opened = oneEvent(el, 'parta-chat-card-open') as Promise<PartaChatCardOpenEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await opened).chatId).to.equal('chat-9a');
    await waitFor(
      () => Boolean(root(el).querySelector('parta-chat-card')?.shadowRoot?.querySelector('[part~="members"]')),
      'the card',
    );
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.getAttribute('aria-label')).to.equal('Карточка чата');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !root(el).querySelector('dialog'), 'the card closed');
    expect(root(el).activeElement === title, 'focus back on the title').to.equal(true);
  });

  it('lets the host show the card elsewhere', async () => {
    const { el } = await header();
    el.addEventListener('parta-chat-card-open', (event) => event.preventDefault(), { once: true });
    root(el).querySelector<HTMLButtonElement>('[part~="title-button"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(Boolean(root(el).querySelector('dialog'))).to.equal(false);
  });
});
