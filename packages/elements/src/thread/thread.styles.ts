import { css } from 'lit';
import { dialogSurface } from '../styles/dialog.js';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: var(--parta-thread-bg, var(--_bg));
  }
  [part~='status'] {
    margin: 0;
    padding: var(--_space-1) var(--_space-3);
    background: var(--_surface);
    color: var(--_muted);
    font-size: var(--_font-size-s);
    text-align: center;
  }
  [part~='messages'] {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_space-3);
  }
  ol {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='message'] {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  [part~='message-own'] {
    justify-content: flex-end;
  }
  [part~='message-bubble'] {
    position: relative;
    max-width: min(75%, 40em);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--parta-message-bubble-radius, var(--_radius-m));
    background: var(--parta-message-bubble-bg, var(--_surface));
    color: var(--parta-message-bubble-color, var(--_text));
  }
  [part~='message-own'] [part~='message-bubble'] {
    background: var(--parta-message-bubble-own-bg, color-mix(in srgb, var(--_accent) 16%, var(--_bg)));
    color: var(--parta-message-bubble-own-color, var(--_text));
  }
  [part~='message-failed'] [part~='message-bubble'] {
    outline: 1px solid var(--_danger);
  }
  .meta {
    display: flex;
    align-items: baseline;
    gap: var(--_space-2);
    font-size: var(--_font-size-s);
    color: var(--_muted);
  }
  [part~='message-author'] {
    display: inline-flex;
    align-items: center;
    gap: 3px;
    color: var(--parta-message-author-color, var(--_accent));
    font-weight: 600;
  }
  [part~='verified'] {
    position: relative;
    width: 14px;
    height: 14px;
    flex: none;
    border-radius: 50%;
    background: var(--parta-verified-color, var(--_accent));
  }
  /* A tick, drawn as the corner of a rotated box. */
  [part~='verified']::after {
    content: '';
    position: absolute;
    left: 5px;
    top: 2.5px;
    width: 3px;
    height: 6.5px;
    border: solid var(--_on-accent);
    border-width: 0 2px 2px 0;
    transform: rotate(45deg);
  }
  [part~='message-text'] {
    margin: 2px 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='message-text'] a {
    color: var(--parta-link-color, var(--_accent));
  }
  .deleted {
    font-style: italic;
    color: var(--_muted);
  }
  [part~='message-status'] {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space-2);
    margin-top: 2px;
    font-size: var(--_font-size-s);
    color: var(--_muted);
  }
  [part~='message-failed'] [part~='message-status'] {
    color: var(--_danger);
  }
  button {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 1px solid currentColor;
    border-radius: var(--_radius-s);
    padding: 0 var(--_space-2);
    cursor: pointer;
  }
  [part~='load-older'] {
    display: block;
    margin: 0 auto var(--_space-3);
  }
  [part~='empty'] {
    margin: auto;
    padding: var(--_space-4);
    color: var(--_muted);
    text-align: center;
  }
  [part~='message-selected'] [part~='message-bubble'] {
    outline: 2px solid var(--_accent);
  }
  [part~='message-own'] [part~='select-checkbox'] {
    margin-right: auto;
  }
  [part~='actions-button'] {
    display: inline-grid;
    padding: 0 2px;
    border: 0;
    color: inherit;
  }
  /* Three dots. */
  [part~='actions-button']::before {
    content: '';
    width: 16px;
    height: 16px;
    background: radial-gradient(circle, currentColor 1.8px, transparent 2.2px) 0 6px / 5.33px 4px repeat-x;
  }
  /* Forced colours drop gradients: the dots as text there. */
  @media (forced-colors: active) {
    [part~='actions-button']::before {
      content: '⋯';
      width: auto;
      height: auto;
      background: none;
    }
  }
  svg {
    width: 16px;
    height: 16px;
    fill: currentColor;
  }
  @media (hover: hover) {
    [part~='message']:not(:hover, :focus-within) [part~='actions-button'] {
      opacity: 0;
    }
  }
  [part~='menu'] {
    position: absolute;
    z-index: 2;
    top: 100%;
    right: 0;
    display: grid;
    min-width: 12em;
    padding: var(--_space-1) 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    background: var(--_bg);
    box-shadow: 0 4px 16px rgb(0 0 0 / 15%);
  }
  .up {
    top: auto;
    bottom: 100%;
  }
  [part~='menu'] button {
    padding: var(--_space-2) var(--_space-3);
    border: 0;
    color: var(--_text);
    text-align: start;
  }
  [part~='menu'] [part~='menu-item-danger'],
  .danger,
  [part~='edit-error'],
  [part~='notice'] {
    color: var(--_danger);
  }
  [part~='menu'] button:focus {
    background: var(--_surface);
    outline-offset: -2px;
  }
  [part~='edit-input'] {
    box-sizing: border-box;
    width: min(24em, 60vw);
    font: inherit;
  }
  [part~='edit-error'],
  [part~='notice'] {
    margin: 0;
    font-size: var(--_font-size-s);
  }
  [part~='notice'] {
    padding: var(--_space-1) var(--_space-3);
  }
  .edit-actions,
  [part~='selection-bar'],
  dialog .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-2);
  }
  [part~='selection-bar'] {
    padding: var(--_space-2) var(--_space-3);
    background: var(--_surface);
  }
  .anchor {
    position: relative;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  dialog .danger {
    background: var(--_danger);
    color: var(--_on-accent);
  }
  dialog {
    max-width: min(420px, 90vw);
  }
  ${dialogSurface}
  dialog h3 {
    margin: 0;
  }
  dialog button {
    padding: var(--_space-1) var(--_space-3);
  }
  parta-composer[hidden] {
    display: none;
  }
  [part~='forwarded'],
  [part~='typing'] {
    margin: 0;
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  [part~='forwarded'] {
    font-style: italic;
  }
  [part~='typing'] {
    padding: 0 var(--_space-3);
  }
  [part~='quote'] {
    margin: 2px 0;
    padding: 0 var(--_space-2);
    border-left: 3px solid var(--_accent);
    font-size: var(--_font-size-s);
    cursor: pointer;
  }
  [part~='quote-author'] {
    display: block;
    padding: 0;
    border: 0;
    font-weight: 600;
  }
  [part~='quote-text'],
  .bar-quote {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  [part~='pinned-bar'],
  [part~='reply-bar'] {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-1) var(--_space-3);
    border: 0;
    border-radius: 0;
    background: var(--_surface);
    color: var(--_text);
    font-size: var(--_font-size-s);
    text-align: start;
  }
  [part~='pinned-bar'] {
    border-bottom: 1px solid var(--_border);
  }
  [part~='reply-bar'] {
    border-left: 3px solid var(--_accent);
  }
  .bar-text {
    flex: 1;
    min-width: 0;
  }
  .bar-label {
    display: block;
    color: var(--_accent);
    font-weight: 600;
  }
  .bar-quote {
    -webkit-line-clamp: 1;
  }
  [part~='reply-cancel'] {
    border: 0;
    color: var(--_muted);
  }
  [part~='pinned-mark'],
  [part~='important-mark'],
  [part~='timer'],
  [part~='pinned-icon'] {
    width: 14px;
    height: 14px;
  }
  [part~='important-mark'] {
    fill: #c77700;
  }
  [part~='receipt-read'] {
    color: var(--_accent);
  }
  [part~='confirmation'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-top: var(--_space-1);
    font-size: var(--_font-size-s);
  }
  [part~='confirmed'] {
    color: var(--_accent);
  }
  [part~='message-award'] [part~='message-bubble'] {
    border: 1px solid #e0b44c;
    background: light-dark(#fff7e0, #3a3220);
  }
  [part~='award'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 var(--_space-2);
    align-items: center;
  }
  [part~='award-badge'] {
    grid-row: span 2;
    width: 36px;
    height: 36px;
  }
  [part~='award-title'] {
    margin: 0;
    font-weight: 600;
  }
  [part~='reactions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin-top: var(--_space-1);
  }
  [part~='reaction'],
  [part~='reaction-add'] {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-height: 26px;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: 13px;
    background: var(--_bg);
    color: var(--_text);
    font-size: var(--_font-size-s);
  }
  [part~='reaction-mine'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    color: var(--_accent);
    font-weight: 600;
  }
  [part~='reaction-add'] {
    color: var(--_muted);
  }
`;
