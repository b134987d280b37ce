const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./forward-dialog-BWx5QG2X.js","./index-4s5tZ5De.js","./client-CJrYHZFX.js","./decorate-cSunO33U.js","./thread-dialog-B-mMPaYs.js","./receipts-popover-coBNmetV.js","./award-dialog-C_fWjITR.js"])))=>i.map(i=>d[i]);
import { _ as limits, a as newClientKey, c as ConfirmResponse, d as PinResponse, f as ReceiptsResponse, i as NetworkError, l as ForwardResponse, m as SendMessageResponse, o as PartaError, p as chatRoutes, r as withImportant, u as ImportantMarkResponse } from "./client-CJrYHZFX.js";
import { c as canSendMessage, o as canGiveAward, s as canPinMessage, t as __vitePreload } from "./index-4s5tZ5De.js";
// \0rolldown/runtime.js
var __defProp = Object.defineProperty;
var __exportAll = (all, no_symbols) => {
	let target = {};
	for (var name in all) __defProp(target, name, {
		get: all[name],
		enumerable: true
	});
	if (!no_symbols) __defProp(target, Symbol.toStringTag, { value: "Module" });
	return target;
};
// packages/core/src/message-actions.ts
/** Pins (`on`) or unpins a message for everyone in the chat; resolves with the pinned state. */
async function pinMessage(client, chatId, messageId, on = true) {
	const { pinned } = await client.request(chatRoutes.pin(chatId, messageId), {
		method: on ? "PUT" : "DELETE",
		schema: PinResponse
	});
	client.updateMessage(chatId, messageId, (message) => {
		if (pinned) return {
			...message,
			pinned: true
		};
		const { pinned: _, ...rest } = message;
		return rest;
	});
	return pinned;
}
/** Marks (`on`) or unmarks a message as important for the user; the thread shows it at once. */
async function markImportant(client, chatId, messageId, on = true) {
	client.updateMessage(chatId, messageId, (message) => withImportant(message, on));
	try {
		await client.request(chatRoutes.important(chatId, messageId), {
			method: on ? "PUT" : "DELETE",
			schema: ImportantMarkResponse
		});
	} catch (error) {
		client.updateMessage(chatId, messageId, (message) => withImportant(message, !on));
		throw error;
	}
}
/**
* Forwards messages into up to 12 chats, all or none. A lost answer is retried with the
* same key, so the copies never arrive twice. Resolves with the new messages.
*/
async function forwardMessages(client, input) {
	const toChatIds = [...new Set(input.toChatIds)];
	if (toChatIds.length > limits.forwardMaxChats) throw new PartaError("limit_reached", `A message can be forwarded to at most ${limits.forwardMaxChats} chats at once`);
	const body = {
		fromChatId: input.fromChatId,
		messageIds: input.messageIds,
		toChatIds,
		clientKey: newClientKey(),
		...input.comment?.trim() ? { comment: input.comment } : {}
	};
	for (let attempt = 1;; attempt++) try {
		const { messages } = await client.request(chatRoutes.forward, {
			method: "POST",
			body,
			schema: ForwardResponse
		});
		return messages;
	} catch (error) {
		if (!(error instanceof NetworkError) || attempt >= 3) throw error;
	}
}
/**
* Confirms reading a message that asked for it; the message shows "confirmed" at once,
* and the chat counts as read up to it.
*/
async function confirmMessage(client, chatId, messageId) {
	let before;
	client.updateMessage(chatId, messageId, (message) => {
		before = message.confirmation;
		if (!message.confirmation || message.confirmation.byMe) return message;
		const { confirmed, total } = message.confirmation;
		return {
			...message,
			confirmation: {
				confirmed: confirmed + 1,
				total,
				byMe: true
			}
		};
	});
	try {
		const { confirmation } = await client.request(chatRoutes.confirm(chatId, messageId), {
			method: "POST",
			body: {},
			schema: ConfirmResponse
		});
		client.updateMessage(chatId, messageId, (message) => ({
			...message,
			confirmation: {
				...confirmation,
				confirmed: Math.max(confirmation.confirmed, message.confirmation?.confirmed ?? 0)
			}
		}));
	} catch (error) {
		client.updateMessage(chatId, messageId, (message) => ({
			...message,
			confirmation: before
		}));
		throw error;
	}
}
/** Who has read a message and, when it asked for confirmation, who confirmed: for its sender and chat admins. */
function readReceipts(client, chatId, messageId) {
	return client.request(chatRoutes.receipts(chatId, messageId), { schema: ReceiptsResponse });
}
/** Gives a member a badge: a message in the chat that everyone sees. Resolves with it. */
async function giveAward(client, chatId, award) {
	const body = {
		...award,
		clientKey: newClientKey()
	};
	for (let attempt = 1;; attempt++) try {
		const { message } = await client.request(chatRoutes.awards(chatId), {
			method: "POST",
			body,
			schema: SendMessageResponse
		});
		return message;
	} catch (error) {
		if (!(error instanceof NetworkError) || attempt >= 3) throw error;
	}
}
// packages/elements/src/thread/dialog-strings.ts
/**
* Strings of the thread's message menu and dialogs (forward, receipts, award).
* They load with them, on first use, so the chat page does not carry them.
*/
var plural = (locale, count, forms) => forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
var ru = {
	reply: "Ответить",
	pin: "Закрепить",
	unpin: "Открепить",
	markImportant: "Отметить как важное",
	unmarkImportant: "Снять отметку «важное»",
	whoRead: "Кто прочитал",
	giveAward: "Наградить",
	close: "Закрыть",
	cancel: "Отмена",
	forwardTitle: (count) => count === 1 ? "Переслать сообщение" : `Переслать ${count} ${plural("ru", count, {
		one: "сообщение",
		few: "сообщения",
		many: "сообщений",
		other: "сообщения"
	})}`,
	searchChats: "Поиск чата",
	chats: "Чаты",
	noChatsFound: "Чаты не найдены",
	chosen: (count) => `Выбрано ${count} из ${limits.forwardMaxChats}`,
	tooMany: `Переслать можно не больше чем в ${limits.forwardMaxChats} чатов за раз`,
	comment: "Комментарий (необязательно)",
	forward: "Переслать",
	forwarding: "Пересылается…",
	receiptsTitle: "Кто прочитал",
	confirmedList: (count) => `Подтвердили (${count})`,
	pendingList: (count) => `Не подтвердили (${count})`,
	readList: (count) => `Прочитали (${count})`,
	unreadList: (count) => `Ещё не прочитали (${count})`,
	nobody: "Никого",
	loading: "Загрузка…",
	awardTitle: (name) => `Наградить: ${name}`,
	badge: "Награда",
	note: "Пара слов (необязательно)",
	give: "Наградить"
};
var en = {
	reply: "Reply",
	pin: "Pin",
	unpin: "Unpin",
	markImportant: "Mark as important",
	unmarkImportant: "Remove the important mark",
	whoRead: "Who has read it",
	giveAward: "Give an award",
	close: "Close",
	cancel: "Cancel",
	forwardTitle: (count) => count === 1 ? "Forward the message" : `Forward ${count} messages`,
	searchChats: "Search chats",
	chats: "Chats",
	noChatsFound: "No chats found",
	chosen: (count) => `${count} of ${limits.forwardMaxChats} chosen`,
	tooMany: `Messages can be forwarded to at most ${limits.forwardMaxChats} chats at once`,
	comment: "Comment (optional)",
	forward: "Forward",
	forwarding: "Forwarding…",
	receiptsTitle: "Who has read it",
	confirmedList: (count) => `Confirmed (${count})`,
	pendingList: (count) => `Not confirmed (${count})`,
	readList: (count) => `Read (${count})`,
	unreadList: (count) => `Not read yet (${count})`,
	nobody: "Nobody",
	loading: "Loading…",
	awardTitle: (name) => `Award: ${name}`,
	badge: "Badge",
	note: "A few words (optional)",
	give: "Give the award"
};
function td(locale) {
	return locale === "en" ? en : ru;
}
// packages/elements/src/thread/message-menu.ts
var message_menu_exports = /* @__PURE__ */ __exportAll({
	confirmRead: () => confirmRead,
	messageItems: () => messageItems,
	openForward: () => openForward,
	openReceipts: () => openReceipts
});
/** What the permission rules need to know of a chat, its settings included. */
var rules = (chat) => ({
	...chat.settings,
	...chat
});
/** The menu entries for one message, in the order shown, before editing and deleting. */
function messageItems(host, message, trigger) {
	const strings = td(host.locale);
	const { chat, me, client, chatId } = host;
	const items = [];
	if (chat && canSendMessage(chat)) items.push({
		label: strings.reply,
		run: () => host.reply(message)
	});
	items.push({
		label: strings.forward,
		run: () => void openForward(host, [message.id], trigger)
	});
	if (chat && canPinMessage(rules(chat))) {
		const on = !message.pinned;
		items.push({
			label: on ? strings.pin : strings.unpin,
			run: () => void host.act(() => pinMessage(client, chatId, message.id, on))
		});
	}
	const important = !message.important;
	items.push({
		label: important ? strings.markImportant : strings.unmarkImportant,
		run: () => void host.act(() => markImportant(client, chatId, message.id, important))
	});
	if (message.author.id === me?.id) items.push({
		label: strings.whoRead,
		run: () => void openReceipts(host, message, trigger)
	});
	if (chat && me && canGiveAward(rules(chat), me, message.author.id)) items.push({
		label: strings.giveAward,
		run: () => void openAward(host, message, trigger)
	});
	return items;
}
async function openForward(host, messageIds, trigger) {
	const { openForwardDialog } = await __vitePreload(async () => {
		const { openForwardDialog } = await import("./forward-dialog-BWx5QG2X.js");
		return { openForwardDialog };
	}, __vite__mapDeps([0,1,2,3,4]), import.meta.url);
	openForwardDialog(host.layer, {
		client: host.client,
		locale: host.locale,
		fromChatId: host.chatId,
		messageIds,
		returnFocus: trigger,
		done: host.forwarded
	});
}
async function openReceipts(host, message, trigger) {
	const { openReceipts } = await __vitePreload(async () => {
		const { openReceipts } = await import("./receipts-popover-coBNmetV.js");
		return { openReceipts };
	}, __vite__mapDeps([5,3,1,2,4]), import.meta.url);
	openReceipts(host.layer, {
		client: host.client,
		locale: host.locale,
		chatId: host.chatId,
		messageId: message.id,
		returnFocus: trigger
	});
}
async function openAward(host, message, trigger) {
	const { openAwardDialog } = await __vitePreload(async () => {
		const { openAwardDialog } = await import("./award-dialog-C_fWjITR.js");
		return { openAwardDialog };
	}, __vite__mapDeps([6,2,3,1,4]), import.meta.url);
	openAwardDialog(host.layer, {
		client: host.client,
		locale: host.locale,
		chatId: host.chatId,
		recipient: message.author,
		returnFocus: trigger
	});
}
/** Confirms reading; the core counts it at once and puts it back if the server refuses. */
function confirmRead(host, message) {
	return host.act(() => confirmMessage(host.client, host.chatId, message.id));
}
export { readReceipts as a, confirmRead, giveAward as i, messageItems, td as n, openForward, openReceipts, forwardMessages as r, message_menu_exports as t };
