import { PartaImportant } from './important.js';

export { PartaImportant };

if (!customElements.get('parta-important')) customElements.define('parta-important', PartaImportant);

declare global {
  interface HTMLElementTagNameMap {
    'parta-important': PartaImportant;
  }
}
