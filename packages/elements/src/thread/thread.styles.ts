import { css } from 'lit';

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
  }
  [part~='message-own'] {
    justify-content: flex-end;
  }
  [part~='message-bubble'] {
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
    width: 14px;
    height: 14px;
    fill: var(--parta-verified-color, var(--_accent));
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
`;
