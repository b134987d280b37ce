/**
 * A chat was chosen in `<parta-chat-list>` (click, Enter or Space).
 * Cancelable: `preventDefault()` keeps the previous selection.
 */
export class PartaChatSelectEvent extends Event {
  static readonly eventName = 'parta-chat-select';
  readonly chatId: string;
  /** The chat's title, handy for a heading next to the thread. */
  readonly title: string;

  constructor(chatId: string, title: string) {
    super(PartaChatSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.chatId = chatId;
    this.title = title;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-chat-select': PartaChatSelectEvent;
  }
}
