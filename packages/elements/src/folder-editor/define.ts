import { PartaFolderEditor } from './folder-editor.js';

export { PartaFolderEditor };

if (!customElements.get('parta-folder-editor')) customElements.define('parta-folder-editor', PartaFolderEditor);

declare global {
  interface HTMLElementTagNameMap {
    'parta-folder-editor': PartaFolderEditor;
  }
}
