import { css } from 'lit';

export const styles = css`
  h2:focus {
    outline: none;
  }
`;
