/**
 * The user asked to see a chat's card (the title in `<parta-chat-header>`).
 * Cancelable: `preventDefault()` keeps the header from opening its own card,
 * so a host can show the card somewhere else.
 */
export class PartaChatCardOpenEvent extends Event {
  static readonly eventName = 'parta-chat-card-open';
  readonly chatId: string;

  constructor(chatId: string) {
    super(PartaChatCardOpenEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.chatId = chatId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-chat-card-open': PartaChatCardOpenEvent;
  }
}
