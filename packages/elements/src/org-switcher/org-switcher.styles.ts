import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  [part~='name'] {
    font-weight: 600;
  }
  [part~='empty'] {
    color: var(--_muted);
  }
  [part~='label'] {
    display: inline-block;
  }
  select {
    max-width: 100%;
    min-height: 36px;
    padding: 0 var(--_space-2);
    border: 1px solid var(--parta-org-switcher-border, var(--_border));
    border-radius: var(--_radius-s);
    background: var(--parta-org-switcher-bg, var(--_bg));
    color: var(--_text);
    font: inherit;
    font-weight: 600;
  }
`;
