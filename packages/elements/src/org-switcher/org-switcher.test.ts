import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CurrentOrganisation, PartaClient } from '@parta/core';
import type { MeResponse } from '@parta/protocol';
import { atom, computed } from 'nanostores';
import type { PartaOrgSelectEvent } from '../events/org-select.js';
import { clientFor, closeAll, shadow, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaOrgSwitcher } from './org-switcher.js';

const membership = (orgId: string) => ({
  orgId,
  roles: ['staff' as const],
  classId: null,
  leadClassIds: [],
  position: null,
});

/**
 * The demo server has one organisation, so a person in two is played by a
 * client-shaped object holding the same stores the real client has.
 */
function twoSchools() {
  const $me = atom<MeResponse>({
    user: { id: 'u-x', surname: 'Петрова', name: 'Мария', patronymic: null, verified: true, avatarUrl: null },
    profile: { patronymic: null, sex: null, birthDate: null, phone: null, email: null },
    organisations: [
      { organisation: { id: 'school-1', type: 'school', name: 'Школа № 1' }, membership: membership('school-1') },
      { organisation: { id: 'school-2', type: 'school', name: 'Лицей № 2' }, membership: membership('school-2') },
    ],
  });
  const $chosen = atom('school-1');
  const $organisation = computed(
    [$me, $chosen],
    (me, chosen) => me.organisations.find((entry) => entry.organisation.id === chosen) as CurrentOrganisation,
  );
  return {
    locale: 'ru',
    $me,
    $organisation,
    selectOrganisation: (orgId: string) => $chosen.set(orgId),
  } as unknown as PartaClient;
}

describe('<parta-org-switcher>', () => {
  afterEach(closeAll);

  it("shows the only organisation's name", async () => {
    const el = await fixture<PartaOrgSwitcher>(html`<parta-org-switcher></parta-org-switcher>`);
    expect(shadow(el).textContent!.trim()).to.equal('Загрузка…');
    el.client = await clientFor('u-teacher');
    await waitFor(() => Boolean(shadow(el).querySelector('[part~="name"]')), 'the name');
    expect(shadow(el).querySelector('[part~="name"]')!.textContent).to.equal('Школа № 1');
    expect(el.value).to.equal('demo-school');
    await expect(el).to.be.accessible();
  });

  it('chooses among several with a labelled select and fires parta-org-select', async () => {
    const client = twoSchools();
    const el = await fixture<PartaOrgSwitcher>(html`<parta-org-switcher .client=${client}></parta-org-switcher>`);
    const select = shadow(el).querySelector('select')!;
    expect([...select.options].map((option) => option.textContent)).to.deep.equal(['Школа № 1', 'Лицей № 2']);
    expect(select.value).to.equal('school-1');
    await expect(el).to.be.accessible();

    const chosen = oneEvent(el, 'parta-org-select') as Promise<PartaOrgSelectEvent>;
    select.value = 'school-2';
    select.dispatchEvent(new Event('change'));
    const event = await chosen;
    expect(event).to.include({ orgId: 'school-2', name: 'Лицей № 2', bubbles: true, composed: true });
    await el.updateComplete;
    expect(el.value).to.equal('school-2');
    expect(client.$organisation.get()?.organisation.id).to.equal('school-2');
  });

  it('keeps the organisation when the host cancels the event', async () => {
    const client = twoSchools();
    const el = await fixture<PartaOrgSwitcher>(html`<parta-org-switcher .client=${client}></parta-org-switcher>`);
    el.addEventListener('parta-org-select', (event) => event.preventDefault(), { once: true });
    const select = shadow(el).querySelector('select')!;
    select.value = 'school-2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(select.value).to.equal('school-1');
    expect(client.$organisation.get()?.organisation.id).to.equal('school-1');
  });
});
