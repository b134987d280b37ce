import type { ChatKind, ChatMemberRole } from './entities.js';
import { limits } from './limits.js';

/**
 * Permission rules as pure functions: the server calls them to enforce,
 * the widgets call the same ones to hide or disable controls.
 */
export interface ChatContext {
  kind: ChatKind;
  onlyAdminsWrite: boolean;
  /** Group settings (absent: administrators only). */
  membersMayInvite?: boolean;
  membersMayPin?: boolean;
  membersMayEditInfo?: boolean;
  /** The acting user's role in the chat, or null when not a member. */
  myRole: ChatMemberRole | null;
}

/** The roles that administer a chat (the server's send statement checks the same list). */
export const chatAdminRoles: readonly ChatMemberRole[] = ['owner', 'admin'];
export const isChatAdmin = (role: ChatMemberRole | null) => role !== null && chatAdminRoles.includes(role);

export function canReadChat(chat: ChatContext): boolean {
  return chat.myRole !== null;
}

export function canSendMessage(chat: ChatContext): boolean {
  if (chat.myRole === null) return false;
  if (chat.kind === 'channel' || chat.onlyAdminsWrite) return isChatAdmin(chat.myRole);
  return true;
}

export function canJoinCall(chat: ChatContext): boolean {
  return chat.myRole !== null && chat.kind !== 'saved';
}

export interface MessageContext {
  authorId: string;
  createdAt: string | Date;
  /** A forwarded copy: its words are the original author's, so the forwarder may not change them. */
  forwarded?: boolean;
}

export function canEditMessage(userId: string, message: MessageContext, now = Date.now()): boolean {
  return (
    message.authorId === userId &&
    !message.forwarded &&
    now - new Date(message.createdAt).getTime() <= limits.editWindowMs
  );
}

/** One's own message may be deleted for everyone at any age; chat admins may delete any. */
export function canDeleteForEveryone(userId: string, message: MessageContext, chat: ChatContext): boolean {
  return message.authorId === userId || isChatAdmin(chat.myRole);
}

/** Chats whose members follow the organisation's structure, and personal ones, are not managed by hand. */
const managed = (kind: ChatKind) => kind === 'group' || kind === 'channel';

/** Add people or share the chat's invite link. */
export function canInviteToChat(chat: ChatContext): boolean {
  if (!managed(chat.kind) || chat.myRole === null) return false;
  return isChatAdmin(chat.myRole) || (chat.kind === 'group' && chat.membersMayInvite === true);
}

/** Remove others, appoint administrators, change settings. */
export function canManageChat(chat: ChatContext): boolean {
  return managed(chat.kind) && isChatAdmin(chat.myRole);
}

export function canEditChatInfo(chat: ChatContext): boolean {
  if (!managed(chat.kind) || chat.myRole === null) return false;
  return isChatAdmin(chat.myRole) || (chat.kind === 'group' && chat.membersMayEditInfo === true);
}

/** Anyone pins in one-to-one chats and "Saved messages"; elsewhere administrators, or members if allowed. */
export function canPinMessage(chat: ChatContext): boolean {
  if (chat.myRole === null) return false;
  if (chat.kind === 'direct' || chat.kind === 'saved') return true;
  return isChatAdmin(chat.myRole) || chat.membersMayPin === true;
}

/** Leaving: not one's "Saved messages", and not chats that follow the organisation's structure. */
export function canLeaveChat(chat: ChatContext): boolean {
  return chat.myRole !== null && (chat.kind === 'group' || chat.kind === 'channel' || chat.kind === 'direct');
}

/**
 * Awards (SPEC §5) are given in group chats by the chat's administrators and by verified
 * staff who are members; never to oneself.
 */
export function canGiveAward(
  chat: ChatContext,
  giver: { id: string; verified: boolean },
  recipientId: string,
): boolean {
  if (chat.myRole === null || chat.kind === 'direct' || chat.kind === 'saved' || giver.id === recipientId) return false;
  return isChatAdmin(chat.myRole) || giver.verified;
}
