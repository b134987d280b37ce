/**
 * The user asks to approve or decline a join request in `<parta-join-requests>`
 * (a decline only after confirming it). Cancelable: `preventDefault()` stops
 * the decision, which the server never hears of.
 */
export class PartaJoinRequestDecideEvent extends Event {
  static readonly eventName = 'parta-join-request-decide';
  readonly requestId: string;
  readonly decision: 'approve' | 'decline';
  /** The person who asked to join. */
  readonly userId: string;

  constructor(requestId: string, decision: 'approve' | 'decline', userId: string) {
    super(PartaJoinRequestDecideEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.requestId = requestId;
    this.decision = decision;
    this.userId = userId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-join-request-decide': PartaJoinRequestDecideEvent;
  }
}
