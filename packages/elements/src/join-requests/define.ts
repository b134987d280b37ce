import { PartaJoinRequests } from './join-requests.js';

export { PartaJoinRequests };

if (!customElements.get('parta-join-requests')) customElements.define('parta-join-requests', PartaJoinRequests);

declare global {
  interface HTMLElementTagNameMap {
    'parta-join-requests': PartaJoinRequests;
  }
}
