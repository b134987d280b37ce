import { cacheOf, type PartaClient } from './client.js';

/** Without IndexedDB (`storage: 'none'`, private modes) drafts last as long as the client. */
const inMemory = new WeakMap<PartaClient, Map<string, string>>();

/**
 * What the user had written in a chat and not sent; empty when nothing.
 * Kept per user and chat in IndexedDB, so it survives a reload.
 */
export async function loadDraft(client: PartaClient, chatId: string): Promise<string> {
  const cache = await cacheOf(client);
  if (cache) return cache.draft(chatId);
  return inMemory.get(client)?.get(chatId) ?? '';
}

/** Keeps the text being written in a chat; empty (or blank) text deletes the draft. */
export async function saveDraft(client: PartaClient, chatId: string, text: string): Promise<void> {
  const kept = text.trim() === '' ? '' : text;
  const cache = await cacheOf(client);
  if (cache) return cache.saveDraft(chatId, kept);
  let drafts = inMemory.get(client);
  if (!drafts) inMemory.set(client, (drafts = new Map()));
  if (kept === '') drafts.delete(chatId);
  else drafts.set(chatId, kept);
}
