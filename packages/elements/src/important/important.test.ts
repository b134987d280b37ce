import { expect, fixture, html } from '@open-wc/testing';
import type { PartaClient } from '@parta/core';
import { sendKeys } from '@web/test-runner-commands';
import type { PartaChatSelectEvent } from '../events/chat-select.js';
import { clientFor, closeAll, unique, waitFor } from '../test-helpers.js';
import '../thread/define.js';
import type { PartaThread } from '../thread/thread.js';
import './define.js';
import type { PartaImportant } from './important.js';

const root = (el: Element) => el.shadowRoot!;
const items = (el: PartaImportant) => [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')];
const itemWith = (el: PartaImportant, text: string) => items(el).find((item) => item.textContent!.includes(text));

/** Marks a message important the way a person does: its menu in the thread. */
async function markInThread(client: PartaClient, chatId: string, text: string) {
  const thread = await fixture<PartaThread>(
    html`<parta-thread style="height: 300px" chat-id=${chatId}></parta-thread>`,
  );
  thread.client = client;
  const message = () =>
    [...root(thread).querySelectorAll<HTMLElement>('[part~="message"]')].find((li) => li.textContent!.includes(text));
  await waitFor(() => Boolean(message()?.querySelector('[part~="actions-button"]')), 'the message');
  message()!.querySelector<HTMLButtonElement>('[part~="actions-button"]')!.click();
  await waitFor(() => root(thread).querySelectorAll('[role="menuitem"]').length > 0, 'the menu');
  [...root(thread).querySelectorAll<HTMLElement>('[role="menuitem"]')]
    .find((item) => item.textContent!.trim() === 'Отметить как важное')!
    .click();
  await waitFor(() => Boolean(message()?.querySelector('[part~="important-mark"]')), 'the mark');
  thread.remove();
}

describe('<parta-important>', () => {
  afterEach(closeAll);

  it('lists the messages marked important across chats, with the chat, and opens one', async () => {
    const parent = await clientFor('u-parent-1');
    const teacher = await clientFor('u-teacher');
    const inParents = unique('Сбор на экскурсию https://school.example/trip');
    const inSchool = unique('Каникулы с понедельника');
    await teacher.sendMessage('chat-9a-parents', inParents);
    const director = await clientFor('u-director');
    await director.sendMessage('chat-school', inSchool);
    await markInThread(parent, 'chat-9a-parents', inParents);
    await markInThread(parent, 'chat-school', inSchool);

    const el = await fixture<PartaImportant>(html`<parta-important></parta-important>`);
    el.client = parent;
    await waitFor(() => Boolean(itemWith(el, inParents) && itemWith(el, inSchool)), 'both messages');
    expect(root(el).querySelector('h2')!.textContent).to.equal('Важные сообщения');
    // The latest marked first.
    expect(items(el).indexOf(itemWith(el, inSchool)!)).to.be.lessThan(items(el).indexOf(itemWith(el, inParents)!));
    const item = itemWith(el, inParents)!;
    expect(item.querySelector('[part~="chat-title"]')!.textContent).to.equal('Родители 9А');
    expect(item.querySelector('[part~="author"]')!.textContent).to.equal('Петрова Мария Ивановна');
    expect(item.querySelector('[part~="text"] a')!.getAttribute('href')).to.equal('https://school.example/trip');
    await expect(el).to.be.accessible();

    const chosen: PartaChatSelectEvent[] = [];
    const listen = (event: PartaChatSelectEvent) => chosen.push(event);
    el.addEventListener('parta-chat-select', listen);
    item.querySelector<HTMLButtonElement>('[part~="open"]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(chosen).to.have.length(1);
    expect([chosen[0]!.chatId, chosen[0]!.title, chosen[0]!.messageId]).to.deep.equal([
      'chat-9a-parents',
      'Родители 9А',
      item.dataset.messageId,
    ]);
    // A click on the text (not on its link) opens it too.
    item.querySelector<HTMLElement>('[part~="text"]')!.click();
    expect(chosen).to.have.length(2);
  });

  it('says so when nothing is marked, and speaks English', async () => {
    const el = await fixture<PartaImportant>(html`<parta-important locale="en"></parta-important>`);
    el.client = await clientFor('u-student-2');
    await waitFor(() => root(el).querySelector('[part~="empty"]')?.textContent?.startsWith('No important') ?? false);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Important messages');
    await expect(el).to.be.accessible();
  });
});
