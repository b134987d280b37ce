import { css } from 'lit';

export const styles = css`
  h2:focus {
    outline: none;
  }
  [part~='filters'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    border-bottom: 1px solid var(--_border);
  }
  .search {
    flex: 1 1 200px;
  }
  .name {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }
  [part~='verified'] {
    width: 16px;
    height: 16px;
    fill: var(--parta-members-verified-color, var(--_accent));
  }
  [part~='parents'] {
    margin: var(--_space-1) 0 0;
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius-s);
    background: var(--_surface);
    list-style: none;
    font-size: var(--_font-size-s);
  }
`;
