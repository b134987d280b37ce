import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    overflow: auto;
    background: var(--parta-chat-list-bg, var(--_bg));
  }
  [role='listbox'] {
    display: flex;
    flex-direction: column;
    padding: var(--_space-1);
    gap: 2px;
  }
  [part~='item'] {
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
