import { expect, fixture, html } from '@open-wc/testing';
import type { PartaClient } from '@parta/core';
import { sendKeys } from '@web/test-runner-commands';
import { forgetStorage, serverTexts } from '../../../core/test-support/offline.js';
import { clientFor, closeAll, sleep, unique, waitFor } from '../test-helpers.js';
import './define.js';
import '../thread/define.js';
import type { PartaThread } from '../thread/thread.js';
import type { PartaComposer } from './composer.js';
import { DRAFT_SAVE_DELAY_MS } from './draft-controller.js';

const box = (el: PartaComposer) => el.shadowRoot!.querySelector('textarea')!;
const stored = { storage: 'indexeddb' as const };

async function composer(client: PartaClient, chatId: string) {
  return fixture<PartaComposer>(html`<parta-composer chat-id=${chatId} .client=${client}></parta-composer>`);
}

/** Waits as long as a draft might take to load, then reads the box. */
async function settled(el: PartaComposer) {
  await sleep(400);
  await el.updateComplete;
  return box(el).value;
}

describe('drafts in <parta-composer>', () => {
  beforeEach(async () => {
    closeAll();
    await forgetStorage();
  });
  afterEach(async () => {
    closeAll();
    await forgetStorage();
  });

  it('keeps what was typed in a chat across a reload, per chat, and forgets it once sent', async () => {
    const first = await clientFor('u-student-1', stored);
    const el = await composer(first, 'chat-9a');
    box(el).focus();
    await sendKeys({ type: 'Не забыть спросить про экскурсию' });
    await sleep(DRAFT_SAVE_DELAY_MS + 200);
    el.remove();
    first.close();

    // The page is reloaded: a new composer with a new client finds the text again.
    const second = await clientFor('u-student-1', stored);
    const again = await composer(second, 'chat-9a');
    await waitFor(() => box(again).value === 'Не забыть спросить про экскурсию', 'the draft restored');

    // Another chat has its own draft (none), and switching back brings this one back.
    again.chatId = 'chat-9a-parents';
    expect(await settled(again)).to.equal('');
    box(again).focus();
    await sendKeys({ type: 'Другой чат' });
    again.chatId = 'chat-9a';
    await waitFor(() => box(again).value === 'Не забыть спросить про экскурсию', 'back in the first chat');
    again.chatId = 'chat-9a-parents';
    await waitFor(() => box(again).value === 'Другой чат', 'the second chat kept its own');
    again.chatId = 'chat-9a';
    await waitFor(() => box(again).value === 'Не забыть спросить про экскурсию');

    box(again).focus();
    await sendKeys({ press: 'Enter' });
    expect(box(again).value).to.equal('');
    await sleep(200);
    again.remove();
    second.close();

    const third = await clientFor('u-student-1', stored);
    const after = await composer(third, 'chat-9a');
    expect(await settled(after), 'a sent message leaves no draft').to.equal('');
    after.chatId = 'chat-9a-parents';
    await waitFor(() => box(after).value === 'Другой чат');
  });

  it('in a thread: the draft comes back after a reload and goes once the message is sent', async () => {
    const text = unique('Черновик в чате');
    const first = await clientFor('u-student-1', stored);
    const thread = await fixture<PartaThread>(
      html`<parta-thread style="height: 300px" chat-id="chat-9a" .client=${first}></parta-thread>`,
    );
    const inner = () => thread.shadowRoot!.querySelector('parta-composer')!;
    await waitFor(() => Boolean(inner()?.shadowRoot?.querySelector('textarea')), 'the composer');
    await waitFor(() => !box(inner()).disabled, 'the composer enabled');
    box(inner()).focus();
    await sendKeys({ type: text });
    // Removed before the pause is over: the draft is written on the way out.
    thread.remove();
    await sleep(200);
    first.close();

    const second = await clientFor('u-student-1', stored);
    const reloaded = await fixture<PartaThread>(
      html`<parta-thread style="height: 300px" chat-id="chat-9a" .client=${second}></parta-thread>`,
    );
    const composerOf = () => reloaded.shadowRoot!.querySelector('parta-composer')!;
    await waitFor(() => Boolean(composerOf()?.shadowRoot?.querySelector('textarea')), 'the composer');
    await waitFor(() => box(composerOf()).value === text, 'the draft restored in the thread');
    await waitFor(() => !box(composerOf()).disabled, 'the composer enabled');
    box(composerOf()).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => reloaded.messages.some((m) => m.text === text && m.status === 'sent'), 'sent');
    expect((await serverTexts('u-student-1', 'chat-9a')).filter((t) => t === text)).to.have.length(1);
    await sleep(200);
    reloaded.remove();
    second.close();

    const third = await clientFor('u-student-1', stored);
    const later = await composer(third, 'chat-9a');
    expect(await settled(later)).to.equal('');
  });
});
