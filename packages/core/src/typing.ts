import { type ClientFrame, limits } from '@parta/protocol';
import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';

/** Keystrokes send a typing signal at most this often per chat; the server drops closer ones. */
export const TYPING_SEND_INTERVAL_MS = 3_000;

/**
 * Who is typing in each chat, from the server's batched `typing` frames, and the
 * user's own signals out. A set is cleared here too when no frame renews it within
 * the TTL, so a lost "stopped" frame (a dropped socket) never leaves someone typing forever.
 */
export class TypingStores {
  #stores = new Map<string, WritableAtom<string[]>>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #sentAt = new Map<string, number>();
  #send: (frame: ClientFrame) => boolean;
  #me: () => string | null;

  constructor(send: (frame: ClientFrame) => boolean, me: () => string | null) {
    this.#send = send;
    this.#me = me;
  }

  /** The ids of the people typing in the chat now, the user excluded. */
  store(chatId: string): ReadableAtom<string[]> {
    let $typing = this.#stores.get(chatId);
    if (!$typing) {
      $typing = atom<string[]>([]);
      this.#stores.set(chatId, $typing);
    }
    return $typing;
  }

  /** Tells the chat the user is typing, at most once per interval; false when nothing went out. */
  send(chatId: string): boolean {
    const now = Date.now();
    if (now - (this.#sentAt.get(chatId) ?? Number.NEGATIVE_INFINITY) < TYPING_SEND_INTERVAL_MS) return false;
    if (!this.#send({ type: 'typing', chatId })) return false;
    this.#sentAt.set(chatId, now);
    return true;
  }

  /** The user sent a message: the next keystroke may signal again at once. */
  sent(chatId: string): void {
    this.#sentAt.delete(chatId);
  }

  receive(chatId: string, userIds: readonly string[]): void {
    const me = this.#me();
    this.#set(
      chatId,
      userIds.filter((id) => id !== me),
    );
  }

  /** Someone who sent a message has stopped typing it, before the server's next batch says so. */
  stopped(chatId: string, userId: string): void {
    const current = this.#stores.get(chatId)?.get() ?? [];
    if (current.includes(userId)) {
      this.#set(
        chatId,
        current.filter((id) => id !== userId),
      );
    }
  }

  /** The socket dropped: nobody is known to be typing any more. */
  clear(): void {
    for (const chatId of this.#stores.keys()) this.#set(chatId, []);
  }

  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #set(chatId: string, userIds: string[]) {
    const $typing = this.store(chatId) as WritableAtom<string[]>;
    const current = $typing.get();
    if (current.length !== userIds.length || current.some((id, index) => id !== userIds[index])) $typing.set(userIds);
    clearTimeout(this.#timers.get(chatId));
    this.#timers.delete(chatId);
    if (userIds.length > 0) {
      this.#timers.set(
        chatId,
        setTimeout(() => this.#set(chatId, []), limits.typingTtlMs + limits.receiptsBatchMs),
      );
    }
  }
}
