import { limits, type ServerFrame } from '@parta/protocol';
import type { Bus } from './bus.ts';

export interface BatcherOptions {
  /** At most one `receipts` and one `typing` frame per chat per this interval (default `limits.receiptsBatchMs`). */
  intervalMs?: number;
  /** Someone typing drops out of the set this long after their last signal (default `limits.typingTtlMs`). */
  typingTtlMs?: number;
}

interface ChatBatch {
  reads: Map<string, number>;
  confirmations: Map<string, number>;
  /** Who is typing, until when. */
  typing: Map<string, number>;
  typingChanged: boolean;
  lastFlush: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  expiry: ReturnType<typeof setTimeout> | undefined;
}

/**
 * The two furthest read positions, of two members: all any member needs to know how far
 * the others have read (the first, or the second when the first is their own), however
 * many read meanwhile. Who has read a message is asked for per message (`receipts`).
 */
function furthestTwo(reads: Map<string, number>): Record<string, number> {
  let first: [string, number] | undefined;
  let second: [string, number] | undefined;
  for (const entry of reads) {
    if (!first || entry[1] > first[1]) [first, second] = [entry, first];
    else if (!second || entry[1] > second[1]) second = entry;
  }
  return Object.fromEntries([first, second].filter((entry) => entry !== undefined));
}

/**
 * Read positions, read confirmations and typing, batched per chat so a 2,000-member
 * class does not send every socket 2,000 frames when everyone opens the chat, nor
 * frames of 2,000 read positions each.
 *
 * A signal goes over the bus (`batch:<chatId>`) to every process; each process merges
 * what it hears and hands its own sockets of the chat at most one `receipts` and one
 * `typing` frame per interval. With several processes behind Redis everyone hears
 * everything, yet no socket gets more than its process's batches.
 */
export function createBatcher(
  bus: Bus,
  deliver: (chatId: string, frame: ServerFrame) => void,
  options: BatcherOptions = {},
) {
  const intervalMs = options.intervalMs ?? limits.receiptsBatchMs;
  const typingTtlMs = options.typingTtlMs ?? limits.typingTtlMs;
  const chats = new Map<string, ChatBatch>();
  let closed = false;

  const batchOf = (chatId: string): ChatBatch => {
    let batch = chats.get(chatId);
    if (!batch) {
      batch = {
        reads: new Map(),
        confirmations: new Map(),
        typing: new Map(),
        typingChanged: false,
        lastFlush: Number.NEGATIVE_INFINITY,
        timer: undefined,
        expiry: undefined,
      };
      chats.set(chatId, batch);
    }
    return batch;
  };

  const pending = (batch: ChatBatch) => batch.reads.size > 0 || batch.confirmations.size > 0 || batch.typingChanged;

  /** The first change after a quiet interval goes out at once; later ones wait for the interval to pass. */
  function schedule(chatId: string, batch: ChatBatch) {
    if (closed || batch.timer) return;
    const delay = Math.max(0, batch.lastFlush + intervalMs - Date.now());
    batch.timer = setTimeout(() => tick(chatId, batch), delay);
  }

  function tick(chatId: string, batch: ChatBatch) {
    batch.timer = undefined;
    if (!pending(batch)) {
      // Quiet for a whole interval: forget the chat unless someone is still typing.
      if (batch.typing.size === 0 && chats.get(chatId) === batch) chats.delete(chatId);
      return;
    }
    if (batch.reads.size > 0 || batch.confirmations.size > 0) {
      deliver(chatId, {
        type: 'receipts',
        chatId,
        reads: furthestTwo(batch.reads),
        confirmations: Object.fromEntries(batch.confirmations),
      });
      batch.reads.clear();
      batch.confirmations.clear();
    }
    if (batch.typingChanged) {
      deliver(chatId, { type: 'typing', chatId, userIds: [...batch.typing.keys()] });
      batch.typingChanged = false;
    }
    batch.lastFlush = Date.now();
    // Runs once more after the interval: sends what arrived meanwhile, or forgets the chat.
    batch.timer = setTimeout(() => tick(chatId, batch), intervalMs);
  }

  /** Drops typists whose last signal is older than the TTL, then waits for the next one to lapse. */
  function expire(chatId: string, batch: ChatBatch) {
    clearTimeout(batch.expiry);
    batch.expiry = undefined;
    const now = Date.now();
    for (const [userId, until] of batch.typing) {
      if (until <= now) {
        batch.typing.delete(userId);
        batch.typingChanged = true;
      }
    }
    if (batch.typingChanged) schedule(chatId, batch);
    if (batch.typing.size > 0 && !closed) {
      const next = Math.min(...batch.typing.values());
      batch.expiry = setTimeout(() => expire(chatId, batch), Math.max(0, next - now) + 5);
    }
  }

  function merge(chatId: string, frame: ServerFrame) {
    const batch = batchOf(chatId);
    if (frame.type === 'receipts') {
      for (const [userId, seq] of Object.entries(frame.reads)) {
        batch.reads.set(userId, Math.max(seq, batch.reads.get(userId) ?? 0));
      }
      for (const [messageId, count] of Object.entries(frame.confirmations)) {
        batch.confirmations.set(messageId, Math.max(count, batch.confirmations.get(messageId) ?? 0));
      }
      schedule(chatId, batch);
    } else if (frame.type === 'typing') {
      for (const userId of frame.userIds) {
        // Only someone new in the set changes what members see; a repeat just keeps them in it.
        if (!batch.typing.has(userId)) batch.typingChanged = true;
        batch.typing.set(userId, Date.now() + typingTtlMs);
      }
      if (batch.typingChanged) schedule(chatId, batch);
      if (!batch.expiry) expire(chatId, batch);
    }
  }

  bus.onMessage((topic, frame) => {
    if (closed) return;
    if (topic.startsWith('batch:')) {
      merge(topic.slice(6), frame);
    } else if (topic.startsWith('chat:') && frame.type === 'event' && frame.event.kind === 'message.created') {
      // Whoever sent a message has stopped typing it.
      const batch = chats.get(frame.event.chatId);
      if (batch?.typing.delete(frame.event.message.author.id)) {
        batch.typingChanged = true;
        schedule(frame.event.chatId, batch);
      }
    }
  });

  const signal = (chatId: string, frame: ServerFrame) =>
    bus.publish(`batch:${chatId}`, frame).catch(() => {
      // Receipts and typing are hints: a lost one is corrected by the next, and by history.
    });

  return {
    /** A member's read position moved forward. */
    read: (chatId: string, userId: string, seq: number) =>
      signal(chatId, { type: 'receipts', chatId, reads: { [userId]: seq }, confirmations: {} }),
    /** A message that asked for read confirmation now has `count` confirmations; the one who confirmed read up to `reader.seq`. */
    confirmed: (chatId: string, messageId: string, count: number, reader: { userId: string; seq: number }) =>
      signal(chatId, {
        type: 'receipts',
        chatId,
        reads: { [reader.userId]: reader.seq },
        confirmations: { [messageId]: count },
      }),
    /** A member is typing in the chat. */
    typing: (chatId: string, userId: string) => signal(chatId, { type: 'typing', chatId, userIds: [userId] }),
    close() {
      closed = true;
      for (const batch of chats.values()) {
        clearTimeout(batch.timer);
        clearTimeout(batch.expiry);
      }
      chats.clear();
    },
  };
}

export type Batcher = ReturnType<typeof createBatcher>;
