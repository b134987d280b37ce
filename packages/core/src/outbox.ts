import { type Message, PartaError } from '@parta/protocol';
import { type BackoffOptions, backoffDelay } from './backoff.js';
import type { Cache, OutboxEntry } from './cache.js';

export type { OutboxEntry } from './cache.js';

/** After this many attempts in a row that could not reach the server, a message shows as failed. */
export const MAX_UNREACHABLE_ATTEMPTS = 5;

/** What the outbox needs from the client that owns it. */
export interface OutboxHost {
  /** One attempt: `POST messages` with the entry's client key. */
  post(entry: OutboxEntry): Promise<Message>;
  /** True while the client knows it has no connection; nothing is attempted then. */
  offline(): boolean;
  cache(): Promise<Cache | null>;
  /** The entry is waiting (`sending`) or needs the user (`failed`): show it so. */
  show(entry: OutboxEntry, status: 'sending' | 'failed'): void;
  /** The server has it: replace the local copy with the server's. */
  delivered(entry: OutboxEntry, message: Message): void;
  /** The user gave up on it: remove the local copy. */
  discarded(entry: OutboxEntry): void;
  backoff: BackoffOptions;
}

/** What an entry came to, for whoever waits on `sendMessage` or `retrySend`. */
export type Outcome = { message: Message } | { failed: true };

// Refused for good: sending the same body again gets the same answer.
// Everything else (no network, the token route down, 401, 429, 5xx) may pass later.
const refusals = new Set([
  'bad_request',
  'forbidden',
  'not_found',
  'not_chat_member',
  'conflict',
  'message_too_long',
  'limit_reached',
  'not_org_member',
]);
const isRefusal = (error: unknown) => error instanceof PartaError && refusals.has(error.code);

/**
 * Messages written but not yet confirmed, kept in IndexedDB so they survive a
 * reload, and sent one chat at a time in the order written.
 *
 * - Each entry goes out with its client key, so however many times it is
 *   sent (a lost answer, a reload, another tab), the server keeps one message.
 * - A chat's entries go out strictly one after another; while the first one
 *   cannot get through, the later ones wait behind it.
 * - Nothing is attempted while the client knows it is offline; when the socket
 *   is back (`resume`), the waiting entries go out.
 * - A network failure (no answer, 5xx, 429, the host's token route down) is
 *   retried with backoff. After {@link MAX_UNREACHABLE_ATTEMPTS} in a row the
 *   entry and those behind it show `failed`, and go out by themselves again
 *   on the next connection or with `retrySend`.
 * - A refusal (4xx: forbidden, message too long, not a member…) marks only
 *   that entry `failed`, for good: `retrySend` tries again, `discard` drops it.
 *   The entries behind it go on.
 * - Tabs of the same user share the IndexedDB outbox. A Web Lock per chat lets
 *   one tab at a time send a chat's entries, so one entry is never in flight
 *   twice at once; a tab that waited may repeat a request that already
 *   succeeded, and the server answers with the message it has. Without Web
 *   Locks (plain-HTTP pages) that dedupe is the only guard.
 */
export class Outbox {
  #host: OutboxHost;
  #entries = new Map<string, OutboxEntry>();
  /** Delivered or discarded here: a read that raced the deletion must not bring them back. */
  #gone = new Set<string>();
  #attempts = new Map<string, number>();
  #waiters = new Map<string, ((outcome: Outcome) => void)[]>();
  #inFlight = new Set<string>();
  #draining = new Set<string>();
  #again = new Set<string>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** IndexedDB writes, in order: a delete never overtakes the put it undoes. */
  #writes: Promise<unknown> = Promise.resolve();
  #lastCreated = 0;
  #closed = false;

  constructor(host: OutboxHost) {
    this.#host = host;
  }

  /** The entries of one chat, oldest first. */
  entries(chatId: string): OutboxEntry[] {
    return [...this.#entries.values()]
      .filter((entry) => entry.chatId === chatId)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  }

  has(clientKey: string): boolean {
    return this.#entries.has(clientKey);
  }

  /** A creation time later than any before it, so the order written is the order sent. */
  nextCreatedAt(): string {
    this.#lastCreated = Math.max(Date.now(), this.#lastCreated + 1);
    return new Date(this.#lastCreated).toISOString();
  }

  /** Takes a new message, stores it and sends it when its turn comes. */
  add(entry: OutboxEntry): Promise<Outcome> {
    this.#entries.set(entry.clientKey, entry);
    this.#gone.delete(entry.clientKey);
    this.#persist(entry);
    this.#host.show(entry, 'sending');
    const outcome = this.#wait(entry.clientKey);
    this.#kick(entry.chatId);
    return outcome;
  }

  /**
   * Reads the stored outbox: after a reload, and on each reconnection, which
   * also picks up what another tab left. Shown at once; sent by `resume`.
   */
  async load(): Promise<void> {
    const cache = await this.#host.cache();
    if (!cache || this.#closed) return;
    await this.#writes;
    for (const entry of await cache.outbox()) {
      if (this.#entries.has(entry.clientKey) || this.#gone.has(entry.clientKey)) continue;
      this.#entries.set(entry.clientKey, entry);
      this.#lastCreated = Math.max(this.#lastCreated, Date.parse(entry.createdAt) || 0);
      this.#host.show(entry, entry.failure ? 'failed' : 'sending');
    }
  }

  /** The connection is back: whatever waits, or gave up for lack of a network, goes out now. */
  resume(): void {
    const chats = new Set<string>();
    for (const entry of this.#entries.values()) {
      this.#attempts.delete(entry.clientKey);
      if (entry.failure === 'unreachable') this.#update(entry.clientKey, { failure: undefined }, 'sending');
      if (!entry.failure) chats.add(entry.chatId);
    }
    for (const chatId of chats) this.#kick(chatId);
  }

  /** Sends a failed entry again. Undefined when there is no such entry. */
  retry(clientKey: string): Promise<Outcome> | undefined {
    const entry = this.#entries.get(clientKey);
    if (!entry) return undefined;
    const outcome = this.#wait(clientKey);
    if (entry.failure) {
      this.#attempts.delete(clientKey);
      this.#update(clientKey, { failure: undefined }, 'sending');
    }
    this.#kick(entry.chatId);
    return outcome;
  }

  /**
   * Drops an entry that is not on its way right now. Returns false when there
   * is no such entry or it is being sent (its answer decides it then).
   */
  discard(clientKey: string): boolean {
    const entry = this.#entries.get(clientKey);
    if (!entry || this.#inFlight.has(clientKey)) return false;
    this.#forget(clientKey);
    this.#host.discarded(entry);
    this.#settle(clientKey, { failed: true });
    return true;
  }

  /** The server's event for one of our messages arrived: whatever the answer to the request, it is sent. */
  confirmed(message: Message): void {
    if (!this.#entries.has(message.clientKey)) return;
    this.#forget(message.clientKey);
    this.#settle(message.clientKey, { message });
  }

  /** Stops sending; resolves once everything written has reached IndexedDB. */
  close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    return this.#writes.then(() => undefined);
  }

  // ---------------------------------------------------------------- sending

  #kick(chatId: string) {
    if (this.#closed) return;
    clearTimeout(this.#timers.get(chatId));
    this.#timers.delete(chatId);
    if (this.#draining.has(chatId)) {
      this.#again.add(chatId);
      return;
    }
    this.#draining.add(chatId);
    void this.#lockName(chatId)
      .then((name) => withLock(name, () => this.#drain(chatId)))
      .catch(() => {})
      .finally(() => {
        this.#draining.delete(chatId);
        if (this.#again.delete(chatId)) this.#kick(chatId);
      });
  }

  async #lockName(chatId: string): Promise<string> {
    const cache = await this.#host.cache();
    return `parta.outbox|${cache?.scope ?? ''}|${chatId}`;
  }

  async #drain(chatId: string) {
    for (;;) {
      if (this.#closed || this.#host.offline()) return;
      const next = this.entries(chatId).find((entry) => !entry.failure);
      if (!next) return;
      const key = next.clientKey;
      let outcome: { message: Message } | { error: unknown };
      this.#inFlight.add(key);
      try {
        outcome = { message: await this.#host.post(next) };
      } catch (error) {
        outcome = { error };
      } finally {
        this.#inFlight.delete(key);
      }
      // Confirmed by its event meanwhile, or the client closed: nothing left to do.
      if (!this.#entries.has(key) || this.#closed) continue;
      if ('message' in outcome) {
        this.#forget(key);
        this.#host.delivered(next, outcome.message);
        this.#settle(key, outcome);
        continue;
      }
      if (isRefusal(outcome.error)) {
        this.#update(key, { failure: 'refused' }, 'failed');
        this.#settle(key, { failed: true });
        continue;
      }
      const attempts = (this.#attempts.get(key) ?? 0) + 1;
      this.#attempts.set(key, attempts);
      if (attempts >= MAX_UNREACHABLE_ATTEMPTS) {
        // The ones behind it fail with it, so that nothing overtakes it when the network returns.
        for (const entry of this.entries(chatId)) {
          if (entry.failure) continue;
          this.#update(entry.clientKey, { failure: 'unreachable' }, 'failed');
          this.#settle(entry.clientKey, { failed: true });
        }
        return;
      }
      this.#timers.set(
        chatId,
        setTimeout(() => this.#kick(chatId), backoffDelay(attempts - 1, this.#host.backoff)),
      );
      return;
    }
  }

  // ---------------------------------------------------------------- state

  #wait(clientKey: string): Promise<Outcome> {
    return new Promise((resolve) => {
      const waiting = this.#waiters.get(clientKey) ?? [];
      waiting.push(resolve);
      this.#waiters.set(clientKey, waiting);
    });
  }

  #settle(clientKey: string, outcome: Outcome) {
    const waiting = this.#waiters.get(clientKey);
    this.#waiters.delete(clientKey);
    for (const resolve of waiting ?? []) resolve(outcome);
  }

  #update(clientKey: string, change: Partial<OutboxEntry>, status: 'sending' | 'failed') {
    const entry = this.#entries.get(clientKey);
    if (!entry) return;
    const next = { ...entry, ...change };
    if (!next.failure) delete next.failure;
    this.#entries.set(clientKey, next);
    this.#persist(next);
    this.#host.show(next, status);
  }

  #forget(clientKey: string) {
    this.#entries.delete(clientKey);
    this.#gone.add(clientKey);
    this.#attempts.delete(clientKey);
    this.#write((cache) => cache.deleteOutboxEntry(clientKey));
  }

  #persist(entry: OutboxEntry) {
    this.#write((cache) => cache.saveOutboxEntry(entry));
  }

  #write(operation: (cache: Cache) => Promise<void>) {
    this.#writes = this.#writes
      .then(async () => {
        const cache = await this.#host.cache();
        if (cache) await operation(cache);
      })
      .catch(() => {});
  }
}

/** Runs `task` holding a Web Lock of that name, shared by the origin's tabs; just runs it where there are none. */
async function withLock(name: string, task: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (locks) await locks.request(name, task);
  else await task();
}
