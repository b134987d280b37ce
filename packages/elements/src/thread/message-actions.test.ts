import { expect, fixture, html } from '@open-wc/testing';
import { forwardMessages, type PartaClient } from '@parta/core';
import { ChatResponse, chatRoutes, limits, routes } from '@parta/protocol';
import { sendKeys } from '@web/test-runner-commands';
import { clientFor, closeAll, sleep, unique, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaThread } from './thread.js';

/**
 * What one does with a message in <parta-thread>: reply, forward, pin, mark
 * important, read receipts and confirmation, typing, awards; each driven like
 * a user, in the real browser against the real server, with two people where
 * it takes two.
 */

const root = (el: Element) => el.shadowRoot!;
const composerBox = (el: PartaThread) =>
  root(el).querySelector('parta-composer')!.shadowRoot!.querySelector('textarea')!;
const messageWith = (el: PartaThread, text: string) =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="message"]')].filter((li) =>
    li.querySelector('[part~="message-text"]')?.textContent?.includes(text),
  );
const byId = (el: PartaThread, id: string) => root(el).querySelector<HTMLElement>(`[data-message-id="${id}"]`);
const menuItems = (el: PartaThread) => [...root(el).querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]')];
const menuLabels = (el: PartaThread) => menuItems(el).map((item) => item.textContent!.trim());
const part = <T extends Element = HTMLElement>(scope: ParentNode, name: string) =>
  scope.querySelector<T & HTMLElement>(`[part~="${name}"]`);

async function openThread(userId: string, chatId: string, client?: PartaClient) {
  const el = await fixture<PartaThread>(html`<parta-thread style="height: 420px" chat-id=${chatId}></parta-thread>`);
  el.client = client ?? (await clientFor(userId));
  await waitFor(() => !part(root(el), 'status'), 'the connection');
  await waitFor(() => !composerBox(el).disabled, 'the composer');
  return el;
}

/** Sends as `client` and waits until `el` shows it; returns its id. */
async function post(client: PartaClient, el: PartaThread, chatId: string, text: string) {
  await client.sendMessage(chatId, text);
  await waitFor(() => messageWith(el, text).length === 1, text);
  return messageWith(el, text)[0]!.dataset.messageId!;
}

async function choose(el: PartaThread, message: Element, label: string) {
  part<HTMLButtonElement>(message, 'actions-button')!.click();
  await waitFor(() => menuItems(el).length > 0, 'the menu');
  const item = menuItems(el).find((candidate) => candidate.textContent!.trim() === label);
  expect(item, `${label} in ${menuLabels(el).join(', ')}`).to.exist;
  item!.click();
}

async function write(el: PartaThread, text: string) {
  composerBox(el).focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

/** A dialog the thread opened (they load on first use). */
async function dialogOf<T extends Element>(el: PartaThread, tag: string): Promise<T> {
  await waitFor(() => Boolean(root(el).querySelector(tag)?.shadowRoot?.querySelector('dialog[open]')), tag);
  return root(el).querySelector(tag) as unknown as T;
}

describe('<parta-thread> message actions', () => {
  afterEach(closeAll);

  it('replies to a message: the reply bar, then the quote, which leads back to the original', async () => {
    const teacher = await clientFor('u-teacher');
    const el = await openThread('u-student-1', 'chat-9a');
    const original = unique('Вопрос про §12');
    const originalId = await post(teacher, el, 'chat-9a', original);
    await choose(el, byId(el, originalId)!, 'Ответить');

    const bar = () => part(root(el), 'reply-bar');
    await waitFor(() => Boolean(bar()), 'the reply bar');
    expect(bar()!.textContent).to.include('Петрова Мария Ивановна');
    expect(bar()!.textContent).to.include(original);
    await waitFor(() => root(el).activeElement?.localName === 'parta-composer', 'focus in the composer');
    await expect(el).to.be.accessible();

    const answer = unique('Ответ: да, https://school.example/12');
    await sendKeys({ type: answer });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !bar(), 'the reply bar to go');
    await waitFor(() => Boolean(messageWith(el, answer)[0] && part(messageWith(el, answer)[0]!, 'quote')), 'the quote');
    const quote = part(messageWith(el, answer)[0]!, 'quote')!;
    expect(part(quote, 'quote-author')!.textContent!.trim()).to.equal('Петрова Мария Ивановна');
    expect(part(quote, 'quote-text')!.textContent).to.equal(original);
    expect(messageWith(el, answer)[0]!.querySelector('[part~="message-text"] a')!.getAttribute('href')).to.equal(
      'https://school.example/12',
    );

    // The teacher sees the quote too, live.
    const teacherView = await openThread('u-teacher', 'chat-9a', teacher);
    await waitFor(() => Boolean(messageWith(teacherView, answer)[0]?.querySelector('[part~="quote"]')), 'quote live');

    // The quote leads back: scroll away, then click it.
    const scroller = part(root(el), 'messages')!;
    const visible = () => {
      // Off-screen rows may not be rendered at all.
      const box = byId(el, originalId)?.getBoundingClientRect();
      if (!box) return false;
      const view = scroller.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    };
    for (let n = 0; n < 8; n++) await teacher.sendMessage('chat-9a', unique(`Заполнение ${n}`));
    await waitFor(() => !visible(), 'the original out of view');
    part<HTMLButtonElement>(quote, 'quote-author')!.click();
    await waitFor(visible, 'the original in view');

    // Cancelling a reply sends a plain message.
    await choose(el, byId(el, originalId)!, 'Ответить');
    await waitFor(() => Boolean(bar()), 'the reply bar again');
    part<HTMLButtonElement>(root(el), 'reply-cancel')!.click();
    await waitFor(() => !bar(), 'the bar to close');
    const plain = unique('Без ответа');
    await write(el, plain);
    await waitFor(() => el.messages.some((message) => message.text === plain && message.status === 'sent'), 'sent');
    expect(el.messages.find((message) => message.text === plain)!.replyToId).to.equal(null);
    // Back at the end (the list stays where the jump left it), the plain message shows without a quote.
    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(() => messageWith(el, plain).length === 1, 'the plain message');
    await sleep(300);
    expect(part(messageWith(el, plain)[0]!, 'quote')).to.equal(null);
  });

  it('forwards a message to two chats, where members see «Переслано от …»', async () => {
    const teacher = await clientFor('u-teacher');
    const el = await openThread('u-teacher', 'chat-9a', teacher);
    const text = unique('Экскурсия в музей в пятницу');
    const id = await post(teacher, el, 'chat-9a', text);
    await choose(el, byId(el, id)!, 'Переслать');

    const dialog = await dialogOf<HTMLElement>(el, 'parta-forward-dialog');
    const inside = root(dialog);
    expect(inside.querySelector('h2')!.textContent).to.equal('Переслать сообщение');
    await waitFor(() => inside.querySelectorAll('input[type="checkbox"]').length > 0, 'the chats');
    await expect(dialog).to.be.accessible();
    const box = (title: string) =>
      [...inside.querySelectorAll('label')]
        .find((label) => label.textContent!.trim() === title)
        ?.querySelector('input');
    // Search narrows the list; ticks survive a new search.
    const search = inside.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    await sendKeys({ type: 'родит' });
    await waitFor(() => inside.querySelectorAll('input[type="checkbox"]').length === 1, 'the search');
    box('Родители 9А')!.click();
    search.select();
    await sendKeys({ press: 'Backspace' });
    await waitFor(() => Boolean(box('Учительская')), 'the whole list');
    box('Учительская')!.click();
    await waitFor(() => part(inside, 'count')!.textContent === `Выбрано 2 из ${limits.forwardMaxChats}`, 'two ticked');
    // Channels the teacher may not write in are not offered.
    expect(box('Общешкольный')).to.equal(undefined);
    part<HTMLButtonElement>(inside, 'submit')!.click();
    await waitFor(() => !root(el).querySelector('parta-forward-dialog'), 'the dialog to close');

    const parent = await openThread('u-parent-1', 'chat-9a-parents');
    await waitFor(() => messageWith(parent, text).length === 1, 'the forward in the parents’ chat');
    expect(part(messageWith(parent, text)[0]!, 'forwarded')!.textContent).to.include(
      'Переслано от Петрова Мария Ивановна',
    );
    const director = await openThread('u-director', 'chat-teachers');
    await waitFor(() => messageWith(director, text).length === 1, 'the forward in the teachers’ room');
    expect(part(messageWith(director, text)[0]!, 'forwarded')!.textContent).to.include('Переслано от');
  });

  it('forwards the selected messages together', async () => {
    const teacher = await clientFor('u-teacher');
    const el = await openThread('u-teacher', 'chat-9a', teacher);
    const first = await post(teacher, el, 'chat-9a', unique('Первое для пересылки'));
    const second = await post(teacher, el, 'chat-9a', unique('Второе для пересылки'));
    await choose(el, byId(el, first)!, 'Выбрать');
    await waitFor(() => Boolean(byId(el, second)?.querySelector('[part~="select-checkbox"]')), 'selection');
    byId(el, second)!.querySelector<HTMLInputElement>('[part~="select-checkbox"]')!.click();
    const forward = () => part<HTMLButtonElement>(root(el), 'selection-forward')!;
    await waitFor(() => forward().textContent!.trim() === 'Переслать (2)', 'two chosen');
    forward().click();
    const dialog = await dialogOf<HTMLElement>(el, 'parta-forward-dialog');
    expect(root(dialog).querySelector('h2')!.textContent).to.equal('Переслать 2 сообщения');
    // Escape closes it and gives focus back.
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !root(el).querySelector('parta-forward-dialog'), 'the dialog to close');
    expect(root(el).activeElement).to.equal(forward());
  });

  it('refuses a 13th chat to forward to, clearly', async () => {
    const teacher = await clientFor('u-teacher');
    // Enough chats to choose from: groups with a student.
    for (let n = 0; n < limits.forwardMaxChats; n++) {
      await teacher.request(routes.chats, {
        method: 'POST',
        body: { kind: 'group', userIds: ['u-student-1'], title: unique(`Кружок ${n}`) },
      });
    }
    const el = await openThread('u-teacher', 'chat-9a', teacher);
    const text = unique('Всем кружкам');
    const id = await post(teacher, el, 'chat-9a', text);
    await choose(el, byId(el, id)!, 'Переслать');
    const dialog = await dialogOf<HTMLElement>(el, 'parta-forward-dialog');
    const inside = root(dialog);
    const boxes = () => [...inside.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    await waitFor(() => boxes().length > limits.forwardMaxChats, 'more than 12 chats');
    for (const box of boxes().slice(0, limits.forwardMaxChats)) box.click();
    await waitFor(() => part(inside, 'count')!.textContent === 'Выбрано 12 из 12', 'twelve ticked');
    expect(part(inside, 'error')!.textContent).to.equal('');
    const thirteenth = boxes()[limits.forwardMaxChats]!;
    thirteenth.focus();
    await sendKeys({ press: ' ' });
    await waitFor(() => part(inside, 'error')!.textContent !== '', 'the refusal');
    expect(part(inside, 'error')!.textContent).to.equal('Переслать можно не больше чем в 12 чатов за раз');
    expect(part(inside, 'error')!.getAttribute('role')).to.equal('alert');
    expect(thirteenth.checked).to.equal(false);
    expect(boxes().filter((box) => box.checked)).to.have.length(12);
    // Unticking one makes room again.
    boxes()[0]!.click();
    thirteenth.click();
    expect(thirteenth.checked).to.equal(true);
    await waitFor(() => part(inside, 'error')!.textContent === '', 'the refusal to go');
    await waitFor(() => part(inside, 'count')!.textContent === 'Выбрано 12 из 12', 'twelve again');
    await expect(dialog).to.be.accessible();
  });

  it('pins a message: the bar above the thread shows it, for everyone, and leads to it', async () => {
    const teacher = await clientFor('u-teacher');
    const el = await openThread('u-teacher', 'chat-9a', teacher);
    const student = await openThread('u-student-1', 'chat-9a');
    const text = unique('Расписание четверти');
    const id = await post(teacher, el, 'chat-9a', text);
    await choose(el, byId(el, id)!, 'Закрепить');
    const bar = (view: PartaThread) => part(root(view), 'pinned-bar');
    await waitFor(() => bar(el)?.textContent?.includes(text) ?? false, 'the pinned bar');
    expect(bar(el)!.textContent).to.include('Закреплённое сообщение');
    await waitFor(() => bar(student)?.textContent?.includes(text) ?? false, 'the bar, live for the student');
    await waitFor(() => Boolean(part(byId(student, id)!, 'pinned-mark')), 'the mark on the message');
    await expect(student).to.be.accessible();

    // A student may not pin in a class chat.
    const mine = await post(teacher, student, 'chat-9a', unique('Ещё сообщение'));
    part<HTMLButtonElement>(byId(student, mine)!, 'actions-button')!.click();
    await waitFor(() => menuItems(student).length > 0, 'the student’s menu');
    expect(menuLabels(student)).not.to.include('Закрепить');
    await sendKeys({ press: 'Escape' });

    // The bar leads to the message.
    const scroller = part(root(student), 'messages')!;
    scroller.scrollTop = 0;
    for (let n = 0; n < 8; n++) await teacher.sendMessage('chat-9a', unique(`Потом ${n}`));
    const visible = () => {
      const box = byId(student, id)?.getBoundingClientRect();
      if (!box) return false;
      const view = scroller.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    };
    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(() => !visible(), 'the pinned message out of view');
    bar(student)!.click();
    await waitFor(visible, 'the pinned message in view');

    await choose(el, byId(el, id)!, 'Открепить');
    await waitFor(() => !bar(student)?.textContent?.includes(text), 'the bar to drop it');
  });

  it('marks a message important, with a visible mark, and unmarks it', async () => {
    const teacher = await clientFor('u-teacher');
    const el = await openThread('u-student-1', 'chat-9a');
    const id = await post(teacher, el, 'chat-9a', unique('Важное объявление'));
    await choose(el, byId(el, id)!, 'Отметить как важное');
    await waitFor(() => Boolean(part(byId(el, id)!, 'important-mark')), 'the mark');
    expect(part(byId(el, id)!, 'important-mark')!.getAttribute('aria-label')).to.equal('Важное');
    await choose(el, byId(el, id)!, 'Снять отметку «важное»');
    await waitFor(() => !part(byId(el, id)!, 'important-mark'), 'the mark to go');
  });

  it('shows ✓ on one’s message until another member has read it, then ✓✓, and who read it', async () => {
    const teacher = await clientFor('u-teacher');
    const el = await openThread('u-teacher', 'chat-9a-parents', teacher);
    const text = unique('Собрание в четверг');
    const id = await post(teacher, el, 'chat-9a-parents', text);
    const receipt = () => part(byId(el, id)!, 'receipt');
    await waitFor(() => receipt()?.getAttribute('aria-label') === 'Отправлено', 'one tick');
    expect(receipt()!.textContent).to.equal('✓');
    await openThread('u-parent-1', 'chat-9a-parents');
    await waitFor(() => receipt()?.getAttribute('aria-label') === 'Прочитано', 'two ticks');
    expect(receipt()!.textContent).to.equal('✓✓');

    await choose(el, byId(el, id)!, 'Кто прочитал');
    const dialog = await dialogOf<HTMLElement>(el, 'parta-receipts');
    await waitFor(() => Boolean(root(dialog).querySelector('#read')), 'the lists');
    expect(root(dialog).querySelector('#read')!.textContent).to.equal('Прочитали (1)');
    expect(root(dialog).querySelector('[aria-labelledby="read"] ul')!.textContent).to.include('Смирнова Ольга');
    await expect(dialog).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !root(el).querySelector('parta-receipts'), 'the popover to close');
  });

  it('asks for read confirmation: the recipient confirms, the sender sees 1 of N and who', async () => {
    const teacher = await openThread('u-teacher', 'chat-9a');
    const toggle = root(teacher)
      .querySelector('parta-composer')!
      .shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-toggle"]')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Запросить подтверждение прочтения');
    toggle.click();
    await waitFor(() => toggle.getAttribute('aria-pressed') === 'true', 'the toggle on');
    const text = unique('Прочитайте правила поездки');
    await write(teacher, text);
    await waitFor(
      () => Boolean(messageWith(teacher, text)[0] && part(messageWith(teacher, text)[0]!, 'confirmation')),
      'the count',
    );
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    const count = () => part(messageWith(teacher, text)[0]!, 'confirmation-count')!.textContent!.trim();
    const total = Number(/из (\d+)/.exec(count())![1]);
    expect(total).to.be.greaterThan(1);
    expect(count()).to.equal(`Подтвердили 0 из ${total}`);

    const student = await openThread('u-student-1', 'chat-9a');
    await waitFor(() => messageWith(student, text).length === 1, 'the message for the student');
    const message = () => messageWith(student, text)[0]!;
    expect(part(message(), 'confirmation-count')!.textContent!.trim()).to.equal(`Подтвердили 0 из ${total}`);
    const confirm = part<HTMLButtonElement>(message(), 'confirm-button')!;
    expect(confirm.textContent!.trim()).to.equal('Подтвердить прочтение');
    await expect(student).to.be.accessible();
    confirm.click();
    await waitFor(() => part(message(), 'confirmed')?.textContent === 'Вы подтвердили', 'the confirmation');
    expect(part(message(), 'confirm-button')).to.equal(null);
    await waitFor(() => count() === `Подтвердили 1 из ${total}`, 'the sender’s count, live');

    part<HTMLButtonElement>(messageWith(teacher, text)[0]!, 'confirmation-count')!.click();
    const dialog = await dialogOf<HTMLElement>(teacher, 'parta-receipts');
    await waitFor(() => Boolean(root(dialog).querySelector('#confirmed')), 'the lists');
    expect(root(dialog).querySelector('#confirmed')!.textContent).to.equal('Подтвердили (1)');
    expect(root(dialog).querySelector('[aria-labelledby="confirmed"]')!.textContent).to.include('Смирнов Иван');
    expect(root(dialog).querySelector('#pending')!.textContent).to.equal(`Не подтвердили (${total - 1})`);
    expect(root(dialog).querySelector('[aria-labelledby="pending"]')!.textContent).to.include('Кузнецова Анна');
  });

  it("shows who is typing on the other member's thread", async () => {
    const studentClient = await clientFor('u-student-1');
    const teacher = await openThread('u-teacher', 'chat-9a');
    const student = await openThread('u-student-1', 'chat-9a', studentClient);
    await post(studentClient, teacher, 'chat-9a', unique('Я тут'));
    composerBox(student).focus();
    await sendKeys({ type: 'Сейчас напишу' });
    const typing = () => part(root(teacher), 'typing')?.textContent ?? '';
    await waitFor(() => typing() === 'Смирнов Иван печатает…', 'the typing line', limits.typingTtlMs);
    expect(part(root(student), 'typing')).to.equal(null);
    await waitFor(() => typing() === '', 'the typing line to go', limits.typingTtlMs * 3);
  });

  it('gives an award: a distinct card in the chat, the note with its link clickable', async () => {
    const studentClient = await clientFor('u-student-1');
    const teacher = await openThread('u-teacher', 'chat-9a');
    const student = await openThread('u-student-1', 'chat-9a', studentClient);
    const id = await post(studentClient, teacher, 'chat-9a', unique('Мой доклад про вулканы'));

    // Students do not give awards.
    await waitFor(() => Boolean(byId(student, id)), 'the message for the student');
    part<HTMLButtonElement>(byId(student, id)!, 'actions-button')!.click();
    await waitFor(() => menuItems(student).length > 0, 'the student’s menu');
    expect(menuLabels(student)).not.to.include('Наградить');
    await sendKeys({ press: 'Escape' });

    await choose(teacher, byId(teacher, id)!, 'Наградить');
    const dialog = await dialogOf<HTMLElement>(teacher, 'parta-award-dialog');
    const inside = root(dialog);
    expect(inside.querySelector('h2')!.textContent).to.equal('Наградить: Смирнов Иван');
    const radios = [...inside.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => radio.parentElement!.textContent!.trim())).to.deep.equal([
      'Хочу всё знать',
      'Помощник',
      'Звезда урока',
      'Творческий подход',
      'Лидер',
    ]);
    await expect(dialog).to.be.accessible();
    radios[2]!.click();
    const note = unique('За доклад https://school.example/volcano');
    inside.querySelector<HTMLTextAreaElement>('textarea')!.focus();
    await sendKeys({ type: note });
    part<HTMLButtonElement>(inside, 'submit')!.click();
    await waitFor(() => !root(teacher).querySelector('parta-award-dialog'), 'the dialog to close');

    const card = () =>
      [...root(student).querySelectorAll<HTMLElement>('[part~="message-award"]')].find((li) =>
        li.textContent!.includes(note),
      );
    await waitFor(() => Boolean(card()), 'the award, live for the student');
    expect(part(card()!, 'award-title')!.textContent!.trim()).to.equal(
      'Петрова Мария Ивановна наградил(а) Смирнов Иван: «Звезда урока»',
    );
    expect(card()!.querySelector('a')!.getAttribute('href')).to.equal('https://school.example/volcano');
    await expect(student).to.be.accessible();

    // Forwarded by the student, it is still the teacher's award, marked as forwarded.
    await forwardMessages(studentClient, {
      fromChatId: 'chat-9a',
      messageIds: [card()!.dataset.messageId!],
      toChatIds: ['chat-9a'],
    });
    const cards = () =>
      [...root(teacher).querySelectorAll<HTMLElement>('[part~="message-award"]')].filter((li) =>
        li.textContent!.includes(note),
      );
    await waitFor(() => cards().length === 2, 'the forwarded award');
    const copy = cards()[1]!;
    expect(part(copy, 'forwarded')!.textContent).to.include('Переслано от Петрова Мария Ивановна');
    expect(part(copy, 'award-title')!.textContent!.trim()).to.equal(
      'Петрова Мария Ивановна наградил(а) Смирнов Иван: «Звезда урока»',
    );
  });

  it('marks a disappearing message with its timer', async () => {
    const teacher = await clientFor('u-teacher');
    const { chat } = ChatResponse.parse(
      await teacher.request(routes.chats, {
        method: 'POST',
        body: { kind: 'group', userIds: ['u-student-1'], title: unique('Исчезающие') },
      }),
    );
    await teacher.request(chatRoutes.chat(chat.id), {
      method: 'PATCH',
      body: { settings: { disappearAfterSec: 3600 } },
    });
    const el = await openThread('u-teacher', chat.id, teacher);
    const text = unique('Пароль от кружка');
    await write(el, text);
    await waitFor(() => Boolean(messageWith(el, text)[0] && part(messageWith(el, text)[0]!, 'timer')), 'the timer');
    expect(part(messageWith(el, text)[0]!, 'timer')!.getAttribute('aria-label')).to.match(
      /^Исчезнет (\d+ [а-я]+\.?, )?\d\d:\d\d$/,
    );
  });
});
