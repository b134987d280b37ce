import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PartaMessageSendEvent } from '../events/message-send.js';
import './define.js';
import type { PartaComposer } from './composer.js';

const box = (el: PartaComposer) => el.shadowRoot!.querySelector('textarea')!;
const button = (el: PartaComposer) => el.shadowRoot!.querySelector('button')!;

describe('<parta-composer>', () => {
  it('renders a labelled box and a send button, in Russian by default, and is accessible', async () => {
    const el = await fixture<PartaComposer>(html`<parta-composer></parta-composer>`);
    expect(box(el).getAttribute('aria-label')).to.equal('Сообщение');
    expect(box(el).placeholder).to.equal('Сообщение');
    expect(button(el).getAttribute('aria-label')).to.equal('Отправить');
    expect(button(el).disabled, 'nothing to send yet').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('speaks English when asked', async () => {
    const el = await fixture<PartaComposer>(html`<parta-composer locale="en"></parta-composer>`);
    expect(box(el).getAttribute('aria-label')).to.equal('Message');
    expect(button(el).getAttribute('aria-label')).to.equal('Send');
  });

  it('sends on Enter with the typed text and clears the box', async () => {
    const el = await fixture<PartaComposer>(html`<parta-composer chat-id="chat-9a"></parta-composer>`);
    box(el).focus();
    await sendKeys({ type: 'Привет, класс' });
    await el.updateComplete;
    expect(button(el).disabled).to.equal(false);
    const sent = oneEvent(el, 'parta-message-send') as Promise<PartaMessageSendEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await sent;
    expect(event.text).to.equal('Привет, класс');
    expect(event.chatId).to.equal('chat-9a');
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await el.updateComplete;
    expect(box(el).value).to.equal('');
  });

  it('starts a new line on Shift+Enter instead of sending', async () => {
    const el = await fixture<PartaComposer>(html`<parta-composer></parta-composer>`);
    let sends = 0;
    el.addEventListener('parta-message-send', () => sends++);
    box(el).focus();
    await sendKeys({ type: 'первая' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'вторая' });
    expect(box(el).value).to.equal('первая\nвторая');
    expect(sends).to.equal(0);
    await sendKeys({ press: 'Enter' });
    expect(sends).to.equal(1);
  });

  it('sends with the button too', async () => {
    const el = await fixture<PartaComposer>(html`<parta-composer value="кнопкой"></parta-composer>`);
    const sent = oneEvent(el, 'parta-message-send') as Promise<PartaMessageSendEvent>;
    button(el).click();
    expect((await sent).text).to.equal('кнопкой');
  });

  it('keeps the text when a listener cancels the send', async () => {
    const el = await fixture<PartaComposer>(html`<parta-composer></parta-composer>`);
    document.addEventListener('parta-message-send', (event) => event.preventDefault(), { once: true });
    box(el).focus();
    await sendKeys({ type: 'не отправлять' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(box(el).value).to.equal('не отправлять');
  });

  it('does not send blank text', async () => {
    const el = await fixture<PartaComposer>(html`<parta-composer></parta-composer>`);
    let sends = 0;
    el.addEventListener('parta-message-send', () => sends++);
    box(el).focus();
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    expect(sends).to.equal(0);
  });

  it('cannot be used when disabled', async () => {
    const el = await fixture<PartaComposer>(html`<parta-composer disabled value="текст"></parta-composer>`);
    expect(box(el).disabled).to.equal(true);
    expect(button(el).disabled).to.equal(true);
    expect(el.send()).to.equal(false);
  });

  it('asks readers to confirm with the toggle, for the next message only', async () => {
    const el = await fixture<PartaComposer>(html`<parta-composer confirmable></parta-composer>`);
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-toggle"]')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Запросить подтверждение прочтения');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    box(el).focus();
    await sendKeys({ type: 'Прочитайте правила' });
    let sent = oneEvent(el, 'parta-message-send') as Promise<PartaMessageSendEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await sent).requiresConfirmation).to.equal(true);
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    await sendKeys({ type: 'Обычное' });
    sent = oneEvent(el, 'parta-message-send') as Promise<PartaMessageSendEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await sent).requiresConfirmation).to.equal(false);
  });

  it('offers no confirmation toggle unless asked', async () => {
    const el = await fixture<PartaComposer>(html`<parta-composer></parta-composer>`);
    expect(el.shadowRoot!.querySelector('[part~="confirm-toggle"]')).to.equal(null);
  });
});
