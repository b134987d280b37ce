import { PartaPeoplePicker } from './people-picker.js';

export { PartaPeoplePicker };

if (!customElements.get('parta-people-picker')) customElements.define('parta-people-picker', PartaPeoplePicker);

declare global {
  interface HTMLElementTagNameMap {
    'parta-people-picker': PartaPeoplePicker;
  }
}
