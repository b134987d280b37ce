import { PartaNewChat } from './new-chat.js';

export { PartaNewChat };

if (!customElements.get('parta-new-chat')) customElements.define('parta-new-chat', PartaNewChat);

declare global {
  interface HTMLElementTagNameMap {
    'parta-new-chat': PartaNewChat;
  }
}
