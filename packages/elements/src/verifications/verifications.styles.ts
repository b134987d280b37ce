import { css } from 'lit';

export const styles = css`
  h2:focus {
    outline: none;
  }
  [part~='denied'] {
    margin: 0;
    padding: var(--_space-3) var(--_space-4);
    color: var(--_muted);
    font-size: var(--_font-size-s);
    text-align: center;
  }
`;
