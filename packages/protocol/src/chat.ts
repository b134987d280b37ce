import * as z from 'zod/mini';
import { disappearTimers } from './constants.js';
import {
  AwardBadge,
  ChatMemberRole,
  ChatSummary,
  Confirmation,
  Id,
  Message,
  MessageText,
  Timestamp,
  UserSummary,
} from './entities.js';
import { limits } from './limits.js';

/**
 * Chats beyond sending (SPEC §4–5): creating them, their card and members,
 * invite links, moderation, the member's own list (pins, archive, folders),
 * and what one does with a message besides writing it.
 */

const Title = z.string().check(z.trim(), z.minLength(1), z.maxLength(limits.chatTitleMax));

/**
 * `POST chats`: a one-to-one chat with one person (the existing one if there is one)
 * or a group with several, all from the people one may contact. `fromChatId` copies
 * that chat's members into the new group.
 */
export const CreateChatBody = z.object({
  kind: z.enum(['direct', 'group']),
  userIds: z.array(Id).check(z.maxLength(limits.chatAddMax)),
  title: z.optional(Title),
  /** The organisation the group belongs to; defaults to one shared with everyone invited. */
  orgId: z.optional(z.nullable(Id)),
  fromChatId: z.optional(Id),
});
export type CreateChatBody = z.infer<typeof CreateChatBody>;
export const ChatResponse = z.object({ chat: ChatSummary });
export type ChatResponse = z.infer<typeof ChatResponse>;

/** `PATCH chat`: title, avatar and settings; absent fields stay. */
export const UpdateChatBody = z.object({
  title: z.optional(Title),
  avatarUrl: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
  settings: z.optional(
    z.object({
      onlyAdminsWrite: z.optional(z.boolean()),
      membersMayInvite: z.optional(z.boolean()),
      membersMayPin: z.optional(z.boolean()),
      membersMayEditInfo: z.optional(z.boolean()),
      disappearAfterSec: z.optional(
        z.nullable(
          z
            .int()
            .check(
              z.refine(
                (value) => (disappearTimers as readonly number[]).includes(value),
                `one of ${disappearTimers.join(', ')} seconds`,
              ),
            ),
        ),
      ),
    }),
  ),
});
export type UpdateChatBody = z.infer<typeof UpdateChatBody>;

export const ChatMember = z.object({ user: UserSummary, role: ChatMemberRole });
export type ChatMember = z.infer<typeof ChatMember>;

/** `GET members?q=&limit=`: alphabetical by surname, the chat's administrators marked. */
export const ChatMembersQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500))),
});
export const ChatMembersResponse = z.object({
  members: z.array(ChatMember),
  /** All members of the chat, whatever the search. */
  total: z.int(),
});
export type ChatMembersResponse = z.infer<typeof ChatMembersResponse>;

export const AddChatMembersBody = z.object({
  userIds: z.array(Id).check(z.minLength(1), z.maxLength(limits.chatAddMax)),
});
export const ChatMemberRoleBody = z.object({ role: z.enum(['admin', 'member']) });

/** `PUT mine`: the member's own state of the chat. */
export const ChatMineBody = z.object({
  muted: z.optional(z.boolean()),
  pinned: z.optional(z.boolean()),
  archived: z.optional(z.boolean()),
});
export type ChatMineBody = z.infer<typeof ChatMineBody>;

/** A chat's invite link: whoever follows it joins directly (unlike an organisation's links). */
export const ChatInvite = z.object({ code: z.string(), chatId: Id });
export type ChatInvite = z.infer<typeof ChatInvite>;
export const ChatInviteResponse = z.object({ invite: z.nullable(ChatInvite) });
export const ChatInvitePreview = z.object({
  chatId: Id,
  title: z.string(),
  avatarUrl: z.nullable(z.string()),
  memberCount: z.int(),
  /** Already a member: open the chat instead of joining. */
  member: z.boolean(),
});
export type ChatInvitePreview = z.infer<typeof ChatInvitePreview>;

export const Folder = z.object({
  id: Id,
  title: z.string(),
  chatIds: z.array(Id),
});
export type Folder = z.infer<typeof Folder>;
export const FoldersResponse = z.object({ folders: z.array(Folder) });
export type FoldersResponse = z.infer<typeof FoldersResponse>;
export const FolderBody = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(limits.folderTitleMax)),
  chatIds: z.array(Id).check(z.maxLength(1000)),
});
export type FolderBody = z.infer<typeof FolderBody>;
export const UpdateFolderBody = z.partial(FolderBody);

/** `POST forward`: messages of one chat into up to 12 others, in their order. */
export const ForwardBody = z.object({
  fromChatId: Id,
  messageIds: z.array(Id).check(z.minLength(1), z.maxLength(limits.deleteBatchMax)),
  /** The server refuses more than `limits.forwardMaxChats` with `limit_reached`. */
  toChatIds: z.array(Id).check(z.minLength(1), z.maxLength(100)),
  /** One per forward action, reused on retry: a retried forward never doubles. */
  clientKey: z.string().check(z.minLength(8), z.maxLength(48)),
  /** An optional comment sent before the forwarded messages. */
  comment: z.optional(MessageText),
});
export type ForwardBody = z.infer<typeof ForwardBody>;
export const ForwardResponse = z.object({ messages: z.array(Message) });

export const PinsResponse = z.object({ messages: z.array(Message) });
export const ImportantResponse = z.object({
  items: z.array(z.object({ chat: z.object({ id: Id, title: z.string() }), message: Message })),
});
export type ImportantResponse = z.infer<typeof ImportantResponse>;

/** `GET receipts`: who has read a message and, when it asks for it, who confirmed. */
export const ReceiptsResponse = z.object({
  read: z.array(z.object({ user: UserSummary })),
  unread: z.array(UserSummary),
  /** Present for messages that require read confirmation. */
  confirmation: z.optional(
    z.object({
      confirmed: z.array(z.object({ user: UserSummary, at: Timestamp })),
      pending: z.array(UserSummary),
    }),
  ),
});
export type ReceiptsResponse = z.infer<typeof ReceiptsResponse>;

export const AwardBody = z.object({
  userId: Id,
  badge: AwardBadge,
  note: z.optional(z.string().check(z.maxLength(500))),
  clientKey: z.string().check(z.minLength(8), z.maxLength(64)),
});
export type AwardBody = z.infer<typeof AwardBody>;

/** `PUT`/`DELETE pin`: the message's pinned state now. */
export const PinResponse = z.object({ pinned: z.boolean() });
/** `PUT`/`DELETE important`: the reader's own mark now. */
export const ImportantMarkResponse = z.object({ important: z.boolean() });
/** `POST confirm`: the message's counts with the reader's confirmation in them. */
export const ConfirmResponse = z.object({ confirmation: Confirmation });
export type ConfirmResponse = z.infer<typeof ConfirmResponse>;
