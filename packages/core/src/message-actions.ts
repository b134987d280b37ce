import {
  type AwardBadge,
  type ConfirmResponse,
  chatRoutes,
  type ImportantResponse,
  limits,
  type Message,
  PartaError,
  type ReceiptsResponse,
  type SendMessageResponse,
} from '@parta/protocol';
import { type PartaClient, withImportant } from './client.js';
import { newClientKey } from './client-key.js';
import { NetworkError } from './errors.js';

/**
 * What one does with a message besides writing it (SPEC §5), as plain actions taking the
 * client first, so a page that only shows chats does not ship them. Where the outcome is
 * certain the thread changes at once and is put back if the server refuses.
 */

export type ImportantItem = ImportantResponse['items'][number];

/** Pins (`on`) or unpins a message for everyone in the chat; resolves with the pinned state. */
export async function pinMessage(client: PartaClient, chatId: string, messageId: string, on = true): Promise<boolean> {
  const { pinned } = await client.request<{ pinned: boolean }>(chatRoutes.pin(chatId, messageId), {
    method: on ? 'PUT' : 'DELETE',
  });
  // The `message.pinned` event follows; this only spares the wait.
  client.updateMessage(chatId, messageId, (message) => {
    if (pinned) return { ...message, pinned: true };
    const { pinned: _, ...rest } = message;
    return rest;
  });
  return pinned;
}

/** The chat's pinned messages, the latest pinned first. */
export async function listPins(client: PartaClient, chatId: string): Promise<Message[]> {
  return (await client.request<{ messages: Message[] }>(chatRoutes.pins(chatId))).messages;
}

/** Marks (`on`) or unmarks a message as important for the user; the thread shows it at once. */
export async function markImportant(client: PartaClient, chatId: string, messageId: string, on = true): Promise<void> {
  client.updateMessage(chatId, messageId, (message) => withImportant(message, on));
  try {
    await client.request(chatRoutes.important(chatId, messageId), {
      method: on ? 'PUT' : 'DELETE',
    });
  } catch (error) {
    client.updateMessage(chatId, messageId, (message) => withImportant(message, !on));
    throw error;
  }
}

/** Everything the user marked important, across their chats, the latest marked first. */
export async function listImportant(client: PartaClient): Promise<ImportantItem[]> {
  return (await client.request<ImportantResponse>(chatRoutes.importantMessages)).items;
}

export interface ForwardInput {
  fromChatId: string;
  /** In any order: they arrive in the order they were written. */
  messageIds: string[];
  /** At most `limits.forwardMaxChats` (12). */
  toChatIds: string[];
  /** Sent before the forwarded messages. */
  comment?: string;
}

/**
 * Forwards messages into up to 12 chats, all or none. A lost answer is retried with the
 * same key, so the copies never arrive twice. Resolves with the new messages.
 */
export async function forwardMessages(client: PartaClient, input: ForwardInput): Promise<Message[]> {
  const toChatIds = [...new Set(input.toChatIds)];
  if (toChatIds.length > limits.forwardMaxChats) {
    throw new PartaError(
      'limit_reached',
      `A message can be forwarded to at most ${limits.forwardMaxChats} chats at once`,
    );
  }
  const body = {
    fromChatId: input.fromChatId,
    messageIds: input.messageIds,
    toChatIds,
    clientKey: newClientKey(),
    ...(input.comment?.trim() ? { comment: input.comment } : {}),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      const { messages } = await client.request<{ messages: Message[] }>(chatRoutes.forward, { method: 'POST', body });
      return messages;
    } catch (error) {
      if (!(error instanceof NetworkError) || attempt >= 3) throw error;
    }
  }
}

/**
 * Confirms reading a message that asked for it; the message shows "confirmed" at once,
 * and the chat counts as read up to it.
 */
export async function confirmMessage(client: PartaClient, chatId: string, messageId: string): Promise<void> {
  let before: Message['confirmation'];
  client.updateMessage(chatId, messageId, (message) => {
    before = message.confirmation;
    if (!message.confirmation || message.confirmation.byMe) return message;
    const { confirmed, total } = message.confirmation;
    return { ...message, confirmation: { confirmed: confirmed + 1, total, byMe: true } };
  });
  try {
    const { confirmation } = await client.request<ConfirmResponse>(chatRoutes.confirm(chatId, messageId), {
      method: 'POST',
      body: {},
    });
    client.updateMessage(chatId, messageId, (message) => ({
      ...message,
      confirmation: {
        ...confirmation,
        // A batch of others' confirmations may already have counted further.
        confirmed: Math.max(confirmation.confirmed, message.confirmation?.confirmed ?? 0),
      },
    }));
  } catch (error) {
    client.updateMessage(chatId, messageId, (message) => ({ ...message, confirmation: before }));
    throw error;
  }
}

/** Who has read a message and, when it asked for confirmation, who confirmed: for its sender and chat admins. */
export function readReceipts(client: PartaClient, chatId: string, messageId: string): Promise<ReceiptsResponse> {
  return client.request<ReceiptsResponse>(chatRoutes.receipts(chatId, messageId));
}

export interface AwardInput {
  userId: string;
  badge: AwardBadge;
  /** Shown as the award message's text. */
  note?: string;
}

/** Gives a member a badge: a message in the chat that everyone sees. Resolves with it. */
export async function giveAward(client: PartaClient, chatId: string, award: AwardInput): Promise<Message> {
  const body = { ...award, clientKey: newClientKey() };
  for (let attempt = 1; ; attempt++) {
    try {
      const { message } = await client.request<SendMessageResponse>(chatRoutes.awards(chatId), {
        method: 'POST',
        body,
      });
      return message;
    } catch (error) {
      if (!(error instanceof NetworkError) || attempt >= 3) throw error;
    }
  }
}
