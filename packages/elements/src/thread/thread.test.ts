import { expect, fixture, html } from '@open-wc/testing';
import type { PartaClient } from '@parta/core';
import { sendKeys } from '@web/test-runner-commands';
import type { PartaMessageDeleteEvent } from '../events/message-delete.js';
import { clientFor, closeAll, devToken, sleep, unique, until, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaThread } from './thread.js';

const root = (el: PartaThread) => el.shadowRoot!;
const composerBox = (el: PartaThread) =>
  root(el).querySelector('parta-composer')!.shadowRoot!.querySelector('textarea')!;
const messageWith = (el: PartaThread, text: string) =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="message"]')].filter(
    (li) => li.querySelector('[part~="message-text"]')?.textContent === text,
  );

/** Opens a thread and waits until it is live: connected, and the composer knows whether the user may write. */
async function openThread(
  userId: string,
  chatId: string,
  { client, canWrite = true }: { client?: PartaClient; canWrite?: boolean } = {},
) {
  const el = await fixture<PartaThread>(html`<parta-thread style="height: 300px" chat-id=${chatId}></parta-thread>`);
  el.client = client ?? (await clientFor(userId));
  await waitFor(() => !root(el).querySelector('[part~="status"]'), 'the connection');
  await waitFor(() => composerBox(el).disabled === !canWrite, 'the composer');
  return el;
}

describe('<parta-thread>', () => {
  afterEach(closeAll);

  it('asks to choose a chat when it has none', async () => {
    const el = await fixture<PartaThread>(html`<parta-thread></parta-thread>`);
    expect(root(el).querySelector('[part~="empty"]')!.textContent).to.equal('Выберите чат');
    await expect(el).to.be.accessible();
  });

  it("paints a returning reader's cached messages first, never the loading note before them", async () => {
    // A first visit leaves the newest page in this browser's IndexedDB.
    const first = await clientFor('u-student-2', { storage: 'indexeddb' });
    const $first = first.$messages('chat-9a');
    const stop = $first.listen(() => {});
    const text = unique('Для первого экрана');
    await first.sendMessage('chat-9a', text);
    await until($first, (state) => !state.loading && state.messages.some((message) => message.text === text));
    // Written to the cache at most 300 ms after a change.
    await sleep(600);
    stop();
    first.close();

    // The next visit, on a slow network: the messages' page answers a second late, so what the
    // first paint shows can only come from the cache. The token is at hand, as on a host page.
    const token = await devToken('u-student-2');
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/messages')) await sleep(1000);
      return realFetch(input, init);
    };
    const el = document.createElement('parta-thread') as PartaThread;
    el.style.height = '300px';
    el.chatId = 'chat-9a';
    el.client = await clientFor('u-student-2', { storage: 'indexeddb', getToken: async () => token });
    // What each of the thread's renders showed, from the first, and whether the network had answered.
    const shown: string[] = [];
    el.addController({
      hostUpdated: () =>
        shown.push(
          messageWith(el, text).length > 0
            ? `messages${el.client!.$messages('chat-9a').get().loading ? ', network pending' : ''}`
            : (root(el).querySelector('[part~="empty"]')?.textContent ?? 'nothing'),
        ),
    });
    document.body.append(el);
    try {
      await waitFor(() => messageWith(el, text).length === 1, 'the cached message');
      expect(shown[0]).to.equal('messages, network pending');
      expect(shown).not.to.include('Загрузка…');
    } finally {
      window.fetch = realFetch;
      el.remove();
    }
  });

  it('sends with Enter: the message shows at once and stays single once confirmed', async () => {
    const el = await openThread('u-teacher', 'chat-9a');
    const text = unique('Домашнее задание');
    composerBox(el).focus();
    await sendKeys({ type: text });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => messageWith(el, text).length === 1, 'the optimistic message');
    await waitFor(() => !messageWith(el, text)[0]!.part.contains('message-sending'), 'the confirmation');
    await sleep(300);
    expect(messageWith(el, text)).to.have.length(1);
    expect(messageWith(el, text)[0]!.part.contains('message-own')).to.equal(true);
    expect(composerBox(el).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it("shows another member's message live with the author's name and verified mark", async () => {
    const student = await openThread('u-student-1', 'chat-9a');
    const teacher = await clientFor('u-teacher');
    const text = unique('Не забудьте тетради');
    await teacher.sendMessage('chat-9a', text);
    await waitFor(() => messageWith(student, text).length === 1, 'the live message');
    const [message] = messageWith(student, text);
    expect(message!.querySelector('[part~="message-author"]')!.textContent).to.equal('Петрова Мария Ивановна');
    expect(message!.querySelector('[part~="verified"]')!.getAttribute('aria-label')).to.equal(
      'Подтверждённый пользователь',
    );
    expect(message!.querySelector('time')!.getAttribute('datetime')).to.be.a('string');
  });

  it('shows markup in a message as text and makes only links clickable', async () => {
    const student = await openThread('u-student-1', 'chat-9a');
    const teacher = await clientFor('u-teacher');
    let ran = false;
    (window as unknown as { partaPwned: () => void }).partaPwned = () => {
      ran = true;
    };
    const text = `<img src=x onerror=partaPwned()> <b>жирный</b> https://school.example/hw ${Date.now()}`;
    await teacher.sendMessage('chat-9a', text);
    await waitFor(() => messageWith(student, text).length === 1, 'the hostile message');
    const [message] = messageWith(student, text);
    expect(message!.querySelector('[part~="message-text"]')!.textContent).to.equal(text);
    expect(root(student).querySelectorAll('img, b, script')).to.have.length(0);
    const link = message!.querySelector('a')!;
    expect(link.href).to.equal('https://school.example/hw');
    expect(link.rel).to.include('noopener');
    await sleep(200);
    expect(ran).to.equal(false);
  });

  it('does not send when the host cancels parta-message-send', async () => {
    const el = await openThread('u-teacher', 'chat-9a');
    const text = unique('Отменено');
    const veto = (event: Event) => event.preventDefault();
    document.addEventListener('parta-message-send', veto);
    try {
      composerBox(el).focus();
      await sendKeys({ type: text });
      await sendKeys({ press: 'Enter' });
      await sleep(500);
      expect(messageWith(el, text)).to.have.length(0);
      expect(composerBox(el).value).to.equal(text);
    } finally {
      document.removeEventListener('parta-message-send', veto);
    }
  });

  it('disables the composer where the user may not write', async () => {
    const el = await openThread('u-student-1', 'chat-school', { canWrite: false });
    await waitFor(
      () => composerBox(el).placeholder === 'Писать в этот чат могут только администраторы',
      'the read-only note',
    );
    expect(composerBox(el).disabled).to.equal(true);
  });

  it('shows a refused message as failed, with a retry button', async () => {
    const client = await clientFor('u-student-1');
    const el = await openThread('u-student-1', 'chat-school', { client, canWrite: false });
    const text = unique('Можно написать?');
    const result = await client.sendMessage('chat-school', text);
    expect(result.status).to.equal('failed');
    await waitFor(() => messageWith(el, text)[0]?.part.contains('message-failed') ?? false, 'the failed state');
    const retry = messageWith(el, text)[0]!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(retry.textContent).to.equal('Повторить');
    retry.click();
    await waitFor(() => messageWith(el, text)[0]?.part.contains('message-sending') ?? false, 'the retry');
    await waitFor(() => messageWith(el, text)[0]?.part.contains('message-failed') ?? false, 'the second refusal');
    await expect(el).to.be.accessible();
    const discard = messageWith(el, text)[0]!.querySelector<HTMLButtonElement>('[part~="discard-button"]')!;
    expect(discard.textContent).to.equal('Не отправлять');
    discard.click();
    await waitFor(() => messageWith(el, text).length === 0, 'the message to go');
    // Gone from the outbox too: nothing of it comes back or goes out.
    expect(
      client
        .$messages('chat-school')
        .get()
        .messages.some((message) => message.text === text),
    ).to.equal(false);
    const again = await client.discardSend('chat-school', result.clientKey).then(
      () => 'discarded twice',
      (error: { code?: string }) => error.code,
    );
    expect(again).to.equal('not_found');
  });

  it('follows new messages at the bottom, and stays put when the reader scrolled up', async () => {
    const teacher = await clientFor('u-teacher');
    for (let n = 0; n < 15; n++) await teacher.sendMessage('chat-teachers', unique(`Заполнение ${n}`));
    const director = await openThread('u-director', 'chat-teachers');
    const scroller = root(director).querySelector<HTMLElement>('[part~="messages"]')!;
    const atBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2;
    await waitFor(atBottom, 'the initial scroll to the bottom');

    const first = unique('Новое внизу');
    await teacher.sendMessage('chat-teachers', first);
    await waitFor(() => messageWith(director, first).length === 1, 'the new message');
    await waitFor(atBottom, 'following the new message');

    scroller.scrollTop = 0;
    await sleep(100);
    const second = unique('Пока читаю выше');
    await teacher.sendMessage('chat-teachers', second);
    // Held, though not rendered: the log renders only the messages near the view.
    await waitFor(() => director.messages.some((message) => message.text === second), 'the second message');
    await sleep(100);
    expect(scroller.scrollTop).to.be.lessThan(50);
  });

  describe('editing and deleting', () => {
    const byId = (el: PartaThread, id: string) => root(el).querySelector<HTMLElement>(`[data-message-id="${id}"]`);
    const actionsButton = (message: Element) => message.querySelector<HTMLButtonElement>('[part~="actions-button"]')!;
    const menuItems = (el: PartaThread) => [
      ...root(el).querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]'),
    ];
    const menuLabels = (el: PartaThread) => menuItems(el).map((item) => item.textContent!.trim());
    const focused = (el: PartaThread) => root(el).activeElement as HTMLElement | null;
    const dialog = (el: PartaThread) => root(el).querySelector<HTMLDialogElement>('dialog[part~="confirm"]');
    const choose = async (el: PartaThread, label: string) => {
      const item = menuItems(el).find((candidate) => candidate.textContent!.trim() === label);
      expect(item, label).to.exist;
      item!.click();
    };
    const openMenu = async (el: PartaThread, message: Element) => {
      actionsButton(message).click();
      await waitFor(() => menuItems(el).length > 0, 'the menu');
    };
    /** Sends as `client` and returns the message's id as `el` shows it. */
    const post = async (client: PartaClient, el: PartaThread, text: string) => {
      await client.sendMessage('chat-9a', text);
      await waitFor(() => messageWith(el, text).length === 1, text);
      return messageWith(el, text)[0]!.dataset.messageId!;
    };

    it('lets the author edit through the menu with the keyboard; others see the new text as edited', async () => {
      const teacher = await clientFor('u-teacher');
      const el = await openThread('u-teacher', 'chat-9a', { client: teacher });
      const student = await openThread('u-student-1', 'chat-9a');
      const text = unique('Контрольная в среду');
      const id = await post(teacher, el, text);

      const button = actionsButton(byId(el, id)!);
      expect(button.getAttribute('aria-label')).to.equal('Действия с сообщением');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => menuItems(el).length > 0, 'the menu');
      expect(menuLabels(el)).to.deep.equal([
        'Ответить',
        'Реакция',
        'Переслать',
        'Закрепить',
        'Отметить как важное',
        'Кто прочитал',
        'Изменить',
        'Удалить у всех',
        'Удалить у меня',
        'Выбрать',
      ]);
      await waitFor(() => focused(el) === menuItems(el)[0], 'focus on the first item');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)).to.equal(menuItems(el)[1]);
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(el)).to.equal(menuItems(el).at(-1));
      await sendKeys({ press: 'Escape' });
      await waitFor(() => menuItems(el).length === 0, 'the menu to close');
      expect(focused(el)).to.equal(button);

      await sendKeys({ press: ' ' });
      await waitFor(() => focused(el) === menuItems(el)[0], 'the menu again');
      for (let n = menuLabels(el).indexOf('Изменить'); n > 0; n--) await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)!.textContent!.trim()).to.equal('Изменить');
      await sendKeys({ press: 'Enter' });
      const box = () => root(el).querySelector<HTMLTextAreaElement>('[part~="edit-input"]');
      await waitFor(() => focused(el) === box(), 'the editor');
      expect(box()!.value).to.equal(text);
      await sendKeys({ type: ' перенесена на четверг' });
      await sendKeys({ press: 'Enter' });
      const edited = `${text} перенесена на четверг`;
      await waitFor(() => messageWith(student, edited).length === 1, 'the edit, live for the other member');
      expect(messageWith(student, edited)[0]!.querySelector('[part~="edited"]')!.textContent).to.equal('изменено');
      await waitFor(() => !box() && messageWith(el, edited).length === 1, 'the author to see it');
      expect(focused(el)).to.equal(actionsButton(byId(el, id)!));
    });

    it('shows why a change was not saved and keeps the original; Escape cancels', async () => {
      const teacher = await clientFor('u-teacher');
      const el = await openThread('u-teacher', 'chat-9a', { client: teacher });
      const text = unique('Оригинал');
      const id = await post(teacher, el, text);
      await openMenu(el, byId(el, id)!);
      await choose(el, 'Изменить');
      const box = () => root(el).querySelector<HTMLTextAreaElement>('[part~="edit-input"]');
      await waitFor(() => focused(el) === box(), 'the editor');
      box()!.value = 'я'.repeat(5000);
      box()!.dispatchEvent(new Event('input'));
      await sendKeys({ press: 'Enter' });
      await waitFor(() => Boolean(root(el).querySelector('[part~="edit-error"]')), 'the error');
      expect(root(el).querySelector('[part~="edit-error"]')!.textContent).to.match(/[а-я]/);
      expect(box()!.getAttribute('aria-invalid')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !box(), 'the editor to close');
      expect(byId(el, id)!.querySelector('[part~="message-text"]')!.textContent).to.equal(text);
      expect(byId(el, id)!.querySelector('[part~="edited"]')).to.equal(null);
    });

    it("lets a student delete the teacher's message for themselves only, not for everyone", async () => {
      const teacher = await clientFor('u-teacher');
      const teacherView = await openThread('u-teacher', 'chat-9a', { client: teacher });
      const student = await openThread('u-student-1', 'chat-9a');
      const text = unique('Объявление учителя');
      await post(teacher, teacherView, text);
      await waitFor(() => messageWith(student, text).length === 1, 'the message for the student');
      await openMenu(student, messageWith(student, text)[0]!);
      expect(menuLabels(student)).to.deep.equal([
        'Ответить',
        'Реакция',
        'Переслать',
        'Отметить как важное',
        'Удалить у меня',
        'Выбрать',
      ]);
      await choose(student, 'Удалить у меня');
      await waitFor(() => dialog(student)?.open ?? false, 'the confirmation');
      expect(dialog(student)!.querySelector('h3')!.textContent).to.equal('Удалить сообщение?');
      dialog(student)!.querySelector<HTMLButtonElement>('button.danger')!.click();
      await waitFor(() => messageWith(student, text).length === 0, 'the message to leave the student’s view');
      await sleep(300);
      // Still there for the teacher, and not as a deleted message (other tests delete theirs in this chat).
      expect(messageWith(teacherView, text)).to.have.length(1);
      expect(Boolean(messageWith(teacherView, text)[0]!.querySelector('.deleted'))).to.equal(false);
    });

    it("lets the class chat owner delete a student's message for everyone", async () => {
      const studentClient = await clientFor('u-student-1');
      const student = await openThread('u-student-1', 'chat-9a', { client: studentClient });
      const teacher = await openThread('u-teacher', 'chat-9a');
      const text = unique('Сообщение ученика');
      const id = await post(studentClient, student, text);
      await waitFor(() => messageWith(teacher, text).length === 1, 'the message for the teacher');
      const fired: PartaMessageDeleteEvent[] = [];
      const listen = (event: PartaMessageDeleteEvent) => fired.push(event);
      document.addEventListener('parta-message-delete', listen);
      try {
        await openMenu(teacher, byId(teacher, id)!);
        expect(menuLabels(teacher)).to.deep.equal([
          'Ответить',
          'Реакция',
          'Переслать',
          'Закрепить',
          'Отметить как важное',
          'Наградить',
          'Удалить у всех',
          'Удалить у меня',
          'Выбрать',
        ]);
        await choose(teacher, 'Удалить у всех');
        await waitFor(() => dialog(teacher)?.open ?? false, 'the confirmation');
        dialog(teacher)!.querySelector<HTMLButtonElement>('button.danger')!.click();
        await waitFor(
          () => byId(student, id)?.querySelector('[part~="message-text"]')?.textContent === 'Сообщение удалено',
          'the deletion, live for the student',
        );
        expect(byId(student, id)!.part.contains('message-deleted')).to.equal(true);
        expect(byId(student, id)!.querySelector('[part~="actions-button"]')).to.equal(null);
        expect(fired.map((event) => [event.chatId, event.messageIds, event.scope])).to.deep.equal([
          ['chat-9a', [id], 'everyone'],
        ]);
      } finally {
        document.removeEventListener('parta-message-delete', listen);
      }
    });

    it('selects two own messages and deletes them for everyone at once', async () => {
      const teacher = await clientFor('u-teacher');
      const el = await openThread('u-teacher', 'chat-9a', { client: teacher });
      const first = await post(teacher, el, unique('Первое'));
      const second = await post(teacher, el, unique('Второе'));
      await openMenu(el, byId(el, first)!);
      await choose(el, 'Выбрать');
      const checkbox = (id: string) => byId(el, id)!.querySelector<HTMLInputElement>('[part~="select-checkbox"]')!;
      await waitFor(() => checkbox(first)?.checked ?? false, 'selection mode');
      expect(root(el).querySelector('parta-composer')!.hidden).to.equal(true);
      checkbox(second).click();
      const remove = () => root(el).querySelector<HTMLButtonElement>('[part~="selection-delete"]')!;
      await waitFor(() => remove().textContent!.trim() === 'Удалить (2)', 'two selected');
      remove().click();
      await waitFor(() => menuItems(el).length > 0, 'the choice');
      expect(menuLabels(el)).to.deep.equal(['Удалить у всех', 'Удалить у меня']);
      await choose(el, 'Удалить у всех');
      await waitFor(() => dialog(el)?.open ?? false, 'the confirmation');
      expect(dialog(el)!.querySelector('h3')!.textContent).to.equal('Удалить 2 сообщения?');
      await expect(el).to.be.accessible();
      dialog(el)!.querySelector<HTMLButtonElement>('button.danger')!.click();
      await waitFor(
        () => [first, second].every((id) => byId(el, id)?.part.contains('message-deleted')),
        'both deleted',
      );
      await waitFor(() => !root(el).querySelector('[part~="selection-bar"]'), 'selection mode to end');
      expect(root(el).querySelector('parta-composer')!.hidden).to.equal(false);
    });

    it("offers only «у меня» when a selected message is someone else's", async () => {
      const teacher = await clientFor('u-teacher');
      const studentClient = await clientFor('u-student-1');
      const el = await openThread('u-student-1', 'chat-9a', { client: studentClient });
      const theirs = await post(teacher, el, unique('Учитель'));
      const mine = await post(studentClient, el, unique('Ученик'));
      await openMenu(el, byId(el, mine)!);
      await choose(el, 'Выбрать');
      await waitFor(() => Boolean(byId(el, theirs)?.querySelector('[part~="select-checkbox"]')), 'checkboxes');
      byId(el, theirs)!.querySelector<HTMLInputElement>('[part~="select-checkbox"]')!.click();
      await waitFor(() => root(el).querySelector('[part~="selection-delete"]')!.textContent!.includes('2'), 'two');
      root(el).querySelector<HTMLButtonElement>('[part~="selection-delete"]')!.click();
      await waitFor(() => menuItems(el).length > 0, 'the choice');
      expect(menuLabels(el)).to.deep.equal(['Удалить у меня']);
      await sendKeys({ press: 'Escape' });
      root(el).querySelector<HTMLButtonElement>('[part~="selection-cancel"]')!.click();
      await waitFor(() => !root(el).querySelector('[part~="select-checkbox"]'), 'selection mode to end');
    });
  });

  it('speaks English when asked', async () => {
    const el = await fixture<PartaThread>(html`<parta-thread locale="en"></parta-thread>`);
    expect(root(el).querySelector('[part~="empty"]')!.textContent).to.equal('Choose a chat');
  });
});
