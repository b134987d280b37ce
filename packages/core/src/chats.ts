import {
  type ChatInvite,
  type ChatInvitePreview,
  type ChatMember,
  type ChatMembersResponse,
  type ChatMineBody,
  type ChatResponse,
  type ChatSummary,
  type CreateChatBody,
  chatRoutes,
  type Folder,
  type FolderBody,
  type FoldersResponse,
  type MeResponse,
  routes,
  type UpdateChatBody,
} from '@parta/protocol';
import type { ReadableAtom } from 'nanostores';
import type { Requester } from './community.js';

/**
 * Chats beyond their messages (SPEC §4) on the client: creating them, their
 * card, members and invite links, and the member's own list (muted, pinned,
 * archived, folders). One plain action per route, taking the client first, so
 * a page that only shows a thread does not ship them.
 *
 * Actions whose answer is a chat put it into `client.$chats` at once, and
 * folder actions into `client.$folders`; the socket's frames bring the same
 * changes to the user's other tabs.
 */

/** What the chat actions need from the client: a `PartaClient`. */
export interface ChatListHost extends Requester {
  readonly userId: string | null;
  readonly $chats: ReadableAtom<ChatSummary[]>;
  /** Puts a chat the server just answered with into the list. */
  upsertChat(chat: ChatSummary): void;
  /** Takes a chat off the list (left, or removed). */
  removeChat(chatId: string): void;
  /** Replaces the user's folders with the server's answer. */
  setFolders(folders: Folder[]): void;
}

async function answered(client: ChatListHost, request: Promise<ChatResponse>): Promise<ChatSummary> {
  const { chat } = await request;
  client.upsertChat(chat);
  return chat;
}

// ------------------------------------------------------------------ chats

/**
 * A one-to-one chat with one person (the existing one when there is one), or a
 * group with several, all from the people one may contact (`forbidden` otherwise).
 * `fromChatId` copies that chat's members into the new group.
 */
export function createChat(client: ChatListHost, body: CreateChatBody): Promise<ChatSummary> {
  return answered(client, client.request<ChatResponse>(routes.chats, { method: 'POST', body }));
}

/** The user's "Saved messages", a personal chat with oneself (made on first use). */
export function openSavedChat(client: ChatListHost): Promise<ChatSummary> {
  return answered(client, client.request<ChatResponse>(chatRoutes.savedChat, { method: 'POST', body: {} }));
}

/** The chat as this member sees it, fresh from the server. */
export function getChat(client: ChatListHost, chatId: string): Promise<ChatSummary> {
  return answered(client, client.request<ChatResponse>(chatRoutes.chat(chatId)));
}

/**
 * Title and picture (administrators, or members when the chat allows it), settings
 * (administrators). Every member sees the change through a `chat.updated` event.
 */
export function updateChat(client: ChatListHost, chatId: string, body: UpdateChatBody): Promise<ChatSummary> {
  return answered(client, client.request<ChatResponse>(chatRoutes.chat(chatId), { method: 'PATCH', body }));
}

// ------------------------------------------------------------------ members

export interface ChatMembersOptions {
  /** Part of a name. */
  q?: string;
  limit?: number;
}

/**
 * Members alphabetically by surname (chats of up to 100 members; larger ones list
 * administrators first), with `total` counting all of them whatever the search.
 */
export function listChatMembers(
  client: Requester,
  chatId: string,
  options: ChatMembersOptions = {},
): Promise<ChatMembersResponse> {
  return client.request<ChatMembersResponse>(chatRoutes.chatMembers(chatId), {
    query: { q: options.q || undefined, limit: options.limit },
  });
}

/** Adds people one may contact; they get the chat live. Resolves with the chat's new state. */
export async function addChatMembers(client: ChatListHost, chatId: string, userIds: string[]): Promise<ChatSummary> {
  const { chat } = await client.request<{ chat: ChatSummary; added: string[] }>(chatRoutes.chatMembers(chatId), {
    method: 'POST',
    body: { userIds },
  });
  client.upsertChat(chat);
  return chat;
}

/**
 * Removes someone (administrators), or, given one's own id, leaves. Resolves with
 * the chat's new state, or null after leaving.
 */
export async function removeChatMember(
  client: ChatListHost,
  chatId: string,
  userId: string,
): Promise<ChatSummary | null> {
  const { chat } = await client.request<{ chat: ChatSummary | null }>(chatRoutes.chatMember(chatId, userId), {
    method: 'DELETE',
  });
  if (chat) client.upsertChat(chat);
  else client.removeChat(chatId);
  return chat;
}

/** Leaves the chat: it goes from the list at once. Structure chats and "Saved messages" cannot be left. */
export async function leaveChat(client: ChatListHost, chatId: string): Promise<void> {
  const userId = client.userId ?? (await client.request<MeResponse>(routes.me)).user.id;
  await removeChatMember(client, chatId, userId);
}

/** Appoints an administrator or takes the rights back; the owner stays the owner. */
export async function setChatMemberRole(
  client: Requester,
  chatId: string,
  userId: string,
  role: 'admin' | 'member',
): Promise<ChatMember> {
  const { member } = await client.request<{ member: ChatMember }>(chatRoutes.chatMemberRole(chatId, userId), {
    method: 'PUT',
    body: { role },
  });
  return member;
}

// ------------------------------------------------------------------ the member's own state

/**
 * Mutes, pins or archives the chat for this member. The list changes at once and
 * goes back if the server refuses.
 */
export async function setChatMine(client: ChatListHost, chatId: string, body: ChatMineBody): Promise<ChatSummary> {
  const before = client.$chats.get().find((chat) => chat.id === chatId);
  if (before) {
    client.upsertChat({
      ...before,
      ...(body.muted === undefined ? {} : { muted: body.muted }),
      ...(body.archived === undefined ? {} : { archived: body.archived }),
      ...(body.pinned === undefined
        ? {}
        : { pinnedAt: body.pinned ? (before.pinnedAt ?? new Date().toISOString()) : null }),
    });
  }
  try {
    return await answered(client, client.request<ChatResponse>(chatRoutes.chatMine(chatId), { method: 'PUT', body }));
  } catch (error) {
    const now = client.$chats.get().find((chat) => chat.id === chatId);
    if (before && now) {
      client.upsertChat({ ...now, muted: before.muted, archived: before.archived, pinnedAt: before.pinnedAt });
    }
    throw error;
  }
}

// ------------------------------------------------------------------ invite links

/** The chat's current link, for those who may share it; null when there is none. */
export async function getChatInvite(client: Requester, chatId: string): Promise<ChatInvite | null> {
  const { invite } = await client.request<{ invite: ChatInvite | null }>(chatRoutes.chatInvite(chatId));
  return invite;
}

/** Makes a link, or a new one in place of the old, which stops working. */
export async function createChatInvite(client: Requester, chatId: string): Promise<ChatInvite> {
  const { invite } = await client.request<{ invite: ChatInvite | null }>(chatRoutes.chatInvite(chatId), {
    method: 'POST',
    body: {},
  });
  return invite!;
}

export async function revokeChatInvite(client: Requester, chatId: string): Promise<void> {
  await client.request(chatRoutes.chatInvite(chatId), { method: 'DELETE' });
}

/** What a chat link opens, for a signed-in user; `invite_invalid` once it was reset or revoked. */
export function previewChatInvite(client: Requester, code: string): Promise<ChatInvitePreview> {
  return client.request<ChatInvitePreview>(chatRoutes.chatInvitePreview(code));
}

/** Joins through a chat link, directly (no request to approve); the chat appears in the list. */
export function joinChatByInvite(client: ChatListHost, code: string): Promise<ChatSummary> {
  return answered(client, client.request<ChatResponse>(chatRoutes.chatInviteJoin(code), { method: 'POST', body: {} }));
}

// ------------------------------------------------------------------ folders

/** The user's folders now (the live `client.$folders` is usually what a widget wants). */
export async function listFolders(client: ChatListHost): Promise<Folder[]> {
  const { folders } = await client.request<FoldersResponse>(chatRoutes.folders);
  client.setFolders(folders);
  return folders;
}

/** A new folder of the user's own chats; the 16th is refused with `limit_reached`. */
export async function createFolder(client: ChatListHost, body: FolderBody): Promise<Folder> {
  const { folder, folders } = await client.request<{ folder: Folder; folders: Folder[] }>(chatRoutes.folders, {
    method: 'POST',
    body,
  });
  client.setFolders(folders);
  return folder;
}

/** Renames a folder or replaces its chats. */
export async function updateFolder(client: ChatListHost, folderId: string, body: Partial<FolderBody>): Promise<Folder> {
  const { folder, folders } = await client.request<{ folder: Folder; folders: Folder[] }>(chatRoutes.folder(folderId), {
    method: 'PATCH',
    body,
  });
  client.setFolders(folders);
  return folder;
}

export async function deleteFolder(client: ChatListHost, folderId: string): Promise<void> {
  const { folders } = await client.request<FoldersResponse>(chatRoutes.folder(folderId), { method: 'DELETE' });
  client.setFolders(folders);
}
