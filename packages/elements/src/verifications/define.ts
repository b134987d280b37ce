import { PartaVerifications } from './verifications.js';

export { PartaVerifications };

if (!customElements.get('parta-verifications')) customElements.define('parta-verifications', PartaVerifications);

declare global {
  interface HTMLElementTagNameMap {
    'parta-verifications': PartaVerifications;
  }
}
