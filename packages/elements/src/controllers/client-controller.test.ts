import { expect, fixture, html } from '@open-wc/testing';
import '../chat-list/define.js';
import { closeAll, partaUrl, waitFor } from '../test-helpers.js';

describe('ClientController', () => {
  afterEach(closeAll);

  it('reaches a provider that is defined after the widget', async () => {
    // This page has not registered <parta-client> yet: the list asks for a client and nobody answers.
    expect(customElements.get('parta-client')).to.equal(undefined);
    const baseUrl = await partaUrl();
    const provider = await fixture(html`
      <parta-client base-url=${baseUrl} token-url="/parta-test-token?user=u-parent-1">
        <parta-chat-list></parta-chat-list>
      </parta-client>
    `);
    const list = provider.querySelector('parta-chat-list')!;
    expect(list.shadowRoot!.textContent).to.include('Загрузка…');

    await import('../client/define.js');
    await waitFor(() => list.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'the chats');
    const titles = [...list.shadowRoot!.querySelectorAll('[part~="title"]')].map((title) => title.textContent);
    expect(titles).to.include('Родители 9А');
    (provider as HTMLElement & { activeClient?: { close(): void } }).activeClient?.close();
  });
});
