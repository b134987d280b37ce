import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 240px;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    background: var(--parta-call-bg, var(--_bg));
  }
  .idle,
  .status {
    margin: auto;
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
    align-items: center;
    padding: var(--_space-4);
    text-align: center;
  }
  .options {
    display: flex;
    gap: var(--_space-4);
  }
  label {
    display: inline-flex;
    gap: var(--_space-1);
    align-items: center;
  }
  button {
    font: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    padding: var(--_space-2) var(--_space-4);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    white-space: nowrap;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: transparent;
  }
  button.danger {
    background: var(--_danger);
    color: #fff;
    border-color: transparent;
  }
  button[aria-pressed='false'] {
    text-decoration: line-through;
    color: var(--_muted);
  }
  [role='alert'] {
    color: var(--_danger);
    margin: 0;
  }
  .grid {
    flex: 1;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--parta-call-tile-min, 200px), 1fr));
    gap: var(--_space-2);
    padding: var(--_space-2);
    list-style: none;
    margin: 0;
    align-content: start;
  }
  .tile {
    position: relative;
    aspect-ratio: 4 / 3;
    border-radius: var(--_radius-m);
    overflow: hidden;
    background: var(--parta-call-tile-bg, #1d2433);
  }
  .tile video {
    width: 100%;
    height: 100%;
    object-fit: cover;
    display: block;
  }
  .name {
    position: absolute;
    left: var(--_space-2);
    bottom: var(--_space-2);
    padding: 2px var(--_space-2);
    border-radius: var(--_radius-s);
    background: rgb(0 0 0 / 0.6);
    color: #fff;
    font-size: var(--_font-size-s);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    justify-content: center;
    padding: var(--_space-2);
    border-top: 1px solid var(--_border);
  }
  .count {
    white-space: nowrap;
    align-self: center;
    color: var(--_muted);
    font-size: var(--_font-size-s);
    margin-right: auto;
  }
`;
