import { css } from 'lit';

/** `theme="light|dark|auto"` on a widget or on `<parta-client>` sets the colour scheme below it. */
export const themeSchemes = css`
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
`;

/**
 * The design tokens every widget reads. A host page sets any `--parta-*`
 * token on an ancestor (even `body`); unset ones fall back to these defaults.
 * The defaults follow the inherited `color-scheme` through `light-dark()`,
 * so `theme="dark"` on `<parta-client>` (or any widget), or `color-scheme:
 * dark` on the page, turns every widget dark; `theme="auto"` follows the
 * system setting (prefers-color-scheme). Light is the default.
 */
export const tokens = css`
  :host {
    --_bg: var(--parta-color-bg, light-dark(#ffffff, #16181d));
    --_surface: var(--parta-color-surface, light-dark(#f1f4f9, #20242c));
    --_text: var(--parta-color-text, light-dark(#1d2433, #e7eaf0));
    --_muted: var(--parta-color-text-muted, light-dark(#566176, #a1aabb));
    --_accent: var(--parta-color-accent, light-dark(#2a5bd7, #8fb0ff));
    --_on-accent: var(--parta-color-on-accent, light-dark(#ffffff, #0d1220));
    --_border: var(--parta-color-border, light-dark(#dfe4ee, #343a46));
    --_danger: var(--parta-color-danger, light-dark(#b3261e, #ffb4ab));
    --_focus: var(--parta-color-focus, var(--_accent));
    --_space-1: var(--parta-space-1, 4px);
    --_space-2: var(--parta-space-2, 8px);
    --_space-3: var(--parta-space-3, 12px);
    --_space-4: var(--parta-space-4, 16px);
    --_radius-s: var(--parta-radius-s, 6px);
    --_radius-m: var(--parta-radius-m, 12px);
    --_font: var(--parta-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--parta-font-size, 15px);
    --_font-size-s: var(--parta-font-size-small, 13px);

    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
  }
  ${themeSchemes}
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
