import { expect, fixture, html } from '@open-wc/testing';
import type { PartaClient } from '@parta/core';
import { limits } from '@parta/protocol';
import { sendKeys } from '@web/test-runner-commands';
import { clientFor, closeAll, unique, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaThread } from './thread.js';

/**
 * Emoji reactions in <parta-thread>: added from the message menu's quick picker,
 * shown as chips under the message, toggled by a click; live for every member,
 * driven like a user in the real browser against the real server.
 */

const root = (el: Element) => el.shadowRoot!;
const composerBox = (el: PartaThread) =>
  root(el).querySelector('parta-composer')!.shadowRoot!.querySelector('textarea')!;
const byId = (el: PartaThread, id: string) => root(el).querySelector<HTMLElement>(`[data-message-id="${id}"]`);
const menuItems = (el: PartaThread) => [...root(el).querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]')];
const part = <T extends Element = HTMLElement>(scope: ParentNode, name: string) =>
  scope.querySelector<T & HTMLElement>(`[part~="${name}"]`);
const chips = (el: PartaThread, id: string) => [
  ...(byId(el, id)?.querySelectorAll<HTMLButtonElement>('[part~="reaction"]') ?? []),
];
const chipLabels = (el: PartaThread, id: string) => chips(el, id).map((chip) => chip.getAttribute('aria-label'));
const picker = (el: PartaThread) => root(el).querySelector('parta-reaction-picker');
const pickerItems = (el: PartaThread) => [
  ...(picker(el)?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[role="menuitemcheckbox"]') ?? []),
];
const pickerFocus = (el: PartaThread) => picker(el)?.shadowRoot?.activeElement ?? null;

async function openThread(userId: string, chatId: string, client?: PartaClient) {
  const el = await fixture<PartaThread>(html`<parta-thread style="height: 420px" chat-id=${chatId}></parta-thread>`);
  el.client = client ?? (await clientFor(userId));
  await waitFor(() => !part(root(el), 'status'), 'the connection');
  await waitFor(() => !composerBox(el).disabled, 'the composer');
  return el;
}

/** Sends as `client` and waits until every view shows it; returns its id. */
async function post(client: PartaClient, views: PartaThread[], chatId: string, text: string) {
  const message = await client.sendMessage(chatId, text);
  for (const view of views) await waitFor(() => Boolean(byId(view, message.id)), text);
  return message.id;
}

async function choose(el: PartaThread, message: Element, label: string) {
  part<HTMLButtonElement>(message, 'actions-button')!.click();
  await waitFor(() => menuItems(el).length > 0, 'the menu');
  const item = menuItems(el).find((candidate) => candidate.textContent!.trim() === label);
  expect(item, `${label} in ${menuItems(el).map((each) => each.textContent!.trim())}`).to.exist;
  item!.click();
}

describe('<parta-thread> reactions', () => {
  afterEach(closeAll);

  it('a reaction from the menu shows live as a chip; a click on it adds or takes back one’s own', async () => {
    const teacherClient = await clientFor('u-teacher');
    const teacher = await openThread('u-teacher', 'chat-9a', teacherClient);
    const student = await openThread('u-student-1', 'chat-9a');
    const id = await post(teacherClient, [teacher, student], 'chat-9a', unique('Завтра экскурсия'));

    // The student reacts 👍 from the menu's quick picker, by keyboard.
    await choose(student, byId(student, id)!, 'Реакция');
    await waitFor(() => pickerItems(student).length > 0, 'the picker');
    expect(pickerItems(student).map((item) => item.textContent!.trim())).to.deep.equal([
      '👍',
      '❤️',
      '😂',
      '😮',
      '😢',
      '🙏',
      '🔥',
      '👏',
      '✅',
      '❓',
    ]);
    expect(picker(student)!.shadowRoot!.querySelector('[role="menu"]')!.getAttribute('aria-label')).to.equal(
      'Выберите реакцию',
    );
    await waitFor(() => pickerFocus(student) === pickerItems(student)[0], 'focus on 👍');
    await expect(picker(student)).to.be.accessible();
    await sendKeys({ press: 'ArrowRight' });
    expect(pickerFocus(student)).to.equal(pickerItems(student)[1]);
    await sendKeys({ press: 'ArrowLeft' });
    expect(pickerFocus(student)).to.equal(pickerItems(student)[0]);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !picker(student), 'the picker to close');
    expect(root(student).activeElement).to.equal(part(byId(student, id)!, 'actions-button'));
    await waitFor(() => chips(student, id).length === 1, 'the student’s chip');
    expect(chipLabels(student, id)).to.deep.equal(['👍 1, вы отметили']);
    expect(chips(student, id)[0]!.getAttribute('aria-pressed')).to.equal('true');

    // The teacher sees it live, not pressed.
    await waitFor(() => chipLabels(teacher, id).join() === '👍 1', 'the chip, live for the teacher');
    const chip = () => chips(teacher, id)[0]!;
    expect(chip().getAttribute('aria-pressed')).to.equal('false');
    expect(chip().textContent!.replace(/\s/g, '')).to.equal('👍1');
    await expect(teacher).to.be.accessible();

    // The teacher clicks it: 2, pressed; the student sees 2.
    chip().click();
    await waitFor(() => chip().getAttribute('aria-label') === '👍 2, вы отметили', 'the teacher’s reaction');
    expect(chip().getAttribute('aria-pressed')).to.equal('true');
    await waitFor(() => chipLabels(student, id).join() === '👍 2, вы отметили', '2, live for the student');
    await expect(teacher).to.be.accessible();

    // Again: taken back.
    chip().click();
    await waitFor(() => chip().getAttribute('aria-label') === '👍 1', 'the teacher’s reaction taken back');
    expect(chip().getAttribute('aria-pressed')).to.equal('false');
    await waitFor(() => chipLabels(student, id).join() === '👍 1, вы отметили', '1, live for the student');

    // "+" opens the picker next to the chips; Escape closes it and gives focus back.
    part<HTMLButtonElement>(byId(teacher, id)!, 'reaction-add')!.click();
    await waitFor(() => pickerFocus(teacher) === pickerItems(teacher)[0], 'the picker from +');
    expect(pickerItems(teacher)[0]!.getAttribute('aria-checked')).to.equal('false');
    await sendKeys({ press: 'End' });
    expect(pickerFocus(teacher)).to.equal(pickerItems(teacher).at(-1));
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !picker(teacher), 'the picker to close');
    expect(root(teacher).activeElement).to.equal(part(byId(teacher, id)!, 'reaction-add'));

    // A second emoji from the picker joins the row, after the first.
    part<HTMLButtonElement>(byId(teacher, id)!, 'reaction-add')!.click();
    await waitFor(() => pickerItems(teacher).length > 0, 'the picker again');
    pickerItems(teacher)[6]!.click();
    await waitFor(() => chipLabels(teacher, id).join('|') === '👍 1|🔥 1, вы отметили', 'the second chip');
    await waitFor(() => chipLabels(student, id).join('|') === '👍 1, вы отметили|🔥 1', 'live for the student');
  });

  it('says why a new emoji is refused on a message that has the most', async () => {
    const teacherClient = await clientFor('u-teacher');
    const teacher = await openThread('u-teacher', 'chat-9a', teacherClient);
    const id = await post(teacherClient, [teacher], 'chat-9a', unique('Голосование смайликами'));
    // Animals 🐀🐁🐂…: as many different ones as a message may hold, none of them in the picker.
    for (let n = 0; n < limits.reactionsPerMessageMax; n++) {
      await teacherClient.react('chat-9a', id, String.fromCodePoint(0x1f400 + n));
    }
    await waitFor(() => chips(teacher, id).length === limits.reactionsPerMessageMax, 'all the chips');

    await choose(teacher, byId(teacher, id)!, 'Реакция');
    await waitFor(() => pickerItems(teacher).length > 0, 'the picker');
    pickerItems(teacher)[0]!.click();
    const notice = () => part(root(teacher), 'notice');
    await waitFor(() => Boolean(notice()), 'the refusal');
    expect(notice()!.textContent).to.equal(
      `У сообщения может быть не больше ${limits.reactionsPerMessageMax} разных реакций`,
    );
    expect(notice()!.getAttribute('role')).to.equal('alert');
    expect(chips(teacher, id)).to.have.length(limits.reactionsPerMessageMax);
    expect(chipLabels(teacher, id)).not.to.include('👍 1, вы отметили');

    // Taking one back makes room, and the refusal goes with the next action.
    chips(teacher, id)[0]!.click();
    await waitFor(() => chips(teacher, id).length === limits.reactionsPerMessageMax - 1, 'one taken back');
    expect(notice()).to.equal(null);
    await choose(teacher, byId(teacher, id)!, 'Реакция');
    await waitFor(() => pickerItems(teacher).length > 0, 'the picker');
    pickerItems(teacher)[0]!.click();
    await waitFor(() => chipLabels(teacher, id).at(-1) === '👍 1, вы отметили', 'room for 👍');
  });

  it('by keyboard: taking back the last reaction leaves focus on the message', async () => {
    const teacherClient = await clientFor('u-teacher');
    const teacher = await openThread('u-teacher', 'chat-9a', teacherClient);
    const id = await post(teacherClient, [teacher], 'chat-9a', unique('Один смайлик'));
    await teacherClient.react('chat-9a', id, '👏');
    await waitFor(() => chips(teacher, id).length === 1, 'the chip');
    chips(teacher, id)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !part(byId(teacher, id)!, 'reactions'), 'the row to go');
    await waitFor(
      () => root(teacher).activeElement === part(byId(teacher, id)!, 'actions-button'),
      'focus on the message’s actions',
    );
  });

  it('shows no reactions on a deleted message', async () => {
    const teacherClient = await clientFor('u-teacher');
    const teacher = await openThread('u-teacher', 'chat-9a', teacherClient);
    const student = await openThread('u-student-1', 'chat-9a');
    const id = await post(teacherClient, [teacher, student], 'chat-9a', unique('Скоро удалю'));
    await teacherClient.react('chat-9a', id, '🔥');
    await waitFor(() => chips(student, id).length === 1, 'the chip');
    await teacherClient.deleteMessages('chat-9a', [id], 'everyone');
    await waitFor(() => Boolean(byId(student, id)?.querySelector('.deleted')), 'the deletion');
    expect(part(byId(student, id)!, 'reactions')).to.equal(null);
  });

  it('speaks English', async () => {
    const teacherClient = await clientFor('u-teacher');
    const teacher = await openThread('u-teacher', 'chat-9a', teacherClient);
    teacher.locale = 'en';
    const id = await post(teacherClient, [teacher], 'chat-9a', unique('Field trip'));
    await teacherClient.react('chat-9a', id, '❤️');
    await waitFor(() => chips(teacher, id).length === 1, 'the chip');
    expect(chipLabels(teacher, id)).to.deep.equal(['❤️ 1, including you']);
    expect(part(byId(teacher, id)!, 'reaction-add')!.getAttribute('aria-label')).to.equal('Add a reaction');
    await choose(teacher, byId(teacher, id)!, 'React');
    await waitFor(() => pickerItems(teacher).length > 0, 'the picker');
    expect(pickerItems(teacher)[1]!.getAttribute('aria-checked')).to.equal('true');
  });
});
