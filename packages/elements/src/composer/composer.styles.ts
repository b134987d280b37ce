import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    background: var(--parta-composer-bg, var(--_bg));
    border-top: 1px solid var(--_border);
  }
  form {
    display: flex;
    align-items: flex-end;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-3);
  }
  textarea {
    flex: 1;
    min-height: 40px;
    max-height: 40vh;
    field-sizing: content;
    resize: none;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-m);
    background: var(--parta-composer-input-bg, var(--_surface));
    color: inherit;
    font: inherit;
  }
  textarea:disabled {
    opacity: 0.7;
  }
  button {
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    flex: none;
    border: 0;
    border-radius: 50%;
    background: var(--parta-composer-send-bg, var(--_accent));
    color: var(--parta-composer-send-color, var(--_on-accent));
    cursor: pointer;
  }
  [part~='confirm-toggle'] {
    background: none;
    color: var(--_muted);
  }
  [part~='confirm-toggle'][aria-pressed='true'] {
    background: color-mix(in srgb, var(--_accent) 16%, transparent);
    color: var(--_accent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.45;
  }
  svg {
    width: 20px;
    height: 20px;
    fill: currentColor;
  }
`;
