import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createFolder, deleteFolder, type PartaClient, setChatMine } from '@parta/core';
import { limits } from '@parta/protocol';
import { selectOption, sendKeys } from '@web/test-runner-commands';
import type { PartaChatSelectEvent } from '../events/chat-select.js';
import '../org-switcher/define.js';
import {
  clientFor,
  closeAll,
  closePeople,
  fill,
  forgetChosenOrganisations,
  newPerson,
  typeIn,
  unique,
  until,
  waitFor,
} from '../test-helpers.js';
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

  it('puts focus on the selected chat when focused, as a page coming back to the list does', async () => {
    const { el } = await teacherList(html`<parta-chat-list selected="chat-staff"></parta-chat-list>`);
    el.focus();
    expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.chatId).to.equal('chat-staff');
    expect(document.activeElement === el, 'focus inside the list').to.equal(true);
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

const root = (el: Element) => el.shadowRoot!;
const option = (el: PartaChatList, chatId: string) =>
  root(el).querySelector<HTMLElement>(`[role="option"][data-chat-id="${CSS.escape(chatId)}"]`);
const tab = (el: PartaChatList, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.textContent!.trim() === label);
const toolbarButton = (el: PartaChatList, part: string) =>
  root(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;

/** Opens a chat's actions with the keyboard (Shift+F10) and picks the action named `label`. */
async function chooseAction(el: PartaChatList, chatId: string, label: string) {
  option(el, chatId)!.focus();
  await sendKeys({ press: 'Shift+F10' });
  await waitFor(
    () => Boolean(root(el).querySelector('parta-chat-actions')?.shadowRoot?.querySelector('[role="menuitem"]')),
    'the menu',
  );
  const menu = root(el).querySelector('parta-chat-actions')!;
  const items = [...menu.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  expect(menu.shadowRoot!.activeElement === items[0], 'focus starts in the menu').to.equal(true);
  const index = items.findIndex((item) => item.textContent!.trim() === label);
  expect(index, `"${label}" among ${items.map((i) => i.textContent!.trim()).join(', ')}`).to.be.greaterThan(-1);
  for (let i = 0; i < index; i++) await sendKeys({ press: 'ArrowDown' });
  expect(menu.shadowRoot!.activeElement === items[index], 'focus on the action').to.equal(true);
  await sendKeys({ press: 'Enter' });
  await waitFor(() => !root(el).querySelector('parta-chat-actions'), 'the menu to close');
}

describe('<parta-chat-list> managing chats', () => {
  afterEach(() => {
    closeAll();
    closePeople();
    forgetChosenOrganisations();
  });

  it('pins a chat from its actions menu: first in the list, with a pin mark', async () => {
    const { el, client } = await teacherList();
    try {
      expect(shownIds(el)[0]).to.not.equal('chat-staff');
      await chooseAction(el, 'chat-staff', 'Закрепить');
      await waitFor(() => shownIds(el)[0] === 'chat-staff', 'the pinned chat first');
      expect(Boolean(option(el, 'chat-staff')!.querySelector('[part~="pin"]'))).to.equal(true);
      expect(option(el, 'chat-staff')!.textContent, 'said to screen readers').to.include('закреплён');
      await expect(el).to.be.accessible();
      // A new message elsewhere does not push it down.
      const parent = await clientFor('u-parent-1');
      await parent.sendMessage('chat-9a-parents', unique('Новое'));
      await waitFor(() => shownIds(el)[1] === 'chat-9a-parents', 'the active chat right below');
      expect(shownIds(el)[0]).to.equal('chat-staff');
      await chooseAction(el, 'chat-staff', 'Открепить');
      await waitFor(() => !option(el, 'chat-staff')!.querySelector('[part~="pin"]'), 'unpinned');
    } finally {
      await setChatMine(client, 'chat-staff', { pinned: false });
    }
  });

  it('archives a chat out of the main list, finds it in Архив and brings it back', async () => {
    const { el, client } = await teacherList();
    try {
      await chooseAction(el, 'chat-school', 'В архив');
      await waitFor(() => !option(el, 'chat-school'), 'the chat gone from Все');
      tab(el, 'Архив')!.click();
      await waitFor(() => Boolean(option(el, 'chat-school')), 'the chat in Архив');
      expect(shownIds(el)).to.not.include('chat-9a');
      expect(tab(el, 'Архив')!.getAttribute('aria-selected')).to.equal('true');
      await expect(el).to.be.accessible();
      await chooseAction(el, 'chat-school', 'Вернуть из архива');
      await waitFor(() => !option(el, 'chat-school'), 'the chat gone from Архив');
      expect(root(el).querySelector('[part~="empty"]')?.textContent).to.equal('В архиве пусто');
      // The tabs move with the arrow keys.
      tab(el, 'Архив')!.focus();
      await sendKeys({ press: 'Home' });
      expect(tab(el, 'Все')!.getAttribute('aria-selected')).to.equal('true');
      await waitFor(() => Boolean(option(el, 'chat-school')), 'the chat back in Все');
    } finally {
      await setChatMine(client, 'chat-school', { archived: false });
    }
  });

  it('mutes a chat from the menu', async () => {
    const { el, client } = await teacherList();
    try {
      await chooseAction(el, 'chat-teachers', 'Выключить уведомления');
      await waitFor(() => option(el, 'chat-teachers')!.textContent!.includes('без уведомлений'), 'the muted note');
      await chooseAction(el, 'chat-teachers', 'Включить уведомления');
      await waitFor(() => !option(el, 'chat-teachers')!.textContent!.includes('без уведомлений'), 'unmuted');
    } finally {
      await setChatMine(client, 'chat-teachers', { muted: false });
    }
  });

  it('shows only chats with unread messages when Непрочитанные is on', async () => {
    const { el, client } = await teacherList();
    const parent = await clientFor('u-parent-1');
    await parent.sendMessage('chat-9a-parents', unique('Когда собрание?'));
    await waitFor(
      () => (option(el, 'chat-9a-parents')?.querySelector('[part~="badge"]') ?? null) !== null,
      'the badge',
    );
    const toggle = toolbarButton(el, 'button-unread');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(shownIds(el)).to.include('chat-9a-parents');
    for (const shown of options(el))
      expect(Boolean(shown.querySelector('[part~="badge"]')), shown.dataset.chatId).to.equal(true);
    await client.markRead('chat-9a-parents');
    await waitFor(() => !option(el, 'chat-9a-parents'), 'the read chat gone');
    toggle.click();
    await waitFor(() => Boolean(option(el, 'chat-9a-parents')), 'every chat again');
  });

  it('opens Избранное, the personal chat with oneself, and selects it', async () => {
    const { el } = await teacherList();
    const selected = oneEvent(el, 'parta-chat-select') as Promise<PartaChatSelectEvent>;
    toolbarButton(el, 'button-saved').click();
    const event = await selected;
    expect(event.title).to.equal('Избранное');
    await waitFor(() => option(el, event.chatId)?.getAttribute('aria-selected') === 'true', 'the saved chat selected');
    expect(option(el, event.chatId)!.querySelector('[part~="title"]')!.textContent).to.equal('Избранное');
  });

  it('creates a folder with chats, shows it as a tab, and edits it', async () => {
    const { el, client } = await teacherList();
    toolbarButton(el, 'button-folder-add').click();
    const editor = await waitForElement(el, 'parta-folder-editor');
    const title = unique('Классы').slice(0, 30);
    fill(editor.shadowRoot!.querySelector<HTMLInputElement>('input[name="title"]')!, title);
    for (const id of ['chat-9a', 'chat-9a-parents']) {
      editor.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${id}"]`)!.click();
    }
    await expect(editor).to.be.accessible();
    editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-save"]')!.click();
    await waitFor(() => tab(el, title)?.getAttribute('aria-selected') === 'true', 'the new folder open');
    await waitFor(() => shownIds(el).length === 2, "the folder's chats");
    expect(shownIds(el)).to.have.members(['chat-9a', 'chat-9a-parents']);
    // Taken out through the chat's menu.
    await chooseAction(el, 'chat-9a', `Убрать из папки «${title}»`);
    await waitFor(() => shownIds(el).length === 1, 'one chat left');
    // Deleted from the editor, after confirming.
    toolbarButton(el, 'button-folder-edit').click();
    const again = await waitForElement(el, 'parta-folder-editor');
    again.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-delete"]')!.click();
    await waitFor(() => Boolean(again.shadowRoot!.querySelector('dialog[part~="confirm"]')), 'the question');
    again.shadowRoot!.querySelector<HTMLButtonElement>('dialog[part~="confirm"] .danger')!.click();
    await waitFor(() => !tab(el, title), 'the tab gone');
    expect(tab(el, 'Все')!.getAttribute('aria-selected')).to.equal('true');
    expect(client.$chats.get().length).to.be.greaterThan(4);
  });

  it('refuses the 16th folder and says why', async () => {
    const person = await newPerson('Папкина', 'Вера');
    const created: string[] = [];
    for (let n = 1; n <= limits.foldersMax; n++)
      created.push((await createFolder(person, { title: `Папка ${n}`, chatIds: [] })).id);
    const el = await fixture<PartaChatList>(html`<parta-chat-list .client=${person}></parta-chat-list>`);
    await waitFor(() => Boolean(tab(el, `Папка ${limits.foldersMax}`)), 'fifteen folder tabs');
    toolbarButton(el, 'button-folder-add').click();
    const editor = await waitForElement(el, 'parta-folder-editor');
    fill(editor.shadowRoot!.querySelector<HTMLInputElement>('input[name="title"]')!, 'Шестнадцатая');
    editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-save"]')!.click();
    await waitFor(() => Boolean(editor.shadowRoot!.querySelector('[part~="error"]')?.textContent), 'the refusal');
    expect(editor.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.equal(
      'Папок может быть не больше 15. Удалите одну, чтобы создать новую.',
    );
    expect(editor.shadowRoot!.querySelector('[part~="error"]')!.getAttribute('role')).to.equal('alert');
    expect(Boolean(tab(el, 'Шестнадцатая'))).to.equal(false);
    // Deleting one makes room.
    await deleteFolder(person, created[0]!);
    editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-save"]')!.click();
    await waitFor(() => Boolean(tab(el, 'Шестнадцатая')), 'the new folder');
  });

  it('creates a group from contacts in the new-chat dialog and shows it selected', async () => {
    const { el, client } = await teacherList();
    toolbarButton(el, 'button-new-chat').click();
    const dialog = await waitForElement(el, 'parta-new-chat');
    expect(root(el).querySelector('dialog')!.open).to.equal(true);
    const picker = await waitForPicker(dialog);
    fill(picker.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!, 'Кузнецова');
    await waitFor(() => personRows(picker).length === 1, 'the search result');
    personRows(picker)[0]!.querySelector('input')!.click();
    fill(picker.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!, 'Смирнов');
    await waitFor(() => personRows(picker).some((row) => row.dataset.userId === 'u-student-1'), 'Смирнов');
    personRows(picker)
      .find((row) => row.dataset.userId === 'u-student-1')!
      .querySelector('input')!
      .click();
    await dialog.updateComplete;
    const submit = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-create"]')!;
    expect(submit.textContent!.trim()).to.equal('Создать группу');
    const title = unique('Проект');
    fill(dialog.shadowRoot!.querySelector<HTMLInputElement>('input[name="title"]')!, title);
    await expect(dialog).to.be.accessible();
    const selected = oneEvent(el, 'parta-chat-select') as Promise<PartaChatSelectEvent>;
    submit.click();
    const event = await selected;
    expect(event.title).to.equal(title);
    await waitFor(() => option(el, event.chatId)?.getAttribute('aria-selected') === 'true', 'the group selected');
    expect(Boolean(root(el).querySelector('dialog')), 'the dialog closed').to.equal(false);
    const chat = client.$chats.get().find((c) => c.id === event.chatId)!;
    expect(chat.kind).to.equal('group');
    expect(chat.memberCount).to.equal(3);
  });

  it('starts a one-to-one chat with one person', async () => {
    const { el, client } = await teacherList();
    toolbarButton(el, 'button-new-chat').click();
    const dialog = await waitForElement(el, 'parta-new-chat');
    const picker = await waitForPicker(dialog);
    await waitFor(() => personRows(picker).some((row) => row.dataset.userId === 'u-director'), 'the director');
    personRows(picker)
      .find((row) => row.dataset.userId === 'u-director')!
      .querySelector('input')!
      .click();
    await dialog.updateComplete;
    const submit = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-create"]')!;
    expect(submit.textContent!.trim()).to.equal('Написать');
    const selected = oneEvent(el, 'parta-chat-select') as Promise<PartaChatSelectEvent>;
    submit.click();
    const { chatId } = await selected;
    await until(client.$chats, (chats) => chats.some((c) => c.id === chatId));
    expect(client.$chats.get().find((c) => c.id === chatId)!.kind).to.equal('direct');
  });

  it('creates a chat with the members of an existing one', async () => {
    const { el, client } = await teacherList();
    toolbarButton(el, 'button-new-chat').click();
    const dialog = await waitForElement(el, 'parta-new-chat');
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-mode"]')!.click();
    await dialog.updateComplete;
    const select = dialog.shadowRoot!.querySelector<HTMLSelectElement>('select[name="from"]')!;
    fill(select, 'chat-9a');
    fill(dialog.shadowRoot!.querySelector<HTMLInputElement>('input[name="title"]')!, unique('Копия 9А'));
    await expect(dialog).to.be.accessible();
    const selected = oneEvent(el, 'parta-chat-select') as Promise<PartaChatSelectEvent>;
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-create"]')!.click();
    const { chatId } = await selected;
    const source = client.$chats.get().find((c) => c.id === 'chat-9a')!;
    const copy = await until(client.$chats, (chats) => chats.some((c) => c.id === chatId));
    expect(copy.find((c) => c.id === chatId)!.memberCount).to.equal(source.memberCount);
  });

  it('closes the new-chat dialog with Escape and gives focus back', async () => {
    const { el } = await teacherList();
    const button = toolbarButton(el, 'button-new-chat');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitForElement(el, 'parta-new-chat');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !root(el).querySelector('dialog'), 'the dialog closed');
    expect(root(el).activeElement === button, 'focus back on the button').to.equal(true);
  });

  it('says who is typing instead of the last message', async () => {
    const { el } = await teacherList();
    const student = await clientFor('u-student-1');
    await student.sendMessage('chat-9a', unique('Сейчас напишу'));
    await waitFor(() => option(el, 'chat-9a')!.textContent!.includes('Сейчас напишу'), 'the message');
    await typeIn(student, 'chat-9a', () => option(el, 'chat-9a')!.querySelector('[part~="typing"]') !== null);
    expect(option(el, 'chat-9a')!.querySelector('[part~="typing"]')!.textContent).to.equal('Иван печатает…');
  });

  it('shows a deleted last message as such', async () => {
    const { el } = await teacherList();
    const student = await clientFor('u-student-1');
    const sent = await student.sendMessage('chat-9a', unique('Удалю'));
    await student.deleteMessages('chat-9a', [sent.id], 'everyone');
    await waitFor(
      () => option(el, 'chat-9a')!.querySelector('[part~="preview"]')!.textContent === 'Сообщение удалено',
      'the deleted note',
    );
  });
});

async function waitForElement(
  el: PartaChatList,
  tag: string,
): Promise<HTMLElement & { updateComplete: Promise<unknown> }> {
  await waitFor(() => Boolean(root(el).querySelector(tag)?.shadowRoot?.firstElementChild), tag);
  const found = root(el).querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  await found.updateComplete;
  return found;
}

async function waitForPicker(dialog: HTMLElement) {
  await waitFor(
    () =>
      Boolean(dialog.shadowRoot!.querySelector('parta-people-picker')?.shadowRoot?.querySelector('[part~="people"]')),
    'the contacts',
  );
  return dialog.shadowRoot!.querySelector('parta-people-picker')!;
}

const personRows = (picker: Element) => [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[part~="person"]')];
