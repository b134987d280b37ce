import type { ChatKind, ChatMemberRole } from './entities.js';
import { limits } from './limits.js';

/**
 * Permission rules as pure functions: the server calls them to enforce,
 * the widgets call the same ones to hide or disable controls.
 */
export interface ChatContext {
  kind: ChatKind;
  onlyAdminsWrite: boolean;
  /** The acting user's role in the chat, or null when not a member. */
  myRole: ChatMemberRole | null;
}

const isChatAdmin = (role: ChatMemberRole | null) => role === 'owner' || role === 'admin';

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
}

export function canEditMessage(userId: string, message: MessageContext, now = Date.now()): boolean {
  return message.authorId === userId && now - new Date(message.createdAt).getTime() <= limits.editWindowMs;
}

/** One's own message may be deleted for everyone at any age; chat admins may delete any. */
export function canDeleteForEveryone(userId: string, message: MessageContext, chat: ChatContext): boolean {
  return message.authorId === userId || isChatAdmin(chat.myRole);
}
