import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    background: var(--parta-important-bg, var(--_bg));
  }
  h2 {
    margin: 0;
    padding: var(--_space-3) var(--_space-4);
    font-size: 1.1em;
    border-bottom: 1px solid var(--_border);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='item'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px var(--_space-2);
    padding: var(--_space-2) var(--_space-4);
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
  }
  [part~='item']:hover {
    background: var(--parta-important-item-hover-bg, var(--_surface));
  }
  [part~='open'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  [part~='chat-title'] {
    font-weight: 600;
  }
  [part~='author'],
  [part~='time'] {
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  [part~='text'] {
    grid-column: 1 / -1;
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='text'] a {
    color: var(--parta-link-color, var(--_accent));
  }
  [part~='empty'],
  [part~='error'] {
    margin: 0;
    padding: var(--_space-4);
    color: var(--_muted);
    text-align: center;
  }
  [part~='error'] {
    color: var(--_danger);
  }
`;
