import {
  type CallTokenResponse,
  type ChatEvent,
  type ChatSummary,
  type ChatsResponse,
  chatRoutes,
  type EventsResponse,
  type Folder,
  type FoldersResponse,
  type HistoryResponse,
  type Locale,
  limits,
  type MeResponse,
  type Message,
  type OrgCounters,
  PartaError,
  routes,
  type SendMessageResponse,
  type ServerFrame,
  type UserSummary,
} from '@parta/protocol';
import { atom, batch, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import { Cache, openCacheDatabase } from './cache.js';
import { newClientKey } from './client-key.js';
import { type CurrentOrganisation, OrganisationStores } from './community.js';
import { Connection, type ConnectionOptions, type ConnectionStatus } from './connection.js';
import { Http, type RequestOptions } from './http.js';
import {
  applyEvent,
  applyEventToWindow,
  type ClientMessage,
  LOCAL_ID_PREFIX,
  type MessagesState,
  mergeAroundPage,
  mergeLatestPage,
  sent,
  upsertMessages,
} from './messages.js';
import { Outbox, type OutboxEntry, type Outcome } from './outbox.js';
import { EventSequencer } from './sequencer.js';
import { type GetToken, type TokenClaims, TokenManager } from './token.js';
import { TypingStores } from './typing.js';

export interface ClientOptions {
  /** The Parta server, e.g. `https://parta.example.org`. */
  baseUrl: string;
  /** Returns an embed token for the signed-in user; called again before each expires. */
  getToken: GetToken;
  /** Language of error messages; the widgets read it too. Default `ru`. */
  locale?: Locale;
  /** `indexeddb` (default where available) paints from a local cache before the network answers. */
  storage?: 'indexeddb' | 'none';
  /** Tuning for the socket; tests shorten the timings. */
  connection?: ConnectionOptions;
}

export interface SendOptions {
  replyToId?: string | null;
  /**
   * Reuse the idempotency key of an earlier attempt (an outbox entry written
   * before a reload): the server returns the message it already has.
   */
  clientKey?: string;
  /** Readers are asked to confirm they have read it. */
  requiresConfirmation?: boolean;
}

/** How many messages a thread asks for at a time. */
export const PAGE_SIZE = 50;
const CACHE_WRITE_DELAY_MS = 300;

// Loading from the start: the first subscriber triggers the load, and nothing is known before it.
const initialMessages = (): MessagesState => ({
  messages: [],
  loading: true,
  hasMore: true,
  hasNewer: false,
  error: null,
});

const lastActivity = (chat: ChatSummary) => chat.lastMessage?.createdAt ?? '';

/** By code point (ISO timestamps order so; `localeCompare` is slow on a cold start). */
const compareCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Pinned chats first, the latest pinned on top; then newest activity first; chats without messages after, by title. */
function sortChats(chats: ChatSummary[]): ChatSummary[] {
  return chats.sort(
    (a, b) =>
      compareCodePoints(b.pinnedAt ?? '', a.pinnedAt ?? '') ||
      compareCodePoints(lastActivity(b), lastActivity(a)) ||
      // Only between chats with the same last activity: by code point, which orders Russian
      // and English letters alphabetically and, unlike `localeCompare`, does not load the
      // collation tables while the first screen is being painted.
      compareCodePoints(a.title, b.title),
  );
}

/**
 * One user's connection to one Parta server: stores that widgets subscribe
 * to, and actions that change them. Create it with `createClient`, or share
 * one per page with `getSharedClient`.
 *
 * Every chat has a cursor, the sequence number of the last event applied.
 * Events are applied strictly in order, each exactly once: a later one waits
 * while the missing ones are fetched, an earlier one is dropped.
 */
export class PartaClient {
  readonly baseUrl: string;
  readonly locale: Locale;

  readonly #connectionStatus = atom<ConnectionStatus>('offline');
  readonly #me = atom<MeResponse | null>(null);
  readonly #chats = atom<ChatSummary[]>([]);
  readonly #chatsLoading = atom(true);
  readonly #folders = atom<Folder[]>([]);
  #foldersWatched = false;

  /** `connecting` while (re)connecting, `online` once the socket is authenticated, `offline` otherwise. */
  readonly $connection: ReadableAtom<ConnectionStatus> = this.#connectionStatus;
  /** The signed-in user and their organisations; loaded while any store is in use. */
  readonly $me: ReadableAtom<MeResponse | null> = this.#me;
  /** The user's chats, most recently active first, kept live. */
  readonly $chats: ReadableAtom<ChatSummary[]> = this.#chats;
  /** True until the chat list has been loaded from the server once. */
  readonly $chatsLoading: ReadableAtom<boolean> = this.#chatsLoading;
  /** The user's chat folders (at most 15), loaded while watched and kept live. */
  readonly $folders: ReadableAtom<Folder[]> = this.#folders;
  /**
   * The organisations the widgets may show: all of the user's, or with a site's
   * embed token only that site's organisation, the one the token may act for.
   */
  readonly $organisations: ReadableAtom<CurrentOrganisation[]>;
  /**
   * The organisation the widgets show: the one chosen with `selectOrganisation`
   * (remembered per user), else the first of `$organisations`.
   */
  readonly $organisation: ReadableAtom<CurrentOrganisation | null>;

  #tokens: TokenManager;
  #http: Http;
  #connection: Connection;
  #storage: 'indexeddb' | 'none';
  #cache: Promise<Cache | null> | null = null;
  #users = 0;
  #closed = false;
  #chatsSynced = false;
  #sequencer: EventSequencer;
  #threads = new Map<string, WritableAtom<MessagesState>>();
  #threadsLoaded = new Set<string>();
  /**
   * The requests that place each thread's window (its newest page, a jump), numbered as asked:
   * an answer is used unless a later request's answer was used already, so a late answer never
   * undoes a later jump, and a jump that fails leaves the window to the newest page on its way.
   */
  #windows = new Map<string, { asked: number; placed: number; pending: number }>();
  /**
   * Per thread whose window left the live end (`hasNewer`): the messages created since,
   * kept current by the events, joined to the window when it gets back to the end.
   */
  #tails = new Map<string, ClientMessage[]>();
  /**
   * Per thread, until its chat's event cursor is known: where the chat stood when the newest page
   * was read. Events between that and where the cursor started reach neither (the cursor starts
   * after them), so they are fetched for the thread once both are known.
   */
  #pagesAsOf = new Map<string, number>();
  /**
   * Per thread: lists collecting the events applied to it while something older is on its way
   * (its newest page, a catch-up), to apply them again after it, so a message never goes back.
   */
  #recorders = new Map<string, Set<ChatEvent[]>>();
  #outbox: Outbox;
  #cacheWrites = new Map<string, { write: () => Promise<void>; timer: ReturnType<typeof setTimeout> }>();
  #organisations: OrganisationStores;
  #typing: TypingStores;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.locale = options.locale ?? 'ru';
    this.#storage = options.storage ?? 'indexeddb';
    this.#tokens = new TokenManager(options.getToken);
    // Refreshing ahead of time only while something listens; otherwise on demand.
    this.#tokens.pause();
    this.#http = new Http(this.baseUrl, this.#tokens);
    this.#sequencer = new EventSequencer({
      fetchAfter: (chatId, after) => this.#eventsAfter(chatId, after),
      apply: (event) => batch(() => this.#apply(event)),
    });
    this.#connection = new Connection(
      this.baseUrl,
      this.#tokens,
      {
        status: (status) => this.#connectionStatus.set(status),
        ready: () => this.#onReady(),
        frame: (frame) => this.#onFrame(frame),
      },
      options.connection,
    );
    this.#typing = new TypingStores(
      (frame) => this.#connection.send(frame),
      () => this.userId,
    );
    this.#organisations = new OrganisationStores({
      baseUrl: this.baseUrl,
      $me: this.#me,
      userId: () => this.userId,
      request: (path, requestOptions) => this.#http.request(path, requestOptions),
      retain: () => {
        this.#retain();
        return () => this.#release();
      },
    });
    caches.set(this, () => this.#openCache());
    if (this.#storage !== 'none' && typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.#onHide);
    }
    this.#outbox = new Outbox({
      post: (entry) => this.#post(entry),
      offline: () => this.#offline(),
      cache: () => this.#openCache(),
      show: (entry, status) => this.#showOutgoing(entry, status),
      delivered: (entry, message) =>
        this.#updateThread(entry.chatId, (state) => ({
          ...state,
          messages: upsertMessages(state.messages, [sent(message)]),
        })),
      discarded: (entry) =>
        this.#updateThread(entry.chatId, (state) => ({
          ...state,
          messages: state.messages.filter(
            (message) => message.clientKey !== entry.clientKey || message.status === 'sent',
          ),
        })),
      backoff: options.connection?.backoff ?? {},
    });
    this.$organisations = this.#organisations.$organisations;
    this.$organisation = this.#organisations.$organisation;
    for (const store of [this.#chats, this.#me, this.#chatsLoading]) {
      onMount(store, () => {
        this.#retain();
        return () => this.#release();
      });
    }
    onMount(this.#folders, () => {
      this.#foldersWatched = true;
      this.#retain();
      void this.#loadFolders();
      return () => {
        this.#foldersWatched = false;
        this.#release();
      };
    });
  }

  /** The id of the signed-in user, once known. */
  get userId(): string | null {
    return this.#me.value?.user.id ?? this.#tokens.claims.sub ?? null;
  }

  /**
   * A chat's messages, newest last. The store loads the newest page when the
   * first subscriber arrives (painting from the cache first) and stays live.
   */
  $messages(chatId: string): ReadableAtom<MessagesState> {
    return this.#thread(chatId);
  }

  /**
   * Sends a message. It appears at once with status `sending` and waits in the
   * outbox (kept in IndexedDB, so it survives a reload) until the server has
   * it; messages written offline go out in order when the connection returns.
   * It becomes `sent`, or `failed` when the server refuses it or stays
   * unreachable (see `retrySend`, `discardSend`). Resolves with the message in
   * its final state; rejects only for text that may not be sent.
   */
  async sendMessage(chatId: string, text: string, options: SendOptions = {}): Promise<ClientMessage> {
    if (text.trim() === '') throw new PartaError('bad_request', 'text is empty');
    if (text.length > limits.messageTextMax) throw new PartaError('message_too_long');
    const entry: OutboxEntry = {
      chatId,
      clientKey: options.clientKey ?? newClientKey(),
      text,
      replyToId: options.replyToId ?? null,
      requiresConfirmation: options.requiresConfirmation ?? false,
      createdAt: this.#outbox.nextCreatedAt(),
    };
    // Written while reading far back: the thread goes back to the newest, where it belongs, before
    // the message joins it; shown in the far-back window, it would make that window look joined
    // to the newest page and keep the old messages in it. Offline, it waits in the old window.
    if (this.#threads.get(chatId)?.value?.hasNewer) await this.jumpToLatest(chatId).catch(() => {});
    return this.#settled(entry, await this.#outbox.add(entry));
  }

  /** Sends a failed message again with the same client key, so it can never arrive twice. */
  async retrySend(chatId: string, clientKey: string): Promise<ClientMessage> {
    const held = this.#findLocal(chatId, clientKey);
    const entry = this.#outbox.entries(chatId).find((candidate) => candidate.clientKey === clientKey);
    if (!entry || !held) throw new PartaError('not_found', `no unsent message ${clientKey} in ${chatId}`);
    if (held.status === 'sending') return held;
    return this.#settled(entry, await this.#outbox.retry(clientKey)!);
  }

  /**
   * Gives up on a message that has not been sent: it leaves the outbox and the
   * thread. A message that is on its way right now cannot be called back.
   */
  async discardSend(chatId: string, clientKey: string): Promise<void> {
    const entry = this.#outbox.entries(chatId).find((candidate) => candidate.clientKey === clientKey);
    if (!entry) throw new PartaError('not_found', `no unsent message ${clientKey} in ${chatId}`);
    if (!this.#outbox.discard(clientKey)) throw new PartaError('conflict', 'the message is being sent right now');
  }

  /** Loads the page before the oldest message held. */
  async loadOlder(chatId: string): Promise<void> {
    const $thread = this.#thread(chatId);
    const state = $thread.value!;
    if (state.loading || !state.hasMore) return;
    const oldest = state.messages.find((message) => message.status === 'sent');
    if (!oldest) return this.#loadLatest(chatId);
    $thread.set({ ...state, loading: true, error: null });
    try {
      const page = await this.#http.request<HistoryResponse>(routes.messages(chatId), {
        query: { before: oldest.seq, limit: PAGE_SIZE },
      });
      this.#updateThread(chatId, (current) =>
        // A jump replaced the window meanwhile: this page would sit after a gap.
        current.messages.some((message) => message.id === oldest.id)
          ? {
              ...current,
              messages: upsertMessages(current.messages, page.messages.map(sent)),
              hasMore: page.hasMore,
              loading: false,
            }
          : { ...current, loading: false },
      );
    } catch (error) {
      this.#updateThread(chatId, (current) => ({ ...current, loading: false, error: asError(error) }));
    }
  }

  /** After a jump back: loads the page after the newest message held, towards the live end. */
  async loadNewer(chatId: string): Promise<void> {
    const $thread = this.#thread(chatId);
    const state = $thread.value!;
    if (state.loading || !state.hasNewer) return;
    const newest = state.messages.findLast((message) => message.status === 'sent');
    if (!newest) return this.#loadLatest(chatId);
    $thread.set({ ...state, loading: true, error: null });
    try {
      const page = await this.#http.request<HistoryResponse>(routes.messages(chatId), {
        query: { after: newest.seq, limit: PAGE_SIZE },
      });
      this.#updateThread(chatId, (current) => {
        const held = current.messages.findLast((message) => message.status === 'sent');
        if (held?.id !== newest.id || !current.hasNewer) return { ...current, loading: false };
        const next = {
          ...current,
          messages: upsertMessages(current.messages, page.messages.map(sent)),
          loading: false,
        };
        return page.hasNewer ? next : this.#reattach(chatId, next);
      });
    } catch (error) {
      this.#updateThread(chatId, (current) => ({ ...current, loading: false, error: asError(error) }));
    }
  }

  /**
   * Makes sure a message is held, for showing a replied-to or pinned one: when it is not,
   * loads the page around it, which replaces the window unless the two overlap (then
   * `hasNewer` tells that the live end is further on). Rejects with `not_found` for a
   * message that is not in the chat or was deleted for this user.
   */
  async jumpTo(chatId: string, messageId: string): Promise<void> {
    const held = () => this.#thread(chatId).value!.messages.some((message) => message.id === messageId);
    if (held()) return;
    const move = this.#askWindow(chatId);
    this.#updateThread(chatId, (state) => ({ ...state, loading: true, error: null }));
    try {
      const page = await this.#http.request<HistoryResponse>(routes.messages(chatId), {
        query: { around: messageId, limit: PAGE_SIZE },
      });
      // A jump asked for later has placed the window already.
      if (!this.#answered(chatId, move, true)) return;
      this.#updateThread(chatId, (state) => {
        const merged = mergeAroundPage(state, page.messages, page.hasMore, page.hasNewer ?? false);
        if (merged.hasNewer) this.#tails.set(chatId, this.#tails.get(chatId) ?? []);
        const next = { ...state, ...merged, loading: false };
        return merged.hasNewer ? next : this.#reattach(chatId, next);
      });
    } catch (error) {
      this.#answered(chatId, move, false);
      // The window stays as the others place it: the newest page on its way ends the loading.
      if (this.#windowOf(chatId).pending === 0) this.#updateThread(chatId, (state) => ({ ...state, loading: false }));
      throw error;
    }
  }

  #windowOf(chatId: string) {
    let moves = this.#windows.get(chatId);
    if (!moves) this.#windows.set(chatId, (moves = { asked: 0, placed: 0, pending: 0 }));
    return moves;
  }

  #askWindow(chatId: string): number {
    const moves = this.#windowOf(chatId);
    moves.pending++;
    return ++moves.asked;
  }

  /** The request `move` is over; true when its answer places the window (no later request's answer did). */
  #answered(chatId: string, move: number, answered: boolean): boolean {
    const moves = this.#windowOf(chatId);
    moves.pending--;
    if (!answered || move < moves.placed) return false;
    moves.placed = move;
    return true;
  }

  /** Brings the window back to the newest messages after a jump; nothing to do when it is there. */
  async jumpToLatest(chatId: string): Promise<void> {
    if (this.#thread(chatId).value!.hasNewer) await this.#loadLatest(chatId);
  }

  /** What waits for the user's decision in an organisation (join requests, verifications), kept live. */
  $counters(orgId: string): ReadableAtom<OrgCounters | null> {
    return this.#organisations.counters(orgId);
  }

  /** Makes an organisation the current one for every widget on the page. */
  selectOrganisation(orgId: string): void {
    this.#organisations.select(orgId);
  }

  /**
   * Calls a server route with the user's token; resolves with the answer as `T`
   * (typed, not validated: see Http). The community actions (`listClasses(client, …)`)
   * and mini-apps go through it.
   */
  request<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.#http.request(path, options);
  }

  /**
   * Puts a chat the server answered with (created, joined, renamed, pinned…) into
   * `$chats` at once, without waiting for the socket; the chat actions call it.
   */
  upsertChat(chat: ChatSummary): void {
    this.#mergeChats([chat], false);
  }

  /** Takes a chat off `$chats` (left or removed); the chat actions call it. */
  removeChat(chatId: string): void {
    this.#removeChat(chatId);
  }

  /** Replaces `$folders` with the server's answer; the folder actions call it. */
  setFolders(folders: Folder[]): void {
    this.#foldersSeen++;
    this.#folders.set(folders);
  }

  /**
   * Changes one held message of a thread at once (a pin, an "important" mark, a confirmation),
   * ahead of the server's answer or event; the message actions call it.
   */
  updateMessage(chatId: string, messageId: string, update: (message: ClientMessage) => ClientMessage): void {
    const each = (list: ClientMessage[]) =>
      list.map((message) => (message.id === messageId ? update(message) : message));
    const tail = this.#tails.get(chatId);
    if (tail) this.#tails.set(chatId, each(tail));
    if (this.#threads.has(chatId))
      this.#updateThread(chatId, (state) => ({ ...state, messages: each(state.messages) }));
  }

  /** The ids of the people typing in a chat now (the user excluded), kept live. */
  $typing(chatId: string): ReadableAtom<string[]> {
    return this.#typing.store(chatId);
  }

  /** Tells the chat's members the user is typing; call it on every keystroke, it sends at most every few seconds. */
  sendTyping(chatId: string): void {
    this.#typing.send(chatId);
  }

  /** Replaces the text of one's own message, within 24 hours of sending; every member sees the edit. */
  async editMessage(chatId: string, messageId: string, text: string): Promise<void> {
    if (text.trim() === '') throw new PartaError('bad_request', 'text is empty');
    if (text.length > limits.messageTextMax) throw new PartaError('message_too_long');
    await this.#http.request(routes.message(chatId, messageId), {
      method: 'PATCH',
      body: { text },
    });
  }

  /**
   * Deletes messages: `everyone` for all members (one's own at any age, anyone's for a chat
   * administrator), `me` from this user's view only. The thread follows the server's events.
   */
  async deleteMessages(chatId: string, messageIds: string[], scope: 'everyone' | 'me'): Promise<void> {
    await this.#http.request(routes.deleteMessages(chatId), {
      method: 'POST',
      body: { messageIds, scope },
    });
    if (scope === 'me') this.#hide(chatId, messageIds);
  }

  /** Messages deleted "for me": out of the thread, and out of what arrived while it was far back. */
  #hide(chatId: string, messageIds: string[]) {
    const hidden = new Set(messageIds);
    const kept = (list: ClientMessage[]) => list.filter((message) => !hidden.has(message.id));
    const tail = this.#tails.get(chatId);
    if (tail) this.#tails.set(chatId, kept(tail));
    if (this.#threads.has(chatId))
      this.#updateThread(chatId, (state) => ({ ...state, messages: kept(state.messages) }));
  }

  /** Adds (`on`) or takes back one's reaction; every member sees the message's reactions change. */
  async react(chatId: string, messageId: string, emoji: string, on = true): Promise<void> {
    await this.#http.request(routes.reaction(chatId, messageId, emoji), {
      method: on ? 'PUT' : 'DELETE',
    });
  }

  /** A LiveKit token for the chat's call; only members get one. */
  callToken(chatId: string): Promise<CallTokenResponse> {
    return this.#http.request<CallTokenResponse>(routes.callToken(chatId), { method: 'POST', body: {} });
  }

  /**
   * Marks the chat read up to its latest event: the counter drops at once,
   * and the server keeps the position for the user's other tabs and devices.
   */
  async markRead(chatId: string): Promise<void> {
    const chat = this.#chats.get().find((candidate) => candidate.id === chatId);
    if (!chat || (chat.unreadCount === 0 && chat.readSeq >= chat.lastSeq)) return;
    const seq = chat.lastSeq;
    this.#updateChat(chatId, (current) => ({ ...current, unreadCount: 0, readSeq: Math.max(current.readSeq, seq) }));
    try {
      await this.#http.request(routes.read(chatId), { method: 'POST', body: { seq } });
    } catch {
      // Nothing is lost: the server's count comes back with the next chat list, and reading again retries.
    }
  }

  /** Closes the socket and stops every timer; the client cannot be used afterwards. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#connection.stop();
    this.#tokens.dispose();
    this.#typing.dispose();
    for (const { timer } of this.#cacheWrites.values()) clearTimeout(timer);
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.#onHide);
    const cache = this.#cache;
    void this.#outbox.close().then(() => cache?.then((opened) => opened?.close()));
    forgetShared(this);
  }

  // ---------------------------------------------------------------- lifecycle

  #retain() {
    if (this.#closed) return;
    if (this.#users++ > 0) return;
    if (!this.#me.value) void this.#loadMe();
    void this.#paintChatsFromCache();
    void this.#outbox.load();
    this.#tokens.resume();
    this.#connection.start();
  }

  #release() {
    if (--this.#users > 0) return;
    this.#connection.stop();
    this.#tokens.pause();
  }

  #onReady() {
    // Resume first so the replay starts at once; the chat list comes back over
    // HTTP alongside and only sets cursors for chats that have none.
    this.#connection.send({ type: 'resume', cursors: this.#sequencer.cursors() });
    // Then what was written offline, here or in a tab closed since.
    void this.#outbox.load().then(() => this.#outbox.resume());
    void this.#syncChats();
    this.#organisations.refresh();
    // Folder changes made while away arrive with no frame: read them again.
    if (this.#foldersWatched) void this.#loadFolders();
  }

  #onFrame(frame: ServerFrame) {
    switch (frame.type) {
      case 'event':
        this.#sequencer.receive(frame.event);
        break;
      case 'chat':
        this.#mergeChats([frame.chat], false);
        break;
      case 'chat.removed':
        this.#removeChat(frame.chatId);
        break;
      case 'folders':
        this.#foldersSeen++;
        this.#folders.set(frame.folders);
        break;
      case 'counters':
        this.#organisations.receive(frame.counters);
        break;
      case 'me.changed':
        void this.#loadMe();
        this.#organisations.refresh();
        break;
      case 'messages.hidden':
        // Deleted "for me" on another tab or device: gone here too.
        this.#hide(frame.chatId, frame.messageIds);
        break;
      case 'typing':
        this.#typing.receive(frame.chatId, frame.userIds);
        break;
      case 'receipts':
        this.#receipts(frame);
        break;
      case 'message.marked':
        // Marked on another tab or device.
        this.updateMessage(frame.chatId, frame.messageId, (message) => withImportant(message, frame.important));
        break;
      case 'error':
        console.warn(`[parta] server error on the socket: ${frame.code} ${frame.message}`);
        break;
    }
  }

  /** Others' read positions (✓✓ on one's own messages) and new confirmation counts. */
  #receipts(frame: Extract<ServerFrame, { type: 'receipts' }>) {
    const me = this.userId;
    const others = Object.entries(frame.reads).filter(([userId]) => userId !== me);
    if (others.length > 0) {
      const furthest = Math.max(...others.map(([, seq]) => seq));
      this.#updateChat(frame.chatId, (chat) =>
        furthest > (chat.othersReadSeq ?? 0) ? { ...chat, othersReadSeq: furthest } : chat,
      );
    }
    for (const [messageId, confirmed] of Object.entries(frame.confirmations)) {
      this.updateMessage(frame.chatId, messageId, (message) =>
        message.confirmation && confirmed > message.confirmation.confirmed
          ? { ...message, confirmation: { ...message.confirmation, confirmed } }
          : message,
      );
    }
  }

  // ---------------------------------------------------------------- chats

  async #loadMe() {
    try {
      this.#me.set(await this.#http.request<MeResponse>(routes.me));
    } catch {
      // Retried on the next (re)connection.
    }
  }

  /** Bumped by each newer list (a frame, an action's answer). */
  #foldersSeen = 0;

  async #loadFolders() {
    const seen = this.#foldersSeen;
    try {
      const { folders } = await this.#http.request<FoldersResponse>(chatRoutes.folders);
      // Not over a newer list that came meanwhile.
      if (seen === this.#foldersSeen) this.#folders.set(folders);
    } catch {
      // Retried on the next (re)connection.
    }
  }

  async #syncChats() {
    try {
      const { chats } = await this.#http.request<ChatsResponse>(routes.chats);
      this.#chatsSynced = true;
      this.#mergeChats(chats, true);
      this.#chatsLoading.set(false);
      if (!this.#me.value) void this.#loadMe();
    } catch {
      // Without the list the cursors are unknown and events would pile up:
      // reconnect through backoff and try again.
      if (!this.#chatsSynced) this.#connection.reconnect();
    }
  }

  /**
   * Takes chat summaries from the server. A chat seen for the first time sets
   * its cursor; for a known chat the counters are taken only when the summary
   * is exactly as far as our cursor, otherwise events in flight would count twice.
   */
  #mergeChats(incoming: readonly ChatSummary[], complete: boolean) {
    const byId = new Map(this.#chats.value!.map((chat) => [chat.id, chat]));
    const fresh: ChatSummary[] = [];
    for (const chat of incoming) {
      const cursor = this.#sequencer.cursor(chat.id);
      const held = byId.get(chat.id);
      if (cursor === undefined) {
        fresh.push(chat);
        byId.set(chat.id, chat);
      } else if (chat.lastSeq === cursor || !held) {
        byId.set(chat.id, chat);
      } else {
        byId.set(chat.id, {
          ...chat,
          lastSeq: held.lastSeq,
          readSeq: held.readSeq,
          unreadCount: held.unreadCount,
          lastMessage: held.lastMessage,
        });
      }
    }
    if (complete) {
      const listed = new Set(incoming.map((chat) => chat.id));
      for (const id of byId.keys()) {
        if (!listed.has(id)) {
          byId.delete(id);
          this.#forgetChat(id);
        }
      }
    }
    this.#setChats(sortChats([...byId.values()]));
    // After the list is set, so events that waited for these cursors find their chats.
    for (const chat of fresh) {
      this.#sequencer.start(chat.id, chat.lastSeq);
      void this.#catchUp(chat.id);
    }
  }

  #setChats(chats: ChatSummary[]) {
    this.#chats.set(chats);
    if (this.#chatsSynced) this.#scheduleCacheWrite('chats', () => this.#saveChats(chats));
  }

  #removeChat(chatId: string) {
    this.#forgetChat(chatId);
    this.#setChats(this.#chats.value!.filter((chat) => chat.id !== chatId));
  }

  #forgetChat(chatId: string) {
    this.#tails.delete(chatId);
    this.#pagesAsOf.delete(chatId);
    this.#sequencer.forget(chatId);
  }

  #updateChat(chatId: string, update: (chat: ChatSummary) => ChatSummary) {
    const chats = this.#chats.value!;
    const index = chats.findIndex((chat) => chat.id === chatId);
    if (index === -1) return;
    const next = [...chats];
    next[index] = update(chats[index]!);
    if (next[index] !== chats[index]) this.#setChats(sortChats(next));
  }

  async #paintChatsFromCache() {
    const cache = await this.#openCache();
    if (!cache || this.#chatsSynced) return;
    const chats = await cache.chats();
    if (chats && !this.#chatsSynced && this.#chats.value!.length === 0) this.#setChats(sortChats(chats));
  }

  // ---------------------------------------------------------------- events

  #apply(event: ChatEvent) {
    const { chatId } = event;
    const me = this.userId;
    this.#updateChat(chatId, (chat) => {
      const next = { ...chat, lastSeq: event.seq };
      if (event.kind === 'message.created') {
        next.lastMessage = event.message;
        if (event.message.author.id === me) next.readSeq = event.seq;
        else {
          next.unreadCount = chat.unreadCount + 1;
          // Whoever writes has read everything before.
          next.othersReadSeq = Math.max(chat.othersReadSeq ?? 0, event.seq);
        }
      } else if (event.kind === 'chat.updated') {
        // A one-to-one chat is titled after the other person, which the shared part does not say.
        if (chat.kind !== 'direct') {
          next.title = event.title;
          next.avatarUrl = event.avatarUrl;
        }
        next.memberCount = event.memberCount;
        next.settings = event.settings;
        next.onlyAdminsWrite = event.settings.onlyAdminsWrite;
      } else if (event.kind === 'message.pinned') {
        // The bar above the thread shows the latest pinned message.
        const held = this.#threads.get(chatId)?.value?.messages.find((message) => message.id === event.messageId);
        if (event.pinned && held) next.pinnedMessage = { ...held, pinned: true };
        else if (!event.pinned && chat.pinnedMessage?.id === event.messageId) next.pinnedMessage = null;
      } else if (chat.lastMessage?.id === event.messageId) {
        if (event.kind === 'message.edited') {
          next.lastMessage = { ...chat.lastMessage, text: event.text, editedAt: event.at };
        } else if (event.kind === 'message.deleted') {
          next.lastMessage = { ...chat.lastMessage, text: '', deletedAt: event.at };
        }
      }
      return next;
    });
    if (event.kind === 'message.created' && event.message.author.id === me) {
      this.#outbox.confirmed(event.message);
      this.#typing.sent(chatId);
    }
    if (event.kind === 'message.created') this.#typing.stopped(chatId, event.message.author.id);
    this.#applyToThread(event);
  }

  #applyToThread(event: ChatEvent) {
    const { chatId } = event;
    for (const events of this.#recorders.get(chatId) ?? []) events.push(event);
    const tail = this.#tails.get(chatId);
    if (tail) this.#tails.set(chatId, applyEvent(tail, event));
    if (this.#threads.has(chatId)) {
      this.#updateThread(chatId, (state) => ({ ...state, messages: applyEventToWindow(state, event) }));
    }
  }

  /**
   * The events between a thread's newest page and where its chat's cursor started, into the thread
   * alone (the chat list counted them already). Events that arrive meanwhile are newer: they are
   * applied again after these, so no message goes back to an older text. Once, when both are
   * known; a failure leaves them to the thread's next load.
   */
  async #catchUp(chatId: string) {
    const asOf = this.#pagesAsOf.get(chatId);
    const cursor = this.#sequencer.cursor(chatId);
    if (asOf === undefined || cursor === undefined) return;
    this.#pagesAsOf.delete(chatId);
    if (asOf >= cursor) return;
    const meanwhile = this.#record(chatId);
    const missed: ChatEvent[] = [];
    try {
      for (let after = asOf; after < cursor; ) {
        const page = await this.#eventsAfter(chatId, after);
        missed.push(...page.events.filter((event) => event.seq <= cursor));
        after = page.events.at(-1)?.seq ?? cursor;
        if (!page.hasMore) break;
      }
    } catch {
      // Shown from the server the next time the thread loads.
      return;
    } finally {
      meanwhile.stop();
    }
    batch(() => {
      for (const event of [...missed, ...meanwhile.events]) this.#applyToThread(event);
    });
  }

  /** A page of the chat's events after a sequence number, oldest first. */
  #eventsAfter(chatId: string, after: number): Promise<EventsResponse> {
    return this.#http.request<EventsResponse>(routes.events(chatId), { query: { after, limit: limits.eventsPageMax } });
  }

  /** Collects the events applied to a thread from now until `stop()`. */
  #record(chatId: string): { events: ChatEvent[]; stop(): void } {
    const events: ChatEvent[] = [];
    let recorders = this.#recorders.get(chatId);
    if (!recorders) this.#recorders.set(chatId, (recorders = new Set()));
    recorders.add(events);
    return {
      events,
      stop: () => {
        recorders.delete(events);
        if (recorders.size === 0 && this.#recorders.get(chatId) === recorders) this.#recorders.delete(chatId);
      },
    };
  }

  // ---------------------------------------------------------------- threads

  #thread(chatId: string): WritableAtom<MessagesState> {
    let $thread = this.#threads.get(chatId);
    if ($thread) return $thread;
    $thread = atom(initialMessages());
    this.#threads.set(chatId, $thread);
    onMount($thread, () => {
      // The thread first: its cached page is read before the chat list's, so it paints first.
      void this.#openThread(chatId);
      this.#retain();
      return () => this.#release();
    });
    return $thread;
  }

  #updateThread(chatId: string, update: (state: MessagesState) => MessagesState) {
    const $thread = this.#thread(chatId);
    const state = update($thread.value!);
    $thread.set(state);
    // The cache paints the newest page; a window away from it is not one.
    if (this.#threadsLoaded.has(chatId) && !state.hasNewer) {
      this.#scheduleCacheWrite(`thread:${chatId}`, () => this.#saveThread(chatId, state));
    }
  }

  async #openThread(chatId: string) {
    const move = this.#askWindow(chatId);
    const $thread = this.#thread(chatId);
    $thread.set({ ...$thread.value!, loading: true, error: null });
    // The newest page is asked for beside the cache read: an answer first wins (the cached page
    // is then skipped), a failure first waits for it (offline, the messages show with the failure).
    const cached = this.#applyCachedPage(chatId, move);
    await this.#loadLatest(chatId, move, cached);
    await cached;
  }

  async #applyCachedPage(chatId: string, move: number) {
    const cache = await this.#openCache();
    const cached = cache && !this.#threadsLoaded.has(chatId) ? await cache.thread(chatId) : null;
    // Not into a window the reader jumped to meanwhile: the newest cached page is not next to it.
    const jumped = this.#windowOf(chatId).placed > move || this.#thread(chatId).value!.hasNewer;
    if (cached && !this.#threadsLoaded.has(chatId) && !jumped) {
      this.#updateThread(chatId, (state) => ({
        ...state,
        messages: upsertMessages(state.messages, cached.messages.map(sent)),
        hasMore: cached.hasMore,
      }));
    }
  }

  /** `move`: taken when the newest page was asked for; `before`: what a failure waits for (the cached page). */
  async #loadLatest(chatId: string, move = this.#askWindow(chatId), before?: Promise<void>) {
    // A later request (a jump) placed the window meanwhile.
    if (move < this.#windowOf(chatId).placed) {
      this.#answered(chatId, move, false);
      return;
    }
    this.#updateThread(chatId, (state) => ({ ...state, loading: true, error: null }));
    // With the chat's cursor known before the page is read, every later event reaches the thread
    // live; those that do while the page is on its way are newer than its copies, and go again after it.
    const live = this.#sequencer.cursor(chatId) !== undefined;
    const meanwhile = this.#record(chatId);
    try {
      const page = await this.#http.request<HistoryResponse>(routes.messages(chatId), {
        query: { limit: PAGE_SIZE },
      });
      meanwhile.stop();
      if (!this.#answered(chatId, move, true)) return;
      batch(() => {
        this.#updateThread(chatId, (state) =>
          this.#reattach(chatId, { ...state, ...mergeLatestPage(state, page.messages, page.hasMore), loading: false }),
        );
        for (const event of meanwhile.events) this.#applyToThread(event);
      });
      if (!live && page.lastSeq !== undefined) {
        this.#pagesAsOf.set(chatId, page.lastSeq);
        void this.#catchUp(chatId);
      }
    } catch (error) {
      meanwhile.stop();
      await before?.catch(() => {});
      this.#answered(chatId, move, false);
      if (move < this.#windowOf(chatId).placed) return;
      this.#updateThread(chatId, (state) => ({ ...state, loading: false, error: asError(error) }));
    }
  }

  /** The window reached the live end again: the messages created meanwhile join it. */
  #reattach(chatId: string, state: MessagesState): MessagesState {
    const tail = this.#tails.get(chatId);
    this.#tails.delete(chatId);
    // However it got there (the newest page, a jump or paging forward), it is what the cache keeps.
    this.#threadsLoaded.add(chatId);
    return {
      ...state,
      messages: tail?.length ? upsertMessages(state.messages, tail) : state.messages,
      hasNewer: false,
    };
  }

  // ---------------------------------------------------------------- sending

  #post(entry: OutboxEntry): Promise<Message> {
    return this.#http
      .request<SendMessageResponse>(routes.messages(entry.chatId), {
        method: 'POST',
        body: {
          clientKey: entry.clientKey,
          text: entry.text,
          replyToId: entry.replyToId,
          ...(entry.requiresConfirmation ? { requiresConfirmation: true } : {}),
        },
      })
      .then(({ message }) => message);
  }

  /** Known to be offline: the browser says so, or the socket went down with it. Nothing is sent then. */
  #offline(): boolean {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
    return this.#users > 0 && this.#connectionStatus.value === 'offline';
  }

  #localOf(entry: OutboxEntry, status: 'sending' | 'failed'): ClientMessage {
    return {
      id: LOCAL_ID_PREFIX + entry.clientKey,
      chatId: entry.chatId,
      seq: 0,
      author: this.#author(),
      clientKey: entry.clientKey,
      text: entry.text,
      replyToId: entry.replyToId,
      createdAt: entry.createdAt,
      editedAt: null,
      deletedAt: null,
      status,
    };
  }

  /** Shows an outbox entry in its thread, unless the server's copy is already there. */
  #showOutgoing(entry: OutboxEntry, status: 'sending' | 'failed') {
    const local = this.#localOf(entry, status);
    const me = this.userId;
    this.#updateThread(entry.chatId, (state) =>
      state.messages.some(
        (message) => message.clientKey === entry.clientKey && message.status === 'sent' && message.author.id === me,
      )
        ? state
        : { ...state, messages: upsertMessages(state.messages, [local]) },
    );
  }

  /** The message as the thread holds it once the outbox is done with it. */
  #settled(entry: OutboxEntry, outcome: Outcome): ClientMessage {
    const held = this.#findByKey(entry.chatId, entry.clientKey);
    if ('message' in outcome) return held?.status === 'sent' ? held : sent(outcome.message);
    // Discarded: gone from the thread, described as it was.
    return held ?? this.#localOf(entry, 'failed');
  }

  #author(): UserSummary {
    const me = this.#me.value?.user;
    if (me) return me;
    return { id: this.userId ?? '', surname: '', name: '', patronymic: null, verified: false, avatarUrl: null };
  }

  #findByKey(chatId: string, clientKey: string): ClientMessage | undefined {
    const me = this.userId;
    return this.#thread(chatId).value!.messages.find(
      (message) => message.clientKey === clientKey && (message.status !== 'sent' || message.author.id === me),
    );
  }

  #findLocal(chatId: string, clientKey: string): ClientMessage | undefined {
    const held = this.#findByKey(chatId, clientKey);
    return held && held.status !== 'sent' ? held : undefined;
  }

  // ---------------------------------------------------------------- cache

  #openCache(): Promise<Cache | null> {
    if (this.#storage === 'none') return Promise.resolve(null);
    if (this.#cache) return this.#cache;
    // The database opens while the token is fetched: the scope needs the token, opening does not.
    const database = openCacheDatabase();
    this.#cache = this.#tokens
      .get()
      .then(
        () => this.#tokens.claims,
        () => ({}) as TokenClaims,
      )
      .then(async ({ iss, sub }) => {
        if (sub) return Cache.open(`${this.baseUrl}|${iss ?? ''}|${sub}`, database);
        // No user to keep a cache for.
        (await database)?.close();
        return null;
      });
    return this.#cache;
  }

  /**
   * Writes to the cache at most once per delay for each key, with the newest state: the
   * first change starts the clock and later ones only replace what is written, so a busy
   * chat is still cached (a clock restarted by every change would never run out).
   */
  #scheduleCacheWrite(key: string, write: () => Promise<void>) {
    if (this.#storage === 'none' || this.#closed) return;
    const pending = this.#cacheWrites.get(key);
    if (pending) pending.write = write;
    else this.#cacheWrites.set(key, { write, timer: setTimeout(() => this.#writeCache(key), CACHE_WRITE_DELAY_MS) });
  }

  #writeCache(key: string) {
    const pending = this.#cacheWrites.get(key);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#cacheWrites.delete(key);
    void pending.write();
  }

  /** Leaving or hiding the page: what waits to be cached is written now, or the next visit would have nothing to paint. */
  #onHide = () => {
    if (document.visibilityState !== 'hidden') return;
    for (const key of [...this.#cacheWrites.keys()]) this.#writeCache(key);
  };

  async #saveChats(chats: readonly ChatSummary[]) {
    await (await this.#openCache())?.saveChats(chats);
  }

  async #saveThread(chatId: string, state: MessagesState) {
    const confirmed: Message[] = state.messages.filter((message) => message.status === 'sent');
    await (await this.#openCache())?.saveThread(chatId, confirmed, state.hasMore);
  }
}

/** The reader's "important" mark: present only when set, as the server sends it. */
export function withImportant(message: ClientMessage, important: boolean): ClientMessage {
  if (important) return message.important ? message : { ...message, important: true };
  if (!message.important) return message;
  const { important: _, ...rest } = message;
  return rest;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

const caches = new WeakMap<PartaClient, () => Promise<Cache | null>>();

/** The client's IndexedDB cache, for core's own plain functions (drafts); null without one. Not public API. */
export function cacheOf(client: PartaClient): Promise<Cache | null> {
  return caches.get(client)?.() ?? Promise.resolve(null);
}

// ------------------------------------------------------------------ factories

/** Creates a client. Nothing connects until a store gains its first subscriber. */
export function createClient(options: ClientOptions): PartaClient {
  return new PartaClient(options);
}

// Kept on globalThis so two copies of this package on one page still share a socket.
const registryKey = Symbol.for('parta.clients');
type Registry = Map<string, PartaClient>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [registryKey]?: Registry };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

const registryId = (baseUrl: string) => new URL(baseUrl.replace(/\/+$/, '') || '/', globalThis.location?.href).href;

/**
 * The page's client for a server: every widget on the page calls this and
 * gets the same client, so they share one socket. Options after the first
 * call for a server are ignored.
 */
export function getSharedClient(options: ClientOptions): PartaClient {
  const id = registryId(options.baseUrl);
  const clients = registry();
  let client = clients.get(id);
  if (!client) {
    client = createClient(options);
    clients.set(id, client);
  }
  return client;
}

function forgetShared(client: PartaClient) {
  const clients = registry();
  for (const [id, shared] of clients) if (shared === client) clients.delete(id);
}
