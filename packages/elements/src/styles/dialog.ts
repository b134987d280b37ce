import { css } from 'lit';

/**
 * The look of a modal `<dialog>` and its backdrop, shared by the chat header,
 * chat list and thread; each sets its own width, height and padding.
 */
export const dialogSurface = css`
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius-m);
    background: var(--_bg);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
`;
