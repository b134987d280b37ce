/**
 * The user left a chat from `<parta-chat-card>`; the chat is gone from their list.
 * The host closes its thread.
 */
export class PartaChatLeaveEvent extends Event {
  static readonly eventName = 'parta-chat-leave';
  readonly chatId: string;

  constructor(chatId: string) {
    super(PartaChatLeaveEvent.eventName, { bubbles: true, composed: true });
    this.chatId = chatId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-chat-leave': PartaChatLeaveEvent;
  }
}
