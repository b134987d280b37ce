import { css } from 'lit';

export const styles = css`
  h2:focus {
    outline: none;
  }
  .today {
    margin-left: auto;
  }
  [part~='item'] {
    align-items: flex-start;
  }
  [part~='item'].inactive .name {
    color: var(--_muted);
  }
  [part~='qr'] {
    flex: none;
    width: var(--parta-invite-qr-size, 112px);
    height: var(--parta-invite-qr-size, 112px);
    border-radius: var(--_radius-s);
  }
  /* :host raises the rule above the shared field style. */
  :host input[part~='url'] {
    width: 100%;
    margin-top: var(--_space-1);
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: var(--_font-size-s);
  }
  input[type='number'] {
    width: 7em;
  }
  [part~='form-error'] {
    flex-basis: 100%;
    padding: 0;
  }
`;
