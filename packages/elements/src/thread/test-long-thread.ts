import { fixture, html } from '@open-wc/testing';
import type { PartaClient } from '@parta/core';
import { routes } from '@parta/protocol';
import { clientFor, partaUrl, waitFor } from '../test-helpers.js';
import './define.js';
import type { PartaThread } from './thread.js';

// What the long-thread tests share: the staff channel, where the director writes and the teacher
// reads, seeded over HTTP, and ways to look at the thread's log.

export const chatId = 'chat-staff';

export const root = (el: PartaThread) => el.shadowRoot!;
export const scrollerOf = (el: PartaThread) => root(el).querySelector<HTMLElement>('[part~="messages"]')!;
export const rowOf = (el: PartaThread, id: string) =>
  root(el).querySelector<HTMLElement>(`[data-message-id="${CSS.escape(id)}"]`);
export const rows = (el: PartaThread) => [...root(el).querySelectorAll<HTMLElement>('[data-message-id]')];
export const atBottom = (el: PartaThread) => {
  const scroller = scrollerOf(el);
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2;
};
export const inView = (el: PartaThread, row: Element) => {
  const view = scrollerOf(el).getBoundingClientRect();
  const box = row.getBoundingClientRect();
  return box.bottom > view.top && box.top < view.bottom;
};

/** Sends a message to the staff channel over HTTP. */
export async function post(text: string, token: string) {
  const response = await fetch(`${await partaUrl()}${routes.messages(chatId)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientKey: crypto.randomUUID(), text }),
  });
  return ((await response.json()) as { message: { id: string; seq: number; text: string } }).message;
}

/** The staff channel's thread, 400px high, scrolled to the newest message (the teacher's, unless given a client). */
export async function openThread(client?: PartaClient) {
  const el = await fixture<PartaThread>(
    html`<parta-thread style="display:flex;height:400px" chat-id=${chatId}></parta-thread>`,
  );
  el.client = client ?? (await clientFor('u-teacher'));
  await waitFor(() => rows(el).length > 0 && !root(el).querySelector('[part~="status"]'), 'the messages');
  await waitFor(() => atBottom(el), 'the newest at the bottom');
  return el;
}
