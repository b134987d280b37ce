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
  /** The sender asks readers to confirm they read it. */
  readonly requiresConfirmation: boolean;

  constructor(
    text: string,
    options: { chatId?: string | undefined; replyToId?: string | null; requiresConfirmation?: boolean } = {},
  ) {
    super(PartaMessageSendEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.text = text;
    this.chatId = options.chatId;
    this.replyToId = options.replyToId ?? null;
    this.requiresConfirmation = options.requiresConfirmation ?? false;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-message-send': PartaMessageSendEvent;
  }
}
