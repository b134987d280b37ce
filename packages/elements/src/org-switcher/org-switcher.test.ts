import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { selectOption } from '@web/test-runner-commands';
import type { PartaOrgSelectEvent } from '../events/org-select.js';
import { clientFor, closeAll, embedToken, forgetChosenOrganisations, shadow, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaOrgSwitcher } from './org-switcher.js';

const optionLabels = (select: HTMLSelectElement) => [...select.options].map((option) => option.textContent);

/** The demo teacher, signed in with Parta's own token: she teaches at the school and at the college. */
async function teacherSwitcher() {
  const client = await clientFor('u-teacher');
  const el = await fixture<PartaOrgSwitcher>(html`<parta-org-switcher .client=${client}></parta-org-switcher>`);
  await waitFor(() => Boolean(shadow(el).querySelector('select')) && el.value !== undefined, 'the organisations');
  return { el, client, select: shadow(el).querySelector('select')! };
}

describe('<parta-org-switcher>', () => {
  afterEach(() => {
    closeAll();
    forgetChosenOrganisations();
  });

  it("shows the only organisation's name", async () => {
    const el = await fixture<PartaOrgSwitcher>(html`<parta-org-switcher></parta-org-switcher>`);
    expect(shadow(el).textContent!.trim()).to.equal('Загрузка…');
    el.client = await clientFor('u-director');
    await waitFor(() => Boolean(shadow(el).querySelector('[part~="name"]')), 'the name');
    expect(shadow(el).querySelector('[part~="name"]')!.textContent).to.equal('Школа № 1');
    expect(el.value).to.equal('demo-school');
    await expect(el).to.be.accessible();
  });

  it('chooses among several with a labelled select and fires parta-org-select', async () => {
    const { el, client, select } = await teacherSwitcher();
    expect(optionLabels(select)).to.deep.equal(['Школа № 1', 'Колледж искусств']);
    expect(select.value).to.equal('demo-school');
    await expect(el).to.be.accessible();

    const chosen = oneEvent(el, 'parta-org-select') as Promise<PartaOrgSelectEvent>;
    await selectOption({ selector: 'parta-org-switcher select', label: 'Колледж искусств' });
    const event = await chosen;
    expect(event).to.include({ orgId: 'demo-college', name: 'Колледж искусств', bubbles: true, composed: true });
    await el.updateComplete;
    expect(el.value).to.equal('demo-college');
    expect(client.$organisation.get()?.organisation.id).to.equal('demo-college');
    expect(client.$organisation.get()?.membership.roles).to.deep.equal(['staff']);
  });

  it('keeps the organisation when the host cancels the event', async () => {
    const { el, client, select } = await teacherSwitcher();
    el.addEventListener('parta-org-select', (event) => event.preventDefault(), { once: true });
    await selectOption({ selector: 'parta-org-switcher select', label: 'Колледж искусств' });
    await el.updateComplete;
    expect(select.value).to.equal('demo-school');
    expect(client.$organisation.get()?.organisation.id).to.equal('demo-school');
  });

  it("on a school's website shows only that school, the one its token may act for", async () => {
    const client = await clientFor('u-teacher', { getToken: () => embedToken('u-teacher') });
    const el = await fixture<PartaOrgSwitcher>(html`<parta-org-switcher .client=${client}></parta-org-switcher>`);
    await waitFor(() => Boolean(shadow(el).querySelector('[part~="name"]')), 'the name');
    expect(shadow(el).querySelector('[part~="name"]')!.textContent).to.equal('Школа № 1');
    expect(shadow(el).querySelector('select')).to.equal(null);
    // She still teaches at the college; the school's site just cannot act for it.
    expect(client.$me.get()?.organisations.map((entry) => entry.organisation.id)).to.deep.equal([
      'demo-school',
      'demo-college',
    ]);
    client.selectOrganisation('demo-college');
    expect(client.$organisation.get()?.organisation.id).to.equal('demo-school');
  });
});
