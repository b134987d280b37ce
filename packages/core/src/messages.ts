import type { ChatEvent, Message } from '@parta/protocol';

export type ClientMessageStatus = 'sending' | 'sent' | 'failed';

/** A message as the widgets show it: the server's, or an optimistic one not yet confirmed. */
export type ClientMessage = Message & { status: ClientMessageStatus };

export interface MessagesState {
  /** Oldest first. Unconfirmed messages follow the confirmed ones in the order they were written. */
  messages: ClientMessage[];
  loading: boolean;
  /** Older messages exist on the server before the first one held. */
  hasMore: boolean;
  /**
   * Newer messages exist on the server after the last one held: the reader jumped back
   * (`jumpTo`) and the window no longer reaches the live end. New messages wait outside
   * it until `loadNewer` or `jumpToLatest` gets back there, so no gap is ever hidden.
   */
  hasNewer: boolean;
  error: Error | null;
}

/** Optimistic messages carry this id prefix until the server's copy replaces them. */
export const LOCAL_ID_PREFIX = 'local:';

const order = (message: ClientMessage) => (message.status === 'sent' ? message.seq : Number.POSITIVE_INFINITY);

function sortMessages(messages: ClientMessage[]): ClientMessage[] {
  // ISO timestamps compare as plain strings, far faster than `localeCompare`.
  return messages.sort(
    (a, b) => order(a) - order(b) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0),
  );
}

/**
 * Same message: the same server id, or the same author's idempotency key. An
 * optimistic copy matches on the key alone: its author may not be known yet,
 * and nobody else can know a key before it is sent.
 */
function sameMessage(a: ClientMessage, b: ClientMessage): boolean {
  if (a.id === b.id) return true;
  if (a.clientKey !== b.clientKey) return false;
  return a.author.id === b.author.id || a.status !== 'sent' || b.status !== 'sent';
}

/** Keeps an edit or deletion already seen when an older copy (a stale page) arrives late. */
function fresher(current: ClientMessage, incoming: ClientMessage): ClientMessage {
  if (current.status !== 'sent' || incoming.status !== 'sent') return incoming;
  if (current.deletedAt && !incoming.deletedAt) return current;
  if (current.editedAt && (!incoming.editedAt || incoming.editedAt < current.editedAt)) return current;
  return incoming;
}

/**
 * Where a copy of `message` is in `list`, which is in order, looking from the newest: the
 * search for a confirmed message stops at the first confirmed one older than it, so a
 * message arriving live in a long thread costs a look at the last few, not at all of them.
 */
function indexOfSame(list: readonly ClientMessage[], message: ClientMessage): number {
  const seq = message.status === 'sent' ? message.seq : undefined;
  for (let index = list.length - 1; index >= 0; index--) {
    const held = list[index]!;
    if (sameMessage(held, message)) return index;
    // A confirmed copy has the same seq; unconfirmed copies follow every confirmed message.
    if (seq !== undefined && held.status === 'sent' && held.seq < seq) return -1;
  }
  return -1;
}

/** `a` may come before `b`: as sortMessages compares, by order, then (equal, or both unconfirmed) by time written. */
function inOrder(a: ClientMessage | undefined, b: ClientMessage | undefined): boolean {
  if (!a || !b) return true;
  const delta = order(a) - order(b);
  return delta < 0 || (!(delta > 0) && a.createdAt <= b.createdAt);
}

/**
 * Adds or replaces messages, matching by id or by the author's client key so
 * an optimistic message and the server's copy of it are never both shown.
 * `list` is in order (every list here is made by this function); only the
 * neighbours of what changed are compared, and the whole sorted only when one is out of place.
 * `merge` makes the copy kept of a message held already (by default, the fresher of the two).
 */
export function upsertMessages(
  list: readonly ClientMessage[],
  incoming: readonly ClientMessage[],
  merge: (held: ClientMessage, incoming: ClientMessage) => ClientMessage = fresher,
): ClientMessage[] {
  const next = [...list];
  let ordered = true;
  for (const message of incoming) {
    // Looked for in `list` as it came (in order, so the search can stop early), then among
    // those added here, which may be in any order.
    let held = indexOfSame(list, message);
    for (let index = list.length; held === -1 && index < next.length; index++) {
      if (sameMessage(next[index]!, message)) held = index;
    }
    const at = held === -1 ? next.push(message) - 1 : held;
    if (held !== -1) next[held] = merge(next[held]!, message);
    if (ordered) ordered = inOrder(next[at - 1], next[at]) && inOrder(next[at], next[at + 1]);
  }
  return ordered ? next : sortMessages(next);
}

export const sent = (message: Message): ClientMessage => ({ ...message, status: 'sent' });

/**
 * An event's copy of a message is the same for every member: it knows nothing of this
 * reader's "important" mark or confirmation, and its counts are those of its moment.
 * A late one keeps what the held copy knows.
 */
function withReaderState(held: ClientMessage, incoming: ClientMessage): ClientMessage {
  const next = { ...incoming };
  if (held.important) next.important = true;
  if (held.confirmation && incoming.confirmation) {
    next.confirmation = {
      ...incoming.confirmation,
      confirmed: Math.max(held.confirmation.confirmed, incoming.confirmation.confirmed),
      byMe: held.confirmation.byMe || incoming.confirmation.byMe,
    };
  }
  return next;
}

/** Applies one chat event to a message list; events are idempotent here, the cursor guarantees once-only upstream. */
export function applyEvent(list: readonly ClientMessage[], event: ChatEvent): ClientMessage[] {
  switch (event.kind) {
    case 'message.created':
      // Found once: the held copy keeps what it knows of this reader, then the fresher edit.
      return upsertMessages(list, [sent(event.message)], (held, incoming) =>
        fresher(held, held.id === incoming.id ? withReaderState(held, incoming) : incoming),
      );
    case 'message.edited':
      return list.map((message) =>
        message.id === event.messageId ? { ...message, text: event.text, editedAt: event.at } : message,
      );
    case 'message.deleted':
      return list.map((message) =>
        message.id === event.messageId ? { ...message, text: '', deletedAt: event.at } : message,
      );
    case 'message.reactions':
      return list.map((message) =>
        message.id === event.messageId ? { ...message, reactions: event.reactions } : message,
      );
    case 'message.pinned':
      return list.map((message) => (message.id === event.messageId ? { ...message, pinned: event.pinned } : message));
    case 'chat.updated':
      return [...list];
  }
}

/**
 * A page holds every message this reader may see between its first and last: a held one
 * it leaves out there was deleted for them elsewhere (a cached copy, say), and goes.
 */
function withoutMissing(held: ClientMessage[], page: readonly ClientMessage[]): ClientMessage[] {
  const first = page[0]?.seq;
  const last = page.at(-1)?.seq;
  if (first === undefined || last === undefined) return held;
  const ids = new Set(page.map((message) => message.id));
  const kept = held.filter(
    (message) => message.status !== 'sent' || message.seq < first || message.seq > last || ids.has(message.id),
  );
  return kept.length === held.length ? held : kept;
}

/**
 * Merges the newest page of history into what is held. When the page does
 * not reach what is held (the cache is a day old), the held messages are
 * dropped rather than shown with an invisible hole between them.
 */
export function mergeLatestPage(
  state: MessagesState,
  page: readonly Message[],
  pageHasMore: boolean,
): Pick<MessagesState, 'messages' | 'hasMore'> {
  const confirmed = state.messages.filter((message) => message.status === 'sent');
  const incoming = page.map(sent);
  const oldestInPage = incoming[0]?.seq ?? Number.POSITIVE_INFINITY;
  const newestHeld = confirmed.at(-1)?.seq ?? Number.NEGATIVE_INFINITY;
  const overlaps = !pageHasMore || confirmed.length === 0 || newestHeld >= oldestInPage;
  if (!overlaps) {
    const unconfirmed = state.messages.filter((message) => message.status !== 'sent');
    return { messages: upsertMessages(unconfirmed, incoming), hasMore: true };
  }
  const oldestHeld = confirmed[0]?.seq ?? Number.POSITIVE_INFINITY;
  return {
    messages: upsertMessages(withoutMissing(state.messages, incoming), incoming),
    hasMore: oldestInPage <= oldestHeld ? pageHasMore : state.hasMore,
  };
}

/**
 * Applies an event to the window held. Away from the live end a new message would sit
 * after a gap, so it stays out, unless it confirms one written here and shown already.
 */
export function applyEventToWindow(state: MessagesState, event: ChatEvent): ClientMessage[] {
  if (state.hasNewer && event.kind === 'message.created') {
    const { clientKey } = event.message;
    const written = state.messages.some((message) => message.status !== 'sent' && message.clientKey === clientKey);
    if (!written) return state.messages;
  }
  return applyEvent(state.messages, event);
}

/**
 * Takes a page centred on a message (`around`). One that overlaps what is held joins it;
 * one that does not replaces it, since showing both would hide the gap between them.
 * Unconfirmed messages stay either way.
 */
export function mergeAroundPage(
  state: MessagesState,
  page: readonly Message[],
  pageHasMore: boolean,
  pageHasNewer: boolean,
): Pick<MessagesState, 'messages' | 'hasMore' | 'hasNewer'> {
  const confirmed = state.messages.filter((message) => message.status === 'sent');
  const incoming = page.map(sent);
  const first = incoming[0]?.seq ?? Number.POSITIVE_INFINITY;
  const last = incoming.at(-1)?.seq ?? Number.NEGATIVE_INFINITY;
  const oldestHeld = confirmed[0]?.seq ?? Number.POSITIVE_INFINITY;
  const newestHeld = confirmed.at(-1)?.seq ?? Number.NEGATIVE_INFINITY;
  if (first > newestHeld || last < oldestHeld) {
    const unconfirmed = state.messages.filter((message) => message.status !== 'sent');
    return { messages: upsertMessages(unconfirmed, incoming), hasMore: pageHasMore, hasNewer: pageHasNewer };
  }
  return {
    messages: upsertMessages(withoutMissing(state.messages, incoming), incoming),
    hasMore: first <= oldestHeld ? pageHasMore : state.hasMore,
    // A window at the live end stays there: the events fill in whatever the page was ahead of.
    hasNewer: state.hasNewer && last >= newestHeld ? pageHasNewer : state.hasNewer,
  };
}
