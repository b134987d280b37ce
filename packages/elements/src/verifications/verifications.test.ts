import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { decideVerification, type PartaClient, requestVerification } from '@parta/core';
import { MeResponse, routes } from '@parta/protocol';
import { sendKeys } from '@web/test-runner-commands';
import type { PartaVerificationDecideEvent } from '../events/verification-decide.js';
import { clientFor, closeAll, closePeople, newPerson, shadow, unique, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaVerifications } from './verifications.js';

const orgId = 'demo-school';
const rows = (el: PartaVerifications) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="item"]')];
const rowOf = (el: PartaVerifications, name: string) => rows(el).find((row) => row.textContent!.includes(name));
const text = (el: PartaVerifications, part: string) =>
  shadow(el).querySelector(`[part~="${part}"]`)?.textContent?.trim();

async function widget(userId: string, template = html`<parta-verifications org-id=${orgId}></parta-verifications>`) {
  const client = await clientFor(userId);
  const el = await fixture<PartaVerifications>(template);
  el.client = client;
  await waitFor(() => !['Загрузка…', 'Loading…'].includes(text(el, 'empty')!), 'the requests to load');
  return { el, client };
}

/** A fresh adult signs up, adds a birth date and asks to be confirmed as a physics teacher. */
async function askToBeTeacher(surname = 'Физиков') {
  const name = unique('Пётр').replace(/ /, '');
  const person = await newPerson(surname, name);
  await person.request(routes.me, {
    method: 'PATCH',
    body: { birthDate: '1990-01-01', surname, name },
  });
  const request = await requestVerification(person, { orgId, position: 'Учитель физики' });
  return { person, request, fullName: `${surname} ${name}` };
}

const me = async (person: PartaClient) => MeResponse.parse(await person.request(routes.me));

describe('<parta-verifications>', () => {
  afterEach(() => {
    closeAll();
    closePeople();
  });

  it('shows the empty state when nobody asks', async () => {
    const { el } = await widget('u-director');
    expect(text(el, 'empty')).to.equal('Запросов на подтверждение нет');
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Подтверждение педагогов');
    expect(text(el, 'denied')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows a new request live, with the position, and approval makes the person a verified teacher', async () => {
    const { el, client } = await widget('u-director');
    const { person, request, fullName } = await askToBeTeacher();
    expect((await me(person)).user.verified).to.equal(false);
    await waitFor(() => Boolean(rowOf(el, fullName)), 'the new request without reload');
    const row = rowOf(el, fullName)!;
    expect(row.querySelector('.meta')!.textContent).to.match(/^Учитель физики · Запрос от /);
    expect(text(el, 'count')).to.equal(String(rows(el).length));
    await expect(el).to.be.accessible();

    const decided = oneEvent(el, 'parta-verification-decide') as Promise<PartaVerificationDecideEvent>;
    row.querySelector<HTMLButtonElement>('[part~="button-approve"]')!.click();
    const event = await decided;
    expect([event.decision, event.requestId, event.userId]).to.deep.equal(['approve', request.id, request.user.id]);
    // Approval does not ask: no dialog.
    expect(shadow(el).querySelector('dialog')).to.equal(null);
    await waitFor(() => !rowOf(el, fullName), 'the approved request to leave the list');
    expect(text(el, 'notice')).to.equal(`${fullName} подтверждён(а) как педагог`);
    expect((await me(person)).user.verified).to.equal(true);
    const again = await decideVerification(client, request.id, 'decline').catch((error: unknown) => error);
    expect(again).to.have.property('code', 'already_decided');
  });

  it('asks before declining, from the keyboard; Escape keeps the request, confirming drops it', async () => {
    const { el } = await widget('u-director');
    const { person, fullName } = await askToBeTeacher('Отказов');
    await waitFor(() => Boolean(rowOf(el, fullName)), 'the request');
    const button = (part: string) => rowOf(el, fullName)!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;

    button('button-approve').focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement === button('button-decline'), 'Tab reaches Decline').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include(`Отклонить запрос ${fullName}?`);
    expect(dialog.textContent).to.include('нельзя будет отменить');
    await waitFor(() => shadow(el).activeElement?.textContent?.trim() === 'Отмена', 'focus on Cancel');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !shadow(el).querySelector('dialog'), 'the dialog to close');
    expect(rowOf(el, fullName)).to.exist;
    expect(shadow(el).activeElement === button('button-decline'), 'focus returns to Decline').to.equal(true);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('dialog button.danger')!.click();
    await waitFor(() => !rowOf(el, fullName), 'the declined request to leave');
    expect(text(el, 'notice')).to.equal(`Запрос ${fullName} отклонён`);
    expect((await me(person)).user.verified).to.equal(false);
  });

  it('lets the host veto a decision', async () => {
    const { el, client } = await widget('u-director');
    const { request, fullName } = await askToBeTeacher('Вето');
    await waitFor(() => Boolean(rowOf(el, fullName)), 'the request');
    el.addEventListener('parta-verification-decide', (event) => event.preventDefault(), { once: true });
    rowOf(el, fullName)!.querySelector<HTMLButtonElement>('[part~="button-approve"]')!.click();
    await el.updateComplete;
    expect(rowOf(el, fullName)).to.exist;
    expect(text(el, 'notice')).to.equal('');
    await decideVerification(client, request.id, 'decline');
    await waitFor(() => !rowOf(el, fullName), 'the request decided elsewhere to leave');
  });

  it('tells a teacher who is not an administrator that only administrators decide', async () => {
    const { request } = await askToBeTeacher('Чужой');
    const { el } = await widget('u-teacher');
    await waitFor(() => Boolean(text(el, 'denied')), 'the note');
    expect(text(el, 'denied')).to.equal('Подтверждать педагогов могут только администраторы организации');
    expect(shadow(el).querySelector('[part~="button"]')).to.equal(null);
    expect(text(el, 'error')).to.equal('');
    await expect(el).to.be.accessible();
    await decideVerification(await clientFor('u-director'), request.id, 'decline');
  });

  it('speaks English', async () => {
    const { el } = await widget(
      'u-director',
      html`<parta-verifications org-id=${orgId} locale="en"></parta-verifications>`,
    );
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Teacher verification');
    expect(text(el, 'empty')).to.equal('No verification requests');
  });
});
