import { PartaChatCard } from './chat-card.js';

export { PartaChatCard };

if (!customElements.get('parta-chat-card')) customElements.define('parta-chat-card', PartaChatCard);

declare global {
  interface HTMLElementTagNameMap {
    'parta-chat-card': PartaChatCard;
  }
}
