import { css } from 'lit';

export const styles = css`
  h2:focus {
    outline: none;
  }
  .archived-toggle {
    margin-left: auto;
    font-size: var(--_font-size-s);
  }
  [part~='swatch'] {
    display: grid;
    place-items: center;
    flex: none;
    width: 44px;
    height: 44px;
    border-radius: var(--_radius-m);
    color: #fff;
    font-weight: 700;
    text-shadow: 0 1px 2px rgb(0 0 0 / 45%);
  }
  [part~='item-archived'] [part~='swatch'] {
    filter: grayscale(0.8);
    opacity: 0.7;
  }
  input[type='number'] {
    width: 5em;
  }
  input.short {
    width: 4em;
  }
  input.year {
    width: 8em;
  }
`;
