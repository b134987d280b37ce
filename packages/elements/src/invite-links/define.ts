import { PartaInviteLinks } from './invite-links.js';

export { PartaInviteLinks };

if (!customElements.get('parta-invite-links')) customElements.define('parta-invite-links', PartaInviteLinks);

declare global {
  interface HTMLElementTagNameMap {
    'parta-invite-links': PartaInviteLinks;
  }
}
