import * as z from 'zod/mini';
import { limits } from './limits.js';
import { orgTypes, roles } from './roles.js';

export const Id = z.string().check(z.minLength(1), z.maxLength(64));
/** ISO-8601 timestamps on the wire; the server is the clock. */
export const Timestamp = z.string();

export const UserSummary = z.object({
  id: Id,
  surname: z.string(),
  name: z.string(),
  patronymic: z.nullable(z.string()),
  /** Holds a staff role somewhere: shown with the "verified" mark and patronymic. */
  verified: z.boolean(),
  avatarUrl: z.nullable(z.string()),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const Organisation = z.object({
  id: Id,
  type: z.enum(orgTypes),
  name: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

export const Membership = z.object({
  orgId: Id,
  roles: z.array(z.enum(roles)),
  /** A student's class. */
  classId: z.nullable(Id),
  /** Classes this member leads as class teacher. */
  leadClassIds: z.array(Id),
  position: z.nullable(z.string()),
});
export type Membership = z.infer<typeof Membership>;

export const SchoolClass = z.object({
  id: Id,
  orgId: Id,
  number: z.int(),
  letter: z.string(),
  title: z.nullable(z.string()),
  academicYear: z.string(),
  color: z.string(),
  archived: z.boolean(),
});
export type SchoolClass = z.infer<typeof SchoolClass>;

export const chatKinds = ['direct', 'group', 'class', 'parents', 'teachers_room', 'channel', 'saved'] as const;
export const ChatKind = z.enum(chatKinds);
export type ChatKind = z.infer<typeof ChatKind>;

export const chatMemberRoles = ['owner', 'admin', 'member'] as const;
export const ChatMemberRole = z.enum(chatMemberRoles);
export type ChatMemberRole = z.infer<typeof ChatMemberRole>;

export const MessageText = z.string().check(z.maxLength(limits.messageTextMax));

/** One emoji, as a reaction: a pictograph with its modifiers and joiners, not text. */
export const Emoji = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(16),
    z.regex(
      /^\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\ufe0f)*(?:\u200d\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\ufe0f)*)*$/u,
      'one emoji',
    ),
  );

/** Who reacted with which emoji, in the order each emoji was first used. */
export const Reactions = z.array(z.object({ emoji: z.string(), userIds: z.array(Id) }));
export type Reactions = z.infer<typeof Reactions>;

export const Message = z.object({
  id: Id,
  chatId: Id,
  /** Per-chat sequence number of the event that created this message. */
  seq: z.int(),
  author: UserSummary,
  /** The sender's idempotency key: a retried send with the same key never doubles. */
  clientKey: z.string(),
  text: z.string(),
  replyToId: z.nullable(Id),
  createdAt: Timestamp,
  editedAt: z.nullable(Timestamp),
  deletedAt: z.nullable(Timestamp),
  /** Absent on messages nobody has reacted to. */
  reactions: z.optional(Reactions),
});
export type Message = z.infer<typeof Message>;

export const ChatSummary = z.object({
  id: Id,
  orgId: z.nullable(Id),
  kind: ChatKind,
  title: z.string(),
  avatarUrl: z.nullable(z.string()),
  memberCount: z.int(),
  myRole: ChatMemberRole,
  onlyAdminsWrite: z.boolean(),
  /** Sequence number of the latest event in the chat. */
  lastSeq: z.int(),
  /** The last event this member has read. */
  readSeq: z.int(),
  unreadCount: z.int(),
  muted: z.boolean(),
  lastMessage: z.nullable(Message),
});
export type ChatSummary = z.infer<typeof ChatSummary>;

/**
 * Everything that changes a chat is an event with the chat's next sequence
 * number, so a client that was away asks for "everything after N" and gets
 * exactly what it missed, edits and deletions included.
 */
export const ChatEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('message.created'),
    chatId: Id,
    seq: z.int(),
    at: Timestamp,
    message: Message,
  }),
  z.object({
    kind: z.literal('message.edited'),
    chatId: Id,
    seq: z.int(),
    at: Timestamp,
    messageId: Id,
    text: z.string(),
  }),
  z.object({
    kind: z.literal('message.deleted'),
    chatId: Id,
    seq: z.int(),
    at: Timestamp,
    messageId: Id,
  }),
  z.object({
    kind: z.literal('message.reactions'),
    chatId: Id,
    seq: z.int(),
    at: Timestamp,
    messageId: Id,
    reactions: Reactions,
  }),
]);
export type ChatEvent = z.infer<typeof ChatEvent>;
