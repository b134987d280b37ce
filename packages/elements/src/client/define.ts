import { PartaClientProvider } from './client.js';

export { PartaClientProvider };

if (!customElements.get('parta-client')) customElements.define('parta-client', PartaClientProvider);

declare global {
  interface HTMLElementTagNameMap {
    'parta-client': PartaClientProvider;
  }
}
