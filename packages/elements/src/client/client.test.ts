import { expect, fixture, html } from '@open-wc/testing';
import { closeAll, partaUrl, waitFor } from '../test-helpers.js';
import '../chat-list/define.js';
import '../thread/define.js';
import type { PartaChatList } from '../chat-list/chat-list.js';
import type { PartaThread } from '../thread/thread.js';
import './define.js';
import type { PartaClientProvider } from './client.js';

const options = (list: PartaChatList) => list.shadowRoot!.querySelectorAll('[role="option"]');

describe('<parta-client>', () => {
  afterEach(() => {
    closeAll();
    // Shared clients live in a page-wide registry; close them so each test signs in afresh.
    const shared = (globalThis as { [key: symbol]: Map<string, { close(): void }> | undefined })[
      Symbol.for('parta.clients')
    ];
    for (const client of [...(shared?.values() ?? [])]) client.close();
  });

  it("fetches a token from the host's route and hands one client to every widget inside", async () => {
    const baseUrl = await partaUrl();
    const el = await fixture<PartaClientProvider>(html`
      <parta-client base-url=${baseUrl} token-url="/parta-test-token?user=u-teacher">
        <div>
          <parta-chat-list></parta-chat-list>
          <parta-thread chat-id="chat-9a"></parta-thread>
        </div>
      </parta-client>
    `);
    const list = el.querySelector('parta-chat-list')!;
    const thread = el.querySelector<PartaThread>('parta-thread')!;
    await waitFor(() => options(list).length >= 5, 'the chats');
    expect(el.activeClient).to.exist;
    // Layout stays the page's: the provider draws no box of its own.
    expect(getComputedStyle(el).display).to.equal('contents');

    const second = await fixture<PartaClientProvider>(html`
      <parta-client base-url=${baseUrl} token-url="/parta-test-token?user=u-teacher"></parta-client>
    `);
    expect(second.activeClient, 'one client per server per page').to.equal(el.activeClient);
    await waitFor(() => thread.shadowRoot!.querySelector('parta-composer') !== null, 'the thread');
    await expect(el).to.be.accessible();
  });

  it('connects the widgets once base-url arrives after them, as a page script sets it', async () => {
    const el = await fixture<PartaClientProvider>(
      html`<parta-client><parta-chat-list></parta-chat-list></parta-client>`,
    );
    const list = el.querySelector('parta-chat-list')!;
    expect(list.shadowRoot!.textContent).to.include('Загрузка…');
    el.baseUrl = await partaUrl();
    el.tokenUrl = '/parta-test-token?user=u-student-1';
    await waitFor(() => options(list).length > 0, 'the chats');
    const titles = [...options(list)].map((option) => option.querySelector('[part~="title"]')!.textContent);
    expect(titles).to.include('9А');
    expect(titles).not.to.include('Учительская');
  });
});
