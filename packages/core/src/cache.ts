import { ChatSummary, Message } from '@parta/protocol';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import * as z from 'zod/mini';

/**
 * What the widgets paint before the network answers: the chat list and the
 * newest page of each opened thread. Everything is keyed by a scope (server +
 * user), so two people sharing a browser never see each other's chats.
 *
 * Version 1 holds `chats` and `threads`. The outbox of messages written
 * offline (a later version) becomes one more store keyed by client key with
 * an index by scope and chat; the upgrade below grows one step per version.
 */
interface CacheSchema extends DBSchema {
  chats: { key: string; value: { scope: string; chats: unknown } };
  threads: { key: [string, string]; value: { scope: string; chatId: string; messages: unknown; hasMore: boolean } };
}

export const CACHE_DB_NAME = 'parta';
const CACHE_DB_VERSION = 1;
/** Enough for a first screen; the network fills in the rest. */
export const CACHED_MESSAGES_PER_CHAT = 50;

const CachedChats = z.array(ChatSummary);
const CachedMessages = z.array(Message);

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
