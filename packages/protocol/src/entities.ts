import * as z from 'zod/mini';
import { awardBadges, chatKinds, chatMemberRoles } from './constants.js';
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

export const ChatKind = z.enum(chatKinds);
export type ChatKind = z.infer<typeof ChatKind>;

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

/** Badges a teacher or a chat administrator gives a member (SPEC §5, «Хочу всё знать»). */
export const AwardBadge = z.enum(awardBadges);
export type AwardBadge = z.infer<typeof AwardBadge>;

/** The message a reply quotes, as much of it as the reply shows. */
export const ReplyPreview = z.object({
  id: Id,
  seq: z.int(),
  author: UserSummary,
  /** The start of the quoted text; empty once that message is deleted. */
  text: z.string(),
  deleted: z.boolean(),
});
export type ReplyPreview = z.infer<typeof ReplyPreview>;

/** Where a forwarded message came from. */
export const ForwardedFrom = z.object({
  author: UserSummary,
  /** The source chat's title, shown only to members of that chat; null otherwise. */
  chatTitle: z.nullable(z.string()),
  createdAt: Timestamp,
});
export type ForwardedFrom = z.infer<typeof ForwardedFrom>;

/** A message that asks its readers to confirm they read it: the counts everyone sees, and one's own state. */
export const Confirmation = z.object({
  confirmed: z.int(),
  /** Members who were asked: everyone in the chat but the sender. */
  total: z.int(),
  byMe: z.boolean(),
});
export type Confirmation = z.infer<typeof Confirmation>;

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
  /** The quoted message of a reply. */
  replyTo: z.optional(z.nullable(ReplyPreview)),
  forwardedFrom: z.optional(z.nullable(ForwardedFrom)),
  pinned: z.optional(z.boolean()),
  /** The reader's own "important" mark. */
  important: z.optional(z.boolean()),
  /** Present when the sender asked for read confirmation. */
  confirmation: z.optional(z.nullable(Confirmation)),
  /** When a disappearing message is deleted for everyone. */
  expiresAt: z.optional(z.nullable(Timestamp)),
  /** An award given to a member; the text is the giver's note. */
  award: z.optional(z.nullable(z.object({ badge: AwardBadge, recipient: UserSummary }))),
});
export type Message = z.infer<typeof Message>;

/** Who may do what in a group chat besides its administrators (SPEC §4 moderation). */
export const ChatSettings = z.object({
  onlyAdminsWrite: z.boolean(),
  membersMayInvite: z.boolean(),
  membersMayPin: z.boolean(),
  membersMayEditInfo: z.boolean(),
  /** Seconds after which new messages are deleted for everyone; null: they stay. */
  disappearAfterSec: z.nullable(z.int()),
});
export type ChatSettings = z.infer<typeof ChatSettings>;

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
  /** The member's own list state: pinned to the top (when), archived. */
  pinnedAt: z.optional(z.nullable(Timestamp)),
  archived: z.optional(z.boolean()),
  settings: z.optional(ChatSettings),
  /** The other person of a one-to-one chat. */
  peer: z.optional(z.nullable(UserSummary)),
  /** The latest pinned message, shown above the thread. */
  pinnedMessage: z.optional(z.nullable(Message)),
  /** The highest read position among the other members: one's own messages up to it show ✓✓. */
  othersReadSeq: z.optional(z.int()),
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
  z.object({
    kind: z.literal('message.pinned'),
    chatId: Id,
    seq: z.int(),
    at: Timestamp,
    messageId: Id,
    pinned: z.boolean(),
  }),
  /** Title, avatar, member count or settings changed; carries the whole shared part. */
  z.object({
    kind: z.literal('chat.updated'),
    chatId: Id,
    seq: z.int(),
    at: Timestamp,
    title: z.string(),
    avatarUrl: z.nullable(z.string()),
    memberCount: z.int(),
    settings: ChatSettings,
  }),
]);
export type ChatEvent = z.infer<typeof ChatEvent>;
