import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createChat, type PartaClient } from '@parta/core';
import { sendKeys } from '@web/test-runner-commands';
import '../chat-invite/define.js';
import type { PartaChatInvite } from '../chat-invite/chat-invite.js';
import type { PartaCallStartEvent } from '../events/call-start.js';
import type { PartaChatLeaveEvent } from '../events/chat-leave.js';
import type { PartaChatSelectEvent } from '../events/chat-select.js';
import { clientFor, closeAll, fill, unique, until, waitFor } from '../test-helpers.js';
import type { PartaChatCard } from './chat-card.js';
import './define.js';

const root = (el: Element) => el.shadowRoot!;
const memberIds = (el: PartaChatCard) =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="members"] [part~="item"]')].map((row) => row.dataset.userId);
const row = (el: PartaChatCard, userId: string) =>
  root(el).querySelector<HTMLElement>(`[part~="members"] [part~="item"][data-user-id="${userId}"]`);
const button = (scope: ParentNode, part: string) => scope.querySelector<HTMLButtonElement>(`[part~="${part}"]`);

/** A fresh group of the teacher (owner) with two students, and the card as `userId` sees it. */
async function group(userId = 'u-teacher', members = ['u-student-1', 'u-student-2']) {
  const teacher = await clientFor('u-teacher');
  const chat = await createChat(teacher, { kind: 'group', userIds: members, title: unique('Кружок') });
  const client = userId === 'u-teacher' ? teacher : await clientFor(userId);
  const el = await fixture<PartaChatCard>(
    html`<parta-chat-card chat-id=${chat.id} link-base="https://school.example/?chat-invite=" .client=${client}></parta-chat-card>`,
  );
  await waitFor(() => memberIds(el).length === members.length + 1, 'the members');
  return { el, chat, client, teacher };
}

async function confirm(el: Element) {
  await waitFor(() => Boolean(root(el).querySelector('dialog[part~="confirm"]')?.hasAttribute('open')), 'the question');
  root(el).querySelector<HTMLButtonElement>('dialog[part~="confirm"] .danger')!.click();
}

describe('<parta-chat-card>', () => {
  afterEach(closeAll);

  it('shows the title, the member count and the members by surname, administrators marked', async () => {
    const { el, chat } = await group();
    expect(root(el).querySelector('h2')!.textContent).to.equal(chat.title);
    expect(root(el).querySelector('[part~="header"] .meta')!.textContent).to.equal('3 участника');
    expect(memberIds(el)).to.deep.equal(['u-student-2', 'u-teacher', 'u-student-1']);
    expect(row(el, 'u-teacher')!.querySelector('[part~="role"]')!.textContent).to.equal('создатель');
    expect(Boolean(row(el, 'u-student-1')!.querySelector('[part~="role"]'))).to.equal(false);
    expect(row(el, 'u-teacher')!.textContent).to.include('(вы)');
    await expect(el).to.be.accessible();
  });

  it('finds members by name', async () => {
    const { el } = await group();
    fill(root(el).querySelector<HTMLInputElement>('[part~="member-search"]')!, 'Смирн');
    await waitFor(() => memberIds(el).length === 1, 'the search result');
    expect(memberIds(el)).to.deep.equal(['u-student-1']);
  });

  it('adds members from contacts, makes one an administrator and removes another', async () => {
    const { el, client, chat } = await group();
    button(root(el), 'button-add')!.click();
    await waitFor(
      () => Boolean(root(el).querySelector('parta-people-picker')?.shadowRoot?.querySelector('[part~="people"]')),
      'the contacts',
    );
    const picker = root(el).querySelector('parta-people-picker')!;
    const offered = [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[part~="person"]')].map(
      (p) => p.dataset.userId,
    );
    expect(offered, 'members are not offered again').to.not.include('u-student-1');
    picker.shadowRoot!.querySelector<HTMLInputElement>('[data-user-id="u-parent-1"] input')!.click();
    button(root(el), 'button-add-confirm')!.click();
    await waitFor(() => memberIds(el).includes('u-parent-1'), 'the new member');
    expect(root(el).querySelector('[part~="notice"]')!.textContent).to.equal('Добавлено участников: 1');
    await until(client.$chats, (chats) => chats.find((c) => c.id === chat.id)?.memberCount === 4);

    button(row(el, 'u-student-1')!, 'button-admin')!.click();
    await waitFor(
      () => row(el, 'u-student-1')!.querySelector('[part~="role"]')?.textContent === 'администратор',
      'the mark',
    );
    expect(root(el).querySelector('[part~="notice"]')!.textContent).to.equal('Смирнов Иван теперь администратор');

    button(row(el, 'u-student-2')!, 'button-remove')!.click();
    await confirm(el);
    await waitFor(() => !memberIds(el).includes('u-student-2'), 'the member gone');
    expect(root(el).querySelector('[part~="notice"]')!.textContent).to.equal('Кузнецова Анна больше не в чате');
    await expect(el).to.be.accessible();
  });

  it('shows a member no administration, and lets them leave after confirming', async () => {
    const { el, chat, client } = await group('u-student-1');
    // Compared as booleans: a failing comparison of elements would serialise the whole page.
    const shown = (part: string) => Boolean(root(el).querySelector(`[part~="${part}"]`));
    expect(shown('button-remove'), 'no remove').to.equal(false);
    expect(shown('button-admin'), 'no admin').to.equal(false);
    expect(shown('settings'), 'no settings').to.equal(false);
    expect(shown('title-form'), 'no renaming').to.equal(false);
    // Members may share the link unless an administrator turned it off (the default allows it).
    expect(shown('invite'), 'the link, members may invite').to.equal(true);
    const left = oneEvent(el, 'parta-chat-leave') as Promise<PartaChatLeaveEvent>;
    button(root(el), 'button-leave')!.click();
    await confirm(el);
    expect((await left).chatId).to.equal(chat.id);
    await until(client.$chats, (chats) => !chats.some((c) => c.id === chat.id));
  });

  it('keeps the member in the chat when the leave question is cancelled', async () => {
    const { el, chat, client } = await group('u-student-1');
    button(root(el), 'button-leave')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => Boolean(root(el).querySelector('dialog[part~="confirm"]')), 'the question');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !root(el).querySelector('dialog[part~="confirm"]'), 'the question gone');
    expect(root(el).activeElement === button(root(el), 'button-leave'), 'focus back on Leave').to.equal(true);
    expect(client.$chats.get().some((c) => c.id === chat.id)).to.equal(true);
  });

  it('turns notifications off and on', async () => {
    const { el, chat, client } = await group();
    const toggle = root(el).querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(toggle.checked).to.equal(true);
    toggle.click();
    await until(client.$chats, (chats) => chats.find((c) => c.id === chat.id)?.muted === true);
    toggle.click();
    await until(client.$chats, (chats) => chats.find((c) => c.id === chat.id)?.muted === false);
  });

  it('fires parta-call-start from the call button', async () => {
    const { el, chat } = await group();
    const started = oneEvent(el, 'parta-call-start') as Promise<PartaCallStartEvent>;
    button(root(el), 'button-call')!.click();
    const event = await started;
    expect(event.chatId).to.equal(chat.id);
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
  });

  it('changes the settings for every member: only administrators write, disappearing messages, the title', async () => {
    const { el, chat } = await group();
    const student = await clientFor('u-student-1');
    await until(student.$chats, (chats) => chats.some((c) => c.id === chat.id));
    root(el).querySelector<HTMLInputElement>('input[name="onlyAdminsWrite"]')!.click();
    await until(student.$chats, (chats) => chats.find((c) => c.id === chat.id)?.onlyAdminsWrite === true);
    fill(root(el).querySelector<HTMLSelectElement>('select[name="disappear"]')!, '3600');
    await until(student.$chats, (chats) => chats.find((c) => c.id === chat.id)?.settings?.disappearAfterSec === 3600);
    const select = root(el).querySelector<HTMLSelectElement>('select[name="disappear"]')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Выключены',
      'Через 30 секунд',
      'Через час',
      'Через день',
      'Через неделю',
    ]);
    const title = unique('Новое имя');
    fill(root(el).querySelector<HTMLInputElement>('input[name="title"]')!, title);
    button(root(el), 'button-title')!.click();
    await until(student.$chats, (chats) => chats.find((c) => c.id === chat.id)?.title === title);
    await waitFor(() => root(el).querySelector('h2')!.textContent === title, 'the new title');
    expect(root(el).querySelector('[part~="notice"]')!.textContent).to.equal('Настройки сохранены');
  });

  it('makes an invite link that another person joins with one click, and revokes it', async () => {
    const { el, chat } = await group();
    button(root(el), 'button-link-create')!.click();
    await waitFor(() => Boolean(root(el).querySelector<HTMLInputElement>('[part~="url"]')), 'the link');
    const url = root(el).querySelector<HTMLInputElement>('[part~="url"]')!.value;
    expect(url).to.match(/^https:\/\/school\.example\/\?chat-invite=/);
    const code = decodeURIComponent(new URL(url).searchParams.get('chat-invite')!);

    const director = await clientFor('u-director');
    const landing = await fixture<PartaChatInvite>(
      html`<parta-chat-invite code=${code} .client=${director}></parta-chat-invite>`,
    );
    await waitFor(() => Boolean(root(landing).querySelector('h2')), 'the preview');
    expect(root(landing).querySelector('h2')!.textContent).to.equal(chat.title);
    expect(root(landing).textContent).to.include('3 участника');
    await expect(landing).to.be.accessible();
    const joined = oneEvent(landing, 'parta-chat-select') as Promise<PartaChatSelectEvent>;
    button(root(landing), 'button-join')!.click();
    expect((await joined).chatId).to.equal(chat.id);
    await until(director.$chats, (chats) => chats.some((c) => c.id === chat.id));
    await waitFor(() => memberIds(el).includes('u-director'), 'the new member in the list');
    expect(root(el).querySelector('[part~="header"] .meta')!.textContent).to.equal('4 участника');

    button(root(el), 'button-link-revoke')!.click();
    await confirm(el);
    await waitFor(() => Boolean(button(root(el), 'button-link-create')), 'no link');
    const parent = await clientFor('u-parent-1');
    const stale = await fixture<PartaChatInvite>(
      html`<parta-chat-invite code=${code} .client=${parent}></parta-chat-invite>`,
    );
    await waitFor(
      () =>
        root(stale).querySelector('[role="alert"]')?.textContent?.trim() !== undefined &&
        root(stale).textContent!.includes('больше не действует'),
      'the refusal',
    );
  });

  it('creates a new chat with the same members', async () => {
    const { el, chat, client } = await group();
    button(root(el), 'button-copy-members')!.click();
    await waitFor(
      () => Boolean(root(el).querySelector('parta-new-chat')?.shadowRoot?.querySelector('select')),
      'the dialog',
    );
    const dialog = root(el).querySelector('parta-new-chat')!;
    expect(dialog.shadowRoot!.querySelector<HTMLSelectElement>('select')!.value).to.equal(chat.id);
    fill(dialog.shadowRoot!.querySelector<HTMLInputElement>('input[name="title"]')!, unique('Копия'));
    const created = oneEvent(el, 'parta-chat-select') as Promise<PartaChatSelectEvent>;
    button(dialog.shadowRoot!, 'button-create')!.click();
    const { chatId } = await created;
    expect(chatId).to.not.equal(chat.id);
    const chats = await until(client.$chats, (all) => all.some((c) => c.id === chatId));
    expect(chats.find((c) => c.id === chatId)!.memberCount).to.equal(3);
    await waitFor(() => !root(el).querySelector('parta-new-chat'), 'the dialog closed');
  });

  it('speaks English when asked', async () => {
    const teacher: PartaClient = await clientFor('u-teacher');
    const el = await fixture<PartaChatCard>(
      html`<parta-chat-card chat-id="chat-9a" locale="en" .client=${teacher}></parta-chat-card>`,
    );
    await waitFor(() => memberIds(el).length > 0, 'the members');
    expect(root(el).querySelector('#members-title')!.textContent).to.equal('Members');
    expect(Boolean(button(root(el), 'button-leave')), 'class chats follow the structure').to.equal(false);
  });
});
