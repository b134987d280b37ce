import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createClass, createInvite, decideJoinRequest, fileJoinRequest, type PartaClient } from '@parta/core';
import { sendKeys } from '@web/test-runner-commands';
import type { PartaJoinRequestDecideEvent } from '../events/join-request-decide.js';
import { clientFor, closeAll, closePeople, newPerson, shadow, unique, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaJoinRequests } from './join-requests.js';

const orgId = 'demo-school';
const rows = (el: PartaJoinRequests) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="item"]')];
const rowOf = (el: PartaJoinRequests, name: string) => rows(el).find((row) => row.textContent!.includes(name));
const text = (el: PartaJoinRequests, part: string) =>
  shadow(el).querySelector(`[part~="${part}"]`)?.textContent?.trim();

async function widget(userId: string, template = html`<parta-join-requests org-id=${orgId}></parta-join-requests>`) {
  const client = await clientFor(userId);
  const el = await fixture<PartaJoinRequests>(template);
  el.client = client;
  await waitFor(() => text(el, 'empty') !== 'Загрузка…', 'the requests to load');
  return { el, client };
}

/** A newcomer follows a fresh link into a class and files a request. */
async function fileRequest(inviter: PartaClient, classId = 'c-9a', surname = 'Заявкин') {
  const invite = await createInvite(inviter, orgId, { role: 'student', classId, maxUses: 1 });
  const name = unique('Семён').replace(/ /, '');
  const newcomer = await newPerson(surname, name);
  const request = await fileJoinRequest(newcomer, invite.code);
  return { request, fullName: `${surname} ${name}` };
}

describe('<parta-join-requests>', () => {
  afterEach(() => {
    closeAll();
    closePeople();
  });

  it('shows the empty state when nothing waits', async () => {
    const { el } = await widget('u-teacher');
    expect(text(el, 'empty')).to.equal('Новых заявок нет');
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Заявки на вступление');
    await expect(el).to.be.accessible();
  });

  it('shows a new request live, with role and class, and approves it', async () => {
    const { el, client } = await widget('u-teacher');
    const { request, fullName } = await fileRequest(client);
    await waitFor(() => Boolean(rowOf(el, fullName)), 'the new request without reload');
    const row = rowOf(el, fullName)!;
    await waitFor(() => row.querySelector('.meta')!.textContent!.includes('9А'), 'the class name, with the class list');
    expect(row.querySelector('.meta')!.textContent).to.match(/^Ученик · 9А · Подана /);
    expect(text(el, 'count')).to.equal(String(rows(el).length));
    await expect(el).to.be.accessible();

    const decided = oneEvent(el, 'parta-join-request-decide') as Promise<PartaJoinRequestDecideEvent>;
    row.querySelector<HTMLButtonElement>('[part~="button-approve"]')!.click();
    expect((await decided).decision).to.equal('approve');
    await waitFor(() => !rowOf(el, fullName), 'the approved request to leave the list');
    expect(text(el, 'notice')).to.equal(`Заявка ${fullName} принята`);
    const again = await decideJoinRequest(client, request.id, 'decline').catch((error: unknown) => error);
    expect(again).to.have.property('code', 'already_decided');
  });

  it('asks before declining, and Cancel (or Escape) keeps the request', async () => {
    const { el, client } = await widget('u-teacher');
    const { fullName } = await fileRequest(client, 'c-9a', 'Отказов');
    await waitFor(() => Boolean(rowOf(el, fullName)), 'the request');
    const decline = () => rowOf(el, fullName)!.querySelector<HTMLButtonElement>('[part~="button-decline"]')!;

    decline().focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include(`Отклонить заявку ${fullName}?`);
    expect(dialog.textContent).to.include('нельзя будет отменить');
    await waitFor(() => shadow(el).activeElement?.textContent?.trim() === 'Отмена', 'focus on Cancel');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !shadow(el).querySelector('dialog'), 'the dialog to close');
    expect(rowOf(el, fullName)).to.exist;
    expect(shadow(el).activeElement === decline(), 'focus returns to Decline').to.equal(true);

    decline().click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('dialog button.danger')!.click();
    await waitFor(() => !rowOf(el, fullName), 'the declined request to leave');
    expect(text(el, 'notice')).to.equal(`Заявка ${fullName} отклонена`);
  });

  it("shows a class teacher only its class's requests, the director every class's", async () => {
    const director = await clientFor('u-director');
    const other = await createClass(director, orgId, {
      number: 11,
      letter: 'Б',
      title: unique('Химики'),
      academicYear: '2025/2026',
    });
    const { request, fullName } = await fileRequest(director, other.id, 'Другоклассов');
    const { el: teacherView } = await widget('u-teacher');
    const { el: directorView } = await widget('u-director');
    await waitFor(() => Boolean(rowOf(directorView, fullName)), "the other class's request for the director");
    // The class's name comes with the class list, which loads beside the requests.
    await waitFor(
      () => Boolean(rowOf(directorView, fullName)!.querySelector('.meta')!.textContent!.includes('11Б')),
      'the class name in the row',
    );
    expect(rowOf(directorView, fullName)!.querySelector('.meta')!.textContent).to.include('11Б');
    expect(rowOf(teacherView, fullName)).to.equal(undefined);
    await decideJoinRequest(director, request.id, 'decline');
  });

  it('lets the host veto a decision', async () => {
    const { el, client } = await widget('u-teacher');
    const { request, fullName } = await fileRequest(client, 'c-9a', 'Вето');
    await waitFor(() => Boolean(rowOf(el, fullName)), 'the request');
    el.addEventListener('parta-join-request-decide', (event) => event.preventDefault(), { once: true });
    rowOf(el, fullName)!.querySelector<HTMLButtonElement>('[part~="button-approve"]')!.click();
    await el.updateComplete;
    expect(rowOf(el, fullName)).to.exist;
    await decideJoinRequest(client, request.id, 'decline');
    await waitFor(() => !rowOf(el, fullName), 'the request decided elsewhere to leave');
  });

  it('tells a student it may not see requests', async () => {
    const { el } = await widget('u-student-1');
    await waitFor(() => Boolean(text(el, 'error')), 'the error');
    expect(text(el, 'error')).to.equal('Недостаточно прав');
    expect(shadow(el).querySelector('[part~="button-approve"]')).to.equal(null);
  });

  it('speaks English', async () => {
    const { el } = await widget(
      'u-teacher',
      html`<parta-join-requests org-id=${orgId} locale="en"></parta-join-requests>`,
    );
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Join requests');
  });
});
