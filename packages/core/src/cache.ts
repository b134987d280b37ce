import { ChatSummary, Message } from '@parta/protocol';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import * as z from 'zod/mini';

/**
 * What the widgets paint before the network answers: the chat list and the
 * newest page of each opened thread; and what must survive a reload: the
 * outbox of messages not yet confirmed by the server and the drafts. Everything
 * is keyed by a scope (server + user), so two people sharing a browser never
 * see each other's chats.
 *
 * Version 1 holds `chats` and `threads`; version 2 adds `outbox` (scope +
 * client key) and `drafts` (scope + chat). The upgrade grows one step per version.
 */
interface CacheSchema extends DBSchema {
  chats: { key: string; value: { scope: string; chats: unknown } };
  threads: { key: [string, string]; value: { scope: string; chatId: string; messages: unknown; hasMore: boolean } };
  outbox: { key: [string, string]; value: { scope: string; entry: unknown } };
  drafts: { key: [string, string]; value: { scope: string; chatId: string; text: string; updatedAt: string } };
}

export const CACHE_DB_NAME = 'parta';
const CACHE_DB_VERSION = 2;
/** Enough for a first screen; the network fills in the rest. */
export const CACHED_MESSAGES_PER_CHAT = 50;

const CachedChats = z.array(ChatSummary);
const CachedMessages = z.array(Message);

/** A message waiting for the server: everything needed to send it again after a reload. */
export const OutboxEntry = z.object({
  chatId: z.string(),
  /** The idempotency key: however often it is sent, the server keeps one message. */
  clientKey: z.string(),
  text: z.string(),
  replyToId: z.nullable(z.string()),
  requiresConfirmation: z.boolean(),
  /** When it was written; strictly increasing, so it is also the order of sending. */
  createdAt: z.string(),
  /**
   * Why it no longer goes out by itself: `refused` by the server for good, or
   * the server stayed `unreachable` for several attempts (tried again on the
   * next connection). Absent while it waits for its turn.
   */
  failure: z.optional(z.enum(['refused', 'unreachable'])),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export interface CachedThread {
  messages: Message[];
  hasMore: boolean;
}

export class Cache {
  #db: IDBPDatabase<CacheSchema>;
  readonly scope: string;

  private constructor(db: IDBPDatabase<CacheSchema>, scope: string) {
    this.#db = db;
    this.scope = scope;
  }

  /** Opens the cache, or returns null where IndexedDB is unavailable (private modes, old browsers). */
  static async open(scope: string): Promise<Cache | null> {
    if (typeof indexedDB === 'undefined') return null;
    try {
      const db = await openDB<CacheSchema>(CACHE_DB_NAME, CACHE_DB_VERSION, {
        upgrade(database, oldVersion) {
          if (oldVersion < 1) {
            database.createObjectStore('chats');
            database.createObjectStore('threads');
          }
          if (oldVersion < 2) {
            database.createObjectStore('outbox');
            database.createObjectStore('drafts');
          }
        },
        // Another tab is upgrading to a newer schema: step aside.
        blocking() {
          db.close();
        },
      });
      return new Cache(db, scope);
    } catch {
      return null;
    }
  }

  async chats(): Promise<ChatSummary[] | null> {
    const record = await this.#safe(() => this.#db.get('chats', this.scope));
    const parsed = CachedChats.safeParse(record?.chats);
    return parsed.success ? parsed.data : null;
  }

  saveChats(chats: readonly ChatSummary[]): Promise<void> {
    return this.#safe(async () => {
      await this.#db.put('chats', { scope: this.scope, chats }, this.scope);
    });
  }

  async thread(chatId: string): Promise<CachedThread | null> {
    const record = await this.#safe(() => this.#db.get('threads', [this.scope, chatId]));
    const parsed = CachedMessages.safeParse(record?.messages);
    return parsed.success && record ? { messages: parsed.data, hasMore: record.hasMore } : null;
  }

  saveThread(chatId: string, messages: readonly Message[], hasMore: boolean): Promise<void> {
    const newest = messages.slice(-CACHED_MESSAGES_PER_CHAT);
    return this.#safe(async () => {
      await this.#db.put(
        'threads',
        { scope: this.scope, chatId, messages: newest, hasMore: hasMore || newest.length < messages.length },
        [this.scope, chatId],
      );
    });
  }

  /** This user's outbox, oldest first. Entries that do not parse (an older format) are left out. */
  async outbox(): Promise<OutboxEntry[]> {
    // Every [scope, key]: a shorter array sorts first, and an array after any string.
    const range = IDBKeyRange.bound([this.scope], [this.scope, []]);
    const records = (await this.#safe(() => this.#db.getAll('outbox', range))) ?? [];
    const entries: OutboxEntry[] = [];
    for (const record of records) {
      const parsed = OutboxEntry.safeParse(record.entry);
      if (parsed.success) entries.push(parsed.data);
    }
    return entries.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  }

  saveOutboxEntry(entry: OutboxEntry): Promise<void> {
    return this.#safe(async () => {
      await this.#db.put('outbox', { scope: this.scope, entry }, [this.scope, entry.clientKey]);
    });
  }

  deleteOutboxEntry(clientKey: string): Promise<void> {
    return this.#safe(() => this.#db.delete('outbox', [this.scope, clientKey]));
  }

  async draft(chatId: string): Promise<string> {
    const record = await this.#safe(() => this.#db.get('drafts', [this.scope, chatId]));
    return typeof record?.text === 'string' ? record.text : '';
  }

  /** Empty text deletes the draft. */
  saveDraft(chatId: string, text: string): Promise<void> {
    return this.#safe(async () => {
      if (text === '') await this.#db.delete('drafts', [this.scope, chatId]);
      else {
        const record = { scope: this.scope, chatId, text, updatedAt: new Date().toISOString() };
        await this.#db.put('drafts', record, [this.scope, chatId]);
      }
    });
  }

  close(): void {
    this.#db.close();
  }

  /** The cache is an optimisation: a full disk or a closed database must never break the client. */
  async #safe<T>(operation: () => Promise<T>): Promise<T | undefined> {
    try {
      return await operation();
    } catch {
      return undefined;
    }
  }
}
