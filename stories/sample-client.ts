import type { listChatMembers, PartaClient } from '@parta/core';
import { type ChatSummary, fixed, type Message, type UserSummary } from './static-client.ts';

type Folder = ReturnType<PartaClient['$folders']['get']>[number];
type ChatMember = Awaited<ReturnType<typeof listChatMembers>>['members'][number];

/**
 * A client that answers from the sample data below instead of a server, so the
 * stories show the chat widgets in their full states (pinned, typing, unread,
 * muted, archived, folders, a chat card with members). It never changes.
 */

const person = (id: string, surname: string, name: string, verified = false): UserSummary => ({
  id,
  surname,
  name,
  patronymic: verified ? 'Ивановна' : null,
  verified,
  avatarUrl: null,
});
const me = person('u-teacher', 'Петрова', 'Мария', true);
const ivan = person('u-student-1', 'Смирнов', 'Иван');
const anna = person('u-student-2', 'Кузнецова', 'Анна');
const olga = person('u-parent-1', 'Смирнова', 'Ольга');
const sergey = person('u-director', 'Орлов', 'Сергей', true);

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
let seq = 0;
const message = (
  chatId: string,
  author: UserSummary,
  text: string,
  minutes: number,
  extra: Partial<Message> = {},
): Message => ({
  id: `m${++seq}`,
  chatId,
  seq,
  author,
  clientKey: `k${seq}`,
  text,
  replyToId: null,
  createdAt: minutesAgo(minutes),
  editedAt: null,
  deletedAt: null,
  ...extra,
});
const settings = {
  onlyAdminsWrite: false,
  membersMayInvite: false,
  membersMayPin: false,
  membersMayEditInfo: false,
  disappearAfterSec: null,
};
const chat = (id: string, title: string, extra: Partial<ChatSummary>): ChatSummary => ({
  id,
  orgId: 'demo-school',
  kind: 'group',
  title,
  avatarUrl: null,
  memberCount: 3,
  myRole: 'member',
  onlyAdminsWrite: false,
  lastSeq: 10,
  readSeq: 10,
  unreadCount: 0,
  muted: false,
  lastMessage: null,
  settings,
  ...extra,
});

export const sampleChats: ChatSummary[] = [
  chat('chat-teachers', 'Учительская', {
    kind: 'teachers_room',
    memberCount: 24,
    pinnedAt: minutesAgo(600),
    lastMessage: message('chat-teachers', sergey, 'Педсовет в четверг в 15:00', 90),
  }),
  chat('chat-9a', '9А', {
    kind: 'class',
    memberCount: 27,
    unreadCount: 2,
    lastMessage: message('chat-9a', ivan, 'А домашнее задание на завтра какое?', 3),
  }),
  chat('chat-9a-parents', 'Родители 9А', {
    kind: 'parents',
    memberCount: 31,
    unreadCount: 3,
    lastMessage: message('chat-9a-parents', olga, 'Расписание на следующую неделю', 12, {
      forwardedFrom: { author: sergey, chatTitle: null, createdAt: minutesAgo(60) },
    }),
  }),
  chat('g-robots', 'Кружок робототехники', {
    myRole: 'owner',
    memberCount: 3,
    lastMessage: message('g-robots', me, 'Отлично поработали!', 45, {
      award: { badge: 'curious', recipient: anna },
    }),
  }),
  chat('d-olga', 'Смирнова Ольга', {
    kind: 'direct',
    orgId: null,
    memberCount: 2,
    peer: olga,
    lastMessage: message('d-olga', olga, '', 200, { deletedAt: minutesAgo(190) }),
  }),
  chat('chat-school', 'Общешкольный', {
    kind: 'channel',
    memberCount: 640,
    muted: true,
    unreadCount: 12,
    lastMessage: message('chat-school', sergey, 'Поздравляем победителей олимпиады!', 1500),
  }),
  chat('saved', 'Избранное', { kind: 'saved', orgId: null, memberCount: 1, myRole: 'owner' }),
  chat('chat-old', 'Экскурсия 2025', { archived: true, lastMessage: message('chat-old', anna, 'Спасибо!', 90_000) }),
];

const folders: Folder[] = [
  { id: 'f-classes', title: 'Классы', chatIds: ['chat-9a', 'chat-9a-parents'] },
  { id: 'f-work', title: 'Работа', chatIds: ['chat-teachers'] },
];

const members: ChatMember[] = [
  { user: anna, role: 'member' },
  { user: sergey, role: 'admin' },
  { user: me, role: 'owner' },
  { user: ivan, role: 'member' },
];

const answers: [RegExp, unknown][] = [
  [/\/contacts/, { people: [anna, sergey, ivan, olga].map((user) => ({ user, orgIds: ['demo-school'] })) }],
  [/\/members/, { members, total: members.length }],
  [/\/invite$/, { invite: { code: 'k3J9xQ2m', chatId: 'g-robots' } }],
  [/\/chats\/([^/]+)$/, null],
];

/** A client with the sample data (or the given chats); `typing`: someone types in 9А. */
export function sampleClient({ typing = true, chats = sampleChats } = {}): PartaClient {
  const client = {
    baseUrl: 'https://parta.example',
    locale: 'ru',
    userId: me.id,
    $chats: fixed(chats),
    $chatsLoading: fixed(false),
    $me: fixed({ user: me, organisations: [] }),
    $organisation: fixed(null),
    $organisations: fixed([]),
    $folders: fixed(chats.length > 0 ? folders : []),
    $connection: fixed('online'),
    $typing: (chatId: string) => fixed(typing && chatId === 'chat-9a' ? [ivan.id] : []),
    upsertChat() {},
    removeChat() {},
    setFolders() {},
    request(path: string) {
      for (const [pattern, answer] of answers) {
        const match = pattern.exec(path);
        if (!match) continue;
        if (answer === null)
          return Promise.resolve({ chat: sampleChats.find((c) => c.id === decodeURIComponent(match[1]!)) });
        return Promise.resolve(answer);
      }
      return new Promise(() => {});
    },
  };
  return client as unknown as PartaClient;
}
