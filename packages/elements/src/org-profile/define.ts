import { PartaOrgProfile } from './org-profile.js';

export { PartaOrgProfile };

if (!customElements.get('parta-org-profile')) customElements.define('parta-org-profile', PartaOrgProfile);

declare global {
  interface HTMLElementTagNameMap {
    'parta-org-profile': PartaOrgProfile;
  }
}
