/**
 * The wire's addresses: every HTTP route of the reference server, relative to its base URL.
 * Plain values with no schema library behind them, so the widgets' pages import them at no
 * cost (the schemas beside them are for the server and for tests).
 */

const enc = encodeURIComponent;

/**
 * What the core client calls on every page: the user, the chat list, messages and their
 * actions, the socket, people to write to and an organisation's counters. The other
 * routes are in objects of their own, so that a chat page carries none of them.
 */
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
  contacts: '/api/v1/contacts',
  orgCounters: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/counters`,
} as const;

/** Signing in (by code, OpenID Connect, or the dev server's shortcut), refreshing, the dev mailbox, health. */
export const accountRoutes = {
  devSignIn: '/api/v1/dev/sign-in',
  devUsers: '/api/v1/dev/users',
  devMailbox: '/api/v1/dev/mailbox',
  authCode: '/api/v1/auth/code',
  authVerify: '/api/v1/auth/verify',
  authRefresh: '/api/v1/auth/refresh',
  oidcStart: '/api/v1/auth/oidc/start',
  oidcCallback: '/api/v1/auth/oidc/callback',
  health: '/health',
} as const;

/** The school's contour (SPEC §2–3): organisations, their members and classes, invite links, join requests, verification. */
export const communityRoutes = {
  myRequests: '/api/v1/me/requests',
  myChildConfirm: (childId: string) => `/api/v1/me/children/${enc(childId)}/confirm`,
  organisations: '/api/v1/orgs',
  organisation: (orgId: string) => `/api/v1/orgs/${enc(orgId)}`,
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
} as const;

/** Chats beyond sending (SPEC §4–5): their card and members, links, the member's own list, message actions. */
const chat = (chatId: string) => `/api/v1/chats/${enc(chatId)}`;
const message = (chatId: string, messageId: string) => `${chat(chatId)}/messages/${enc(messageId)}`;

export const chatRoutes = {
  chat,
  chatMembers: (chatId: string) => `${chat(chatId)}/members`,
  chatMember: (chatId: string, userId: string) => `${chat(chatId)}/members/${enc(userId)}`,
  chatMemberRole: (chatId: string, userId: string) => `${chat(chatId)}/members/${enc(userId)}/role`,
  /** The member's own state of the chat: muted, pinned, archived. */
  chatMine: (chatId: string) => `${chat(chatId)}/mine`,
  chatInvite: (chatId: string) => `${chat(chatId)}/invite`,
  chatInvitePreview: (code: string) => `/api/v1/chat-invites/${enc(code)}`,
  chatInviteJoin: (code: string) => `/api/v1/chat-invites/${enc(code)}/join`,
  savedChat: '/api/v1/chats/saved',
  folders: '/api/v1/folders',
  folder: (folderId: string) => `/api/v1/folders/${enc(folderId)}`,
  pin: (chatId: string, messageId: string) => `${message(chatId, messageId)}/pin`,
  pins: (chatId: string) => `${chat(chatId)}/pins`,
  important: (chatId: string, messageId: string) => `${message(chatId, messageId)}/important`,
  importantMessages: '/api/v1/important',
  forward: '/api/v1/forward',
  confirm: (chatId: string, messageId: string) => `${message(chatId, messageId)}/confirm`,
  receipts: (chatId: string, messageId: string) => `${message(chatId, messageId)}/receipts`,
  awards: (chatId: string) => `${chat(chatId)}/awards`,
} as const;
