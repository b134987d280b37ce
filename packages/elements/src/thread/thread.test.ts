import { expect, fixture, html } from '@open-wc/testing';
import type { PartaClient } from '@parta/core';
import { sendKeys } from '@web/test-runner-commands';
import { clientFor, closeAll, sleep, unique, waitFor } from '../test-helpers.js';
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
    await waitFor(() => messageWith(director, second).length === 1, 'the second message');
    await sleep(100);
    expect(scroller.scrollTop).to.be.lessThan(50);
  });

  it('speaks English when asked', async () => {
    const el = await fixture<PartaThread>(html`<parta-thread locale="en"></parta-thread>`);
    expect(root(el).querySelector('[part~="empty"]')!.textContent).to.equal('Choose a chat');
  });
});
