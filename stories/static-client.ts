import type { ClientMessage, MessagesState, PartaClient } from '@parta/core';

// The protocol's types, as the core hands them out (the stories depend on the published packages only).
export type Message = Omit<ClientMessage, 'status'>;
export type UserSummary = Message['author'];
export type ChatSummary = ReturnType<PartaClient['$chats']['get']>[number];
type MeResponse = NonNullable<ReturnType<PartaClient['$me']['get']>>;

/**
 * A client that holds fixed data and never talks to a server: the widgets
 * show a given state (a thread with a pinned message, an award…) as they
 * would once the network had answered. Actions do nothing.
 */

/** A store that always holds one value: enough for the widgets' StoreController. */
export const fixed = <T>(value: T) => ({
  value,
  get: () => value,
  subscribe(listener: (value: T) => void) {
    listener(value);
    return () => {};
  },
  listen: () => () => {},
});

export interface StaticData {
  me: UserSummary;
  chats: ChatSummary[];
  messages: Record<string, Message[]>;
  typing?: Record<string, string[]>;
  /** What `GET /api/v1/important` answers. */
  important?: { chat: { id: string; title: string }; message: Message }[];
  /** The connection (default online). */
  connection?: 'online' | 'connecting' | 'offline';
  /** Messages of ours that have not reached the server: waiting to go, or refused. */
  unsent?: Record<string, { clientKey: string; status: 'sending' | 'failed' }>;
  /** The thread's first page has not arrived yet. */
  loading?: boolean;
}

export function staticClient(data: StaticData): PartaClient {
  const me: MeResponse = {
    user: data.me,
    profile: { patronymic: null, sex: null, birthDate: null, phone: null, email: null },
    organisations: [],
  };
  const known: Partial<Record<keyof PartaClient | string, unknown>> = {
    baseUrl: 'http://127.0.0.1:9',
    locale: 'ru',
    userId: data.me.id,
    $connection: fixed(data.connection ?? 'online'),
    $me: fixed(me),
    $chats: fixed(data.chats),
    $chatsLoading: fixed(false),
    $organisations: fixed([]),
    $organisation: fixed(null),
    $messages: (chatId: string) =>
      fixed<MessagesState>({
        messages: (data.messages[chatId] ?? []).map(
          (message): ClientMessage => ({ ...message, status: data.unsent?.[message.clientKey]?.status ?? 'sent' }),
        ),
        loading: data.loading ?? false,
        hasMore: false,
        hasNewer: false,
        error: null,
      } as MessagesState),
    $typing: (chatId: string) => fixed(data.typing?.[chatId] ?? []),
    request: (path: string) =>
      path === '/api/v1/important' ? Promise.resolve({ items: data.important ?? [] }) : new Promise(() => {}),
  };
  // Any other method a widget calls (markRead, sendTyping, loadOlder…) is a no-op that never settles.
  // Not for Lit's and promises' own probes (`_$litDirective$`, `then`), which must find nothing.
  return new Proxy(known, {
    get: (target, key) =>
      typeof key !== 'string' || key in target || key.startsWith('_') || key === 'then'
        ? target[key as string]
        : () => new Promise(() => {}),
  }) as unknown as PartaClient;
}

// ------------------------------------------------------------------ sample people and messages

const person = (id: string, surname: string, name: string, patronymic: string | null, verified = false) => ({
  id,
  surname,
  name,
  patronymic,
  verified,
  avatarUrl: null,
});

export const people = {
  teacher: person('u-teacher', 'Петрова', 'Мария', 'Ивановна', true),
  student: person('u-student-1', 'Смирнов', 'Иван', 'Алексеевич'),
  student2: person('u-student-2', 'Кузнецова', 'Анна', 'Сергеевна'),
  parent: person('u-parent-1', 'Смирнова', 'Ольга', 'Петровна'),
};

let seq = 0;
/** A message in chat-9a, written `minutesAgo` before now. */
export function sample(author: UserSummary, text: string, minutesAgo: number, extra: Partial<Message> = {}): Message {
  seq += 1;
  return {
    id: `m-${seq}`,
    chatId: 'chat-9a',
    seq,
    author,
    clientKey: `story-${seq}`,
    text,
    replyToId: null,
    createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    editedAt: null,
    deletedAt: null,
    ...extra,
  };
}

/** Where a forwarded message came from: its first author, the chat (null when hidden), `minutesAgo` before now. */
export function forwardedFrom(
  author: UserSummary,
  chatTitle: string | null,
  minutesAgo: number,
): NonNullable<Message['forwardedFrom']> {
  return { author, chatTitle, createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() };
}

export function classChat(extra: Partial<ChatSummary> = {}): ChatSummary {
  return {
    id: 'chat-9a',
    orgId: 'demo-school',
    kind: 'class',
    title: '9А',
    avatarUrl: null,
    memberCount: 3,
    myRole: 'member',
    onlyAdminsWrite: false,
    lastSeq: seq,
    readSeq: seq,
    unreadCount: 0,
    muted: false,
    lastMessage: null,
    ...extra,
  };
}
