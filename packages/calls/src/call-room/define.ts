import { PartaCallRoom } from './call-room.js';

export { PartaCallRoom };

if (!customElements.get('parta-call-room')) customElements.define('parta-call-room', PartaCallRoom);

declare global {
  interface HTMLElementTagNameMap {
    'parta-call-room': PartaCallRoom;
  }
}
