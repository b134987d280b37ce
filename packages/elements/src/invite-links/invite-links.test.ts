import { expect, fixture, html } from '@open-wc/testing';
import { createInvite, decideJoinRequest, fileJoinRequest, previewInvite } from '@parta/core';
import { clientFor, closeAll, closePeople, fill, newPerson, shadow, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaInviteLinks } from './invite-links.js';

const orgId = 'demo-school';
const linkBase = 'https://school.example/join#';
const rows = (el: PartaInviteLinks) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="item"]')];
const rowOf = (el: PartaInviteLinks, code: string) => shadow(el).querySelector<HTMLElement>(`[data-code="${code}"]`);
const text = (el: PartaInviteLinks, part: string) => shadow(el).querySelector(`[part~="${part}"]`)?.textContent?.trim();
const field = <T extends Element>(el: PartaInviteLinks, name: string) =>
  shadow(el).querySelector<T & Element>(`form [name="${name}"]`)!;
const options = (select: HTMLSelectElement) => [...select.options].map((option) => option.textContent!.trim());

async function widget(userId: string) {
  const client = await clientFor(userId);
  const el = await fixture<PartaInviteLinks>(
    html`<parta-invite-links org-id=${orgId} link-base=${linkBase}></parta-invite-links>`,
  );
  el.client = client;
  await waitFor(() => Boolean(shadow(el).querySelector('form [name="role"]')), 'the form');
  await waitFor(() => text(el, 'empty') !== 'Загрузка…', 'the links');
  // The default role (a class teacher's or a student's link) names a class: wait for the classes.
  await waitFor(() => options(field<HTMLSelectElement>(el, 'classId')).includes('9А'), 'the classes');
  return { el, client };
}

describe('<parta-invite-links>', () => {
  afterEach(() => {
    closeAll();
    closePeople();
  });

  it('creates a link with the form and shows its uses left, expiry, address and QR code', async () => {
    const { el, client } = await widget('u-director');
    expect(options(field<HTMLSelectElement>(el, 'role'))).to.deep.equal([
      'Классный руководитель',
      'Учитель',
      'Ученик',
      'Родитель',
    ]);
    fill(field(el, 'role'), 'student');
    await el.updateComplete;
    fill(field(el, 'classId'), 'c-9a');
    fill(field(el, 'days'), '3');
    fill(field(el, 'maxUses'), '5');
    const before = new Set(rows(el).map((row) => row.dataset.code));
    shadow(el).querySelector<HTMLButtonElement>('[part~="button-create"]')!.click();
    await waitFor(() => rows(el).some((row) => !before.has(row.dataset.code)), 'the new link');
    const row = rows(el).find((candidate) => !before.has(candidate.dataset.code))!;
    const code = row.dataset.code!;
    expect(text(el, 'notice')).to.equal('Ссылка создана');
    expect(row.querySelector('.name')!.textContent).to.equal('Ученик · 9А');
    expect(row.querySelector('.meta')!.textContent).to.match(/^осталось 5 из 5 · действует до \d+ \S+$/);
    expect(row.querySelector<HTMLInputElement>('[part~="url"]')!.value).to.equal(linkBase + code);
    const qr = row.querySelector('svg[part~="qr"]')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal('QR-код ссылки: Ученик · 9А');
    expect(qr.querySelector('path')!.getAttribute('d')!.length).to.be.greaterThan(500);
    expect(text(el, 'header')).to.match(/Создано за сутки: \d+ из 50/);
    await expect(el).to.be.accessible();

    // A newcomer following it takes one use.
    const newcomer = await newPerson('Ссылкин', 'Олег');
    expect((await previewInvite(newcomer, code)).valid).to.equal(true);
    const request = await fileJoinRequest(newcomer, code);
    // Decided, so the join request list of other tests starts empty.
    await decideJoinRequest(client, request.id, 'decline');
  });

  it('copies a link and revokes it after confirmation', async () => {
    const director = await clientFor('u-director');
    const invite = await createInvite(director, orgId, { role: 'staff', maxUses: 2 });
    const { el } = await widget('u-director');
    const row = () => rowOf(el, invite.code);
    await waitFor(() => Boolean(row()), 'the link');
    expect(row()!.querySelector('.meta')!.textContent).to.match(/^осталось 2 из 2/);

    row()!.querySelector<HTMLButtonElement>('[part~="button-copy"]')!.click();
    await waitFor(() => Boolean(text(el, 'notice')), 'the copy note');
    expect(['Ссылка скопирована', 'Не удалось скопировать: выделите ссылку и скопируйте вручную']).to.include(
      text(el, 'notice'),
    );

    row()!.querySelector<HTMLButtonElement>('[part~="button-revoke"]')!.click();
    await el.updateComplete;
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include('Отозвать ссылку?');
    dialog.querySelector<HTMLButtonElement>('button.danger')!.click();
    await waitFor(() => !row(), 'the revoked link to go');
    expect(text(el, 'notice')).to.equal('Ссылка отозвана');
    expect((await previewInvite(director, invite.code)).reason).to.equal('revoked');
  });

  it('lets a class teacher invite only students and parents, only into its class', async () => {
    const { el } = await widget('u-teacher');
    expect(options(field<HTMLSelectElement>(el, 'role'))).to.deep.equal(['Ученик', 'Родитель']);
    expect(options(field<HTMLSelectElement>(el, 'classId'))).to.deep.equal(['9А']);
    for (const row of rows(el)) expect(row.querySelector('.name')!.textContent).to.match(/^(Ученик|Родитель) · 9А/);
    await expect(el).to.be.accessible();
  });

  it('tells a student it may not manage links', async () => {
    const client = await clientFor('u-student-1');
    const el = await fixture<PartaInviteLinks>(html`<parta-invite-links org-id=${orgId}></parta-invite-links>`);
    el.client = client;
    await waitFor(() => Boolean(text(el, 'error')), 'the error');
    expect(text(el, 'error')).to.equal('Недостаточно прав');
    expect(shadow(el).querySelector('form')).to.equal(null);
  });
});
