import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clientFor, closeAll, fill, shadow, unique, waitFor } from '../test-helpers.js';
import './define.js';
import { currentAcademicYear, type PartaClasses } from './classes.js';

const orgId = 'demo-school';
const rows = (el: PartaClasses) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="item"]')];
const rowNamed = (el: PartaClasses, name: string) =>
  rows(el).find((row) => row.querySelector('.name')!.textContent === name);
const text = (el: PartaClasses, part: string) => shadow(el).querySelector(`[part~="${part}"]`)?.textContent?.trim();
const field = (el: PartaClasses, name: string) =>
  shadow(el).querySelector<HTMLInputElement | HTMLSelectElement>(`form [name="${name}"]`)!;

async function widget(userId: string) {
  const client = await clientFor(userId);
  const el = await fixture<PartaClasses>(html`<parta-classes org-id=${orgId}></parta-classes>`);
  el.client = client;
  // The controls follow the user's rights, known once the profile has loaded, which may be after the list.
  await waitFor(() => rows(el).length > 0 && client.$me.get() !== null, 'the classes and the user');
  await el.updateComplete;
  return { el, client };
}

describe('<parta-classes>', () => {
  afterEach(closeAll);

  it('lists the classes with year, student count and colour', async () => {
    const { el } = await widget('u-teacher');
    const row = rowNamed(el, '9А')!;
    expect(row.querySelector('.meta')!.textContent).to.match(/^2025\/2026 · \d+ учени(к|ка|ков)/);
    expect(row.querySelector<HTMLElement>('[part~="swatch"]')!.style.background).to.not.equal('');
    expect(shadow(el).querySelector('[part~="button-new"]'), 'a teacher manages no classes').to.equal(null);
    expect(row.querySelector('[part~="button-edit"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lets the director create a class from the keyboard, edit and archive it', async () => {
    const { el } = await widget('u-director');
    shadow(el).querySelector<HTMLButtonElement>('[part~="button-new"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => Boolean(shadow(el).querySelector('form')), 'the form');
    expect(shadow(el).activeElement, 'focus moves into the form').to.equal(field(el, 'number'));
    expect(field(el, 'academicYear').value).to.equal(currentAcademicYear());
    const title = unique('Лицей').replace(/ /g, '');
    await sendKeys({ type: '7' });
    fill(field(el, 'letter'), 'в');
    fill(field(el, 'title'), title);
    fill(field(el, 'color'), '#cc5500');
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part~="button-save"]')!.click();
    const name = `7В · ${title}`;
    await waitFor(() => Boolean(rowNamed(el, name)), 'the new class');
    expect(text(el, 'notice')).to.equal('Класс сохранён');
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(rowNamed(el, name)!.querySelector('.meta')!.textContent).to.include('0 учеников');

    rowNamed(el, name)!.querySelector<HTMLButtonElement>('[part~="button-edit"]')!.click();
    await waitFor(() => Boolean(shadow(el).querySelector('form')), 'the edit form');
    expect(field(el, 'title').value).to.equal(title);
    fill(field(el, 'letter'), 'Г');
    shadow(el).querySelector<HTMLButtonElement>('[part~="button-save"]')!.click();
    const renamed = `7Г · ${title}`;
    await waitFor(() => Boolean(rowNamed(el, renamed)), 'the renamed class');

    rowNamed(el, renamed)!.querySelector<HTMLButtonElement>('[part~="button-archive"]')!.click();
    await waitFor(() => !rowNamed(el, renamed), 'the archived class to hide');
    const toggle = shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    toggle.click();
    await waitFor(() => Boolean(rowNamed(el, renamed)), 'the archived class shown');
    expect(rowNamed(el, renamed)!.getAttribute('part')).to.equal('item item-archived');
    expect(rowNamed(el, renamed)!.querySelector('.meta')!.textContent).to.include('в архиве');
  });

  it('shows a readable error when the server refuses', async () => {
    const { el } = await widget('u-director');
    shadow(el).querySelector<HTMLButtonElement>('[part~="button-new"]')!.click();
    await waitFor(() => Boolean(shadow(el).querySelector('form')), 'the form');
    fill(field(el, 'number'), '8');
    fill(field(el, 'letter'), 'Ж');
    // Not consecutive years: the browser's pattern lets it through, the server does not.
    fill(field(el, 'academicYear'), '2025/2027');
    shadow(el).querySelector<HTMLButtonElement>('[part~="button-save"]')!.click();
    await waitFor(() => Boolean(text(el, 'error')), 'the error');
    expect(text(el, 'error')).to.equal('Запрос составлен неверно');
    expect(shadow(el).querySelector('form'), 'the form stays for a fix').to.not.equal(null);
  });
});
