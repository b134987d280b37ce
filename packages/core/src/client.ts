import {
  CallTokenResponse,
  type ChatEvent,
  type ChatSummary,
  ChatsResponse,
  DeleteMessagesResponse,
  EditMessageResponse,
  EventsResponse,
  HistoryResponse,
  type Locale,
  limits,
  MarkReadResponse,
  MeResponse,
  type Message,
  type OrgCounters,
  PartaError,
  ReactionResponse,
  routes,
  SendMessageResponse,
  type ServerFrame,
  type UserSummary,
} from '@parta/protocol';
import { atom, batch, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import { Cache } from './cache.js';
import { newClientKey } from './client-key.js';
import { type CurrentOrganisation, OrganisationStores } from './community.js';
import { Connection, type ConnectionOptions, type ConnectionStatus } from './connection.js';
import { Http, type RequestOptions } from './http.js';
import {
  applyEvent,
  type ClientMessage,
  LOCAL_ID_PREFIX,
  type MessagesState,
  mergeLatestPage,
  sent,
  upsertMessages,
} from './messages.js';
import { EventSequencer } from './sequencer.js';
import { type GetToken, TokenManager } from './token.js';

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
}

/** How many messages a thread asks for at a time. */
export const PAGE_SIZE = 50;
const CACHE_WRITE_DELAY_MS = 300;

/** A message waiting for the server's answer. The offline outbox will persist these. */
interface Outgoing {
  chatId: string;
  clientKey: string;
  text: string;
  replyToId: string | null;
}

// Loading from the start: the first subscriber triggers the load, and nothing is known before it.
const initialMessages = (): MessagesState => ({ messages: [], loading: true, hasMore: true, error: null });

const lastActivity = (chat: ChatSummary) => chat.lastMessage?.createdAt ?? '';

/** Newest activity first; chats without messages after, by title. */
function sortChats(chats: ChatSummary[]): ChatSummary[] {
  return chats.sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)) || a.title.localeCompare(b.title));
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

  /** `connecting` while (re)connecting, `online` once the socket is authenticated, `offline` otherwise. */
  readonly $connection: ReadableAtom<ConnectionStatus> = this.#connectionStatus;
  /** The signed-in user and their organisations; loaded while any store is in use. */
  readonly $me: ReadableAtom<MeResponse | null> = this.#me;
  /** The user's chats, most recently active first, kept live. */
  readonly $chats: ReadableAtom<ChatSummary[]> = this.#chats;
  /** True until the chat list has been loaded from the server once. */
  readonly $chatsLoading: ReadableAtom<boolean> = this.#chatsLoading;
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
  #outbox = new Map<string, Outgoing>();
  #cacheTimers = new Map<string, ReturnType<typeof setTimeout>>();
  #organisations: OrganisationStores;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.locale = options.locale ?? 'ru';
    this.#storage = options.storage ?? 'indexeddb';
    this.#tokens = new TokenManager(options.getToken);
    // Refreshing ahead of time only while something listens; otherwise on demand.
    this.#tokens.pause();
    this.#http = new Http(this.baseUrl, this.#tokens);
    this.#sequencer = new EventSequencer({
      fetchAfter: (chatId, after) =>
        this.#http.request(routes.events(chatId), {
          query: { after, limit: limits.eventsPageMax },
          schema: EventsResponse,
        }),
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
    this.$organisations = this.#organisations.$organisations;
    this.$organisation = this.#organisations.$organisation;
    for (const store of [this.#chats, this.#me, this.#chatsLoading]) {
      onMount(store, () => {
        this.#retain();
        return () => this.#release();
      });
    }
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
   * Sends a message. It appears at once with status `sending`, becomes `sent`
   * when the server confirms, or `failed` (see `retrySend`). Resolves with the
   * message in its final state; rejects only for text that may not be sent.
   */
  async sendMessage(chatId: string, text: string, options: SendOptions = {}): Promise<ClientMessage> {
    if (text.trim() === '') throw new PartaError('bad_request', 'text is empty');
    if (text.length > limits.messageTextMax) throw new PartaError('message_too_long');
    const outgoing: Outgoing = {
      chatId,
      clientKey: options.clientKey ?? newClientKey(),
      text,
      replyToId: options.replyToId ?? null,
    };
    this.#outbox.set(outgoing.clientKey, outgoing);
    const local: ClientMessage = {
      id: LOCAL_ID_PREFIX + outgoing.clientKey,
      chatId,
      seq: 0,
      author: this.#author(),
      clientKey: outgoing.clientKey,
      text,
      replyToId: outgoing.replyToId,
      createdAt: new Date().toISOString(),
      editedAt: null,
      deletedAt: null,
      status: 'sending',
    };
    this.#updateThread(chatId, (state) => ({ ...state, messages: upsertMessages(state.messages, [local]) }));
    return this.#deliver(outgoing);
  }

  /** Sends a failed message again with the same client key, so it can never arrive twice. */
  async retrySend(chatId: string, clientKey: string): Promise<ClientMessage> {
    const outgoing = this.#outbox.get(clientKey);
    const held = this.#findLocal(chatId, clientKey);
    if (!outgoing || outgoing.chatId !== chatId || !held) {
      throw new PartaError('not_found', `no unsent message ${clientKey} in ${chatId}`);
    }
    if (held.status === 'sending') return held;
    this.#setLocalStatus(chatId, clientKey, 'sending');
    return this.#deliver(outgoing);
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
      const page = await this.#http.request(routes.messages(chatId), {
        query: { before: oldest.seq, limit: PAGE_SIZE },
        schema: HistoryResponse,
      });
      this.#updateThread(chatId, (current) => ({
        ...current,
        messages: upsertMessages(current.messages, page.messages.map(sent)),
        hasMore: page.hasMore,
        loading: false,
      }));
    } catch (error) {
      this.#updateThread(chatId, (current) => ({ ...current, loading: false, error: asError(error) }));
    }
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
   * Calls a server route with the user's token and validates the answer
   * against `options.schema`. The community actions (`listClasses(client, …)`)
   * and mini-apps go through it.
   */
  request<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return this.#http.request(path, options);
  }

  /** Replaces the text of one's own message, within 24 hours of sending; every member sees the edit. */
  async editMessage(chatId: string, messageId: string, text: string): Promise<void> {
    if (text.trim() === '') throw new PartaError('bad_request', 'text is empty');
    if (text.length > limits.messageTextMax) throw new PartaError('message_too_long');
    await this.#http.request(routes.message(chatId, messageId), {
      method: 'PATCH',
      body: { text },
      schema: EditMessageResponse,
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
      schema: DeleteMessagesResponse,
    });
    if (scope === 'me' && this.#threads.has(chatId)) {
      const hidden = new Set(messageIds);
      this.#updateThread(chatId, (state) => ({
        ...state,
        messages: state.messages.filter((message) => !hidden.has(message.id)),
      }));
    }
  }

  /** Adds (`on`) or takes back one's reaction; every member sees the message's reactions change. */
  async react(chatId: string, messageId: string, emoji: string, on = true): Promise<void> {
    await this.#http.request(routes.reaction(chatId, messageId, emoji), {
      method: on ? 'PUT' : 'DELETE',
      schema: ReactionResponse,
    });
  }

  /** A LiveKit token for the chat's call; only members get one. */
  callToken(chatId: string): Promise<CallTokenResponse> {
    return this.#http.request(routes.callToken(chatId), { method: 'POST', body: {}, schema: CallTokenResponse });
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
      await this.#http.request(routes.read(chatId), { method: 'POST', body: { seq }, schema: MarkReadResponse });
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
    for (const timer of this.#cacheTimers.values()) clearTimeout(timer);
    void this.#cache?.then((cache) => cache?.close());
    forgetShared(this);
  }

  // ---------------------------------------------------------------- lifecycle

  #retain() {
    if (this.#closed) return;
    if (this.#users++ > 0) return;
    if (!this.#me.value) void this.#loadMe();
    void this.#paintChatsFromCache();
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
    void this.#syncChats();
    this.#organisations.refresh();
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
      case 'counters':
        this.#organisations.receive(frame.counters);
        break;
      case 'me.changed':
        void this.#loadMe();
        this.#organisations.refresh();
        break;
      case 'messages.hidden': {
        // Deleted "for me" on another tab or device: gone here too.
        const hidden = new Set(frame.messageIds);
        if (this.#threads.has(frame.chatId)) {
          this.#updateThread(frame.chatId, (state) => ({
            ...state,
            messages: state.messages.filter((message) => !hidden.has(message.id)),
          }));
        }
        break;
      }
      case 'error':
        console.warn(`[parta] server error on the socket: ${frame.code} ${frame.message}`);
        break;
    }
  }

  // ---------------------------------------------------------------- chats

  async #loadMe() {
    try {
      this.#me.set(await this.#http.request(routes.me, { schema: MeResponse }));
    } catch {
      // Retried on the next (re)connection.
    }
  }

  async #syncChats() {
    try {
      const { chats } = await this.#http.request(routes.chats, { schema: ChatsResponse });
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
    for (const chat of fresh) this.#sequencer.start(chat.id, chat.lastSeq);
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
        else next.unreadCount = chat.unreadCount + 1;
      } else if (event.kind === 'chat.updated') {
        next.title = event.title;
        next.avatarUrl = event.avatarUrl;
        next.memberCount = event.memberCount;
        next.settings = event.settings;
        next.onlyAdminsWrite = event.settings.onlyAdminsWrite;
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
      this.#outbox.delete(event.message.clientKey);
    }
    if (this.#threads.has(chatId)) {
      this.#updateThread(chatId, (state) => ({ ...state, messages: applyEvent(state.messages, event) }));
    }
  }

  // ---------------------------------------------------------------- threads

  #thread(chatId: string): WritableAtom<MessagesState> {
    let $thread = this.#threads.get(chatId);
    if ($thread) return $thread;
    $thread = atom(initialMessages());
    this.#threads.set(chatId, $thread);
    onMount($thread, () => {
      this.#retain();
      void this.#openThread(chatId);
      return () => this.#release();
    });
    return $thread;
  }

  #updateThread(chatId: string, update: (state: MessagesState) => MessagesState) {
    const $thread = this.#thread(chatId);
    const state = update($thread.value!);
    $thread.set(state);
    if (this.#threadsLoaded.has(chatId)) {
      this.#scheduleCacheWrite(`thread:${chatId}`, () => this.#saveThread(chatId, state));
    }
  }

  async #openThread(chatId: string) {
    const $thread = this.#thread(chatId);
    $thread.set({ ...$thread.value!, loading: true, error: null });
    const cache = await this.#openCache();
    const cached = cache && !this.#threadsLoaded.has(chatId) ? await cache.thread(chatId) : null;
    if (cached && !this.#threadsLoaded.has(chatId)) {
      this.#updateThread(chatId, (state) => ({
        ...state,
        messages: upsertMessages(state.messages, cached.messages.map(sent)),
        hasMore: cached.hasMore,
      }));
    }
    await this.#loadLatest(chatId);
  }

  async #loadLatest(chatId: string) {
    this.#updateThread(chatId, (state) => ({ ...state, loading: true, error: null }));
    try {
      const page = await this.#http.request(routes.messages(chatId), {
        query: { limit: PAGE_SIZE },
        schema: HistoryResponse,
      });
      this.#threadsLoaded.add(chatId);
      this.#updateThread(chatId, (state) => ({
        ...state,
        ...mergeLatestPage(state, page.messages, page.hasMore),
        loading: false,
      }));
    } catch (error) {
      this.#updateThread(chatId, (state) => ({ ...state, loading: false, error: asError(error) }));
    }
  }

  // ---------------------------------------------------------------- sending

  async #deliver(outgoing: Outgoing): Promise<ClientMessage> {
    const { chatId, clientKey } = outgoing;
    try {
      const { message } = await this.#http.request(routes.messages(chatId), {
        method: 'POST',
        body: { clientKey, text: outgoing.text, replyToId: outgoing.replyToId },
        schema: SendMessageResponse,
      });
      this.#outbox.delete(clientKey);
      this.#updateThread(chatId, (state) => ({ ...state, messages: upsertMessages(state.messages, [sent(message)]) }));
      return this.#findByKey(chatId, clientKey) ?? sent(message);
    } catch {
      // The event may have confirmed it while the answer was lost.
      const held = this.#findByKey(chatId, clientKey);
      if (held?.status === 'sent') return held;
      this.#setLocalStatus(chatId, clientKey, 'failed');
      return this.#findByKey(chatId, clientKey)!;
    }
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

  #setLocalStatus(chatId: string, clientKey: string, status: 'sending' | 'failed') {
    this.#updateThread(chatId, (state) => ({
      ...state,
      messages: state.messages.map((message) =>
        message.clientKey === clientKey && message.status !== 'sent' ? { ...message, status } : message,
      ),
    }));
  }

  // ---------------------------------------------------------------- cache

  #openCache(): Promise<Cache | null> {
    if (this.#storage === 'none') return Promise.resolve(null);
    this.#cache ??= this.#tokens
      .get()
      .then(() => {
        const { iss, sub } = this.#tokens.claims;
        return sub ? Cache.open(`${this.baseUrl}|${iss ?? ''}|${sub}`) : null;
      })
      .catch(() => null);
    return this.#cache;
  }

  #scheduleCacheWrite(key: string, write: () => Promise<void>) {
    if (this.#storage === 'none' || this.#closed) return;
    clearTimeout(this.#cacheTimers.get(key));
    this.#cacheTimers.set(
      key,
      setTimeout(() => {
        this.#cacheTimers.delete(key);
        void write();
      }, CACHE_WRITE_DELAY_MS),
    );
  }

  async #saveChats(chats: readonly ChatSummary[]) {
    await (await this.#openCache())?.saveChats(chats);
  }

  async #saveThread(chatId: string, state: MessagesState) {
    const confirmed: Message[] = state.messages.filter((message) => message.status === 'sent');
    await (await this.#openCache())?.saveThread(chatId, confirmed, state.hasMore);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
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
