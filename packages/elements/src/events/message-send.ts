/**
 * The user asks to send a message from `<parta-composer>`.
 * Cancelable: `preventDefault()` stops the send and keeps the text in the box.
 */
export class PartaMessageSendEvent extends Event {
  static readonly eventName = 'parta-message-send';
  readonly text: string;
  /** The chat the composer writes to, when it knows. */
  readonly chatId: string | undefined;
  readonly replyToId: string | null;

  constructor(text: string, options: { chatId?: string | undefined; replyToId?: string | null } = {}) {
    super(PartaMessageSendEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.text = text;
    this.chatId = options.chatId;
    this.replyToId = options.replyToId ?? null;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-message-send': PartaMessageSendEvent;
  }
}
