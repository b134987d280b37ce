import type { ChatSummary, Message } from '@parta/protocol';

/**
 * What the widgets paint before the network answers: the chat list and the
 * newest page of each opened thread; and what must survive a reload: the
 * outbox of messages not yet confirmed by the server and the drafts. Everything
 * is keyed by a scope (server + user), so two people sharing a browser never
 * see each other's chats.
 *
 * Version 1 holds `chats` and `threads`; version 2 adds `outbox` (scope +
 * client key) and `drafts` (scope + chat); version 3 stopped validating records
 * on read. The upgrade grows one step per version.
 *
 * Records are not validated when read (that would ship a schema library with
 * every page): the version protects them instead. Bump CACHE_DB_VERSION whenever
 * the shape of a cached ChatSummary or Message changes incompatibly, or of an
 * OutboxEntry at all: every upgrade empties `chats` and `threads`, which the
 * network fills again, and keeps the outbox and the drafts, which are the user's.
 */
interface Records {
  chats: { scope: string; chats: readonly ChatSummary[] };
  threads: { scope: string; chatId: string; messages: readonly Message[]; hasMore: boolean };
  outbox: { scope: string; entry: OutboxEntry };
  drafts: { scope: string; chatId: string; text: string; updatedAt: string };
}
type Store = keyof Records;

/** An IndexedDB request as a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export const CACHE_DB_NAME = 'parta';
const CACHE_DB_VERSION = 3;
/** Enough for a first screen; the network fills in the rest. */
export const CACHED_MESSAGES_PER_CHAT = 50;

/** A message waiting for the server: everything needed to send it again after a reload. */
export interface OutboxEntry {
  chatId: string;
  /** The idempotency key: however often it is sent, the server keeps one message. */
  clientKey: string;
  text: string;
  replyToId: string | null;
  requiresConfirmation: boolean;
  /** When it was written; strictly increasing, so it is also the order of sending. */
  createdAt: string;
  /**
   * Why it no longer goes out by itself: `refused` by the server for good, or
   * the server stayed `unreachable` for several attempts (tried again on the
   * next connection). Absent while it waits for its turn.
   */
  failure?: 'refused' | 'unreachable';
}

export interface CachedThread {
  messages: Message[];
  hasMore: boolean;
}

/** Opens the cache database, or resolves null where IndexedDB is unavailable (private modes, old browsers). */
export async function openCacheDatabase(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const request = indexedDB.open(CACHE_DB_NAME, CACHE_DB_VERSION);
    request.onupgradeneeded = ({ oldVersion }) => {
      const database = request.result;
      if (oldVersion < 1) {
        database.createObjectStore('chats');
        database.createObjectStore('threads');
      }
      if (oldVersion < 2) {
        database.createObjectStore('outbox');
        database.createObjectStore('drafts');
      }
      // Whatever an older version cached may have another shape: the network paints it anew.
      if (oldVersion >= 1) {
        request.transaction!.objectStore('chats').clear();
        request.transaction!.objectStore('threads').clear();
      }
    };
    const db = await done(request);
    // Another tab is upgrading to a newer version: step aside.
    db.onversionchange = () => db.close();
    return db;
  } catch {
    return null;
  }
}

export class Cache {
  #db: IDBDatabase;
  readonly scope: string;

  private constructor(db: IDBDatabase, scope: string) {
    this.#db = db;
    this.scope = scope;
  }

  /**
   * Opens the cache for a scope, or returns null where IndexedDB is unavailable (private
   * modes, old browsers). `database` may be a database already being opened (the client
   * opens it before it knows the scope, so that neither waits for the other).
   */
  static async open(scope: string, database = openCacheDatabase()): Promise<Cache | null> {
    const db = await database;
    return db ? new Cache(db, scope) : null;
  }

  async chats(): Promise<ChatSummary[] | null> {
    const record = await this.#get('chats', this.scope);
    return Array.isArray(record?.chats) ? record.chats : null;
  }

  saveChats(chats: readonly ChatSummary[]): Promise<void> {
    return this.#put('chats', { scope: this.scope, chats }, this.scope);
  }

  async thread(chatId: string): Promise<CachedThread | null> {
    const record = await this.#get('threads', [this.scope, chatId]);
    return record && Array.isArray(record.messages) ? { messages: record.messages, hasMore: record.hasMore } : null;
  }

  saveThread(chatId: string, messages: readonly Message[], hasMore: boolean): Promise<void> {
    const newest = messages.slice(-CACHED_MESSAGES_PER_CHAT);
    return this.#put(
      'threads',
      { scope: this.scope, chatId, messages: newest, hasMore: hasMore || newest.length < messages.length },
      [this.scope, chatId],
    );
  }

  /** This user's outbox, oldest first. Entries without the fields sending needs are left out. */
  async outbox(): Promise<OutboxEntry[]> {
    // Every [scope, key]: a shorter array sorts first, and an array after any string.
    const range = IDBKeyRange.bound([this.scope], [this.scope, []]);
    const records = ((await this.#safe(() => done(this.#store('outbox').getAll(range)))) ?? []) as Records['outbox'][];
    const entries: OutboxEntry[] = [];
    for (const { entry } of records) {
      const fields = [entry?.chatId, entry?.clientKey, entry?.text, entry?.createdAt];
      if (fields.every((field) => typeof field === 'string')) entries.push(entry);
    }
    return entries.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  }

  saveOutboxEntry(entry: OutboxEntry): Promise<void> {
    return this.#put('outbox', { scope: this.scope, entry }, [this.scope, entry.clientKey]);
  }

  deleteOutboxEntry(clientKey: string): Promise<void> {
    return this.#delete('outbox', [this.scope, clientKey]);
  }

  async draft(chatId: string): Promise<string> {
    const record = await this.#get('drafts', [this.scope, chatId]);
    return typeof record?.text === 'string' ? record.text : '';
  }

  /** Empty text deletes the draft. */
  saveDraft(chatId: string, text: string): Promise<void> {
    if (text === '') return this.#delete('drafts', [this.scope, chatId]);
    return this.#put('drafts', { scope: this.scope, chatId, text, updatedAt: new Date().toISOString() }, [
      this.scope,
      chatId,
    ]);
  }

  close(): void {
    this.#db.close();
  }

  #store(name: Store, mode: IDBTransactionMode = 'readonly'): IDBObjectStore {
    return this.#db.transaction(name, mode).objectStore(name);
  }

  #get<S extends Store>(name: S, key: IDBValidKey): Promise<Records[S] | undefined> {
    return this.#safe(() => done(this.#store(name).get(key)));
  }

  #put<S extends Store>(name: S, record: Records[S], key: IDBValidKey): Promise<void> {
    return this.#safe(async () => {
      await done(this.#store(name, 'readwrite').put(record, key));
    });
  }

  #delete(name: Store, key: IDBValidKey): Promise<void> {
    return this.#safe(async () => {
      await done(this.#store(name, 'readwrite').delete(key));
    });
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
