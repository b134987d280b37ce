import { PartaComposer } from './composer.js';

export { PartaComposer };

if (!customElements.get('parta-composer')) customElements.define('parta-composer', PartaComposer);

declare global {
  interface HTMLElementTagNameMap {
    'parta-composer': PartaComposer;
  }
}
