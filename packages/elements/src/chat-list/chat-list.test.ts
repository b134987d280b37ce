import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PartaChatSelectEvent } from '../events/chat-select.js';
import { clientFor, closeAll, unique, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaChatList } from './chat-list.js';

const options = (el: PartaChatList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const titles = (el: PartaChatList) => options(el).map((option) => option.querySelector('[part~="title"]')!.textContent);

async function teacherList(template = html`<parta-chat-list></parta-chat-list>`) {
  const client = await clientFor('u-teacher');
  const el = await fixture<PartaChatList>(template);
  el.client = client;
  await waitFor(() => options(el).length >= 5, 'the chats');
  return { el, client };
}

describe('<parta-chat-list>', () => {
  afterEach(closeAll);

  it('shows a loading note until a client is there', async () => {
    const el = await fixture<PartaChatList>(html`<parta-chat-list></parta-chat-list>`);
    expect(el.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.equal('Загрузка…');
    await expect(el).to.be.accessible();
  });

  it("lists the user's chats as an accessible listbox", async () => {
    const { el } = await teacherList();
    const listbox = el.shadowRoot!.querySelector('[role="listbox"]')!;
    expect(listbox.getAttribute('aria-label')).to.equal('Чаты');
    expect(titles(el)).to.include.members(['9А', 'Родители 9А', 'Учительская', 'Сотрудники', 'Общешкольный']);
    expect(
      options(el).filter((option) => option.tabIndex === 0),
      'one tab stop',
    ).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('selects a chat on click, reflects it and fires parta-chat-select', async () => {
    const { el } = await teacherList();
    const option = options(el).find((o) => o.textContent!.includes('Учительская'))!;
    const selected = oneEvent(el, 'parta-chat-select') as Promise<PartaChatSelectEvent>;
    option.click();
    const event = await selected;
    expect(event.chatId).to.equal('chat-teachers');
    expect(event.title).to.equal('Учительская');
    expect(event.composed && event.bubbles).to.equal(true);
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal('chat-teachers');
    expect(option.getAttribute('aria-selected')).to.equal('true');
  });

  it('moves with the arrow keys and selects with Enter', async () => {
    const { el } = await teacherList();
    options(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const second = options(el)[1]!;
    expect(el.shadowRoot!.activeElement).to.equal(second);
    expect(second.tabIndex).to.equal(0);
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(options(el).at(-1));
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    const selected = oneEvent(el, 'parta-chat-select') as Promise<PartaChatSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await selected).chatId).to.equal(second.dataset.chatId);
    expect(el.selected).to.equal(second.dataset.chatId);
  });

  it('keeps the selection when the host cancels the event', async () => {
    const { el } = await teacherList(html`<parta-chat-list selected="chat-9a"></parta-chat-list>`);
    el.addEventListener('parta-chat-select', (event) => event.preventDefault(), { once: true });
    options(el)
      .find((o) => o.dataset.chatId === 'chat-staff')!
      .click();
    await el.updateComplete;
    expect(el.selected).to.equal('chat-9a');
  });

  it('shows the last message and an unread counter live, and moves the chat up', async () => {
    const { el } = await teacherList();
    const parent = await clientFor('u-parent-1');
    const text = unique('Вопрос о контрольной');
    await parent.sendMessage('chat-9a-parents', text);
    const item = () => options(el).find((o) => o.dataset.chatId === 'chat-9a-parents')!;
    await waitFor(() => item().querySelector('[part~="preview"]')?.textContent?.includes(text) ?? false, 'the preview');
    expect(item().querySelector('[part~="preview"]')!.textContent).to.equal(`Смирнова Ольга: ${text}`);
    expect(item().querySelector('[part~="badge"] .visually-hidden')!.textContent).to.match(/^\d+ непрочитанн/);
    expect(options(el)[0]!.dataset.chatId).to.equal('chat-9a-parents');
    await expect(el).to.be.accessible();
  });

  it('speaks English when asked', async () => {
    const { el } = await teacherList(html`<parta-chat-list locale="en"></parta-chat-list>`);
    expect(el.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal('Chats');
  });
});
