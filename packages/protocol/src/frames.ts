import * as z from 'zod/mini';
import { Folder } from './chat.js';
import { OrgCounters } from './community.js';
import { ChatEvent, ChatSummary, Id } from './entities.js';

/**
 * One WebSocket per page. The client authenticates in the first frame (never
 * in the URL, which ends up in logs), then tells the server the last sequence
 * number it holds for each chat; the server replays what came after.
 */
export const ClientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string() }),
  z.object({ type: z.literal('resume'), cursors: z.record(Id, z.int()) }),
  z.object({ type: z.literal('ping'), t: z.number() }),
  /** The user is typing in a chat; sent at most every few seconds while typing. */
  z.object({ type: z.literal('typing'), chatId: Id }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), userId: Id, sessionId: z.string() }),
  z.object({ type: z.literal('event'), event: ChatEvent }),
  /** Sent after a resume replay: everything before this frame was missed while away. */
  z.object({ type: z.literal('resumed'), replayed: z.int() }),
  /** The user's chat list changed (joined, left, renamed). */
  z.object({ type: z.literal('chat'), chat: ChatSummary }),
  z.object({ type: z.literal('chat.removed'), chatId: Id }),
  /** What waits for this member's decision changed (join requests, verifications). */
  z.object({ type: z.literal('counters'), counters: OrgCounters }),
  /** Messages this user deleted for itself only, on another tab or device. */
  z.object({ type: z.literal('messages.hidden'), chatId: Id, messageIds: z.array(Id) }),
  /** The user's organisations, roles or profile changed (a request approved, a role given or taken). */
  z.object({ type: z.literal('me.changed') }),
  /** Who is typing in a chat now (the whole set; empty when nobody). Batched per chat. */
  z.object({ type: z.literal('typing'), chatId: Id, userIds: z.array(Id) }),
  /**
   * Batched per chat: the furthest new read positions (of at most two members: enough for
   * each member to know how far the others have read) and the new confirmation counts of
   * messages that asked for read confirmation.
   */
  z.object({
    type: z.literal('receipts'),
    chatId: Id,
    reads: z.record(Id, z.int()),
    confirmations: z.record(Id, z.int()),
  }),
  /** The user marked or unmarked a message as important on another tab or device. */
  z.object({ type: z.literal('message.marked'), chatId: Id, messageId: Id, important: z.boolean() }),
  /** The user's folders changed. */
  z.object({ type: z.literal('folders'), folders: z.array(Folder) }),
  z.object({ type: z.literal('pong'), t: z.number() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
