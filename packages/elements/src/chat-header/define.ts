import { PartaChatHeader } from './chat-header.js';

export { PartaChatHeader };

if (!customElements.get('parta-chat-header')) customElements.define('parta-chat-header', PartaChatHeader);

declare global {
  interface HTMLElementTagNameMap {
    'parta-chat-header': PartaChatHeader;
  }
}
