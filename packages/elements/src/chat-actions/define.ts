import { PartaChatActions } from './chat-actions.js';

export { PartaChatActions };

if (!customElements.get('parta-chat-actions')) customElements.define('parta-chat-actions', PartaChatActions);

declare global {
  interface HTMLElementTagNameMap {
    'parta-chat-actions': PartaChatActions;
  }
}
