import { PartaClasses } from './classes.js';

export { PartaClasses };

if (!customElements.get('parta-classes')) customElements.define('parta-classes', PartaClasses);

declare global {
  interface HTMLElementTagNameMap {
    'parta-classes': PartaClasses;
  }
}
