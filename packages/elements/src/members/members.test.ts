import { expect, fixture, html } from '@open-wc/testing';
import { createInvite, decideJoinRequest, fileJoinRequest } from '@parta/core';
import { clientFor, closeAll, closePeople, fill, newPerson, shadow, unique, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaMembers } from './members.js';

const orgId = 'demo-school';
const rowOf = (el: PartaMembers, userId: string) =>
  shadow(el).querySelector<HTMLElement>(`[part~="item"][data-user-id="${userId}"]`);
const ids = (el: PartaMembers) =>
  [...shadow(el).querySelectorAll<HTMLElement>('[part~="item"]')].map((row) => row.dataset.userId);
const text = (el: PartaMembers, part: string) => shadow(el).querySelector(`[part~="${part}"]`)?.textContent?.trim();
const button = (row: HTMLElement, part: string) => row.querySelector<HTMLButtonElement>(`[part~="${part}"]`);

async function widget(userId: string) {
  const client = await clientFor(userId);
  const el = await fixture<PartaMembers>(html`<parta-members org-id=${orgId}></parta-members>`);
  el.client = client;
  // The list arrives in pages and re-renders as class names load; every row a test reads is waited for.
  await waitFor(() => ['u-director', 'u-teacher', 'u-student-1'].every((id) => rowOf(el, id)), 'the members');
  return { el, client };
}

describe('<parta-members>', () => {
  afterEach(() => {
    closeAll();
    closePeople();
  });

  it('shows staff with patronymic and the verified mark, others without, with role labels', async () => {
    const { el } = await widget('u-student-1');
    await waitFor(() => rowOf(el, 'u-teacher')!.textContent!.includes('9А'), 'the class names');
    const director = rowOf(el, 'u-director')!;
    expect(director.querySelector('.name')!.textContent!.trim()).to.equal('Орлов Сергей Николаевич');
    expect(director.querySelector('[part~="verified"]')!.getAttribute('aria-label')).to.equal('Подтверждённый педагог');
    expect(director.querySelector('.meta')!.textContent).to.include('Администратор');
    const teacher = rowOf(el, 'u-teacher')!;
    expect(teacher.querySelector('.meta')!.textContent).to.equal('Классный руководитель 9А, Учитель');
    const student = rowOf(el, 'u-student-2')!;
    expect(student.querySelector('.name')!.textContent!.trim()).to.equal('Кузнецова Анна');
    expect(student.querySelector('[part~="verified"]')).to.equal(null);
    expect(student.querySelector('.meta')!.textContent).to.equal('Ученик · 9А');
    expect(shadow(el).querySelector('[part~="button"]'), 'a student manages nobody').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('filters by class', async () => {
    const { el } = await widget('u-teacher');
    const select = shadow(el).querySelector<HTMLSelectElement>('[part~="filters"] select')!;
    await waitFor(() => select.options.length > 1, 'the classes');
    fill(select, 'c-9a');
    await waitFor(() => ids(el).length > 0 && !ids(el).includes('u-director'), 'the filtered list');
    expect(ids(el)).to.include.members(['u-student-1', 'u-student-2']);
  });

  it("opens a student's confirmed parents for its class teacher", async () => {
    const { el } = await widget('u-teacher');
    const toggle = button(rowOf(el, 'u-student-1')!, 'button-parents')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await waitFor(() => rowOf(el, 'u-student-1')!.querySelector('ul[part~="parents"]') !== null, 'the parents');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(rowOf(el, 'u-student-1')!.querySelector('[part~="parents"]')!.textContent!.trim()).to.equal(
      'Смирнова Ольга',
    );
    expect(button(rowOf(el, 'u-director')!, 'button-parents'), 'only students have parents').to.equal(null);
    expect(button(rowOf(el, 'u-student-1')!, 'button-remove'), 'a class teacher removes nobody').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lets the director appoint and revoke an administrator', async () => {
    const { el } = await widget('u-director');
    // The director's own rights arrive with the organisation, separately from the list.
    await waitFor(() => Boolean(button(rowOf(el, 'u-teacher')!, 'button-admin')), "the director's rights");
    expect(button(rowOf(el, 'u-director')!, 'button-admin'), 'not for oneself').to.equal(null);
    expect(button(rowOf(el, 'u-student-1')!, 'button-admin'), 'not for a student').to.equal(null);
    const admin = () => button(rowOf(el, 'u-teacher')!, 'button-admin')!;
    expect(admin().textContent!.trim()).to.equal('Назначить администратором');
    admin().click();
    await waitFor(() => admin().textContent!.trim() === 'Снять права администратора', 'the appointment');
    expect(text(el, 'notice')).to.equal('Петрова Мария Ивановна теперь администратор');
    expect(rowOf(el, 'u-teacher')!.querySelector('.meta')!.textContent).to.include('Администратор');
    admin().click();
    await waitFor(() => admin().textContent!.trim() === 'Назначить администратором', 'the revocation');
  });

  it('removes a member after confirmation', async () => {
    const director = await clientFor('u-director');
    const invite = await createInvite(director, orgId, { role: 'staff', maxUses: 1 });
    const name = unique('Ушедший').replace(/ /g, '');
    const leaver = await newPerson('Выбывший', name);
    const request = await fileJoinRequest(leaver, invite.code);
    await decideJoinRequest(director, request.id, 'approve');
    const { el } = await widget('u-director');
    const userId = request.user.id;
    await waitFor(() => Boolean(rowOf(el, userId)), 'the new member');
    // The buttons come with the director's rights, which load beside the list.
    await waitFor(() => Boolean(button(rowOf(el, userId)!, 'button-remove')), "the director's rights");

    button(rowOf(el, userId)!, 'button-remove')!.click();
    await el.updateComplete;
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include(`Исключить Выбывший ${name}`);
    dialog.querySelector<HTMLButtonElement>('button.danger')!.click();
    await waitFor(() => !rowOf(el, userId), 'the member to go');
    expect(text(el, 'notice')).to.include('исключён');
  });
});
