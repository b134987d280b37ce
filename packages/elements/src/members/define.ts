import { PartaMembers } from './members.js';

export { PartaMembers };

if (!customElements.get('parta-members')) customElements.define('parta-members', PartaMembers);

declare global {
  interface HTMLElementTagNameMap {
    'parta-members': PartaMembers;
  }
}
