/**
 * An organisation was chosen in `<parta-org-switcher>`.
 * Cancelable: `preventDefault()` keeps the current organisation.
 */
export class PartaOrgSelectEvent extends Event {
  static readonly eventName = 'parta-org-select';
  readonly orgId: string;
  /** The organisation's name, for a heading. */
  readonly name: string;

  constructor(orgId: string, name: string) {
    super(PartaOrgSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.orgId = orgId;
    this.name = name;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parta-org-select': PartaOrgSelectEvent;
  }
}
