import { PartaOrgSwitcher } from './org-switcher.js';

export { PartaOrgSwitcher };

if (!customElements.get('parta-org-switcher')) customElements.define('parta-org-switcher', PartaOrgSwitcher);

declare global {
  interface HTMLElementTagNameMap {
    'parta-org-switcher': PartaOrgSwitcher;
  }
}
