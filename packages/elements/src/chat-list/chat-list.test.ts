import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { PartaClient } from '@parta/core';
import { selectOption, sendKeys } from '@web/test-runner-commands';
import type { PartaChatSelectEvent } from '../events/chat-select.js';
import '../org-switcher/define.js';
import { clientFor, closeAll, forgetChosenOrganisations, unique, waitFor } from '../test-helpers.js';
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

const schoolChats = ['chat-9a', 'chat-9a-parents', 'chat-teachers', 'chat-staff', 'chat-school'];
const collegeChats = ['demo-college-everyone', 'demo-college-staff', 'demo-college-teachers'];
const shownIds = (el: PartaChatList) => options(el).map((option) => option.dataset.chatId!);
/** The organisations the shown chats belong to, as the server says (null: a personal chat). */
const shownOrgs = (el: PartaChatList, client: PartaClient) => {
  const orgOf = new Map(client.$chats.get().map((chat) => [chat.id, chat.orgId]));
  return new Set(shownIds(el).map((id) => orgOf.get(id)));
};

/** The teacher's page: her organisations above her chats, on one client as under one `<parta-client>`. */
async function teacherPage(client: PartaClient) {
  const page = await fixture<HTMLElement>(html`<div>
    <parta-org-switcher .client=${client}></parta-org-switcher>
    <parta-chat-list .client=${client}></parta-chat-list>
  </div>`);
  return page.querySelector<PartaChatList>('parta-chat-list')!;
}

describe('<parta-chat-list>', () => {
  afterEach(() => {
    closeAll();
    forgetChosenOrganisations();
  });

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

  it('follows the organisation chosen in <parta-org-switcher>, and remembers the choice', async () => {
    const client = await clientFor('u-teacher');
    const list = await teacherPage(client);
    await waitFor(() => schoolChats.every((id) => shownIds(list).includes(id)), "the school's chats");
    expect([...shownOrgs(list, client)].filter(Boolean)).to.deep.equal(['demo-school']);

    await selectOption({ selector: 'parta-org-switcher select', label: 'Колледж искусств' });
    await waitFor(() => collegeChats.every((id) => shownIds(list).includes(id)), "the college's chats");
    expect(titles(list)).to.include.members(['Вся организация', 'Сотрудники', 'Преподавательская']);
    expect(titles(list)).to.not.include('Общешкольный');
    expect([...shownOrgs(list, client)].filter(Boolean)).to.deep.equal(['demo-college']);
    await expect(list).to.be.accessible();

    // The next visit: a new client, told nothing, opens on the college.
    client.close();
    const again = await clientFor('u-teacher');
    list.client = again;
    await list.updateComplete;
    expect(options(list), 'the new client starts from nothing').to.have.length(0);
    await waitFor(() => collegeChats.every((id) => shownIds(list).includes(id)), "the college's chats again");
    expect(shownIds(list)).to.not.include('chat-9a');
    expect(again.$organisation.get()?.organisation.id).to.equal('demo-college');
  });

  it('lists the chats of every organisation with all-organisations', async () => {
    const client = await clientFor('u-teacher');
    client.selectOrganisation('demo-college');
    const el = await fixture<PartaChatList>(
      html`<parta-chat-list all-organisations .client=${client}></parta-chat-list>`,
    );
    await waitFor(() => [...schoolChats, ...collegeChats].every((id) => shownIds(el).includes(id)), 'every chat');
    expect(shownOrgs(el, client)).to.include.keys('demo-school', 'demo-college');
  });

  it('speaks English when asked', async () => {
    const { el } = await teacherList(html`<parta-chat-list locale="en"></parta-chat-list>`);
    expect(el.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal('Chats');
  });
});
