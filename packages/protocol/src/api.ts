import * as z from 'zod/mini';
import {
  ChatEvent,
  ChatSummary,
  Id,
  Membership,
  Message,
  MessageText,
  Organisation,
  Reactions,
  UserSummary,
} from './entities.js';
import { limits } from './limits.js';

const enc = encodeURIComponent;

/** Every HTTP route of the reference server, relative to its base URL. */
export const routes = {
  me: '/api/v1/me',
  chats: '/api/v1/chats',
  messages: (chatId: string) => `/api/v1/chats/${encodeURIComponent(chatId)}/messages`,
  events: (chatId: string) => `/api/v1/chats/${encodeURIComponent(chatId)}/events`,
  callToken: (chatId: string) => `/api/v1/chats/${encodeURIComponent(chatId)}/call`,
  read: (chatId: string) => `/api/v1/chats/${encodeURIComponent(chatId)}/read`,
  message: (chatId: string, messageId: string) =>
    `/api/v1/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(messageId)}`,
  reaction: (chatId: string, messageId: string, emoji: string) =>
    `/api/v1/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(messageId)}/reactions/${encodeURIComponent(emoji)}`,
  deleteMessages: (chatId: string) => `/api/v1/chats/${encodeURIComponent(chatId)}/messages/delete`,
  socket: '/api/v1/socket',
  devSignIn: '/api/v1/dev/sign-in',
  devUsers: '/api/v1/dev/users',
  devMailbox: '/api/v1/dev/mailbox',
  authCode: '/api/v1/auth/code',
  authVerify: '/api/v1/auth/verify',
  authRefresh: '/api/v1/auth/refresh',
  oidcStart: '/api/v1/auth/oidc/start',
  oidcCallback: '/api/v1/auth/oidc/callback',
  myRequests: '/api/v1/me/requests',
  myChildConfirm: (childId: string) => `/api/v1/me/children/${enc(childId)}/confirm`,
  contacts: '/api/v1/contacts',
  organisations: '/api/v1/orgs',
  organisation: (orgId: string) => `/api/v1/orgs/${enc(orgId)}`,
  orgCounters: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/counters`,
  orgAdmins: (orgId: string, userId?: string) => `/api/v1/orgs/${enc(orgId)}/admins${userId ? `/${enc(userId)}` : ''}`,
  orgMembers: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/members`,
  orgMember: (orgId: string, userId: string) => `/api/v1/orgs/${enc(orgId)}/members/${enc(userId)}`,
  classes: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/classes`,
  class: (orgId: string, classId: string) => `/api/v1/orgs/${enc(orgId)}/classes/${enc(classId)}`,
  invites: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/invites`,
  invite: (orgId: string, code: string) => `/api/v1/orgs/${enc(orgId)}/invites/${enc(code)}`,
  joinRequests: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/requests`,
  verifications: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/verifications`,
  invitePreview: (code: string) => `/api/v1/invites/${enc(code)}`,
  inviteRequest: (code: string) => `/api/v1/invites/${enc(code)}/request`,
  joinRequestAction: (requestId: string, action: 'approve' | 'decline' | 'cancel') =>
    `/api/v1/requests/${enc(requestId)}/${action}`,
  requestVerification: '/api/v1/verifications',
  verificationAction: (requestId: string, action: 'approve' | 'decline' | 'cancel') =>
    `/api/v1/verifications/${enc(requestId)}/${action}`,
  health: '/health',
} as const;

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const MeResponse = z.object({
  user: UserSummary,
  /** The user's own profile, which only they (and nobody searching) see. */
  profile: z.object({
    patronymic: z.nullable(z.string()),
    sex: z.nullable(z.string()),
    birthDate: z.nullable(z.string()),
    phone: z.nullable(z.string()),
    email: z.nullable(z.string()),
  }),
  organisations: z.array(z.object({ organisation: Organisation, membership: Membership })),
  /**
   * The organisation whose site's embed token asked, which is the only one that
   * token may act for; null for Parta's own tokens, which act for all of them.
   */
  site: z.optional(z.nullable(Id)),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const ChatsResponse = z.object({ chats: z.array(ChatSummary) });
export type ChatsResponse = z.infer<typeof ChatsResponse>;

const SeqParam = z.coerce.number().check(z.int(), z.nonnegative());
const LimitParam = (max: number) => z.coerce.number().check(z.int(), z.minimum(1), z.maximum(max));

/**
 * `GET messages?before=seq&limit=n`: a page of history, newest last. `after=seq` pages
 * forward instead; `around=messageId` centres the page on one message (a jump to a
 * replied-to or pinned message that is not loaded).
 */
export const HistoryQuery = z.object({
  before: z.optional(SeqParam),
  after: z.optional(SeqParam),
  around: z.optional(Id),
  limit: z.optional(LimitParam(limits.historyPageMax)),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const HistoryResponse = z.object({
  messages: z.array(Message),
  /** True when older messages exist before the first one returned. */
  hasMore: z.boolean(),
  /** For `after` and `around` pages: newer messages exist after the last one returned. */
  hasNewer: z.optional(z.boolean()),
});
export type HistoryResponse = z.infer<typeof HistoryResponse>;

/** `GET events?after=seq`: what happened in a chat after a sequence number. */
export const EventsQuery = z.object({
  after: SeqParam,
  limit: z.optional(LimitParam(limits.eventsPageMax)),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

export const EventsResponse = z.object({
  events: z.array(ChatEvent),
  lastSeq: z.int(),
  hasMore: z.boolean(),
});
export type EventsResponse = z.infer<typeof EventsResponse>;

export const SendMessageBody = z.object({
  /** Generated by the client once per message and reused on every retry. */
  clientKey: z.string().check(z.minLength(8), z.maxLength(64)),
  text: MessageText.check(z.refine((text) => text.trim().length > 0, 'text is empty')),
  replyToId: z.optional(z.nullable(Id)),
  /** Readers are asked to confirm they read it; the sender sees who did. */
  requiresConfirmation: z.optional(z.boolean()),
});
export type SendMessageBody = z.infer<typeof SendMessageBody>;

export const SendMessageResponse = z.object({ message: Message });
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;

/** `PATCH message`: the author's new text, within 24 hours of sending. */
export const EditMessageBody = z.object({
  text: MessageText.check(z.refine((text) => text.trim().length > 0, 'text is empty')),
});
export type EditMessageBody = z.infer<typeof EditMessageBody>;

/**
 * `POST messages/delete`: several messages at once. `everyone` removes them for all
 * (one's own at any age; any, for a chat administrator); `me` hides them for oneself only.
 */
export const DeleteMessagesBody = z.object({
  messageIds: z.array(Id).check(z.minLength(1), z.maxLength(limits.deleteBatchMax)),
  scope: z.enum(['everyone', 'me']),
});
export type DeleteMessagesBody = z.infer<typeof DeleteMessagesBody>;
export const DeleteMessagesResponse = z.object({ deleted: z.array(Id) });
export const EditMessageResponse = z.object({ event: ChatEvent });
export const ReactionResponse = z.object({ reactions: Reactions });

/** `POST read`: everything up to `seq` has been seen. Read positions only move forward. */
export const MarkReadBody = z.object({ seq: z.int().check(z.nonnegative()) });
export type MarkReadBody = z.infer<typeof MarkReadBody>;

export const MarkReadResponse = z.object({ readSeq: z.int(), unreadCount: z.int() });
export type MarkReadResponse = z.infer<typeof MarkReadResponse>;

export const CallTokenResponse = z.object({
  /** The LiveKit server's WebSocket URL. */
  url: z.string(),
  token: z.string(),
  room: z.string(),
  identity: z.string(),
});
export type CallTokenResponse = z.infer<typeof CallTokenResponse>;

export const DevSignInBody = z.object({ userId: Id });
export const TokenResponse = z.object({ token: z.string(), expiresAt: z.string() });
export type TokenResponse = z.infer<typeof TokenResponse>;

export const DevUsersResponse = z.object({
  users: z.array(z.object({ user: UserSummary, roleLabel: z.string() })),
});
export type DevUsersResponse = z.infer<typeof DevUsersResponse>;
