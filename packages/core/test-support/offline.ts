/** Helpers for the offline tests: the network going away, what the server holds, what IndexedDB holds. */
import { routes } from '@parta/protocol';
import { openDB } from 'idb';
import type { ClientMessage, MessagesState, PartaClient } from '../src/index.js';
import { devToken, partaUrl, until } from './session.js';

/** Subscribes like a widget would and waits until the thread and the chat list are live. */
export async function watch(client: PartaClient, chatId: string) {
  client.$chats.listen(() => {});
  const $thread = client.$messages(chatId);
  $thread.listen(() => {});
  await until(client.$chatsLoading, (loading) => !loading);
  await until($thread, (state) => !state.loading);
  await until(client.$connection, (status) => status === 'online');
  return $thread;
}

/** The browser reports the network gone (or back); the socket follows, as with a pulled cable. */
export function goOffline(): void {
  window.dispatchEvent(new Event('offline'));
}
export function goOnline(): void {
  window.dispatchEvent(new Event('online'));
}

export const withText = (messages: readonly ClientMessage[], text: string) => messages.filter((m) => m.text === text);

/** Of the given texts, those in the thread, in the thread's order, with their status. */
export const shownAs = (state: MessagesState, texts: readonly string[]) =>
  state.messages.filter((m) => texts.includes(m.text)).map((m) => `${m.text}: ${m.status}`);

/** The chat's newest 100 messages as the server holds them, oldest first. */
export async function serverTexts(userId: string, chatId: string): Promise<string[]> {
  const response = await fetch(`${await partaUrl()}${routes.messages(chatId)}?limit=100`, {
    headers: { authorization: `Bearer ${await devToken(userId)}` },
  });
  const body = (await response.json()) as { messages: { text: string }[] };
  return body.messages.map((message) => message.text);
}

/** The texts of the outbox entries stored in IndexedDB, for every user of this origin. */
export async function storedOutbox(): Promise<string[]> {
  const db = await openDB('parta');
  try {
    if (!db.objectStoreNames.contains('outbox')) return [];
    const records = (await db.getAll('outbox')) as { entry: { text: string } }[];
    return records.map((record) => record.entry.text);
  } finally {
    db.close();
  }
}

/** Forgets everything stored on this origin, so each test starts as a first visit. Close the clients first. */
export async function forgetStorage(): Promise<void> {
  // Closing a client closes its database once its last writes are done.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase('parta');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Every POST of a message that leaves this page: its client key and text, in order. */
export interface SendLog {
  posts: { clientKey: string; text: string }[];
  /** The most requests for one client key that were in flight at the same moment. */
  maxConcurrent: number;
  restore(): void;
}

/**
 * Watches the page's message POSTs on their way out. `intercept` may make one
 * fail as a lost network would: `before` (never reached the server) or
 * `after` (the server has it, the answer is lost).
 */
export function logSends(
  intercept?: (post: { clientKey: string; text: string }, n: number) => 'before' | 'after' | undefined,
): SendLog {
  const original = globalThis.fetch;
  const inFlight = new Map<string, number>();
  const log: SendLog = {
    posts: [],
    maxConcurrent: 0,
    restore: () => {
      globalThis.fetch = original;
    },
  };
  globalThis.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (init?.method !== 'POST' || !/\/chats\/[^/]+\/messages$/.test(new URL(url).pathname)) {
      return original(input, init);
    }
    const post = JSON.parse(String(init.body)) as { clientKey: string; text: string };
    log.posts.push({ clientKey: post.clientKey, text: post.text });
    const fail = intercept?.(post, log.posts.length);
    const count = (inFlight.get(post.clientKey) ?? 0) + 1;
    inFlight.set(post.clientKey, count);
    log.maxConcurrent = Math.max(log.maxConcurrent, count);
    try {
      if (fail === 'before') throw new TypeError('Failed to fetch');
      // A little latency, so that requests that overlap are seen overlapping.
      await new Promise((resolve) => setTimeout(resolve, 30));
      const response = await original(input, init);
      if (fail === 'after') throw new TypeError('Failed to fetch');
      return response;
    } finally {
      inFlight.set(post.clientKey, inFlight.get(post.clientKey)! - 1);
    }
  };
  return log;
}
