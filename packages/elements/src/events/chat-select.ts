/**
 * A chat was chosen in `<parta-chat-list>` (click, Enter or Space), or a message in `<parta-important>`.
 * Cancelable: `preventDefault()` keeps the previous selection.
 */
export class PartaChatSelectEvent extends Event {
  static readonly eventName = 'parta-chat-select';
  readonly chatId: string;
  /** The chat's title, handy for a heading next to the thread. */
  readonly title: string;
  /** A message to show in that chat (from `<parta-important>`): pass it to the thread's `scrollToMessage`. */
  readonly messageId: string | undefined;

  constructor(chatId: string, title: string, messageId?: string) {
    super(PartaChatSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.chatId = chatId;
    this.title = title;
    this.messageId = messageId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-chat-select': PartaChatSelectEvent;
  }
}
