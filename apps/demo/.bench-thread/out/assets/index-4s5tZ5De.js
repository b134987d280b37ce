const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./message-menu-CyKcq8W-.js","./client-CJrYHZFX.js"])))=>i.map(i=>d[i]);
import { _ as limits, h as routes, n as createClient, s as errorMessage, t as cacheOf } from "./client-CJrYHZFX.js";
import { a as i$4, c as b, i as n$3, l as j$1, n as tokens, o as A, s as E, t as __decorate, u as i$3 } from "./decorate-cSunO33U.js";
// \0vite/modulepreload-polyfill.js
(function polyfill() {
	const relList = document.createElement("link").relList;
	if (relList && relList.supports && relList.supports("modulepreload")) return;
	for (const link of document.querySelectorAll("link[rel=\"modulepreload\"]")) processPreload(link);
	new MutationObserver((mutations) => {
		for (const mutation of mutations) {
			if (mutation.type !== "childList") continue;
			for (const node of mutation.addedNodes) if (node.tagName === "LINK" && node.rel === "modulepreload") processPreload(node);
		}
	}).observe(document, {
		childList: true,
		subtree: true
	});
	function getFetchOpts(link) {
		const fetchOpts = {};
		if (link.integrity) fetchOpts.integrity = link.integrity;
		if (link.referrerPolicy) fetchOpts.referrerPolicy = link.referrerPolicy;
		if (link.crossOrigin === "use-credentials") fetchOpts.credentials = "include";
		else if (link.crossOrigin === "anonymous") fetchOpts.credentials = "omit";
		else fetchOpts.credentials = "same-origin";
		return fetchOpts;
	}
	function processPreload(link) {
		if (link.ep) return;
		link.ep = true;
		const fetchOpts = getFetchOpts(link);
		fetch(link.href, fetchOpts);
	}
})();
// packages/protocol/src/permissions.ts
var isChatAdmin = (role) => role === "owner" || role === "admin";
function canSendMessage(chat) {
	if (chat.myRole === null) return false;
	if (chat.kind === "channel" || chat.onlyAdminsWrite) return isChatAdmin(chat.myRole);
	return true;
}
function canEditMessage(userId, message, now = Date.now()) {
	return message.authorId === userId && now - new Date(message.createdAt).getTime() <= limits.editWindowMs;
}
/** One's own message may be deleted for everyone at any age; chat admins may delete any. */
function canDeleteForEveryone(userId, message, chat) {
	return message.authorId === userId || isChatAdmin(chat.myRole);
}
/** Anyone pins in one-to-one chats and "Saved messages"; elsewhere administrators, or members if allowed. */
function canPinMessage(chat) {
	if (chat.myRole === null) return false;
	if (chat.kind === "direct" || chat.kind === "saved") return true;
	return isChatAdmin(chat.myRole) || chat.membersMayPin === true;
}
/**
* Awards (SPEC §5) are given in group chats by the chat's administrators and by verified
* staff who are members; never to oneself.
*/
function canGiveAward(chat, giver, recipientId) {
	if (chat.myRole === null || chat.kind === "direct" || chat.kind === "saved" || giver.id === recipientId) return false;
	return isChatAdmin(chat.myRole) || giver.verified;
}
// packages/core/src/drafts.ts
/** Without IndexedDB (`storage: 'none'`, private modes) drafts last as long as the client. */
var inMemory = /* @__PURE__ */ new WeakMap();
/**
* What the user had written in a chat and not sent; empty when nothing.
* Kept per user and chat in IndexedDB, so it survives a reload.
*/
async function loadDraft(client, chatId) {
	const cache = await cacheOf(client);
	if (cache) return cache.draft(chatId);
	return inMemory.get(client)?.get(chatId) ?? "";
}
/** Keeps the text being written in a chat; empty (or blank) text deletes the draft. */
async function saveDraft(client, chatId, text) {
	const kept = text.trim() === "" ? "" : text;
	const cache = await cacheOf(client);
	if (cache) return cache.saveDraft(chatId, kept);
	let drafts = inMemory.get(client);
	if (!drafts) inMemory.set(client, drafts = /* @__PURE__ */ new Map());
	if (kept === "") drafts.delete(chatId);
	else drafts.set(chatId, kept);
}
// node_modules/.pnpm/@lit+reactive-element@2.1.2/node_modules/@lit/reactive-element/decorators/base.js
/**
* @license
* Copyright 2017 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/
var e$3 = (e, t, c) => (c.configurable = !0, c.enumerable = !0, Reflect.decorate && "object" != typeof t && Object.defineProperty(e, t, c), c);
// node_modules/.pnpm/@lit+reactive-element@2.1.2/node_modules/@lit/reactive-element/decorators/query.js
/**
* @license
* Copyright 2017 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/ function e$2(e, r) {
	return (n, s, i) => {
		const o = (t) => t.renderRoot?.querySelector(e) ?? null;
		if (r) {
			const { get: e, set: r } = "object" == typeof s ? n : i ?? (() => {
				const t = Symbol();
				return {
					get() {
						return this[t];
					},
					set(e) {
						this[t] = e;
					}
				};
			})();
			return e$3(n, s, { get() {
				let t = e.call(this);
				return void 0 === t && (t = o(this), (null !== t || this.hasUpdated) && r.call(this, t)), t;
			} });
		}
		return e$3(n, s, { get() {
			return o(this);
		} });
	};
}
// packages/elements/src/events/message-send.ts
/**
* The user asks to send a message from `<parta-composer>`.
* Cancelable: `preventDefault()` stops the send and keeps the text in the box.
*/
var PartaMessageSendEvent = class PartaMessageSendEvent extends Event {
	static {
		this.eventName = "parta-message-send";
	}
	constructor(text, options = {}) {
		super(PartaMessageSendEvent.eventName, {
			bubbles: true,
			composed: true,
			cancelable: true
		});
		this.text = text;
		this.chatId = options.chatId;
		this.replyToId = options.replyToId ?? null;
		this.requiresConfirmation = options.requiresConfirmation ?? false;
	}
};
// packages/elements/src/i18n.ts
var plural = (locale, count, forms) => forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
var strings = {
	ru: {
		chats: "Чаты",
		noChats: "Чатов пока нет",
		loading: "Загрузка…",
		noMessages: "Сообщений пока нет",
		selectChat: "Выберите чат",
		messages: "Сообщения",
		loadOlder: "Показать более ранние",
		newMessages: "Новые сообщения",
		toLatest: "К последним сообщениям",
		message: "Сообщение",
		send: "Отправить",
		sending: "Отправляется…",
		failed: "Не отправлено",
		retry: "Повторить",
		deleted: "Сообщение удалено",
		edited: "изменено",
		verified: "Подтверждённый пользователь",
		you: "Вы",
		offline: "Нет соединения. Сообщения придут, когда связь вернётся",
		connecting: "Подключение…",
		readOnly: "Писать в этот чат могут только администраторы",
		loadFailed: "Не удалось загрузить сообщения",
		messageActions: "Действия с сообщением",
		edit: "Изменить",
		deleteForEveryone: "Удалить у всех",
		deleteForMe: "Удалить у меня",
		select: "Выбрать",
		editing: "Изменение сообщения",
		save: "Сохранить",
		cancel: "Отмена",
		selectMessage: "Выбрать сообщение",
		deleteCount: (count) => `Удалить (${count})`,
		delete: "Удалить",
		deleteQuestion: (count) => count === 1 ? "Удалить сообщение?" : `Удалить ${count} ${plural("ru", count, {
			one: "сообщение",
			few: "сообщения",
			many: "сообщений",
			other: "сообщения"
		})}?`,
		deleteEveryoneDetail: "Удалённое исчезнет у всех участников чата, вернуть его будет нельзя.",
		deleteMeDetail: "Удалённое исчезнет только у вас: остальные участники по-прежнему его увидят.",
		replying: "Ответ на сообщение",
		toOriginal: (name) => `Перейти к сообщению: ${name}`,
		cancelReply: "Не отвечать",
		forwardCount: (count) => `Переслать (${count})`,
		forwardedFrom: (name) => `Переслано от ${name}`,
		pinnedMessage: "Закреплённое сообщение",
		important: "Важное",
		sent: "Отправлено",
		read: "Прочитано",
		askConfirmation: "Запросить подтверждение прочтения",
		confirmedCount: (done, total) => `Подтвердили ${done} из ${total}`,
		confirmRead: "Подтвердить прочтение",
		youConfirmed: "Вы подтвердили",
		awarded: (giver, recipient, badge) => `${giver} наградил(а) ${recipient}: «${badge}»`,
		badges: {
			curious: "Хочу всё знать",
			helper: "Помощник",
			star: "Звезда урока",
			creative: "Творческий подход",
			leader: "Лидер"
		},
		disappears: (time) => `Исчезнет ${time}`,
		unread: (count) => `${count} ${new Intl.PluralRules("ru").select(count) === "one" ? "непрочитанное" : "непрочитанных"}`,
		memberCount: (count) => `${count} ${plural("ru", count, {
			one: "участник",
			few: "участника",
			many: "участников",
			other: "участника"
		})}`,
		chatInfo: "Карточка чата",
		closeCard: "Закрыть",
		allChats: "Все",
		archive: "Архив",
		unreadOnly: "Непрочитанные",
		saved: "Избранное",
		newChat: "Новый чат",
		folders: "Папки",
		newFolder: "Новая папка",
		editFolder: "Изменить папку",
		pinnedMark: "закреплён",
		mutedMark: "без уведомлений",
		chatActions: "Действия с чатом",
		actionsHint: "Действия с чатом: Shift+F10",
		noUnread: "Непрочитанных нет",
		archiveEmpty: "В архиве пусто",
		folderEmpty: "В этой папке нет чатов",
		forwarded: "Переслано",
		award: "Награда",
		typing: (names) => names.length === 0 ? "печатает…" : names.length === 1 ? `${names[0]} печатает…` : names.length === 2 ? `${names[0]} и ${names[1]} печатают…` : `${names.length} ${plural("ru", names.length, {
			one: "человек",
			few: "человека",
			many: "человек",
			other: "человека"
		})} печатают…`
	},
	en: {
		chats: "Chats",
		noChats: "No chats yet",
		loading: "Loading…",
		noMessages: "No messages yet",
		selectChat: "Choose a chat",
		messages: "Messages",
		loadOlder: "Show earlier messages",
		newMessages: "New messages",
		toLatest: "Go to the latest messages",
		message: "Message",
		send: "Send",
		sending: "Sending…",
		failed: "Not sent",
		retry: "Retry",
		deleted: "Message deleted",
		edited: "edited",
		verified: "Verified user",
		you: "You",
		offline: "No connection. Messages will arrive when it is back",
		connecting: "Connecting…",
		readOnly: "Only administrators can write in this chat",
		loadFailed: "Could not load messages",
		messageActions: "Message actions",
		edit: "Edit",
		deleteForEveryone: "Delete for everyone",
		deleteForMe: "Delete for me",
		select: "Select",
		editing: "Editing the message",
		save: "Save",
		cancel: "Cancel",
		selectMessage: "Select message",
		deleteCount: (count) => `Delete (${count})`,
		delete: "Delete",
		deleteQuestion: (count) => count === 1 ? "Delete the message?" : `Delete ${count} messages?`,
		deleteEveryoneDetail: "It will disappear for every member of the chat; this cannot be undone.",
		deleteMeDetail: "It will disappear for you only; the other members will still see it.",
		replying: "Replying to",
		toOriginal: (name) => `Go to the message: ${name}`,
		cancelReply: "Cancel reply",
		forwardCount: (count) => `Forward (${count})`,
		forwardedFrom: (name) => `Forwarded from ${name}`,
		pinnedMessage: "Pinned message",
		important: "Important",
		sent: "Sent",
		read: "Read",
		askConfirmation: "Ask to confirm reading",
		confirmedCount: (done, total) => `Confirmed by ${done} of ${total}`,
		confirmRead: "Confirm reading",
		youConfirmed: "You confirmed",
		awarded: (giver, recipient, badge) => `${giver} gave ${recipient} an award: “${badge}”`,
		badges: {
			curious: "Curious mind",
			helper: "Helper",
			star: "Star of the lesson",
			creative: "Creative approach",
			leader: "Leader"
		},
		disappears: (time) => `Disappears ${time}`,
		unread: (count) => `${count} unread`,
		memberCount: (count) => `${count} ${count === 1 ? "member" : "members"}`,
		chatInfo: "Chat info",
		closeCard: "Close",
		allChats: "All",
		archive: "Archive",
		unreadOnly: "Unread",
		saved: "Saved messages",
		newChat: "New chat",
		folders: "Folders",
		newFolder: "New folder",
		editFolder: "Edit folder",
		pinnedMark: "pinned",
		mutedMark: "muted",
		chatActions: "Chat actions",
		actionsHint: "Chat actions: Shift+F10",
		noUnread: "No unread chats",
		archiveEmpty: "The archive is empty",
		folderEmpty: "No chats in this folder",
		forwarded: "Forwarded",
		award: "Award",
		typing: (names) => names.length === 0 ? "typing…" : names.length === 1 ? `${names[0]} is typing…` : names.length === 2 ? `${names[0]} and ${names[1]} are typing…` : `${names.length} people are typing…`
	}
};
/** The strings of a locale; anything unknown falls back to Russian, the default. */
function t$2(locale) {
	return strings[locale in strings ? locale : "ru"];
}
/** A clock time for today, a date otherwise. */
function formatTime(iso, locale, now = /* @__PURE__ */ new Date()) {
	const today = now.toDateString();
	const key = `${locale ?? "ru"}|${today}|${iso}`;
	const known = formattedTimes.get(key);
	if (known !== void 0) return known;
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return "";
	const text = timeFormat(locale ?? "ru", date.toDateString() === today).format(date);
	if (formattedTimes.size >= 2e3) formattedTimes.clear();
	formattedTimes.set(key, text);
	return text;
}
var formattedTimes = /* @__PURE__ */ new Map();
var timeFormats = /* @__PURE__ */ new Map();
function timeFormat(locale, sameDay) {
	const key = `${locale}|${sameDay}`;
	let format = timeFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, sameDay ? {
			hour: "2-digit",
			minute: "2-digit"
		} : {
			day: "numeric",
			month: "short"
		});
		timeFormats.set(key, format);
	}
	return format;
}
/** Staff are shown with the patronymic (SPEC §2), everyone else by surname and name. */
function displayName(user) {
	return [
		user.surname,
		user.name,
		user.verified ? user.patronymic : null
	].filter(Boolean).join(" ");
}
// packages/elements/src/composer/composer.styles.ts
var styles$1 = i$3`
  :host {
    display: block;
    background: var(--parta-composer-bg, var(--_bg));
    border-top: 1px solid var(--_border);
  }
  form {
    display: flex;
    align-items: flex-end;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-3);
  }
  textarea {
    flex: 1;
    min-height: 40px;
    max-height: 40vh;
    field-sizing: content;
    resize: none;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-m);
    background: var(--parta-composer-input-bg, var(--_surface));
    color: inherit;
    font: inherit;
  }
  textarea:disabled {
    opacity: 0.7;
  }
  button {
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    flex: none;
    border: 0;
    border-radius: 50%;
    background: var(--parta-composer-send-bg, var(--_accent));
    color: var(--parta-composer-send-color, var(--_on-accent));
    cursor: pointer;
  }
  [part~='confirm-toggle'] {
    background: none;
    color: var(--_muted);
  }
  [part~='confirm-toggle'][aria-pressed='true'] {
    background: color-mix(in srgb, var(--_accent) 16%, transparent);
    color: var(--_accent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.45;
  }
  svg {
    width: 20px;
    height: 20px;
    fill: currentColor;
  }
`;
// node_modules/.pnpm/@lit+context@1.1.6/node_modules/@lit/context/lib/context-request-event.js
/**
* @license
* Copyright 2021 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/
var s$2 = class extends Event {
	constructor(s, t, e, o) {
		super("context-request", {
			bubbles: !0,
			composed: !0
		}), this.context = s, this.contextTarget = t, this.callback = e, this.subscribe = o ?? !1;
	}
};
// node_modules/.pnpm/@lit+context@1.1.6/node_modules/@lit/context/lib/create-context.js
/**
* @license
* Copyright 2021 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/
function n$2(n) {
	return n;
}
// node_modules/.pnpm/@lit+context@1.1.6/node_modules/@lit/context/lib/controllers/context-consumer.js
/**
* @license
* Copyright 2021 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/ var s$1 = class {
	constructor(t, s, i, h) {
		if (this.subscribe = !1, this.provided = !1, this.value = void 0, this.t = (t, s) => {
			this.unsubscribe && (this.unsubscribe !== s && (this.provided = !1, this.unsubscribe()), this.subscribe || this.unsubscribe()), this.value = t, this.host.requestUpdate(), this.provided && !this.subscribe || (this.provided = !0, this.callback && this.callback(t, s)), this.unsubscribe = s;
		}, this.host = t, void 0 !== s.context) {
			const t = s;
			this.context = t.context, this.callback = t.callback, this.subscribe = t.subscribe ?? !1;
		} else this.context = s, this.callback = i, this.subscribe = h ?? !1;
		this.host.addController(this);
	}
	hostConnected() {
		this.dispatchRequest();
	}
	hostDisconnected() {
		this.unsubscribe && (this.unsubscribe(), this.unsubscribe = void 0);
	}
	dispatchRequest() {
		this.host.dispatchEvent(new s$2(this.context, this.host, this.t, this.subscribe));
	}
};
// packages/elements/src/context.ts
/**
* The page's Parta client, handed down from `<parta-client>` to every widget
* inside it. The key is global so separately bundled packages (such as
* `@parta/calls`) find the same provider.
*/
var partaClientContext = n$2(Symbol.for("parta.client"));
// packages/elements/src/controllers/client-controller.ts
/**
* Finds the client provided by an enclosing `<parta-client>`. Widgets may be
* upgraded before the provider is (the page imported their `define` first);
* then the request goes unanswered, so it is repeated once `parta-client`
* is defined.
*/
var ClientController = class {
	#host;
	#consumer;
	#answered = false;
	#onChange;
	constructor(host, onChange) {
		this.#host = host;
		this.#onChange = onChange;
		this.#consumer = new s$1(host, {
			context: partaClientContext,
			subscribe: true,
			callback: () => {
				this.#answered = true;
				this.#onChange();
			}
		});
		host.addController(this);
	}
	/** The provided client, if any. */
	get value() {
		return this.#consumer.value;
	}
	hostConnected() {
		if (this.#answered || customElements.get("parta-client")) return;
		customElements.whenDefined("parta-client").then(() => {
			if (!this.#answered && this.#host.isConnected) this.#consumer.hostConnected();
		});
	}
};
/**
* Keeps what is written in a chat's box as that chat's draft (`@parta/core`'s
* `loadDraft`/`saveDraft`, in IndexedDB): restored when the chat opens, saved
* a moment after typing stops and when the chat changes or the box goes away,
* deleted on send. Without a client (a bare composer) it does nothing.
*/
var DraftController = class {
	#host;
	#provided;
	#client;
	#chatId;
	#timer;
	/** Typed (or sent) since the draft was asked for: a late answer must not overwrite it. */
	#edited = false;
	constructor(host) {
		this.#host = host;
		this.#provided = new ClientController(host, () => host.requestUpdate());
		host.addController(this);
	}
	hostUpdate() {
		const client = this.#host.client ?? this.#provided.value;
		const chatId = this.#host.chatId;
		if (client === this.#client && chatId === this.#chatId) return;
		const switched = this.#chatId !== void 0 && chatId !== this.#chatId;
		this.flush();
		this.#client = client;
		this.#chatId = chatId;
		this.#edited = false;
		if (switched) this.#host.value = "";
		this.#restore(client, chatId);
	}
	hostDisconnected() {
		this.flush();
	}
	/** The user typed: written down once they pause. */
	changed() {
		this.#edited = true;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), 300);
	}
	/** The message went out: nothing is left to keep. */
	cleared() {
		this.#edited = true;
		clearTimeout(this.#timer);
		this.#timer = void 0;
		if (this.#client && this.#chatId) saveDraft(this.#client, this.#chatId, "");
	}
	/** Writes a pending draft now. */
	flush() {
		if (this.#timer === void 0) return;
		clearTimeout(this.#timer);
		this.#timer = void 0;
		if (this.#client && this.#chatId) saveDraft(this.#client, this.#chatId, this.#host.value);
	}
	async #restore(client, chatId) {
		if (!client || !chatId) return;
		const text = await loadDraft(client, chatId);
		if (!text || this.#edited || client !== this.#client || chatId !== this.#chatId) return;
		if (this.#host.value.trim() === "") this.#host.value = text;
	}
};
// packages/elements/src/composer/composer.ts
/**
* @summary The box where a message is written. Enter sends, Shift+Enter starts a new line.
*
* A leaf: it knows nothing of the server. Sending fires `parta-message-send`;
* unless a listener calls `preventDefault()`, the box is cleared.
*
* @fires parta-message-send - The user asks to send `event.text`. Cancelable: `preventDefault()` keeps the text and stops the send.
* @csspart form - The row holding the box and the button.
* @csspart input - The text box.
* @csspart send-button - The send button.
* @csspart confirm-toggle - Asks readers of the next message to confirm reading (with `confirmable`); `aria-pressed` when on.
* @cssproperty --parta-composer-bg
* @cssproperty --parta-composer-input-bg
* @cssproperty --parta-composer-send-bg
* @cssproperty --parta-composer-send-color
*/
var PartaComposer = class extends i$4 {
	constructor(..._args) {
		super(..._args);
		this.value = "";
		this.disabled = false;
		this.confirmable = false;
		this.requiresConfirmation = false;
		this.#draft = new DraftController(this);
		this.#onInput = (event) => {
			this.value = event.target.value;
			this.#draft.changed();
		};
		this.#onKeydown = (event) => {
			if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
			event.preventDefault();
			this.send();
		};
		this.#onSubmit = (event) => {
			event.preventDefault();
			this.send();
			this.textarea.focus();
		};
	}
	static {
		this.styles = [tokens, styles$1];
	}
	static {
		this.shadowRootOptions = {
			...i$4.shadowRootOptions,
			delegatesFocus: true
		};
	}
	#draft;
	/**
	* Sends what is written, as the send button does. Returns false when there
	* was nothing to send or a listener vetoed it.
	*/
	send() {
		const text = this.value.trim();
		if (this.disabled || text === "") return false;
		const requiresConfirmation = this.confirmable && this.requiresConfirmation;
		if (!this.dispatchEvent(new PartaMessageSendEvent(text, {
			chatId: this.chatId,
			requiresConfirmation
		}))) return false;
		this.value = "";
		this.#draft.cleared();
		this.requiresConfirmation = false;
		return true;
	}
	focus(options) {
		this.textarea?.focus(options);
	}
	render() {
		const strings = t$2(this.locale);
		const empty = this.value.trim() === "";
		return b`<form part="form" @submit=${this.#onSubmit}>
      <textarea
        part="input"
        rows="1"
        aria-label=${strings.message}
        placeholder=${this.placeholder ?? strings.message}
        maxlength=${limits.messageTextMax}
        .value=${this.value}
        ?disabled=${this.disabled}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
      ></textarea>
      ${this.confirmable ? b`<button
              part="confirm-toggle"
              type="button"
              aria-pressed=${this.requiresConfirmation ? "true" : "false"}
              aria-label=${strings.askConfirmation}
              title=${strings.askConfirmation}
              ?disabled=${this.disabled}
              @click=${() => this.requiresConfirmation = !this.requiresConfirmation}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm4.3 4.3L10.5 14l-2.8-2.8-1.4 1.4 4.2 4.2 7.2-7.1z" /></svg>
            </button>` : A}
      <button part="send-button" type="submit" aria-label=${strings.send} title=${strings.send} ?disabled=${this.disabled || empty}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" /></svg>
      </button>
    </form>`;
	}
	#onInput;
	#onKeydown;
	#onSubmit;
};
__decorate([n$3()], PartaComposer.prototype, "value", void 0);
__decorate([n$3({
	type: Boolean,
	reflect: true
})], PartaComposer.prototype, "disabled", void 0);
__decorate([n$3()], PartaComposer.prototype, "placeholder", void 0);
__decorate([n$3({ attribute: "chat-id" })], PartaComposer.prototype, "chatId", void 0);
__decorate([n$3()], PartaComposer.prototype, "locale", void 0);
__decorate([n$3({ type: Boolean })], PartaComposer.prototype, "confirmable", void 0);
__decorate([n$3({
	type: Boolean,
	attribute: false
})], PartaComposer.prototype, "requiresConfirmation", void 0);
__decorate([n$3({ attribute: false })], PartaComposer.prototype, "client", void 0);
__decorate([e$2("textarea")], PartaComposer.prototype, "textarea", void 0);
// packages/elements/src/composer/define.ts
if (!customElements.get("parta-composer")) customElements.define("parta-composer", PartaComposer);
// packages/elements/src/controllers/confirm-controller.ts
/**
* Asks before an action that cannot be undone, in a modal `<dialog>`: focus
* starts on Cancel, Escape cancels, and focus returns to the control that asked.
* The host renders `confirm.render()` somewhere in its shadow root.
*/
var ConfirmController = class {
	#host;
	#question = null;
	#returnFocus = null;
	constructor(host) {
		this.#host = host;
		host.addController(this);
	}
	/** Resolves true when the user confirms. */
	ask(question) {
		this.#question?.resolve(false);
		const root = this.#host.renderRoot;
		this.#returnFocus = root.activeElement ?? null;
		return new Promise((resolve) => {
			this.#question = {
				...question,
				resolve
			};
			this.#host.requestUpdate();
		});
	}
	render() {
		const question = this.#question;
		if (!question) return A;
		return b`<dialog
      part="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-detail"
      @cancel=${(event) => {
			event.preventDefault();
			this.#answer(false);
		}}
    >
      <h3 id="confirm-title">${question.title}</h3>
      <p id="confirm-detail">${question.detail}</p>
      <div class="actions">
        <button type="button" part="button" autofocus @click=${() => this.#answer(false)}>${question.cancel}</button>
        <button type="button" part="button button-danger" class="danger" @click=${() => this.#answer(true)}>
          ${question.confirm}
        </button>
      </div>
    </dialog>`;
	}
	hostUpdated() {
		const dialog = this.#host.renderRoot.querySelector("dialog[part~=\"confirm\"]");
		if (dialog && !dialog.open) dialog.showModal();
	}
	hostDisconnected() {
		this.#question?.resolve(false);
		this.#question = null;
	}
	#answer(answer) {
		const question = this.#question;
		if (!question) return;
		this.#question = null;
		this.#host.requestUpdate();
		question.resolve(answer);
		const target = this.#returnFocus;
		this.#returnFocus = null;
		this.#host.updateComplete.then(() => {
			if (target?.isConnected) target.focus();
		});
	}
};
// packages/elements/src/controllers/store-controller.ts
/**
* Binds a nanostore to a Lit element: the element re-renders on every change
* and holds its subscription only while connected, so lazy stores load when a
* widget appears and let go when it leaves. The store may be swapped (a
* thread switching chats) or absent (no client yet).
*/
var StoreController = class {
	#host;
	#store;
	#unsubscribe;
	#connected = false;
	constructor(host, store) {
		this.#host = host;
		this.#store = store;
		host.addController(this);
	}
	get store() {
		return this.#store;
	}
	set store(store) {
		if (store === this.#store) return;
		this.#unbind();
		this.#store = store;
		this.value = void 0;
		if (this.#connected) this.#bind();
		this.#host.requestUpdate();
	}
	hostConnected() {
		this.#connected = true;
		this.#bind();
	}
	hostDisconnected() {
		this.#connected = false;
		this.#unbind();
	}
	#bind() {
		if (!this.#store || this.#unsubscribe) return;
		this.#unsubscribe = this.#store.subscribe((value) => {
			this.value = value;
			this.#host.requestUpdate();
		});
	}
	#unbind() {
		this.#unsubscribe?.();
		this.#unsubscribe = void 0;
	}
};
// packages/elements/src/events/message-delete.ts
/** Confirmed deletion in `<parta-thread>`, for `everyone` or `me` only. Cancelable: `preventDefault()` stops it. */
var PartaMessageDeleteEvent = class PartaMessageDeleteEvent extends Event {
	static {
		this.eventName = "parta-message-delete";
	}
	constructor(chatId, messageIds, scope) {
		super(PartaMessageDeleteEvent.eventName, {
			bubbles: true,
			composed: true,
			cancelable: true
		});
		this.chatId = chatId;
		this.messageIds = messageIds;
		this.scope = scope;
	}
};
// packages/elements/src/events/message-edit.ts
/** Saving an edited message in `<parta-thread>`. Cancelable: `preventDefault()` stops it. */
var PartaMessageEditEvent = class PartaMessageEditEvent extends Event {
	static {
		this.eventName = "parta-message-edit";
	}
	constructor(chatId, messageId, text) {
		super(PartaMessageEditEvent.eventName, {
			bubbles: true,
			composed: true,
			cancelable: true
		});
		this.chatId = chatId;
		this.messageId = messageId;
		this.text = text;
	}
};
// node_modules/.pnpm/lit-html@3.3.3/node_modules/lit-html/directive.js
/**
* @license
* Copyright 2017 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/
var t$1 = {
	ATTRIBUTE: 1,
	CHILD: 2,
	PROPERTY: 3,
	BOOLEAN_ATTRIBUTE: 4,
	EVENT: 5,
	ELEMENT: 6
};
var e$1 = (t) => (...e) => ({
	_$litDirective$: t,
	values: e
});
var i$2 = class {
	constructor(t) {}
	get _$AU() {
		return this._$AM._$AU;
	}
	_$AT(t, e, i) {
		this._$Ct = t, this._$AM = e, this._$Ci = i;
	}
	_$AS(t, e) {
		return this.update(t, e);
	}
	update(t, e) {
		return this.render(...e);
	}
}, { I: t } = j$1, i$1 = (o) => o, s = () => document.createComment(""), v = (o, n, e) => {
	/**
	* @license
	* Copyright 2020 Google LLC
	* SPDX-License-Identifier: BSD-3-Clause
	*/
	const l = o._$AA.parentNode, d = void 0 === n ? o._$AB : n._$AA;
	if (void 0 === e) e = new t(l.insertBefore(s(), d), l.insertBefore(s(), d), o, o.options);
	else {
		const t = e._$AB.nextSibling, n = e._$AM, c = n !== o;
		if (c) {
			let t;
			e._$AQ?.(o), e._$AM = o, void 0 !== e._$AP && (t = o._$AU) !== n._$AU && e._$AP(t);
		}
		if (t !== d || c) {
			let o = e._$AA;
			for (; o !== t;) {
				const t = i$1(o).nextSibling;
				i$1(l).insertBefore(o, d), o = t;
			}
		}
	}
	return e;
}, u$1 = (o, t, i = o) => (o._$AI(t, i), o), m = {}, p = (o, t = m) => o._$AH = t, M = (o) => o._$AH, h = (o) => {
	o._$AR(), o._$AA.remove();
};
// node_modules/.pnpm/lit-html@3.3.3/node_modules/lit-html/directives/repeat.js
/**
* @license
* Copyright 2017 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/
var u = (e, s, t) => {
	const r = /* @__PURE__ */ new Map();
	for (let l = s; l <= t; l++) r.set(e[l], l);
	return r;
};
var c = e$1(class extends i$2 {
	constructor(e) {
		if (super(e), e.type !== t$1.CHILD) throw Error("repeat() can only be used in text expressions");
	}
	dt(e, s, t) {
		let r;
		void 0 === t ? t = s : void 0 !== s && (r = s);
		const l = [], o = [];
		let i = 0;
		for (const s of e) l[i] = r ? r(s, i) : i, o[i] = t(s, i), i++;
		return {
			values: o,
			keys: l
		};
	}
	render(e, s, t) {
		return this.dt(e, s, t).values;
	}
	update(s, [t, r, c]) {
		const d = M(s), { values: p$1, keys: a } = this.dt(t, r, c);
		if (!Array.isArray(d)) return this.ut = a, p$1;
		const h$1 = this.ut ??= [], v$1 = [];
		let m, y, x = 0, j = d.length - 1, k = 0, w = p$1.length - 1;
		for (; x <= j && k <= w;) if (null === d[x]) x++;
		else if (null === d[j]) j--;
		else if (h$1[x] === a[k]) v$1[k] = u$1(d[x], p$1[k]), x++, k++;
		else if (h$1[j] === a[w]) v$1[w] = u$1(d[j], p$1[w]), j--, w--;
		else if (h$1[x] === a[w]) v$1[w] = u$1(d[x], p$1[w]), v(s, v$1[w + 1], d[x]), x++, w--;
		else if (h$1[j] === a[k]) v$1[k] = u$1(d[j], p$1[k]), v(s, d[x], d[j]), j--, k++;
		else if (void 0 === m && (m = u(a, k, w), y = u(h$1, x, j)), m.has(h$1[x])) if (m.has(h$1[j])) {
			const e = y.get(a[k]), t = void 0 !== e ? d[e] : null;
			if (null === t) {
				const e = v(s, d[x]);
				u$1(e, p$1[k]), v$1[k] = e;
			} else v$1[k] = u$1(t, p$1[k]), v(s, d[x], t), d[e] = null;
			k++;
		} else h(d[j]), j--;
		else h(d[x]), x++;
		for (; k <= w;) {
			const e = v(s, v$1[w + 1]);
			u$1(e, p$1[k]), v$1[k++] = e;
		}
		for (; x <= j;) {
			const e = d[x++];
			null !== e && h(e);
		}
		return this.ut = a, p(s, v$1), E;
	}
});
// node_modules/.pnpm/lit-html@3.3.3/node_modules/lit-html/directives/style-map.js
/**
* @license
* Copyright 2018 Google LLC
* SPDX-License-Identifier: BSD-3-Clause
*/ var n = "important";
var i = " !" + n;
var o = e$1(class extends i$2 {
	constructor(t) {
		if (super(t), t.type !== t$1.ATTRIBUTE || "style" !== t.name || t.strings?.length > 2) throw Error("The `styleMap` directive must be used in the `style` attribute and must be the only part in the attribute.");
	}
	render(t) {
		return Object.keys(t).reduce((e, r) => {
			const s = t[r];
			return null == s ? e : e + `${r = r.includes("-") ? r : r.replace(/(?:^(webkit|moz|ms|o)|)(?=[A-Z])/g, "-$&").toLowerCase()}:${s};`;
		}, "");
	}
	update(e, [r]) {
		const { style: s } = e.element;
		if (void 0 === this.ft) return this.ft = new Set(Object.keys(r)), this.render(r);
		for (const t of this.ft) r[t] ?? (this.ft.delete(t), t.includes("-") ? s.removeProperty(t) : s[t] = null);
		for (const t in r) {
			const e = r[t];
			if (null != e) {
				this.ft.add(t);
				const r = "string" == typeof e && e.endsWith(i);
				t.includes("-") || r ? s.setProperty(t, r ? e.slice(0, -11) : e, r ? n : "") : s[t] = e;
			}
		}
		return E;
	}
});
// packages/elements/src/thread/log-window.ts
/** How close to the end still counts as "at the bottom", in pixels. */
var BOTTOM_SLACK$1 = 32;
/** Rendered beyond the viewport on each side, in pixels. */
var OVERSCAN = 320;
/** A row kept rendered for focus (an open menu, the editor) may be this many rows away. */
var KEEP_WITHIN = 60;
var DEFAULT_ESTIMATE = 64;
var logStyles = i$3`
  [part~='messages'] {
    overflow-anchor: none;
  }
  ol > li[data-highlighted] [part~='message-bubble'] {
    animation: parta-highlight 2s ease-out;
  }
  @keyframes parta-highlight {
    from {
      box-shadow: 0 0 0 3px var(--_accent);
    }
    to {
      box-shadow: 0 0 0 3px transparent;
    }
  }
  [part~='unread-line'] {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    color: var(--_accent);
    font-size: var(--_font-size-s);
  }
  [part~='unread-line']::before,
  [part~='unread-line']::after {
    content: '';
    flex: 1;
    border-top: 1px solid currentColor;
  }
  [part~='to-latest'] {
    display: block;
    margin: var(--_space-1) auto;
  }
`;
/** A windowed, bottom-anchored list of rows for the thread's log. */
var LogWindow = class {
	#host;
	#options;
	#mode;
	/** Measured heights (with the gap after each row), by key. */
	#heights;
	/**
	* The height assumed for rows not measured yet: the mean of the first ones measured, then
	* fixed, so that measuring more rows never moves the rows above them.
	*/
	#estimate;
	#keys;
	/** Rows from this index on may have moved since the last layout (a height was measured). */
	#dirtyFrom;
	/** Row tops: `#tops[i]` is where row i starts inside the list, `#tops[n]` the list's height. */
	#tops;
	#start;
	#end;
	#list;
	#observer;
	#observed;
	#frame;
	/** Renders in a row that found the view not yet covered; a few are fine, then wait for a frame. */
	#passes;
	#gap;
	/** The scroll position last read or set here: another one means the reader scrolled since. */
	#lastTop;
	#highlight;
	constructor(host, options) {
		this.#mode = { kind: "bottom" };
		this.#heights = /* @__PURE__ */ new Map();
		this.#keys = [];
		this.#dirtyFrom = 0;
		this.#tops = [0];
		this.#start = 0;
		this.#end = 0;
		this.#list = null;
		this.#observed = /* @__PURE__ */ new Set();
		this.#frame = 0;
		this.#passes = 0;
		this.#lastTop = 0;
		this.keep = [];
		this.#host = host;
		this.#options = options;
		host.addController(this);
	}
	hostConnected() {
		this.#observer ??= new ResizeObserver((entries) => this.#onResize(entries));
		const scroller = this.#options.scroller();
		if (scroller) this.#observe(scroller);
	}
	hostDisconnected() {
		this.#observer?.disconnect();
		this.#observed.clear();
		cancelAnimationFrame(this.#frame);
		this.#frame = 0;
	}
	/** True while the view follows the newest row. */
	get atBottom() {
		return this.#mode.kind === "bottom";
	}
	/** Back to the start state, for another chat: at the bottom, nothing measured. */
	reset() {
		this.#mode = { kind: "bottom" };
		this.#dirtyFrom = 0;
		this.#lastTop = this.#options.scroller()?.scrollTop ?? 0;
		this.#heights.clear();
		this.#estimate = void 0;
	}
	/** Follow the newest row again (the reader sent a message, or asked for the latest). */
	stickToBottom() {
		this.#mode = { kind: "bottom" };
		this.#host.requestUpdate();
	}
	/** Keep the row now at the top of the view where it is, even when at the bottom. */
	holdPosition() {
		this.#mode = this.#anchorFromView() ?? this.#mode;
		this.#lastTop = this.#options.scroller()?.scrollTop ?? 0;
	}
	/** Centres the row with this key (once it is among the rows) and highlights it briefly. */
	jumpTo(key) {
		this.#mode = {
			kind: "jump",
			key
		};
		if (this.#highlight) clearTimeout(this.#highlight.timer);
		this.#highlight = {
			key,
			timer: setTimeout(() => this.#unhighlight(key), 2e3)
		};
		this.#host.requestUpdate();
	}
	/**
	* The rows near the view as an `<ol>`, the others stood in for by its padding.
	* `render` must return exactly one `<li>` per row.
	*/
	render(rows, key, render) {
		this.#layout(rows.map(key));
		const [start, end] = this.#range();
		this.#start = start;
		this.#end = end;
		const tops = this.#tops;
		const style = {
			paddingTop: `${tops[start]}px`,
			paddingBottom: `${tops.at(-1) - tops[end]}px`
		};
		return b`<ol style=${o(style)}>
      ${c(rows.slice(start, end), key, render)}
    </ol>`;
	}
	hostUpdated() {
		const scroller = this.#options.scroller();
		if (!scroller?.isConnected || scroller.clientHeight === 0) return;
		this.#observe(scroller);
		const list = scroller.querySelector(":scope > ol");
		if (list !== this.#list) this.#gap = void 0;
		this.#list = list;
		const rows = this.#rows();
		const seen = new Set(rows);
		for (const element of this.#observed) if (element !== scroller && !seen.has(element)) {
			this.#observer?.unobserve(element);
			this.#observed.delete(element);
		}
		const gap = this.#rowGap();
		let measured = 0;
		rows.forEach((row, offset) => {
			const height = row.getBoundingClientRect().height + gap;
			this.#measure(this.#start + offset, height);
			measured += height;
			this.#observe(row);
		});
		if (this.#estimate === void 0 && rows.length > 0) {
			this.#estimate = measured / rows.length;
			this.#dirtyFrom = 0;
		}
		if (this.#dirtyFrom < this.#keys.length) this.#layout(this.#keys);
		const highlight = this.#highlight?.key;
		if (highlight !== void 0) this.#rowOf(highlight)?.setAttribute("data-highlighted", "");
		this.#settle();
		if (this.#covered()) this.#passes = 0;
		else if (++this.#passes < 4) this.#host.requestUpdate();
		else {
			this.#passes = 0;
			this.#schedule();
		}
	}
	/**
	* Reads where the reader is now, when they scrolled since the position was last read or
	* set here (before new rows land, a scroll event may not have reported it yet). A mode
	* set on purpose (follow the end, a jump on its way) stands until the reader scrolls.
	*/
	sync() {
		const scroller = this.#options.scroller();
		if (!scroller || !this.#list || this.#mode.kind === "jump") return;
		if (Math.abs(scroller.scrollTop - this.#lastTop) < 1) return;
		this.#lastTop = scroller.scrollTop;
		if (scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= BOTTOM_SLACK$1 && this.#options.live()) this.#mode = { kind: "bottom" };
		else this.#mode = this.#anchorFromView() ?? this.#mode;
	}
	/** The scroll handler of the scroller: reads where the reader is and renders more rows when needed. */
	onScroll() {
		const scroller = this.#options.scroller();
		if (!scroller) return;
		this.sync();
		if (!this.#covered()) this.#host.requestUpdate();
		const view = this.#view(scroller);
		if (view.top < scroller.clientHeight) this.#options.nearStart?.();
		if (view.bottom > this.#tops.at(-1) - scroller.clientHeight) this.#options.nearEnd?.();
	}
	/**
	* Row tops for these keys. Only what changed is computed again: a message appended
	* costs a comparison of the keys, not a lookup of every height.
	*/
	#layout(keys) {
		const previous = this.#keys;
		const limit = Math.min(previous.length, keys.length, this.#dirtyFrom);
		let same = 0;
		while (same < limit && previous[same] === keys[same]) same++;
		this.#keys = keys;
		this.#dirtyFrom = Number.POSITIVE_INFINITY;
		const estimate = this.#estimate ?? DEFAULT_ESTIMATE;
		const tops = this.#tops;
		tops.length = keys.length + 1;
		let top = tops[same] ?? 0;
		for (let index = same; index < keys.length; index++) {
			tops[index] = top;
			top += this.#heights.get(keys[index]) ?? estimate;
		}
		tops[keys.length] = top;
	}
	/** Where a key is: looked for among the rendered rows first, where anchors and focus usually are. */
	#indexOf(key) {
		const keys = this.#keys;
		for (let index = this.#start; index < Math.min(this.#end, keys.length); index++) if (keys[index] === key) return index;
		const index = keys.indexOf(key);
		return index === -1 ? void 0 : index;
	}
	/** The first row whose bottom is below `y`. */
	#rowAt(y) {
		const tops = this.#tops;
		let low = 0;
		let high = tops.length - 2;
		while (low < high) {
			const middle = low + high + 1 >> 1;
			if (tops[middle] <= y) low = middle;
			else high = middle - 1;
		}
		return Math.max(0, low);
	}
	/** Where the view starts inside the list for the current mode, before it is applied. */
	#viewTop(height) {
		const tops = this.#tops;
		const total = tops.at(-1);
		const mode = this.#mode;
		if (mode.kind !== "bottom") {
			const index = this.#indexOf(mode.key);
			if (index !== void 0) {
				if (mode.kind === "anchor") return tops[index] - mode.offset;
				return tops[index] + (tops[index + 1] - tops[index]) / 2 - height / 2;
			}
			const scroller = this.#options.scroller();
			if (scroller && this.#list) return this.#view(scroller).top;
		}
		return total - height;
	}
	#range() {
		const count = this.#keys.length;
		if (count === 0) return [0, 0];
		const height = this.#options.scroller()?.clientHeight || globalThis.innerHeight || 800;
		const top = this.#viewTop(height);
		let start = this.#rowAt(top - OVERSCAN);
		let end = Math.min(count, this.#rowAt(top + height + OVERSCAN) + 1);
		for (const key of this.keep) {
			const index = this.#indexOf(key);
			if (index === void 0) continue;
			if (index < start && start - index <= KEEP_WITHIN) start = index;
			if (index >= end && index - end < KEEP_WITHIN) end = index + 1;
		}
		return [start, end];
	}
	/** The view in list coordinates. */
	#view(scroller) {
		const listTop = this.#list ? this.#list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop : 0;
		const top = scroller.scrollTop - listTop;
		return {
			top,
			bottom: top + scroller.clientHeight
		};
	}
	/** Do the rendered rows cover the view and half the overscan on each side? */
	#covered() {
		const scroller = this.#options.scroller();
		if (!scroller || !this.#list) return true;
		const { top, bottom } = this.#view(scroller);
		const tops = this.#tops;
		const above = this.#start === 0 || tops[this.#start] <= top - OVERSCAN / 2;
		const below = this.#end === this.#keys.length || tops[this.#end] >= bottom + OVERSCAN / 2;
		return above && below;
	}
	#rows() {
		return this.#list ? [...this.#list.children] : [];
	}
	#rowOf(key) {
		const index = this.#indexOf(key);
		if (index === void 0 || index < this.#start || index >= this.#end) return void 0;
		return this.#rows()[index - this.#start];
	}
	#rowGap() {
		this.#gap ??= this.#list ? Number.parseFloat(getComputedStyle(this.#list).rowGap) || 0 : 0;
		return this.#gap;
	}
	#measure(index, height) {
		const key = this.#keys[index];
		const known = this.#heights.get(key);
		if (known !== void 0 && Math.abs(known - height) < .5) return false;
		this.#heights.set(key, height);
		this.#dirtyFrom = Math.min(this.#dirtyFrom, index);
		return true;
	}
	/**
	* The first row visible and how far its top is below the view's top. When the reader
	* scrolled past every rendered row (dragging the scrollbar), the row the padding puts there.
	*/
	#anchorFromView() {
		const scroller = this.#options.scroller();
		if (!scroller || this.#keys.length === 0) return void 0;
		const view = scroller.getBoundingClientRect();
		const rows = this.#rows();
		for (let offset = 0; offset < rows.length; offset++) {
			const box = rows[offset].getBoundingClientRect();
			if (box.bottom > view.top && box.top < view.bottom) return {
				kind: "anchor",
				key: this.#keys[this.#start + offset],
				offset: box.top - view.top
			};
		}
		if (!this.#list) return void 0;
		const { top } = this.#view(scroller);
		const index = Math.min(this.#rowAt(top), this.#keys.length - 1);
		return {
			kind: "anchor",
			key: this.#keys[index],
			offset: this.#tops[index] - top
		};
	}
	/** Applies the mode to the scroll position: sticks to the end, or puts the anchored row where it was. */
	#settle() {
		const scroller = this.#options.scroller();
		if (!scroller) return;
		this.sync();
		const mode = this.#mode;
		if (mode.kind === "bottom") {
			scroller.scrollTop = scroller.scrollHeight;
			this.#lastTop = scroller.scrollTop;
			return;
		}
		const row = this.#rowOf(mode.key);
		if (!row) return;
		const viewTop = scroller.getBoundingClientRect().top;
		const box = row.getBoundingClientRect();
		const wanted = mode.kind === "anchor" ? mode.offset : (scroller.clientHeight - box.height) / 2;
		const delta = box.top - viewTop - wanted;
		if (Math.abs(delta) >= 1) scroller.scrollTop += delta;
		this.#lastTop = scroller.scrollTop;
		if (mode.kind === "jump") this.#mode = {
			kind: "anchor",
			key: mode.key,
			offset: row.getBoundingClientRect().top - viewTop
		};
	}
	#observe(element) {
		if (this.#observed.has(element)) return;
		this.#observed.add(element);
		this.#observer?.observe(element);
	}
	#onResize(entries) {
		const scroller = this.#options.scroller();
		if (!scroller?.isConnected || scroller.clientHeight === 0) return;
		let changed = false;
		const gap = this.#rowGap();
		for (const entry of entries) {
			if (entry.target === scroller) {
				this.#gap = void 0;
				changed = true;
				continue;
			}
			const index = this.#rows().indexOf(entry.target);
			if (index === -1) continue;
			const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
			if (this.#measure(this.#start + index, height + gap)) changed = true;
		}
		if (!changed) return;
		if (this.#dirtyFrom < this.#keys.length) this.#layout(this.#keys);
		this.#settle();
		this.#schedule();
	}
	#schedule() {
		if (this.#frame) return;
		this.#frame = requestAnimationFrame(() => {
			this.#frame = 0;
			this.#host.requestUpdate();
		});
	}
	#unhighlight(key) {
		if (this.#highlight?.key === key) this.#highlight = void 0;
		this.#list?.querySelector("[data-highlighted]")?.removeAttribute("data-highlighted");
	}
};
// packages/elements/src/thread/linkify.ts
var linkPattern = /\b(?:https?:\/\/|www\.)[^\s<>"']+/giu;
var trailing = /[.,;:!?…»"')\]]/u;
var count = (text, char) => text.split(char).length - 1;
/**
* Splits message text into plain strings and links. The result is rendered
* as text nodes and `<a>` elements, never parsed as HTML, so markup in a
* message shows as the characters the author typed.
*/
function linkify(text) {
	const parts = [];
	let last = 0;
	for (const match of text.matchAll(linkPattern)) {
		let link = match[0];
		while (trailing.test(link.at(-1) ?? "")) {
			if (link.endsWith(")") && count(link, "(") >= count(link, ")")) break;
			link = link.slice(0, -1);
		}
		const start = match.index;
		if (start > last) parts.push(text.slice(last, start));
		const href = /^www\./i.test(link) ? `https://${link}` : link;
		parts.push({
			href,
			text: link
		});
		last = start + link.length;
	}
	if (last < text.length) parts.push(text.slice(last));
	return parts;
}
// packages/elements/src/thread/message-parts.ts
/** Text with http(s) links made clickable; everything else stays text (never HTML). */
var richText = (text) => linkify(text).map((part) => typeof part === "string" ? part : b`<a href=${part.href} target="_blank" rel="noopener noreferrer nofollow ugc">${part.text}</a>`);
var icon = (path, part, label) => b`<svg part=${part} role="img" aria-label=${label} viewBox="0 0 24 24"><title>${label}</title><path d=${path} /></svg>`;
var PIN = "M16 9V4h1a1 1 0 0 0 0-2H7a1 1 0 0 0 0 2h1v5a3 3 0 0 1-3 3v2h6v7l1 1 1-1v-7h6v-2a3 3 0 0 1-3-3z";
var STAR = "M12 17.3 18.2 21l-1.7-7L22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7z";
var TIMER = "M9 1h6v2H9zm2 7h2v6h-2zm8-.6 1.4-1.4-1.4-1.4L17.6 6A9 9 0 1 0 21 13a9 9 0 0 0-2-5.6zM12 20a7 7 0 1 1 0-14 7 7 0 0 1 0 14z";
/** Above the text: where a forwarded message came from, and the quote of a reply. */
function renderLead(message, view) {
	const { strings } = view;
	const from = message.forwardedFrom;
	const reply = message.replyTo;
	return b`${from ? b`<p part="forwarded">${strings.forwardedFrom(displayName(from.author))}${from.chatTitle ? ` · ${from.chatTitle}` : ""}</p>` : A}${reply ? b`<blockquote
          part="quote"
          @click=${(event) => {
		if (!event.target.closest("a, button")) view.jump(reply.id);
	}}
        >
          <button
            part="quote-author"
            type="button"
            aria-label=${strings.toOriginal(displayName(reply.author))}
            @click=${() => view.jump(reply.id)}
          >
            ${displayName(reply.author)}
          </button>
          <span part="quote-text" class=${reply.deleted ? "deleted" : ""}
            >${reply.deleted ? strings.deleted : richText(reply.text)}</span
          >
        </blockquote>` : A}`;
}
/** One medal for every badge, in the badge's colour (not emoji: not every system has a colour emoji font). */
var MEDAL = "M17 10.4V2H7v8.4c0 .4.2.7.5.9l4.2 2.5-1 2.3-3.4.3 2.6 2.2-.8 3.4 2.9-1.8 2.9 1.8-.8-3.4 2.6-2.2-3.4-.3-1-2.3 4.2-2.5c.3-.2.5-.5.5-.9zm-4 1.8-1 .6-1-.6V3h2z";
var badgeColours = {
	curious: "#2a5bd7",
	helper: "#1e8e3e",
	star: "#c77700",
	creative: "#8e24aa",
	leader: "#d93025"
};
/** An award message: a card with the badge, who gave it to whom, and the giver's note. */
function renderAward(message, view) {
	const award = message.award;
	const { strings } = view;
	const badge = strings.badges[award.badge];
	return b`<div part="award">
    <svg part="award-badge" aria-hidden="true" viewBox="0 0 24 24" style=${`fill:${badgeColours[award.badge]}`}>
      <path d=${MEDAL} />
    </svg>
    <p part="award-title">
      ${strings.awarded(displayName(message.author), displayName(award.recipient), badge)}
    </p>
    ${message.text ? b`<p part="message-text">${richText(message.text)}</p>` : A}
  </div>`;
}
/** Below the text of a message that asks for read confirmation: the count, and the reader's action. */
function renderConfirmation(message, view) {
	const confirmation = message.confirmation;
	if (!confirmation || message.deletedAt) return A;
	const { strings, own, confirmed } = view;
	const count = strings.confirmedCount(confirmation.confirmed, confirmation.total);
	return b`<div part="confirmation">
    ${own ? b`<button
            part="confirmation-count"
            type="button"
            aria-haspopup="dialog"
            @click=${(event) => view.receipts(event.currentTarget)}
          >
            ${count}
          </button>` : b`<span part="confirmation-count">${count}</span>`}
    ${own ? A : confirmed ? b`<span part="confirmed" tabindex="-1">${strings.youConfirmed}</span>` : b`<button part="confirm-button" type="button" class="primary" @click=${view.confirm}>
              ${strings.confirmRead}
            </button>`}
  </div>`;
}
/** Small marks in the status line: pinned, important, disappearing. */
function renderMarks(message, view) {
	const { strings } = view;
	return b`${message.pinned ? icon(PIN, "pinned-mark", strings.pinnedMessage) : A}${message.important ? icon(STAR, "important-mark", strings.important) : A}${message.expiresAt && !message.deletedAt ? icon(TIMER, "timer", strings.disappears(formatTime(message.expiresAt, view.locale))) : A}`;
}
/** ✓ sent, ✓✓ read by someone else: on one's own messages the server has. */
function renderTicks(message, view) {
	if (!view.own || message.status !== "sent" || message.deletedAt) return A;
	const label = view.read ? view.strings.read : view.strings.sent;
	return b`<span part=${view.read ? "receipt receipt-read" : "receipt"} role="img" aria-label=${label} title=${label}
    >${view.read ? "✓✓" : "✓"}</span
  >`;
}
/** The latest pinned message, above the log; a click shows it. */
function renderPinnedBar(message, strings, jump) {
	return b`<button part="pinned-bar" type="button" @click=${() => jump(message.id)}>
    <svg part="pinned-icon" aria-hidden="true" viewBox="0 0 24 24"><path d=${PIN} /></svg>
    <span class="bar-text">
      <span class="bar-label">${strings.pinnedMessage}</span>
      <span class="bar-quote">${message.deletedAt ? strings.deleted : message.text}</span>
    </span>
  </button>`;
}
/** Above the composer while replying: whom and what, and a way out. */
function renderReplyBar(message, strings, cancel) {
	return b`<div part="reply-bar" role="group" aria-label=${strings.replying}>
    <span class="bar-text">
      <span class="bar-label">${displayName(message.author)}</span>
      <span class="bar-quote">${message.award ? strings.badges[message.award.badge] : message.text}</span>
    </span>
    <button part="reply-cancel" type="button" aria-label=${strings.cancelReply} title=${strings.cancelReply} @click=${cancel}>
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4l5.6 5.6L5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6z" /></svg>
    </button>
  </div>`;
}
// packages/elements/src/thread/thread.styles.ts
var styles = i$3`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: var(--parta-thread-bg, var(--_bg));
  }
  [part~='status'] {
    margin: 0;
    padding: var(--_space-1) var(--_space-3);
    background: var(--_surface);
    color: var(--_muted);
    font-size: var(--_font-size-s);
    text-align: center;
  }
  [part~='messages'] {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_space-3);
  }
  ol {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='message'] {
    display: flex;
  }
  [part~='message-own'] {
    justify-content: flex-end;
  }
  [part~='message-bubble'] {
    max-width: min(75%, 40em);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--parta-message-bubble-radius, var(--_radius-m));
    background: var(--parta-message-bubble-bg, var(--_surface));
    color: var(--parta-message-bubble-color, var(--_text));
  }
  [part~='message-own'] [part~='message-bubble'] {
    background: var(--parta-message-bubble-own-bg, color-mix(in srgb, var(--_accent) 16%, var(--_bg)));
    color: var(--parta-message-bubble-own-color, var(--_text));
  }
  [part~='message-failed'] [part~='message-bubble'] {
    outline: 1px solid var(--_danger);
  }
  .meta {
    display: flex;
    align-items: baseline;
    gap: var(--_space-2);
    font-size: var(--_font-size-s);
    color: var(--_muted);
  }
  [part~='message-author'] {
    display: inline-flex;
    align-items: center;
    gap: 3px;
    color: var(--parta-message-author-color, var(--_accent));
    font-weight: 600;
  }
  [part~='verified'] {
    width: 14px;
    height: 14px;
    fill: var(--parta-verified-color, var(--_accent));
  }
  [part~='message-text'] {
    margin: 2px 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='message-text'] a {
    color: var(--parta-link-color, var(--_accent));
  }
  .deleted {
    font-style: italic;
    color: var(--_muted);
  }
  [part~='message-status'] {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space-2);
    margin-top: 2px;
    font-size: var(--_font-size-s);
    color: var(--_muted);
  }
  [part~='message-failed'] [part~='message-status'] {
    color: var(--_danger);
  }
  button {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 1px solid currentColor;
    border-radius: var(--_radius-s);
    padding: 0 var(--_space-2);
    cursor: pointer;
  }
  [part~='load-older'] {
    display: block;
    margin: 0 auto var(--_space-3);
  }
  [part~='empty'] {
    margin: auto;
    padding: var(--_space-4);
    color: var(--_muted);
    text-align: center;
  }
  [part~='message'] {
    align-items: center;
    gap: var(--_space-2);
  }
  [part~='message-bubble'] {
    position: relative;
  }
  [part~='message-selected'] [part~='message-bubble'] {
    outline: 2px solid var(--_accent);
  }
  [part~='message-own'] [part~='select-checkbox'] {
    margin-right: auto;
  }
  [part~='actions-button'] {
    display: inline-grid;
    padding: 0 2px;
    border: 0;
    color: inherit;
  }
  svg {
    width: 16px;
    height: 16px;
    fill: currentColor;
  }
  @media (hover: hover) {
    [part~='message']:not(:hover, :focus-within) [part~='actions-button'] {
      opacity: 0;
    }
  }
  [part~='menu'] {
    position: absolute;
    z-index: 2;
    top: 100%;
    right: 0;
    display: grid;
    min-width: 12em;
    padding: var(--_space-1) 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    background: var(--_bg);
    box-shadow: 0 4px 16px rgb(0 0 0 / 15%);
  }
  .up {
    top: auto;
    bottom: 100%;
  }
  [part~='menu'] button {
    padding: var(--_space-2) var(--_space-3);
    border: 0;
    color: var(--_text);
    text-align: start;
  }
  [part~='menu'] [part~='menu-item-danger'],
  .danger,
  [part~='edit-error'],
  [part~='notice'] {
    color: var(--_danger);
  }
  [part~='menu'] button:focus {
    background: var(--_surface);
    outline-offset: -2px;
  }
  [part~='edit-input'] {
    box-sizing: border-box;
    width: min(24em, 60vw);
    font: inherit;
  }
  [part~='edit-error'],
  [part~='notice'] {
    margin: 0;
    font-size: var(--_font-size-s);
  }
  [part~='notice'] {
    padding: var(--_space-1) var(--_space-3);
  }
  .edit-actions,
  [part~='selection-bar'],
  dialog .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-2);
  }
  [part~='selection-bar'] {
    padding: var(--_space-2) var(--_space-3);
    background: var(--_surface);
  }
  .anchor {
    position: relative;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  dialog .danger {
    background: var(--_danger);
    color: var(--_on-accent);
  }
  dialog {
    max-width: min(420px, 90vw);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-m);
    background: var(--_bg);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  dialog h3 {
    margin: 0;
  }
  dialog button {
    padding: var(--_space-1) var(--_space-3);
  }
  parta-composer[hidden] {
    display: none;
  }
  [part~='forwarded'],
  [part~='typing'] {
    margin: 0;
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  [part~='forwarded'] {
    font-style: italic;
  }
  [part~='typing'] {
    padding: 0 var(--_space-3);
  }
  [part~='quote'] {
    margin: 2px 0;
    padding: 0 var(--_space-2);
    border-left: 3px solid var(--_accent);
    font-size: var(--_font-size-s);
    cursor: pointer;
  }
  [part~='quote-author'] {
    display: block;
    padding: 0;
    border: 0;
    font-weight: 600;
  }
  [part~='quote-text'],
  .bar-quote {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  [part~='pinned-bar'],
  [part~='reply-bar'] {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-1) var(--_space-3);
    border: 0;
    border-radius: 0;
    background: var(--_surface);
    color: var(--_text);
    font-size: var(--_font-size-s);
    text-align: start;
  }
  [part~='pinned-bar'] {
    border-bottom: 1px solid var(--_border);
  }
  [part~='reply-bar'] {
    border-left: 3px solid var(--_accent);
  }
  .bar-text {
    flex: 1;
    min-width: 0;
  }
  .bar-label {
    display: block;
    color: var(--_accent);
    font-weight: 600;
  }
  .bar-quote {
    -webkit-line-clamp: 1;
  }
  [part~='reply-cancel'] {
    border: 0;
    color: var(--_muted);
  }
  [part~='pinned-mark'],
  [part~='important-mark'],
  [part~='timer'],
  [part~='pinned-icon'] {
    width: 14px;
    height: 14px;
  }
  [part~='important-mark'] {
    fill: #c77700;
  }
  [part~='receipt-read'] {
    color: var(--_accent);
  }
  [part~='confirmation'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-top: var(--_space-1);
    font-size: var(--_font-size-s);
  }
  [part~='confirmed'] {
    color: var(--_accent);
  }
  [part~='message-award'] [part~='message-bubble'] {
    border: 1px solid #e0b44c;
    background: light-dark(#fff7e0, #3a3220);
  }
  [part~='award'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 var(--_space-2);
    align-items: center;
  }
  [part~='award-badge'] {
    grid-row: span 2;
    width: 36px;
    height: 36px;
  }
  [part~='award-title'] {
    margin: 0;
    font-weight: 600;
  }
`;
// \0vite/preload-helper.js
var scriptRel = "modulepreload";
var assetsURL = function(dep, importerUrl) {
	return new URL(dep, importerUrl).href;
};
var seen = {};
var isCssPreloadUrl = function isCssPreloadUrl(url) {
	return url.pathname.endsWith(".css");
};
var preloadOnce = function preloadOnce(seen, href, preload) {
	if (href in seen) return seen[href];
	const promise = preload();
	if (!promise) {
		seen[href] = void 0;
		return;
	}
	const preloadPromise = promise.then(() => {
		seen[href] = void 0;
	}, (err) => {
		seen[href] = void 0;
		throw err;
	});
	seen[href] = preloadPromise;
	return preloadPromise;
};
var __vitePreload = function preload(baseModule, deps, importerUrl) {
	let promise = Promise.resolve();
	if (deps && deps.length > 0) {
		let preloadedHrefs;
		const cspNonceMeta = document.querySelector("meta[property=csp-nonce]");
		const cspNonce = cspNonceMeta?.nonce || cspNonceMeta?.getAttribute("nonce");
		function allSettled(promises) {
			return Promise.all(promises.map((p) => Promise.resolve(p).then((value) => ({
				status: "fulfilled",
				value
			}), (reason) => ({
				status: "rejected",
				reason
			}))));
		}
		function importMetaResolve(specifier) {
			if (import.meta.resolve) return new URL(import.meta.resolve(specifier));
			return new URL(
				specifier,
				/** #__KEEP__ */
				import.meta.url
			);
		}
		promise = allSettled(deps.map((depString) => {
			depString = assetsURL(depString, importerUrl);
			const dep = importMetaResolve(depString);
			const isCss = isCssPreloadUrl(dep);
			return preloadOnce(seen, dep.href, () => {
				if (preloadedHrefs === void 0) {
					preloadedHrefs = {
						all: /* @__PURE__ */ new Set(),
						styles: /* @__PURE__ */ new Set()
					};
					const links = document.getElementsByTagName("link");
					for (let i = links.length - 1; i >= 0; i--) {
						const link = links[i];
						preloadedHrefs.all.add(link.href);
						if (link.rel === "stylesheet") preloadedHrefs.styles.add(link.href);
					}
				}
				if ((isCss ? preloadedHrefs.styles : preloadedHrefs.all).has(dep.href)) return;
				const link = document.createElement("link");
				link.rel = isCss ? "stylesheet" : scriptRel;
				if (!isCss) link.as = "script";
				link.crossOrigin = "";
				link.href = dep.href;
				if (cspNonce) link.setAttribute("nonce", cspNonce);
				document.head.appendChild(link);
				if (isCss) return new Promise((res, rej) => {
					const handleSettle = (e) => {
						link.removeEventListener("load", handleSettle);
						link.removeEventListener("error", handleSettle);
						if (e.type === "error") rej(/* @__PURE__ */ new Error(`Unable to preload CSS for ${dep}`));
						else res(e);
					};
					link.addEventListener("load", handleSettle);
					link.addEventListener("error", handleSettle);
				});
			});
		}).filter((p) => p !== void 0));
	}
	function handlePreloadError(err) {
		const e = new Event("vite:preloadError", { cancelable: true });
		e.payload = err;
		window.dispatchEvent(e);
		if (!e.defaultPrevented) throw err;
	}
	return promise.then((res) => {
		for (const item of res || []) {
			if (item.status !== "rejected") continue;
			handlePreloadError(item.reason);
		}
		return baseModule().catch(handlePreloadError);
	});
};
// packages/elements/src/thread/thread.ts
var verifiedMark$1 = (label) => b`<svg part="verified" role="img" aria-label=${label} viewBox="0 0 24 24"><path d="M12 1.5 14.6 4l3.5-.4.8 3.4 3.1 1.8-1.4 3.2 1.4 3.2-3.1 1.8-.8 3.4-3.5-.4L12 22.5 9.4 20l-3.5.4-.8-3.4L2 15.2l1.4-3.2L2 8.8 5.1 7l.8-3.4 3.5.4zm-1.2 13.7L7.6 12l-1.4 1.4 4.6 4.6 7-7-1.4-1.4z" /></svg>`;
/** The row before the first message that was unread when the chat was opened. */
var UNREAD_LINE = "#unread-line";
var SELECTION$1 = "#selection";
/** Reply, forward, pin, mark, receipts, confirm, award: a chunk of its own, loaded on first use. */
var actions = () => __vitePreload(() => import("./message-menu-CyKcq8W-.js").then((n) => n.t), __vite__mapDeps([0,1]), import.meta.url);
/**
* @summary One chat: its messages, newest at the bottom, and the composer.
*
* Message text is shown as text, with http(s) links made clickable; no HTML
* from a message is ever rendered. New messages keep the view at the bottom
* when it was there, and leave it alone when the reader has scrolled up.
*
* Each message has an actions menu (edit, delete, select several); deleting
* asks first, in a modal dialog.
*
* @fires parta-message-send - From the composer, before sending. Cancelable: `preventDefault()` stops the send.
* @fires parta-message-edit - Saving an edit. Cancelable.
* @fires parta-message-delete - A confirmed deletion. Cancelable.
* @csspart status - The connection note shown while offline or connecting.
* @csspart messages - The scrolling message log.
* @csspart message - One message; also `message-own`, `message-sending`, `message-failed`, `message-deleted`, `message-selected`.
* @csspart message-bubble - The message's bubble.
* @csspart message-author - The author's name.
* @csspart verified - The verified mark next to staff names.
* @csspart message-text - The message's text.
* @csspart message-time - When it was sent.
* @csspart message-status - Time, "edited" and the sending state.
* @csspart retry-button - Sends a failed message again.
* @csspart edited - The "edited" mark.
* @csspart actions-button - Opens the actions menu.
* @csspart menu - The actions menu.
* @csspart menu-item - Its entries; also `menu-item-danger`.
* @csspart edit-input - The editing box.
* @csspart edit-error - Why an edit failed.
* @csspart select-checkbox - Selects a message.
* @csspart selection-bar - Replaces the composer while selecting.
* @csspart selection-delete - Deletes the selected.
* @csspart selection-cancel - Ends selecting.
* @csspart notice - Why a deletion failed.
* @csspart confirm - The confirmation dialog; its buttons: `button`, `button-danger`.
* @csspart load-older - Loads earlier messages.
* @csspart composer - The `<parta-composer>`.
* @csspart empty - The note shown with no chat or no messages.
* @cssproperty --parta-thread-bg
* @cssproperty --parta-message-bubble-bg
* @cssproperty --parta-message-bubble-color
* @cssproperty --parta-message-bubble-own-bg
* @cssproperty --parta-message-bubble-own-color
* @cssproperty --parta-message-bubble-radius
* @cssproperty --parta-message-author-color
* @cssproperty --parta-verified-color
* @cssproperty --parta-link-color
*/
var PartaThread = class extends i$4 {
	static {
		this.styles = [
			tokens,
			styles,
			logStyles
		];
	}
	#provided = new ClientController(this, () => this.requestUpdate());
	#messages = new StoreController(this);
	#chats = new StoreController(this);
	#connection = new StoreController(this);
	#me = new StoreController(this);
	/** Renders only the messages near the view, and keeps the reader's place (see log-window.ts). */
	#log = new LogWindow(this, {
		scroller: () => this.scroller,
		live: () => !this.#messages.value?.hasNewer,
		nearStart: () => {
			const state = this.#messages.value;
			if (this.chatId && state?.hasMore && !state.loading) this.#client?.loadOlder(this.chatId);
		},
		nearEnd: () => {
			const state = this.#messages.value;
			if (this.chatId && state?.hasNewer && !state.loading) this.#client?.loadNewer(this.chatId);
		}
	});
	/** Which messages were unread when the chat was opened: after `after`, up to `upTo`. */
	#unread;
	#confirm = new ConfirmController(this);
	#menu;
	#editing;
	/** The ids chosen in selection mode; undefined outside it. */
	#selected;
	#notice = "";
	/** The message the composer replies to. */
	#replyTo;
	#typing = new StoreController(this);
	get #client() {
		return this.client ?? this.#provided.value;
	}
	get #locale() {
		return this.locale ?? this.#client?.locale;
	}
	/** The messages shown, as the store holds them. */
	get messages() {
		return this.#messages.value?.messages ?? [];
	}
	get #chat() {
		return this.#chats.value?.find((chat) => chat.id === this.chatId);
	}
	get #userId() {
		return this.#me.value?.user.id ?? this.#client?.userId ?? void 0;
	}
	#canDeleteForEveryone(message) {
		const userId = this.#userId;
		const chat = this.#chat ?? {
			kind: "group",
			onlyAdminsWrite: false,
			myRole: null
		};
		return Boolean(userId && canDeleteForEveryone(userId, {
			authorId: message.author.id,
			createdAt: message.createdAt
		}, chat));
	}
	/** Messages that actions apply to: confirmed by the server and not deleted. */
	#actionable = (message) => message.status === "sent" && !message.deletedAt;
	willUpdate(changed) {
		const client = this.#client;
		if (changed.has("chatId")) {
			this.#log.reset();
			this.#unread = void 0;
			this.#menu = void 0;
			this.#editing = void 0;
			this.#selected = void 0;
			this.#notice = "";
			this.#replyTo = void 0;
		} else this.#log.sync();
		this.#messages.store = client && this.chatId ? client.$messages(this.chatId) : void 0;
		this.#chats.store = client?.$chats;
		this.#connection.store = client?.$connection;
		this.#me.store = client?.$me;
		this.#typing.store = client && this.chatId ? client.$typing(this.chatId) : void 0;
		const chat = this.#chat;
		if (chat && !this.#unread) this.#unread = {
			after: chat.readSeq,
			upTo: chat.lastSeq
		};
	}
	updated() {
		const chat = this.#chat;
		if (chat && chat.unreadCount > 0 && this.#log.atBottom && document.visibilityState === "visible") this.#client?.markRead(chat.id);
	}
	render() {
		const strings = t$2(this.#locale);
		if (!this.chatId) return b`<p part="empty">${strings.selectChat}</p>`;
		const state = this.#messages.value;
		const chat = this.#chat;
		const connection = this.#connection.value;
		const canSend = Boolean(chat && canSendMessage(chat));
		return b`
      ${connection && connection !== "online" ? b`<p part="status" role="status">${connection === "offline" ? strings.offline : strings.connecting}</p>` : A}
      ${this.#renderPinned()}
      <div part="messages" role="log" aria-label=${strings.messages} tabindex="0" @scroll=${this.#onScroll}>
        ${state?.hasMore && state.messages.length > 0 ? b`<button part="load-older" type="button" ?disabled=${state.loading} @click=${this.#loadOlder}>
              ${state.loading ? strings.loading : strings.loadOlder}
            </button>` : A}
        ${this.#renderBody(state)}
      </div>
      ${state?.hasNewer ? b`<button part="to-latest" type="button" @click=${this.#toLatest}>${strings.toLatest}</button>` : A}
      ${this.#notice ? b`<p part="notice" role="alert">${this.#notice}</p>` : A}
      ${this.#renderTyping()}
      ${this.#selected ? this.#renderSelectionBar() : A}
      ${this.#replyTo && !this.#selected ? renderReplyBar(this.#replyTo, strings, this.#cancelReply) : A}
      <parta-composer
        part="composer"
        ?hidden=${Boolean(this.#selected)}
        exportparts="input:composer-input, send-button:composer-send-button"
        chat-id=${this.chatId}
        .client=${this.#client}
        locale=${this.#locale ?? "ru"}
        ?disabled=${!canSend}
        placeholder=${chat && !canSend ? strings.readOnly : strings.message}
        ?confirmable=${canSend && chat?.kind !== "saved"}
        @parta-message-send=${this.#onSend}
        @input=${this.#onType}
      ></parta-composer>
      ${this.#confirm.render()}
      <div class="layer"></div>
    `;
	}
	#renderSelectionBar() {
		const strings = t$2(this.#locale);
		const chosen = this.#chosen();
		return b`<div part="selection-bar">
      <button
        part="selection-forward"
        type="button"
        ?disabled=${chosen.length === 0}
        @click=${(event) => {
			const trigger = event.currentTarget;
			const ids = chosen.map((message) => message.id);
			this.#withActions((module, host) => module.openForward(host, ids, trigger));
		}}
      >
        ${strings.forwardCount(chosen.length)}
      </button>
      <div class="anchor">
        <button
          part="selection-delete"
          type="button"
          class="danger"
          aria-haspopup="menu"
          aria-expanded=${this.#menu?.owner === SELECTION$1 ? "true" : "false"}
          ?disabled=${chosen.length === 0}
          @click=${this.#openSelectionMenu}
          @keydown=${this.#onTriggerKeydown}
        >
          ${strings.deleteCount(chosen.length)}
        </button>
        ${this.#menu?.owner === SELECTION$1 ? this.#renderMenu(this.#menu) : A}
      </div>
      <button part="selection-cancel" type="button" @click=${this.#leaveSelection}>${strings.cancel}</button>
    </div>`;
	}
	/** The selected messages still shown and still actionable. */
	#chosen() {
		const selected = this.#selected;
		return selected ? this.messages.filter((message) => selected.has(message.id) && this.#actionable(message)) : [];
	}
	#renderMenu(menu) {
		return b`<div
      part="menu"
      role="menu"
      class=${menu.up ? "up" : ""}
      aria-label=${t$2(this.#locale).messageActions}
      @keydown=${this.#onMenuKeydown}
      @focusout=${this.#onMenuFocusout}
    >
      ${menu.items.map((item) => b`<button
            part=${item.danger ? "menu-item menu-item-danger" : "menu-item"}
            role="menuitem"
            type="button"
            tabindex="-1"
            @click=${() => this.#choose(item)}
          >
            ${item.label}
          </button>`)}
    </div>`;
	}
	#renderBody(state) {
		const strings = t$2(this.#locale);
		if ((state?.messages ?? []).length === 0) {
			const note = !state || state.loading ? strings.loading : state.error ? strings.loadFailed : strings.noMessages;
			return b`<p part="empty">${note}</p>`;
		}
		const focused = this.renderRoot.activeElement?.closest("[data-message-id]");
		this.#log.keep = [
			this.#menu?.owner,
			this.#editing?.id,
			focused?.dataset.messageId
		].filter((id) => Boolean(id));
		return this.#log.render(this.#rows(state), (row) => row === UNREAD_LINE ? UNREAD_LINE : row.id, (row) => row === UNREAD_LINE ? b`<li part="unread-line">${strings.newMessages}</li>` : this.#renderMessage(row));
	}
	/** The messages, with the "new messages" line before the first one unread when the chat was opened. */
	#rows(state) {
		const unread = this.#unread;
		const me = this.#userId;
		const { messages } = state;
		if (!unread) return messages;
		const first = messages.findIndex((message) => message.status === "sent" && message.seq > unread.after && message.seq <= unread.upTo && message.author.id !== me);
		if (first === -1 || first === 0 && state.hasMore) return messages;
		return [
			...messages.slice(0, first),
			UNREAD_LINE,
			...messages.slice(first)
		];
	}
	/**
	* Shows a message, loading the page around it when it is not held (a replied-to or
	* pinned one far back), and highlights it briefly. Resolves false, with a notice, for
	* a message that is not in the chat (or was deleted for this user).
	*/
	async scrollToMessage(messageId) {
		const client = this.#client;
		const chatId = this.chatId;
		if (!client || !chatId) return false;
		this.#log.jumpTo(messageId);
		if (!this.messages.some((message) => message.id === messageId)) try {
			await client.jumpTo(chatId, messageId);
		} catch (error) {
			this.#log.holdPosition();
			this.#notice = this.#describe(error);
			this.requestUpdate();
			return false;
		}
		this.requestUpdate();
		await this.updateComplete;
		return true;
	}
	#toLatest = () => {
		if (!this.chatId) return;
		this.#log.stickToBottom();
		this.#client?.jumpToLatest(this.chatId);
		this.scroller?.focus();
	};
	#renderMessage(message) {
		const strings = t$2(this.#locale);
		const own = message.author.id === this.#userId;
		const actionable = this.#actionable(message);
		const selected = Boolean(actionable && this.#selected?.has(message.id));
		const editing = this.#editing?.id === message.id && actionable ? this.#editing : void 0;
		const menu = this.#menu?.owner === message.id ? this.#menu : void 0;
		const parts = ["message"];
		if (own) parts.push("message-own");
		if (message.status !== "sent") parts.push(`message-${message.status}`);
		if (message.deletedAt) parts.push("message-deleted");
		if (selected) parts.push("message-selected");
		if (message.award) parts.push("message-award");
		const view = {
			strings,
			locale: this.#locale,
			own,
			read: own && (this.#chat?.othersReadSeq ?? 0) >= message.seq,
			confirmed: Boolean(message.confirmation?.byMe),
			jump: this.#jump,
			confirm: () => void this.#confirmRead(message),
			receipts: (trigger) => void this.#withActions((module, host) => module.openReceipts(host, message, trigger))
		};
		return b`<li part=${parts.join(" ")} data-message-id=${message.id}>
      ${this.#selected && actionable ? b`<input
              part="select-checkbox"
              type="checkbox"
              aria-label=${strings.selectMessage}
              .checked=${selected}
              @change=${(event) => this.#toggle(message.id, event.target.checked)}
            />` : A}
      <div part="message-bubble">
        ${own || message.award ? A : b`<div class="meta">
              <span part="message-author"
                >${displayName(message.author)}${message.author.verified ? verifiedMark$1(strings.verified) : A}</span
              >
            </div>`}
        ${message.deletedAt ? b`<p part="message-text" class="deleted">${strings.deleted}</p>` : editing ? this.#renderEditor(editing) : message.award ? renderAward(message, view) : b`${renderLead(message, view)}<p part="message-text">${richText(message.text)}</p>`}
        ${renderConfirmation(message, view)}
        <div part="message-status">
          ${message.editedAt && !message.deletedAt ? b`<span part="edited">${strings.edited}</span>` : A}
          ${renderMarks(message, view)}
          <time part="message-time" datetime=${message.createdAt}>${formatTime(message.createdAt, this.#locale)}</time>
          ${renderTicks(message, view)}
          ${message.status === "sending" ? b`<span>${strings.sending}</span>` : A}
          ${message.status === "failed" ? b`<span>${strings.failed}</span>
                <button part="retry-button" type="button" @click=${() => this.#retry(message)}>${strings.retry}</button>` : A}
          ${actionable && !editing && !this.#selected ? b`<button
                  part="actions-button"
                  type="button"
                  aria-label=${strings.messageActions}
                  title=${strings.messageActions}
                  aria-haspopup="menu"
                  aria-expanded=${menu ? "true" : "false"}
                  @click=${(event) => this.#openMessageMenu(message, event.currentTarget)}
                  @keydown=${this.#onTriggerKeydown}
                >
                  <svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="5" cy="12" r="2" /><circle cx="12" cy="12" r="2" /><circle cx="19" cy="12" r="2" /></svg>
                </button>` : A}
        </div>
        ${menu ? this.#renderMenu(menu) : A}
      </div>
    </li>`;
	}
	#renderEditor(editing) {
		const strings = t$2(this.#locale);
		return b`<div class="editor">
      <textarea
        part="edit-input"
        rows="2"
        aria-label=${strings.editing}
        aria-describedby="edit-error"
        aria-invalid=${editing.error ? "true" : "false"}
        .value=${editing.text}
        ?readonly=${editing.busy}
        @input=${(event) => {
			editing.text = event.target.value;
		}}
        @keydown=${this.#onEditKeydown}
      ></textarea>
      ${editing.error ? b`<p part="edit-error" id="edit-error" role="alert">${editing.error}</p>` : A}
      <div class="edit-actions">
        <button type="button" @click=${this.#cancelEdit}>${strings.cancel}</button>
        <button type="button" class="primary" ?disabled=${editing.busy} @click=${this.#saveEdit}>${strings.save}</button>
      </div>
    </div>`;
	}
	async #openMessageMenu(message, trigger) {
		if (this.#menu?.owner === message.id) return this.#closeMenu(true);
		const strings = t$2(this.#locale);
		const userId = this.#userId;
		const host = this.#actionsHost();
		const items = host ? (await actions()).messageItems(host, message, trigger) : [];
		if (userId && canEditMessage(userId, {
			authorId: message.author.id,
			createdAt: message.createdAt
		})) items.push({
			label: strings.edit,
			run: () => this.#startEdit(message)
		});
		if (this.#canDeleteForEveryone(message)) items.push({
			label: strings.deleteForEveryone,
			danger: true,
			run: () => void this.#delete([message.id], "everyone")
		});
		items.push({
			label: strings.deleteForMe,
			danger: true,
			run: () => void this.#delete([message.id], "me")
		});
		items.push({
			label: strings.select,
			run: () => this.#enterSelection(message.id)
		});
		this.#showMenu(message.id, items, trigger);
	}
	#openSelectionMenu = (event) => {
		if (this.#menu?.owner === SELECTION$1) return this.#closeMenu(true);
		const strings = t$2(this.#locale);
		const chosen = this.#chosen();
		const ids = chosen.map((message) => message.id);
		const items = [];
		if (chosen.every((message) => this.#canDeleteForEveryone(message))) items.push({
			label: strings.deleteForEveryone,
			danger: true,
			run: () => void this.#delete(ids, "everyone")
		});
		items.push({
			label: strings.deleteForMe,
			danger: true,
			run: () => void this.#delete(ids, "me")
		});
		this.#showMenu(SELECTION$1, items, event.currentTarget);
	};
	#showMenu(owner, items, trigger) {
		const log = this.scroller?.getBoundingClientRect();
		const up = owner === SELECTION$1 || !log || trigger.getBoundingClientRect().top > log.top + log.height / 2;
		this.#menu = {
			owner,
			items,
			up,
			trigger
		};
		this.requestUpdate();
		this.updateComplete.then(() => this.#menuItems()[0]?.focus());
	}
	#menuItems() {
		return [...this.renderRoot.querySelectorAll("[role=\"menuitem\"]")];
	}
	#closeMenu(refocus) {
		const trigger = this.#menu?.trigger;
		this.#menu = void 0;
		this.requestUpdate();
		if (refocus) trigger?.focus();
	}
	#choose(item) {
		this.#closeMenu(true);
		item.run();
	}
	#onTriggerKeydown = (event) => {
		if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
		event.preventDefault();
		if (!this.#menu) event.currentTarget.click();
	};
	#onMenuKeydown = (event) => {
		const items = this.#menuItems();
		const at = items.indexOf(this.renderRoot.activeElement);
		let next;
		if (event.key === "ArrowDown") next = (at + 1) % items.length;
		else if (event.key === "ArrowUp") next = (at - 1 + items.length) % items.length;
		else if (event.key === "Home") next = 0;
		else if (event.key === "End") next = items.length - 1;
		else if (event.key === "Escape") {
			event.preventDefault();
			event.stopPropagation();
			this.#closeMenu(true);
			return;
		} else if (event.key === "Tab") {
			this.#closeMenu(false);
			return;
		}
		if (next === void 0) return;
		event.preventDefault();
		items[next]?.focus();
	};
	#onMenuFocusout = (event) => {
		const to = event.relatedTarget;
		const menu = event.currentTarget;
		if (!this.#menu || to && (menu.contains(to) || to === this.#menu.trigger)) return;
		this.#closeMenu(false);
	};
	#renderPinned() {
		const pinned = this.#pinned();
		return pinned ? renderPinnedBar(pinned, t$2(this.#locale), this.#jump) : A;
	}
	/**
	* The latest pinned message: the chat's, unless the copy held here was unpinned
	* or deleted since; else the newest pinned one held.
	*/
	#pinned() {
		const latest = this.#chat?.pinnedMessage;
		const held = latest && this.messages.find((message) => message.id === latest.id);
		if (latest && !held) return latest;
		if (held?.pinned && !held.deletedAt) return held;
		return this.messages.findLast((message) => message.pinned && !message.deletedAt);
	}
	#renderTyping() {
		const userId = this.#userId;
		const typing = (this.#typing.value ?? []).filter((id) => id !== userId);
		if (typing.length === 0) return A;
		const chat = this.#chat;
		const names = typing.flatMap((id) => {
			const user = chat?.peer?.id === id ? chat.peer : this.messages.findLast((message) => message.author.id === id)?.author;
			return user ? [displayName(user)] : [];
		});
		return b`<p part="typing" role="status">${t$2(this.#locale).typing(names)}</p>`;
	}
	#onType = (event) => {
		if (this.chatId && event.target.localName === "parta-composer") this.#client?.sendTyping(this.chatId);
	};
	#startReply(message) {
		this.#replyTo = message;
		this.requestUpdate();
		this.updateComplete.then(() => this.renderRoot.querySelector("parta-composer")?.focus());
	}
	#cancelReply = () => {
		this.#replyTo = void 0;
		this.requestUpdate();
		this.renderRoot.querySelector("parta-composer")?.focus();
	};
	/** Shows a message: a quote's original, the pinned one. */
	#jump = (messageId) => void this.scrollToMessage(messageId);
	/** What the message actions (loaded on first use) need from the thread. */
	#actionsHost() {
		const client = this.#client;
		const chatId = this.chatId;
		if (!client || !chatId) return void 0;
		return {
			client,
			chatId,
			locale: this.#locale,
			chat: this.#chat,
			me: this.#me.value?.user,
			layer: this.renderRoot.querySelector(".layer"),
			reply: (message) => this.#startReply(message),
			act: async (action) => {
				this.#notice = "";
				try {
					await action();
					return true;
				} catch (error) {
					this.#notice = this.#describe(error);
					return false;
				} finally {
					this.requestUpdate();
				}
			},
			forwarded: () => {
				if (this.#selected) this.#leaveSelection();
			}
		};
	}
	/** Runs a message action once its module has loaded; `trigger` gets focus back from a dialog. */
	async #withActions(run) {
		const host = this.#actionsHost();
		if (host) await run(await actions(), host);
	}
	/** Confirms reading; the core counts it at once, and focus moves to the message's "confirmed" note. */
	async #confirmRead(message) {
		await this.#withActions((module, host) => module.confirmRead(host, message));
		this.renderRoot.querySelector(`[data-message-id="${CSS.escape(message.id)}"] [part~="confirmed"]`)?.focus();
	}
	#startEdit(message) {
		this.#editing = {
			id: message.id,
			text: message.text,
			error: "",
			busy: false
		};
		this.requestUpdate();
		this.updateComplete.then(() => {
			const box = this.renderRoot.querySelector("[part~=\"edit-input\"]");
			box?.focus();
			box?.setSelectionRange(box.value.length, box.value.length);
		});
	}
	#onEditKeydown = (event) => {
		if (event.key === "Escape") {
			event.preventDefault();
			event.stopPropagation();
			this.#cancelEdit();
		} else if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
			event.preventDefault();
			this.#saveEdit();
		}
	};
	#cancelEdit = () => {
		const id = this.#editing?.id;
		this.#editing = void 0;
		this.requestUpdate();
		this.#refocusMessage(id);
	};
	#saveEdit = async () => {
		const editing = this.#editing;
		const client = this.#client;
		const chatId = this.chatId;
		if (!editing || editing.busy || !client || !chatId) return;
		const original = this.messages.find((message) => message.id === editing.id);
		const text = editing.text.trim();
		if (text === "" || text === original?.text) return this.#cancelEdit();
		if (!this.dispatchEvent(new PartaMessageEditEvent(chatId, editing.id, text))) return;
		editing.busy = true;
		editing.error = "";
		this.requestUpdate();
		try {
			await client.editMessage(chatId, editing.id, text);
			if (this.#editing === editing) this.#cancelEdit();
		} catch (error) {
			editing.busy = false;
			editing.error = this.#describe(error);
			this.requestUpdate();
		}
	};
	/** After editing, focus goes back to the message's actions button. */
	#refocusMessage(id) {
		this.updateComplete.then(() => {
			(this.renderRoot.querySelector(`[data-message-id="${CSS.escape(id ?? "")}"] [part~="actions-button"]`) ?? this.scroller)?.focus();
		});
	}
	#describe(error) {
		return errorMessage(error.code, this.#locale === "en" ? "en" : "ru");
	}
	async #delete(ids, scope) {
		const client = this.#client;
		const chatId = this.chatId;
		if (!client || !chatId || ids.length === 0) return;
		const strings = t$2(this.#locale);
		if (!await this.#confirm.ask({
			title: strings.deleteQuestion(ids.length),
			detail: scope === "everyone" ? strings.deleteEveryoneDetail : strings.deleteMeDetail,
			confirm: strings.delete,
			cancel: strings.cancel
		}) || !this.dispatchEvent(new PartaMessageDeleteEvent(chatId, ids, scope))) return;
		this.#notice = "";
		try {
			await client.deleteMessages(chatId, ids, scope);
			if (this.#selected) this.#leaveSelection();
		} catch (error) {
			this.#notice = this.#describe(error);
		}
		this.requestUpdate();
		await this.updateComplete;
		if (!this.renderRoot.activeElement) this.scroller?.focus();
	}
	#enterSelection(id) {
		this.#selected = /* @__PURE__ */ new Set([id]);
		this.#editing = void 0;
		this.requestUpdate();
		this.updateComplete.then(() => this.renderRoot.querySelector(`[data-message-id="${CSS.escape(id)}"] [part~="select-checkbox"]`)?.focus());
	}
	#toggle(id, on) {
		if (on) this.#selected?.add(id);
		else this.#selected?.delete(id);
		this.requestUpdate();
	}
	#leaveSelection = () => {
		this.#selected = void 0;
		this.#menu = void 0;
		this.requestUpdate();
	};
	#onScroll = () => this.#log.onScroll();
	#onSend = (event) => {
		const client = this.#client;
		const chatId = this.chatId;
		queueMicrotask(() => {
			if (event.defaultPrevented || !client || !chatId) return;
			this.#log.stickToBottom();
			const replyToId = event.replyToId ?? this.#replyTo?.id ?? null;
			this.#replyTo = void 0;
			this.requestUpdate();
			client.sendMessage(chatId, event.text, {
				replyToId,
				requiresConfirmation: event.requiresConfirmation
			}).catch(() => {});
		});
	};
	#retry(message) {
		if (!this.chatId) return;
		this.#client?.retrySend(this.chatId, message.clientKey).catch(() => {});
	}
	#loadOlder = () => {
		if (!this.chatId) return;
		this.#log.holdPosition();
		this.#client?.loadOlder(this.chatId);
	};
};
__decorate([n$3({
	attribute: "chat-id",
	reflect: true
})], PartaThread.prototype, "chatId", void 0);
__decorate([n$3()], PartaThread.prototype, "locale", void 0);
__decorate([n$3({ attribute: false })], PartaThread.prototype, "client", void 0);
__decorate([e$2("[part~=\"messages\"]")], PartaThread.prototype, "scroller", void 0);
// packages/elements/src/thread/define.ts
if (!customElements.get("parta-thread")) customElements.define("parta-thread", PartaThread);
// apps/demo/.bench-thread/plain-thread.ts
var verifiedMark = (label) => b`<svg part="verified" role="img" aria-label=${label} viewBox="0 0 24 24"><path d="M12 1.5 14.6 4l3.5-.4.8 3.4 3.1 1.8-1.4 3.2 1.4 3.2-3.1 1.8-.8 3.4-3.5-.4L12 22.5 9.4 20l-3.5.4-.8-3.4L2 15.2l1.4-3.2L2 8.8 5.1 7l.8-3.4 3.5.4zm-1.2 13.7L7.6 12l-1.4 1.4 4.6 4.6 7-7-1.4-1.4z" /></svg>`;
/** How close to the end still counts as "at the bottom", in pixels. */
var BOTTOM_SLACK = 32;
var SELECTION = "#selection";
/**
* @summary One chat: its messages, newest at the bottom, and the composer.
*
* Message text is shown as text, with http(s) links made clickable; no HTML
* from a message is ever rendered. New messages keep the view at the bottom
* when it was there, and leave it alone when the reader has scrolled up.
*
* Each message has an actions menu (edit, delete, select several); deleting
* asks first, in a modal dialog.
*
* @fires parta-message-send - From the composer, before sending. Cancelable: `preventDefault()` stops the send.
* @fires parta-message-edit - Saving an edit. Cancelable.
* @fires parta-message-delete - A confirmed deletion. Cancelable.
* @csspart status - The connection note shown while offline or connecting.
* @csspart messages - The scrolling message log.
* @csspart message - One message; also `message-own`, `message-sending`, `message-failed`, `message-deleted`, `message-selected`.
* @csspart message-bubble - The message's bubble.
* @csspart message-author - The author's name.
* @csspart verified - The verified mark next to staff names.
* @csspart message-text - The message's text.
* @csspart message-time - When it was sent.
* @csspart message-status - Time, "edited" and the sending state.
* @csspart retry-button - Sends a failed message again.
* @csspart edited - The "edited" mark.
* @csspart actions-button - Opens the actions menu.
* @csspart menu - The actions menu.
* @csspart menu-item - Its entries; also `menu-item-danger`.
* @csspart edit-input - The editing box.
* @csspart edit-error - Why an edit failed.
* @csspart select-checkbox - Selects a message.
* @csspart selection-bar - Replaces the composer while selecting.
* @csspart selection-delete - Deletes the selected.
* @csspart selection-cancel - Ends selecting.
* @csspart notice - Why a deletion failed.
* @csspart confirm - The confirmation dialog; its buttons: `button`, `button-danger`.
* @csspart load-older - Loads earlier messages.
* @csspart composer - The `<parta-composer>`.
* @csspart empty - The note shown with no chat or no messages.
* @cssproperty --parta-thread-bg
* @cssproperty --parta-message-bubble-bg
* @cssproperty --parta-message-bubble-color
* @cssproperty --parta-message-bubble-own-bg
* @cssproperty --parta-message-bubble-own-color
* @cssproperty --parta-message-bubble-radius
* @cssproperty --parta-message-author-color
* @cssproperty --parta-verified-color
* @cssproperty --parta-link-color
*/
var PlainThread = class extends i$4 {
	static {
		this.styles = [tokens, styles];
	}
	#provided = new ClientController(this, () => this.requestUpdate());
	#messages = new StoreController(this);
	#chats = new StoreController(this);
	#connection = new StoreController(this);
	#me = new StoreController(this);
	/** Follow new messages: true while the reader is at the bottom. */
	#stick = true;
	/** Scroll geometry before older messages were added above, to keep the reader in place. */
	#anchor;
	#confirm = new ConfirmController(this);
	#menu;
	#editing;
	/** The ids chosen in selection mode; undefined outside it. */
	#selected;
	#notice = "";
	get #client() {
		return this.client ?? this.#provided.value;
	}
	get #locale() {
		return this.locale ?? this.#client?.locale;
	}
	/** The messages shown, as the store holds them. */
	get messages() {
		return this.#messages.value?.messages ?? [];
	}
	get #chat() {
		return this.#chats.value?.find((chat) => chat.id === this.chatId);
	}
	get #userId() {
		return this.#me.value?.user.id ?? this.#client?.userId ?? void 0;
	}
	#canDeleteForEveryone(message) {
		const userId = this.#userId;
		const chat = this.#chat ?? {
			kind: "group",
			onlyAdminsWrite: false,
			myRole: null
		};
		return Boolean(userId && canDeleteForEveryone(userId, {
			authorId: message.author.id,
			createdAt: message.createdAt
		}, chat));
	}
	/** Messages that actions apply to: confirmed by the server and not deleted. */
	#actionable = (message) => message.status === "sent" && !message.deletedAt;
	willUpdate(changed) {
		const client = this.#client;
		if (changed.has("chatId")) {
			this.#stick = true;
			this.#anchor = void 0;
			this.#menu = void 0;
			this.#editing = void 0;
			this.#selected = void 0;
			this.#notice = "";
		} else if (!this.#anchor) this.#onScroll();
		this.#messages.store = client && this.chatId ? client.$messages(this.chatId) : void 0;
		this.#chats.store = client?.$chats;
		this.#connection.store = client?.$connection;
		this.#me.store = client?.$me;
	}
	updated() {
		const scroller = this.scroller;
		if (!scroller) return;
		if (this.#anchor && !this.#messages.value?.loading) {
			scroller.scrollTop = this.#anchor.top + (scroller.scrollHeight - this.#anchor.height);
			this.#anchor = void 0;
		} else if (this.#stick) scroller.scrollTop = scroller.scrollHeight;
		const chat = this.#chat;
		if (chat && chat.unreadCount > 0 && this.#stick && document.visibilityState === "visible") this.#client?.markRead(chat.id);
	}
	render() {
		const strings = t$2(this.#locale);
		if (!this.chatId) return b`<p part="empty">${strings.selectChat}</p>`;
		const state = this.#messages.value;
		const chat = this.#chat;
		const connection = this.#connection.value;
		const canSend = Boolean(chat && canSendMessage(chat));
		return b`
      ${connection && connection !== "online" ? b`<p part="status" role="status">${connection === "offline" ? strings.offline : strings.connecting}</p>` : A}
      <div part="messages" role="log" aria-label=${strings.messages} tabindex="0" @scroll=${this.#onScroll}>
        ${state?.hasMore && state.messages.length > 0 ? b`<button part="load-older" type="button" ?disabled=${state.loading} @click=${this.#loadOlder}>
              ${state.loading ? strings.loading : strings.loadOlder}
            </button>` : A}
        ${this.#renderBody(state)}
      </div>
      ${this.#notice ? b`<p part="notice" role="alert">${this.#notice}</p>` : A}
      ${this.#selected ? this.#renderSelectionBar() : A}
      <parta-composer
        part="composer"
        ?hidden=${Boolean(this.#selected)}
        exportparts="input:composer-input, send-button:composer-send-button"
        chat-id=${this.chatId}
        locale=${this.#locale ?? "ru"}
        ?disabled=${!canSend}
        placeholder=${chat && !canSend ? strings.readOnly : strings.message}
        @parta-message-send=${this.#onSend}
      ></parta-composer>
      ${this.#confirm.render()}
    `;
	}
	#renderSelectionBar() {
		const strings = t$2(this.#locale);
		const chosen = this.#chosen();
		return b`<div part="selection-bar">
      <div class="anchor">
        <button
          part="selection-delete"
          type="button"
          class="danger"
          aria-haspopup="menu"
          aria-expanded=${this.#menu?.owner === SELECTION ? "true" : "false"}
          ?disabled=${chosen.length === 0}
          @click=${this.#openSelectionMenu}
          @keydown=${this.#onTriggerKeydown}
        >
          ${strings.deleteCount(chosen.length)}
        </button>
        ${this.#menu?.owner === SELECTION ? this.#renderMenu(this.#menu) : A}
      </div>
      <button part="selection-cancel" type="button" @click=${this.#leaveSelection}>${strings.cancel}</button>
    </div>`;
	}
	/** The selected messages still shown and still actionable. */
	#chosen() {
		const selected = this.#selected;
		return selected ? this.messages.filter((message) => selected.has(message.id) && this.#actionable(message)) : [];
	}
	#renderMenu(menu) {
		return b`<div
      part="menu"
      role="menu"
      class=${menu.up ? "up" : ""}
      aria-label=${t$2(this.#locale).messageActions}
      @keydown=${this.#onMenuKeydown}
      @focusout=${this.#onMenuFocusout}
    >
      ${menu.items.map((item) => b`<button
            part=${item.danger ? "menu-item menu-item-danger" : "menu-item"}
            role="menuitem"
            type="button"
            tabindex="-1"
            @click=${() => this.#choose(item)}
          >
            ${item.label}
          </button>`)}
    </div>`;
	}
	#renderBody(state) {
		const strings = t$2(this.#locale);
		const messages = state?.messages ?? [];
		if (messages.length === 0) {
			const note = !state || state.loading ? strings.loading : state.error ? strings.loadFailed : strings.noMessages;
			return b`<p part="empty">${note}</p>`;
		}
		return b`<ol>
      ${c(messages, (message) => message.id, (message) => this.#renderMessage(message))}
    </ol>`;
	}
	#renderMessage(message) {
		const strings = t$2(this.#locale);
		const own = message.author.id === this.#userId;
		const actionable = this.#actionable(message);
		const selected = Boolean(actionable && this.#selected?.has(message.id));
		const editing = this.#editing?.id === message.id && actionable ? this.#editing : void 0;
		const menu = this.#menu?.owner === message.id ? this.#menu : void 0;
		const parts = ["message"];
		if (own) parts.push("message-own");
		if (message.status !== "sent") parts.push(`message-${message.status}`);
		if (message.deletedAt) parts.push("message-deleted");
		if (selected) parts.push("message-selected");
		return b`<li part=${parts.join(" ")} data-message-id=${message.id}>
      ${this.#selected && actionable ? b`<input
              part="select-checkbox"
              type="checkbox"
              aria-label=${strings.selectMessage}
              .checked=${selected}
              @change=${(event) => this.#toggle(message.id, event.target.checked)}
            />` : A}
      <div part="message-bubble">
        ${own ? A : b`<div class="meta">
              <span part="message-author"
                >${displayName(message.author)}${message.author.verified ? verifiedMark(strings.verified) : A}</span
              >
            </div>`}
        ${message.deletedAt ? b`<p part="message-text" class="deleted">${strings.deleted}</p>` : editing ? this.#renderEditor(editing) : b`<p part="message-text">${linkify(message.text).map((part) => typeof part === "string" ? part : b`<a href=${part.href} target="_blank" rel="noopener noreferrer nofollow ugc">${part.text}</a>`)}</p>`}
        <div part="message-status">
          ${message.editedAt && !message.deletedAt ? b`<span part="edited">${strings.edited}</span>` : A}
          <time part="message-time" datetime=${message.createdAt}>${formatTime(message.createdAt, this.#locale)}</time>
          ${message.status === "sending" ? b`<span>${strings.sending}</span>` : A}
          ${message.status === "failed" ? b`<span>${strings.failed}</span>
                <button part="retry-button" type="button" @click=${() => this.#retry(message)}>${strings.retry}</button>` : A}
          ${actionable && !editing && !this.#selected ? b`<button
                  part="actions-button"
                  type="button"
                  aria-label=${strings.messageActions}
                  title=${strings.messageActions}
                  aria-haspopup="menu"
                  aria-expanded=${menu ? "true" : "false"}
                  @click=${(event) => this.#openMessageMenu(message, event.currentTarget)}
                  @keydown=${this.#onTriggerKeydown}
                >
                  <svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="5" cy="12" r="2" /><circle cx="12" cy="12" r="2" /><circle cx="19" cy="12" r="2" /></svg>
                </button>` : A}
        </div>
        ${menu ? this.#renderMenu(menu) : A}
      </div>
    </li>`;
	}
	#renderEditor(editing) {
		const strings = t$2(this.#locale);
		return b`<div class="editor">
      <textarea
        part="edit-input"
        rows="2"
        aria-label=${strings.editing}
        aria-describedby="edit-error"
        aria-invalid=${editing.error ? "true" : "false"}
        .value=${editing.text}
        ?readonly=${editing.busy}
        @input=${(event) => {
			editing.text = event.target.value;
		}}
        @keydown=${this.#onEditKeydown}
      ></textarea>
      ${editing.error ? b`<p part="edit-error" id="edit-error" role="alert">${editing.error}</p>` : A}
      <div class="edit-actions">
        <button type="button" @click=${this.#cancelEdit}>${strings.cancel}</button>
        <button type="button" class="primary" ?disabled=${editing.busy} @click=${this.#saveEdit}>${strings.save}</button>
      </div>
    </div>`;
	}
	#openMessageMenu(message, trigger) {
		if (this.#menu?.owner === message.id) return this.#closeMenu(true);
		const strings = t$2(this.#locale);
		const userId = this.#userId;
		const items = [];
		if (userId && canEditMessage(userId, {
			authorId: message.author.id,
			createdAt: message.createdAt
		})) items.push({
			label: strings.edit,
			run: () => this.#startEdit(message)
		});
		if (this.#canDeleteForEveryone(message)) items.push({
			label: strings.deleteForEveryone,
			danger: true,
			run: () => void this.#delete([message.id], "everyone")
		});
		items.push({
			label: strings.deleteForMe,
			danger: true,
			run: () => void this.#delete([message.id], "me")
		});
		items.push({
			label: strings.select,
			run: () => this.#enterSelection(message.id)
		});
		this.#showMenu(message.id, items, trigger);
	}
	#openSelectionMenu = (event) => {
		if (this.#menu?.owner === SELECTION) return this.#closeMenu(true);
		const strings = t$2(this.#locale);
		const chosen = this.#chosen();
		const ids = chosen.map((message) => message.id);
		const items = [];
		if (chosen.every((message) => this.#canDeleteForEveryone(message))) items.push({
			label: strings.deleteForEveryone,
			danger: true,
			run: () => void this.#delete(ids, "everyone")
		});
		items.push({
			label: strings.deleteForMe,
			danger: true,
			run: () => void this.#delete(ids, "me")
		});
		this.#showMenu(SELECTION, items, event.currentTarget);
	};
	#showMenu(owner, items, trigger) {
		const log = this.scroller?.getBoundingClientRect();
		const up = owner === SELECTION || !log || trigger.getBoundingClientRect().top > log.top + log.height / 2;
		this.#menu = {
			owner,
			items,
			up,
			trigger
		};
		this.requestUpdate();
		this.updateComplete.then(() => this.#menuItems()[0]?.focus());
	}
	#menuItems() {
		return [...this.renderRoot.querySelectorAll("[role=\"menuitem\"]")];
	}
	#closeMenu(refocus) {
		const trigger = this.#menu?.trigger;
		this.#menu = void 0;
		this.requestUpdate();
		if (refocus) trigger?.focus();
	}
	#choose(item) {
		this.#closeMenu(true);
		item.run();
	}
	#onTriggerKeydown = (event) => {
		if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
		event.preventDefault();
		if (!this.#menu) event.currentTarget.click();
	};
	#onMenuKeydown = (event) => {
		const items = this.#menuItems();
		const at = items.indexOf(this.renderRoot.activeElement);
		let next;
		if (event.key === "ArrowDown") next = (at + 1) % items.length;
		else if (event.key === "ArrowUp") next = (at - 1 + items.length) % items.length;
		else if (event.key === "Home") next = 0;
		else if (event.key === "End") next = items.length - 1;
		else if (event.key === "Escape") {
			event.preventDefault();
			event.stopPropagation();
			this.#closeMenu(true);
			return;
		} else if (event.key === "Tab") {
			this.#closeMenu(false);
			return;
		}
		if (next === void 0) return;
		event.preventDefault();
		items[next]?.focus();
	};
	#onMenuFocusout = (event) => {
		const to = event.relatedTarget;
		const menu = event.currentTarget;
		if (!this.#menu || to && (menu.contains(to) || to === this.#menu.trigger)) return;
		this.#closeMenu(false);
	};
	#startEdit(message) {
		this.#editing = {
			id: message.id,
			text: message.text,
			error: "",
			busy: false
		};
		this.requestUpdate();
		this.updateComplete.then(() => {
			const box = this.renderRoot.querySelector("[part~=\"edit-input\"]");
			box?.focus();
			box?.setSelectionRange(box.value.length, box.value.length);
		});
	}
	#onEditKeydown = (event) => {
		if (event.key === "Escape") {
			event.preventDefault();
			event.stopPropagation();
			this.#cancelEdit();
		} else if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
			event.preventDefault();
			this.#saveEdit();
		}
	};
	#cancelEdit = () => {
		const id = this.#editing?.id;
		this.#editing = void 0;
		this.requestUpdate();
		this.#refocusMessage(id);
	};
	#saveEdit = async () => {
		const editing = this.#editing;
		const client = this.#client;
		const chatId = this.chatId;
		if (!editing || editing.busy || !client || !chatId) return;
		const original = this.messages.find((message) => message.id === editing.id);
		const text = editing.text.trim();
		if (text === "" || text === original?.text) return this.#cancelEdit();
		if (!this.dispatchEvent(new PartaMessageEditEvent(chatId, editing.id, text))) return;
		editing.busy = true;
		editing.error = "";
		this.requestUpdate();
		try {
			await client.editMessage(chatId, editing.id, text);
			if (this.#editing === editing) this.#cancelEdit();
		} catch (error) {
			editing.busy = false;
			editing.error = this.#describe(error);
			this.requestUpdate();
		}
	};
	/** After editing, focus goes back to the message's actions button. */
	#refocusMessage(id) {
		this.updateComplete.then(() => {
			(this.renderRoot.querySelector(`[data-message-id="${CSS.escape(id ?? "")}"] [part~="actions-button"]`) ?? this.scroller)?.focus();
		});
	}
	#describe(error) {
		return errorMessage(error.code, this.#locale === "en" ? "en" : "ru");
	}
	async #delete(ids, scope) {
		const client = this.#client;
		const chatId = this.chatId;
		if (!client || !chatId || ids.length === 0) return;
		const strings = t$2(this.#locale);
		if (!await this.#confirm.ask({
			title: strings.deleteQuestion(ids.length),
			detail: scope === "everyone" ? strings.deleteEveryoneDetail : strings.deleteMeDetail,
			confirm: strings.delete,
			cancel: strings.cancel
		}) || !this.dispatchEvent(new PartaMessageDeleteEvent(chatId, ids, scope))) return;
		this.#notice = "";
		try {
			await client.deleteMessages(chatId, ids, scope);
			if (this.#selected) this.#leaveSelection();
		} catch (error) {
			this.#notice = this.#describe(error);
		}
		this.requestUpdate();
		await this.updateComplete;
		if (!this.renderRoot.activeElement) this.scroller?.focus();
	}
	#enterSelection(id) {
		this.#selected = /* @__PURE__ */ new Set([id]);
		this.#editing = void 0;
		this.requestUpdate();
		this.updateComplete.then(() => this.renderRoot.querySelector(`[data-message-id="${CSS.escape(id)}"] [part~="select-checkbox"]`)?.focus());
	}
	#toggle(id, on) {
		if (on) this.#selected?.add(id);
		else this.#selected?.delete(id);
		this.requestUpdate();
	}
	#leaveSelection = () => {
		this.#selected = void 0;
		this.#menu = void 0;
		this.requestUpdate();
	};
	#onScroll = () => {
		const scroller = this.scroller;
		if (!scroller) return;
		this.#stick = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= BOTTOM_SLACK;
	};
	#onSend = (event) => {
		const client = this.#client;
		const chatId = this.chatId;
		queueMicrotask(() => {
			if (event.defaultPrevented || !client || !chatId) return;
			this.#stick = true;
			client.sendMessage(chatId, event.text, { replyToId: event.replyToId }).catch(() => {});
		});
	};
	#retry(message) {
		if (!this.chatId) return;
		this.#client?.retrySend(this.chatId, message.clientKey).catch(() => {});
	}
	#loadOlder = () => {
		const scroller = this.scroller;
		if (!scroller || !this.chatId) return;
		this.#anchor = {
			height: scroller.scrollHeight,
			top: scroller.scrollTop
		};
		this.#stick = false;
		this.#client?.loadOlder(this.chatId);
	};
};
__decorate([n$3({
	attribute: "chat-id",
	reflect: true
})], PlainThread.prototype, "chatId", void 0);
__decorate([n$3()], PlainThread.prototype, "locale", void 0);
__decorate([n$3({ attribute: false })], PlainThread.prototype, "client", void 0);
__decorate([e$2("[part~=\"messages\"]")], PlainThread.prototype, "scroller", void 0);
// apps/demo/.bench-thread/entry.ts
if (PlainThread) customElements.define("parta-thread-plain", PlainThread);
var params = new URLSearchParams(location.search);
var baseUrl = params.get("server");
var chatId = params.get("chat");
var token = async (userId) => {
	return (await (await fetch(baseUrl + routes.devSignIn, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ userId })
	})).json()).token;
};
var frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
var until = async (check) => {
	while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
};
var percentile = (values, p) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
};
var reader;
var writer;
var $thread;
var changedAt = 0;
async function setup() {
	reader = createClient({
		baseUrl,
		getToken: () => token("u-student-1"),
		storage: "none"
	});
	writer = createClient({
		baseUrl,
		getToken: () => token("u-teacher"),
		storage: "none"
	});
	for (const client of [reader, writer]) {
		client.$chats.listen(() => {});
		client.$me.listen(() => {});
	}
	$thread = reader.$messages(chatId);
	$thread.listen(() => {
		changedAt = performance.now();
	});
	await until(() => !$thread.get().loading && reader.$connection.get() === "online" && writer.$connection.get() === "online");
	const started = performance.now();
	while ($thread.get().hasMore) await reader.loadOlder(chatId);
	return {
		held: $thread.get().messages.length,
		loadMs: performance.now() - started
	};
}
async function open(tag) {
	document.body.replaceChildren();
	await frame();
	await frame();
	const started = performance.now();
	const el = document.createElement(tag);
	el.style.cssText = "display:flex;width:480px;height:600px";
	el.client = reader;
	el.chatId = chatId;
	document.body.append(el);
	while (!await el.updateComplete);
	await frame();
	const paintMs = performance.now() - started;
	const shadow = el.shadowRoot;
	const walker = document.createTreeWalker(shadow);
	let nodes = 0;
	while (walker.nextNode()) nodes++;
	return {
		el,
		paintMs,
		elements: shadow.querySelectorAll("*").length,
		nodes,
		rows: shadow.querySelectorAll("li").length
	};
}
async function paint(tag, times) {
	const runs = [];
	for (let n = 0; n < times; n++) {
		const { el, ...figures } = await open(tag);
		runs.push(figures);
	}
	return {
		first: runs[0],
		median: percentile(runs.map((run) => run.paintMs), .5),
		last: runs.at(-1)
	};
}
async function append(tag, count) {
	const { el } = await open(tag);
	const scroller = el.shadowRoot.querySelector("[part~=\"messages\"]");
	const times = [];
	for (let n = 0; n < count; n++) {
		const text = "append " + tag + " " + n + " " + Math.random().toString(36).slice(2);
		const seen = new Promise((resolve) => {
			const stop = $thread.listen((state) => {
				if (state.messages.at(-1)?.text !== text) return;
				stop();
				resolve();
			});
		});
		await writer.sendMessage(chatId, text);
		await seen;
		if (el.isUpdatePending) await el.updateComplete;
		scroller.scrollHeight;
		times.push(performance.now() - changedAt);
		while (!await el.updateComplete);
		await frame();
	}
	const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2;
	return {
		median: percentile(times, .5),
		p95: percentile(times, .95),
		atBottom
	};
}
async function scroll(tag, frames, step) {
	const { el } = await open(tag);
	const scroller = el.shadowRoot.querySelector("[part~=\"messages\"]");
	await frame();
	const deltas = [];
	await new Promise((resolve) => {
		let last = 0;
		let n = 0;
		const tick = (now) => {
			if (last) deltas.push(now - last);
			last = now;
			scroller.scrollTop -= step;
			if (++n <= frames) requestAnimationFrame(tick);
			else resolve();
		};
		requestAnimationFrame(tick);
	});
	const budget = 1e3 / 60;
	const rendered = el.shadowRoot.querySelectorAll("li").length;
	return {
		p50: percentile(deltas, .5),
		p95: percentile(deltas, .95),
		max: Math.max(...deltas),
		dropped: deltas.reduce((sum, delta) => sum + Math.max(0, Math.round(delta / budget) - 1), 0),
		frames: deltas.length,
		rendered
	};
}
async function probe() {
	const { el } = await open("parta-thread");
	const proto = Object.getPrototypeOf(el);
	const log = [];
	let current;
	const original = proto.performUpdate;
	el.performUpdate = function() {
		const started = performance.now();
		const result = original.call(this);
		current?.push(Math.round((started - changedAt) * 10) / 10 + ":" + Math.round((performance.now() - started) * 100) / 100);
		return result;
	};
	const reasons = /* @__PURE__ */ new Map();
	const request = proto.requestUpdate;
	el.requestUpdate = function(...args) {
		if (current && !this.isUpdatePending) {
			const where = ((/* @__PURE__ */ new Error()).stack ?? "").split(String.fromCharCode(10)).slice(2, 7).map((line) => line.trim().split(" ")[1] ?? "").join(" < ");
			reasons.set(where, (reasons.get(where) ?? 0) + 1);
		}
		return request.apply(this, args);
	};
	for (let n = 0; n < 5; n++) {
		current = [];
		(globalThis.lwTimes ?? []).splice(0);
		const text = "probe " + n + Math.random();
		const seen = new Promise((resolve) => {
			const stop = $thread.listen((state) => {
				if (state.messages.at(-1)?.text !== text) return;
				stop();
				resolve();
			});
		});
		await writer.sendMessage(chatId, text);
		await seen;
		while (!await el.updateComplete);
		const total = performance.now() - changedAt;
		await frame();
		await frame();
		log.push({
			total: Math.round(total * 100) / 100,
			updates: current,
			lw: (globalThis.lwTimes ?? []).splice(0)
		});
	}
	return JSON.stringify(log) + " || " + [...reasons].map(([where, count]) => count + " " + where).join(" || ");
}
window.bench = {
	setup,
	paint,
	append,
	scroll,
	probe,
	hasPlain: Boolean(PlainThread)
};
export { t$2 as a, canSendMessage as c, displayName as i, c as n, canGiveAward as o, StoreController as r, canPinMessage as s, __vitePreload as t };
