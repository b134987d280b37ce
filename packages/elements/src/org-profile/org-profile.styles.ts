import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  [part~='header'] {
    gap: var(--_space-3);
  }
  h2:focus {
    outline: none;
  }
  [part~='avatar'] {
    display: grid;
    place-items: center;
    flex: none;
    width: var(--parta-org-profile-avatar-size, 56px);
    height: var(--parta-org-profile-avatar-size, 56px);
    border-radius: var(--_radius-m);
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 1.2em;
    font-weight: 700;
    object-fit: cover;
  }
  img[part~='avatar'] {
    background: var(--_surface);
  }
  [part~='name'] {
    overflow-wrap: anywhere;
  }
  /* One column of labels for every row: each row is a subgrid of the list. */
  [part~='details'] {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-3) var(--_space-4);
    margin: 0;
    padding: var(--_space-3) var(--_space-4) var(--_space-4);
  }
  .row {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: baseline;
  }
  dt {
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  dd {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  dd.missing {
    color: var(--_muted);
    font-style: italic;
  }
  form label.wide {
    flex: 1 1 100%;
  }
  textarea {
    min-height: 36px;
    padding: var(--_space-2);
    border: 1px solid var(--parta-field-border, var(--_border));
    border-radius: var(--_radius-s);
    background: var(--parta-field-bg, var(--_bg));
    color: var(--_text);
    font: inherit;
    resize: vertical;
  }
  textarea:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  @container (max-width: 480px) {
    [part~='details'] {
      grid-template-columns: 1fr;
    }
    .row {
      row-gap: 0;
    }
  }
`;
