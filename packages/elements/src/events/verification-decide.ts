/**
 * The user asks to approve or decline a teacher verification request in
 * `<parta-verifications>` (a decline only after confirming it). Cancelable:
 * `preventDefault()` stops the decision, which the server never hears of.
 */
export class PartaVerificationDecideEvent extends Event {
  static readonly eventName = 'parta-verification-decide';
  readonly requestId: string;
  readonly decision: 'approve' | 'decline';
  /** The person who asked to be confirmed as a teacher. */
  readonly userId: string;

  constructor(requestId: string, decision: 'approve' | 'decline', userId: string) {
    super(PartaVerificationDecideEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.requestId = requestId;
    this.decision = decision;
    this.userId = userId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-verification-decide': PartaVerificationDecideEvent;
  }
}
