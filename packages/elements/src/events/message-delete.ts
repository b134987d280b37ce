/** Confirmed deletion in `<parta-thread>`, for `everyone` or `me` only. Cancelable: `preventDefault()` stops it. */
export class PartaMessageDeleteEvent extends Event {
  static readonly eventName = 'parta-message-delete';
  readonly chatId: string;
  readonly messageIds: readonly string[];
  readonly scope: 'everyone' | 'me';

  constructor(chatId: string, messageIds: readonly string[], scope: 'everyone' | 'me') {
    super(PartaMessageDeleteEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.chatId = chatId;
    this.messageIds = messageIds;
    this.scope = scope;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-message-delete': PartaMessageDeleteEvent;
  }
}
