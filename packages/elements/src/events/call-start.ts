/**
 * The user asked to call a chat (the call button of `<parta-chat-card>`).
 * The host starts the call, for example by showing `<parta-call-room>`.
 * Cancelable, like every request event; nothing else happens by default.
 */
export class PartaCallStartEvent extends Event {
  static readonly eventName = 'parta-call-start';
  readonly chatId: string;

  constructor(chatId: string) {
    super(PartaCallStartEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.chatId = chatId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-call-start': PartaCallStartEvent;
  }
}
