import { confirmMessage, markImportant, type PartaClient, pinMessage } from '@parta/core';
import {
  type ChatContext,
  type ChatSummary,
  canGiveAward,
  canPinMessage,
  canSendMessage,
  type Message,
  type UserSummary,
} from '@parta/protocol';
import { td } from './dialog-strings.js';
import { latest, toggleReaction, userIdOf } from './reaction-actions.js';

export { toggleReaction };

/**
 * What one does with a message besides editing and deleting it: reply, react,
 * forward, pin, mark important, who read it, award. The thread loads this
 * with the first menu opened (or the first confirmation clicked), so a page
 * that only shows chats does not carry it; the dialogs load on their first use.
 */

/** What the actions need from the thread. */
export interface ActionsHost {
  client: PartaClient;
  chatId: string;
  locale: string | undefined;
  chat: ChatSummary | undefined;
  me: UserSummary | undefined;
  /** Where dialogs go. */
  layer: Element;
  reply: (message: Message) => void;
  /**
   * Runs an action; a refusal shows in the thread's notice, in `explain`'s words when it
   * has some for it. Resolves whether it went through.
   */
  act: (action: () => Promise<unknown>, explain?: (error: unknown) => string | undefined) => Promise<boolean>;
  /** After a forward went out (ends selection mode). */
  forwarded: () => void;
}

export interface ActionItem {
  label: string;
  run: () => void;
}

/** What the permission rules need to know of a chat, its settings included. */
const rules = (chat: ChatSummary): ChatContext => ({ ...chat.settings, ...chat });

/** The menu entries for one message, in the order shown, before editing and deleting. */
export function messageItems(host: ActionsHost, message: Message, trigger: HTMLElement): ActionItem[] {
  const strings = td(host.locale);
  const { chat, me, client, chatId } = host;
  const items: ActionItem[] = [];
  if (chat && canSendMessage(chat)) items.push({ label: strings.reply, run: () => host.reply(message) });
  if (userIdOf(host)) items.push({ label: strings.react, run: () => void openReactions(host, message, trigger) });
  items.push({ label: strings.forward, run: () => void openForward(host, [message.id], trigger) });
  if (chat && canPinMessage(rules(chat))) {
    const on = !message.pinned;
    items.push({
      label: on ? strings.pin : strings.unpin,
      run: () => void host.act(() => pinMessage(client, chatId, message.id, on)),
    });
  }
  const important = !message.important;
  items.push({
    label: important ? strings.markImportant : strings.unmarkImportant,
    run: () => void host.act(() => markImportant(client, chatId, message.id, important)),
  });
  if (message.author.id === me?.id) {
    items.push({ label: strings.whoRead, run: () => void openReceipts(host, message, trigger) });
  }
  if (chat && me && canGiveAward(rules(chat), me, message.author.id)) {
    items.push({ label: strings.giveAward, run: () => void openAward(host, message, trigger) });
  }
  return items;
}

export async function openForward(host: ActionsHost, messageIds: string[], trigger: HTMLElement | null) {
  const { openForwardDialog } = await import('./forward-dialog.js');
  openForwardDialog(host.layer, {
    client: host.client,
    locale: host.locale,
    fromChatId: host.chatId,
    messageIds,
    returnFocus: trigger,
    done: host.forwarded,
  });
}

export async function openReceipts(host: ActionsHost, message: Message, trigger: HTMLElement | null) {
  const { openReceipts } = await import('./receipts-popover.js');
  openReceipts(host.layer, {
    client: host.client,
    locale: host.locale,
    chatId: host.chatId,
    messageId: message.id,
    returnFocus: trigger,
  });
}

async function openAward(host: ActionsHost, message: Message, trigger: HTMLElement | null) {
  const { openAwardDialog } = await import('./award-dialog.js');
  openAwardDialog(host.layer, {
    client: host.client,
    locale: host.locale,
    chatId: host.chatId,
    recipient: message.author,
    returnFocus: trigger,
  });
}

/** The quick emoji picker next to `trigger`; a choice adds the reader's reaction or takes it back. */
export async function openReactions(host: ActionsHost, message: Message, trigger: HTMLElement) {
  const userId = userIdOf(host);
  if (!userId) return;
  const { openReactionPicker } = await import('./reaction-picker.js');
  const chosen = (latest(host, message).reactions ?? []).flatMap((entry) =>
    entry.userIds.includes(userId) ? [entry.emoji] : [],
  );
  openReactionPicker(host.layer, {
    locale: host.locale,
    chosen,
    trigger,
    pick: (emoji, on) => void toggleReaction(host, message, emoji, on),
  });
}

/** Confirms reading; the core counts it at once and puts it back if the server refuses. */
export function confirmRead(host: ActionsHost, message: Message): Promise<boolean> {
  return host.act(() => confirmMessage(host.client, host.chatId, message.id));
}
