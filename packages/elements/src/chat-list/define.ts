import { PartaChatList } from './chat-list.js';

export { PartaChatList };

if (!customElements.get('parta-chat-list')) customElements.define('parta-chat-list', PartaChatList);

declare global {
  interface HTMLElementTagNameMap {
    'parta-chat-list': PartaChatList;
  }
}
