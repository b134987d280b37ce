/** The user joined the call: the room is connected and local media is published as chosen. */
export class PartaCallJoinEvent extends Event {
  static readonly eventName = 'parta-call-join';
  constructor(
    readonly chatId: string,
    readonly room: string,
  ) {
    super(PartaCallJoinEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user left the call, or was disconnected from it. */
export class PartaCallLeaveEvent extends Event {
  static readonly eventName = 'parta-call-leave';
  constructor(
    readonly chatId: string,
    /** `user` when the leave button was pressed, otherwise the reason the room gave. */
    readonly reason: string,
  ) {
    super(PartaCallLeaveEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-call-join': PartaCallJoinEvent;
    'parta-call-leave': PartaCallLeaveEvent;
  }
}
