import '../composer/define.js';
import { PartaThread } from './thread.js';

export { PartaThread };

if (!customElements.get('parta-thread')) customElements.define('parta-thread', PartaThread);

declare global {
  interface HTMLElementTagNameMap {
    'parta-thread': PartaThread;
  }
}
