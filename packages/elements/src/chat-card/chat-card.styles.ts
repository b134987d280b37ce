import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: 560px;
  }
  section {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-4);
    border-bottom: 1px solid var(--_border);
  }
  section:last-of-type {
    border-bottom: 0;
  }
  [part~='header'] {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    gap: var(--_space-3);
    border-bottom: 1px solid var(--_border);
  }
  [part~='avatar'] {
    display: grid;
    place-items: center;
    width: 56px;
    height: 56px;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_accent) 20%, var(--_bg));
    font-size: 20px;
    font-weight: 600;
  }
  [part~='header'] h2 {
    font-size: 1.2em;
    overflow-wrap: anywhere;
  }
  h2:focus {
    outline: none;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  form.inline {
    flex-wrap: nowrap;
    padding: 0;
    border: 0;
    background: none;
  }
  form.inline label {
    flex: 1;
  }
  form.picker {
    display: grid;
    align-items: stretch;
    padding: var(--_space-2) 0;
    border: 0;
    background: none;
  }
  [part~='members'] [part~='item'] {
    padding: var(--_space-2) 0;
  }
  [part~='members'] button {
    min-height: 28px;
    padding: 0 var(--_space-2);
    font-size: 12px;
  }
  [part~='role'] {
    padding: 0 6px;
    border-radius: 8px;
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    color: var(--_text);
    font-size: 12px;
  }
  [part~='url'] {
    flex: 1 1 240px;
  }
  dialog.wide {
    width: min(460px, 94vw);
    max-width: none;
  }
`;
