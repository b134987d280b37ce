import { expect, fixture, html } from '@open-wc/testing';
import { getOrganisation, updateOrganisation } from '@parta/core';
import { sendKeys } from '@web/test-runner-commands';
import { clientFor, closeAll, fill, shadow, unique, waitFor } from '../test-helpers.js';
import './define.js';
import { initials, type PartaOrgProfile } from './org-profile.js';

const orgId = 'demo-school';
const part = (el: PartaOrgProfile, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: PartaOrgProfile, name: string) => part(el, name)?.textContent?.trim() ?? '';
const field = (el: PartaOrgProfile, name: string) =>
  shadow(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(`form [name="${name}"]`)!;
/** The profile as label → value, as a reader sees the list. */
const details = (el: PartaOrgProfile) =>
  Object.fromEntries(
    [...shadow(el).querySelectorAll('[part~="details"] .row')].map((row) => [
      row.querySelector('dt')!.textContent!.trim(),
      row.querySelector('dd')!.textContent!.trim(),
    ]),
  );
/** Selects what a field holds and types over it, as a person would. */
async function typeInto(control: HTMLElement, value: string) {
  control.focus();
  await sendKeys({ press: 'ControlOrMeta+A' });
  await sendKeys({ type: value });
}

async function widget(userId: string, locale?: string) {
  const client = await clientFor(userId);
  const el = await fixture<PartaOrgProfile>(
    html`<parta-org-profile org-id=${orgId} locale=${locale ?? 'ru'}></parta-org-profile>`,
  );
  el.client = client;
  await waitFor(() => Boolean(part(el, 'name')), 'the profile');
  // The director's rights arrive with the organisation list, separately from the profile.
  if (userId === 'u-director') await waitFor(() => Boolean(part(el, 'button-edit')), "the director's rights");
  return { el, client };
}

describe('<parta-org-profile>', () => {
  afterEach(closeAll);

  it('takes initials from the first two words that have a letter or digit', () => {
    expect(initials('Школа № 1')).to.equal('Ш1');
    expect(initials('детский сад «Ромашка»')).to.equal('ДС');
  });

  it("shows the director the organisation's profile, type and registration numbers", async () => {
    const { el } = await widget('u-director');
    expect(text(el, 'name')).to.equal('Школа № 1');
    expect(text(el, 'type')).to.equal('Школа');
    expect(details(el)).to.include({ ИНН: '7701000001', КПП: '770101001' });
    expect(text(el, 'button-edit')).to.equal('Изменить');
    await expect(el).to.be.accessible();
  });

  it('lets the director edit the address and description from the keyboard and stores them', async () => {
    const { el, client } = await widget('u-director');
    const { organisation: before } = await getOrganisation(client, orgId);
    try {
      part(el, 'button-edit')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => Boolean(shadow(el).querySelector('form')), 'the form');
      expect(shadow(el).activeElement, 'focus moves into the form').to.equal(field(el, 'name'));
      expect(field(el, 'name').value).to.equal(before.name);
      await expect(el).to.be.accessible();

      const address = unique('г. Москва, ул. Школьная, д.');
      const description = unique('Школа с углублённым изучением математики');
      await typeInto(field(el, 'address'), address);
      await typeInto(field(el, 'description'), description);
      await sendKeys({ press: 'Tab' }); // to the logo's address
      await sendKeys({ press: 'Tab' }); // to «Сохранить»
      expect(shadow(el).activeElement).to.equal(part(el, 'button-save'));
      await sendKeys({ press: 'Enter' });

      await waitFor(() => text(el, 'notice') === 'Профиль сохранён', 'the saved notice');
      expect(part(el, 'notice')!.getAttribute('role')).to.equal('status');
      expect(shadow(el).querySelector('form')).to.equal(null);
      expect(shadow(el).activeElement, 'focus returns to the edit button').to.equal(part(el, 'button-edit'));
      expect(details(el)).to.include({ Адрес: address, 'Об организации': description });

      const { organisation: stored } = await getOrganisation(client, orgId);
      expect(stored).to.include({ address, description, name: before.name });
    } finally {
      await updateOrganisation(client, orgId, { address: before.address, description: before.description });
    }
  });

  it('shows an avatar image with alt text when the logo is set, initials otherwise', async () => {
    const { el, client } = await widget('u-director');
    expect(part(el, 'avatar')!.tagName).to.equal('SPAN');
    expect(text(el, 'avatar')).to.equal('Ш1');
    const logo = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/%3E';
    try {
      part(el, 'button-edit')!.click();
      await waitFor(() => Boolean(shadow(el).querySelector('form')), 'the form');
      fill(field(el, 'avatarUrl') as HTMLInputElement, logo);
      part(el, 'button-save')!.click();
      await waitFor(() => part(el, 'avatar')?.tagName === 'IMG', 'the logo');
      const img = part(el, 'avatar') as HTMLImageElement;
      expect(img.alt).to.equal('Логотип: Школа № 1');
      expect(img.getAttribute('src')).to.equal(logo);
      await expect(el).to.be.accessible();
    } finally {
      await updateOrganisation(client, orgId, { avatarUrl: null });
    }
  });

  it('shows a readable error for a name longer than 200 characters and changes nothing', async () => {
    const { el, client } = await widget('u-director');
    const { organisation: before } = await getOrganisation(client, orgId);
    part(el, 'button-edit')!.click();
    await waitFor(() => Boolean(shadow(el).querySelector('form')), 'the form');
    // maxlength stops typing at 200; a pasted-in value set by script gets past it, the server does not.
    fill(field(el, 'name') as HTMLInputElement, 'Ш'.repeat(201));
    fill(field(el, 'address') as HTMLInputElement, 'не должно сохраниться');
    part(el, 'button-save')!.click();
    await waitFor(() => Boolean(text(el, 'error')), 'the error');
    expect(text(el, 'error')).to.equal('Проверьте поля: Название (не длиннее 200 символов)');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).activeElement, 'focus moves to the field to fix').to.equal(field(el, 'name'));
    expect(text(el, 'notice')).to.equal('');

    const { organisation: after } = await getOrganisation(client, orgId);
    expect(after).to.deep.equal(before);

    part(el, 'button-cancel')!.click();
    await waitFor(() => !shadow(el).querySelector('form'), 'the form to close');
    expect(text(el, 'name')).to.equal(before.name);
    expect(text(el, 'error')).to.equal('');
  });

  it('shows a student the profile read-only', async () => {
    const { el } = await widget('u-student-1');
    await waitFor(() => Boolean(part(el, 'details')), 'the details');
    expect(text(el, 'name')).to.equal('Школа № 1');
    expect(part(el, 'button-edit')).to.equal(null);
    expect(shadow(el).querySelector('button')).to.equal(null);
    expect(Object.keys(details(el)), 'empty fields are left out').to.deep.equal(['ИНН', 'КПП']);
    await expect(el).to.be.accessible();
  });

  it('speaks English with locale="en"', async () => {
    const { el } = await widget('u-director', 'en');
    expect(text(el, 'type')).to.equal('School');
    expect(text(el, 'button-edit')).to.equal('Edit');
    expect(Object.keys(details(el))).to.deep.equal(['INN', 'KPP', 'Address', 'Contacts', 'About']);
    expect(details(el).Address).to.equal('not given');
    part(el, 'button-edit')!.click();
    await waitFor(() => Boolean(shadow(el).querySelector('form')), 'the form');
    expect(text(el, 'button-save')).to.equal('Save');
    expect(text(el, 'button-cancel')).to.equal('Cancel');
    expect(field(el, 'description').closest('label')!.textContent!.trim()).to.equal('About');
  });
});
