import type { ChatEvent } from '@parta/protocol';

export interface EventsPage {
  events: ChatEvent[];
  hasMore: boolean;
}

export interface SequencerOptions {
  /** Fetches what happened in a chat after a sequence number (`GET events?after=`). */
  fetchAfter(chatId: string, after: number): Promise<EventsPage>;
  /** Called once per event, in sequence order. */
  apply(event: ChatEvent): void;
}

/**
 * Puts a chat's events in order. Each chat has a cursor, the sequence number
 * of the last event applied: the next one is applied at once, an older one is
 * dropped, and a later one waits while the missing ones are fetched. So every
 * event is applied exactly once and in order, however it arrived (live,
 * replayed after a resume, or fetched to fill a gap).
 */
export class EventSequencer {
  #options: SequencerOptions;
  #cursors = new Map<string, number>();
  #queues = new Map<string, ChatEvent[]>();
  #filling = new Set<string>();

  constructor(options: SequencerOptions) {
    this.#options = options;
  }

  cursor(chatId: string): number | undefined {
    return this.#cursors.get(chatId);
  }

  /** Every chat with a known cursor, as the socket's `resume` frame wants them. */
  cursors(): Record<string, number> {
    return Object.fromEntries(this.#cursors);
  }

  /**
   * Sets where a chat stands, once: events that arrived before are applied
   * from here. A known cursor is never moved back or forward from outside.
   */
  start(chatId: string, seq: number): void {
    if (this.#cursors.has(chatId)) return;
    this.#cursors.set(chatId, seq);
    this.#advance(chatId);
  }

  forget(chatId: string): void {
    this.#cursors.delete(chatId);
    this.#queues.delete(chatId);
  }

  receive(event: ChatEvent): void {
    const queue = this.#queues.get(event.chatId) ?? [];
    if (!queue.some((queued) => queued.seq === event.seq)) {
      queue.push(event);
      queue.sort((a, b) => a.seq - b.seq);
    }
    this.#queues.set(event.chatId, queue);
    this.#advance(event.chatId);
  }

  #advance(chatId: string) {
    const queue = this.#queues.get(chatId);
    let cursor = this.#cursors.get(chatId);
    // Until the chat list says where a chat stands, its events wait.
    if (!queue || cursor === undefined || this.#filling.has(chatId)) return;
    while (queue.length > 0 && queue[0]!.seq <= cursor + 1) {
      const event = queue.shift()!;
      if (event.seq === cursor + 1) {
        this.#applyNext(event);
        cursor = event.seq;
      }
    }
    if (queue.length === 0) this.#queues.delete(chatId);
    else void this.#fill(chatId);
  }

  #applyNext(event: ChatEvent) {
    this.#cursors.set(event.chatId, event.seq);
    this.#options.apply(event);
  }

  async #fill(chatId: string) {
    this.#filling.add(chatId);
    const start = this.#cursors.get(chatId);
    try {
      let more = true;
      while (more && this.#cursors.has(chatId)) {
        const page = await this.#options.fetchAfter(chatId, this.#cursors.get(chatId)!);
        for (const event of page.events) {
          if (event.chatId === chatId && event.seq === this.#cursors.get(chatId)! + 1) this.#applyNext(event);
        }
        more = page.hasMore && page.events.length > 0;
      }
    } catch {
      // Left queued: the next resume replays from the cursor and closes the gap.
    } finally {
      this.#filling.delete(chatId);
    }
    // Go round again only if the fetch moved the cursor, or a failing fetch would spin.
    if (this.#cursors.get(chatId) !== start) this.#advance(chatId);
  }
}
