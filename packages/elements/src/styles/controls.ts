import { css } from 'lit';

/**
 * Buttons, fields, notes and the confirmation dialog shared by the community
 * widgets (organisation, classes, invites, requests, members). Component
 * knobs: `--parta-button-*`, `--parta-field-*`.
 */
export const controls = css`
  :host {
    display: block;
    background: var(--_bg);
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1.05em;
    font-weight: 600;
  }
  [part~='header'] {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-4);
    border-bottom: 1px solid var(--_border);
  }
  [part~='count'] {
    min-width: 22px;
    padding: 0 7px;
    border-radius: 11px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 12px;
    font-weight: 600;
    line-height: 22px;
    text-align: center;
  }
  button,
  [part~='button'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-1);
    min-height: 36px;
    padding: 0 var(--_space-3);
    border: 1px solid var(--parta-button-border, var(--_border));
    border-radius: var(--_radius-s);
    background: var(--parta-button-bg, var(--_surface));
    color: var(--parta-button-color, var(--_text));
    font: inherit;
    font-size: var(--_font-size-s);
    font-weight: 500;
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  button.primary {
    border-color: var(--parta-button-primary-bg, var(--_accent));
    background: var(--parta-button-primary-bg, var(--_accent));
    color: var(--parta-button-primary-color, var(--_on-accent));
  }
  button.danger {
    border-color: var(--_danger);
    background: transparent;
    color: var(--_danger);
  }
  button.link {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }
  label {
    display: grid;
    gap: var(--_space-1);
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  label.inline {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    color: var(--_text);
  }
  input:not([type='checkbox']):not([type='color']),
  select {
    min-height: 36px;
    padding: 0 var(--_space-2);
    border: 1px solid var(--parta-field-border, var(--_border));
    border-radius: var(--_radius-s);
    background: var(--parta-field-bg, var(--_bg));
    color: var(--_text);
    font: inherit;
  }
  input[type='color'] {
    width: 48px;
    height: 36px;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    background: var(--_bg);
  }
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 0;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  form h3 {
    flex-basis: 100%;
  }
  [part~='list'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='item'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    border-bottom: 1px solid var(--_border);
  }
  [part~='item']:last-child {
    border-bottom: 0;
  }
  .grow {
    display: grid;
    flex: 1 1 220px;
    min-width: 0;
    gap: 2px;
  }
  .name {
    font-weight: 600;
  }
  .meta {
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  [part~='empty'],
  [part~='error'],
  [part~='notice'] {
    margin: 0;
    padding: var(--_space-3) var(--_space-4);
    font-size: var(--_font-size-s);
  }
  [part~='empty'] {
    color: var(--_muted);
    text-align: center;
  }
  [part~='error'] {
    color: var(--_danger);
  }
  [part~='notice']:empty,
  [part~='error']:empty {
    display: none;
  }
  dialog {
    max-width: min(420px, 90vw);
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-m);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  dialog p {
    margin: var(--_space-2) 0 var(--_space-4);
    color: var(--_muted);
  }
  dialog .actions {
    justify-content: flex-end;
  }
`;
