import { PartaChatInvite } from './chat-invite.js';

export { PartaChatInvite };

if (!customElements.get('parta-chat-invite')) customElements.define('parta-chat-invite', PartaChatInvite);

declare global {
  interface HTMLElementTagNameMap {
    'parta-chat-invite': PartaChatInvite;
  }
}
