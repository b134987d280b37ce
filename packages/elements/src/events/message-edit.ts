/** Saving an edited message in `<parta-thread>`. Cancelable: `preventDefault()` stops it. */
export class PartaMessageEditEvent extends Event {
  static readonly eventName = 'parta-message-edit';
  readonly chatId: string;
  readonly messageId: string;
  readonly text: string;

  constructor(chatId: string, messageId: string, text: string) {
    super(PartaMessageEditEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.chatId = chatId;
    this.messageId = messageId;
    this.text = text;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-message-edit': PartaMessageEditEvent;
  }
}
