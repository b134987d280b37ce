import { css } from 'lit';
import { dialogSurface } from '../styles/dialog.js';

export const styles = css`
  :host {
    display: block;
    overflow: auto;
    background: var(--parta-chat-list-bg, var(--_bg));
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    padding: var(--_space-2) var(--_space-2) 0;
  }
  .tabs-row {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    gap: var(--_space-1);
    padding: var(--_space-1) var(--_space-2);
    border-bottom: 1px solid var(--_border);
    background: var(--parta-chat-list-bg, var(--_bg));
  }
  [part~='tabs'] {
    display: flex;
    flex: 1;
    gap: 2px;
    overflow-x: auto;
    scrollbar-width: thin;
  }
  button {
    min-height: 30px;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: var(--_font-size-s);
    cursor: pointer;
    white-space: nowrap;
  }
  button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
  }
  button.icon {
    min-width: 30px;
    padding: 0;
  }
  [part~='tab'] {
    border-color: transparent;
    background: none;
    color: var(--_muted);
  }
  [part~='tab-selected'] {
    color: var(--_text);
    font-weight: 600;
    box-shadow: inset 0 -2px 0 var(--_accent);
  }
  [role='listbox'] {
    display: flex;
    flex-direction: column;
    padding: var(--_space-1);
    gap: 2px;
  }
  [part~='item'] {
    position: relative;
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius-s);
    cursor: pointer;
    outline-offset: -2px;
  }
  [part~='item']:hover {
    background: var(--parta-chat-list-item-hover-bg, var(--_surface));
  }
  [part~='item'][aria-selected='true'] {
    background: var(--parta-chat-list-item-selected-bg, color-mix(in srgb, var(--_accent) 14%, transparent));
  }
  [part~='avatar'] {
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    background: var(--parta-chat-list-avatar-bg, color-mix(in srgb, var(--_accent) 20%, var(--_bg)));
    color: var(--parta-chat-list-avatar-color, var(--_text));
    font-weight: 600;
    font-size: var(--_font-size-s);
  }
  .body {
    display: grid;
    min-width: 0;
  }
  .heading {
    display: flex;
    gap: var(--_space-1);
    min-width: 0;
  }
  [part~='pin'],
  [part~='muted'] {
    flex: none;
    width: 14px;
    height: 14px;
    margin-top: 4px;
    fill: var(--_muted);
    stroke: var(--_muted);
    stroke-width: 1.2;
  }
  [part~='muted'] {
    fill: none;
  }
  .heading [part~='title'] {
    min-width: 0;
  }
  [part~='preview'][part~='typing'] {
    color: var(--_accent);
  }
  [part~='more'] {
    position: absolute;
    top: 2px;
    right: 4px;
    padding: 0 6px;
    border-radius: var(--_radius-s);
    color: var(--_muted);
    line-height: 1.2;
    opacity: 0;
  }
  [part~='item']:hover [part~='more'],
  [part~='item']:focus-visible [part~='more'] {
    opacity: 1;
  }
  [part~='more']:hover {
    background: var(--_border);
  }
  [part~='badge-muted'] {
    background: var(--_muted);
  }
  dialog {
    width: min(460px, 94vw);
    max-height: 90vh;
    padding: 0;
  }
  ${dialogSurface}
  parta-chat-actions {
    position: fixed;
    z-index: 10;
  }
  [part~='title'] {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='preview'] {
    color: var(--_muted);
    font-size: var(--_font-size-s);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    display: grid;
    justify-items: end;
    gap: var(--_space-1);
  }
  [part~='time'] {
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  [part~='badge'] {
    min-width: 20px;
    padding: 0 6px;
    border-radius: 10px;
    background: var(--parta-chat-list-badge-bg, var(--_accent));
    color: var(--parta-chat-list-badge-color, var(--_on-accent));
    font-size: 12px;
    font-weight: 600;
    line-height: 20px;
    text-align: center;
  }
  [part~='empty'] {
    margin: 0;
    padding: var(--_space-4);
    color: var(--_muted);
    text-align: center;
  }
`;
